// The incremental XML parser's random-edit runs over real binding files of the corpus (npm run
// test:corpus; over the fixtures: incremental.test.ts). BTSLINT_INCREMENTAL_RUNS=400 makes the longer
// run over every XML file of the corpus.
import { describe } from 'node:test';
import { randomEditTests } from './incrementalRuns';

describe('reparseXml on the real corpus', () => {
  randomEditTests('corpus');
});
