// Fuzzing over the real corpus (`npm run test:corpus`): a few thousand mutated corpus and example files
// through the whole pipeline (see fuzzer.ts; fuzz.test.ts does the same over the fixtures in npm test).
// Reproduce a failure with `node scripts/fuzz.js --source corpus --seed 20261201 --case K`.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { runFuzz, seedFiles } from './fuzzer';

const SEED = 20261201;
const CASES = 2000;

describe('fuzzer over the real corpus', () => {
  it('the seeds are the corpus and the examples, XML, YAML and JSON alike', () => {
    const names = seedFiles('corpus').map((s) => s.name);
    assert.ok(names.length >= 25, `only ${names.length} seed files`);
    assert.ok(names.some((n) => /\.topology\.yaml$/.test(n)));
    assert.ok(names.some((n) => /\.topology\.json$/.test(n)));
    assert.ok(names.some((n) => /BindingInfo\.xml$/i.test(n)));
    assert.ok(names.some((n) => /\.btdfproj$/i.test(n)));
  });

  it(`${CASES} mutated corpus files: no throw, no hang, every range inside its document`, async (t) => {
    const r = await runFuzz({ source: 'corpus', seed: SEED, cases: CASES, workers: 2, hangMs: 5000 });
    t.diagnostic(`fuzz: ${r.cases} cases in ${(r.ms / 1000).toFixed(1)} s; slowest case ${r.slowest.index} (${r.slowest.name}) took ${r.slowest.ms} ms`);
    const report = r.failures
      .slice(0, 10)
      .map((f) => `case ${f.index} (${f.name}: ${f.ops.join(' | ')})\n  ${f.error.split('\n').join('\n  ')}\n  replay: node scripts/fuzz.js --source corpus --seed ${SEED} --case ${f.index}`)
      .join('\n');
    assert.equal(r.failures.length, 0, `${r.failures.length} failing case(s):\n${report}`);
    assert.equal(r.cases, CASES);
  });
});
