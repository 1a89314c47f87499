// bam-olap-not-backed-up on a real configuration file of the corpus (npm run test:corpus; the table
// tests, with every fix and suggestion, are in bam-olap-not-backed-up.test.ts).
import * as fs from 'fs';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import rule from '../../server/src/core/rules/bam-olap-not-backed-up';
import { lintFiles } from '../helpers/ruleTester';
import { corpusFile } from '../helpers/paths';

const T = 'prod.topology.yaml';

describe('bam-olap-not-backed-up on a real configuration file', () => {
  it('BizTalk 2020 with BAM and Analysis Services, no backup section: one finding at the environment: key (a finding about the whole topology)', () => {
    const files = { [T]: 'topology: 1\nenvironment: production\n', 'Create-2020DevGroup.xml': fs.readFileSync(corpusFile('skastberg__biztalkps__ScriptedInstallWhitepaperExamples__Config__Create-2020DevGroup.xml')) };
    const { findings, docs } = lintFiles(files, [rule]);
    const mine = findings.filter((f) => f.ruleId === 'bam-olap-not-backed-up');
    assert.equal(mine.length, 1);
    assert.equal(mine[0].uri, T);
    const topo = docs.find((d) => d.uri === T)!;
    assert.equal(topo.text.slice(mine[0].range.start, mine[0].range.end), 'environment');
    assert.match(mine[0].message, /^BAMArchive, BAMAnalysis, BAMStarSchema are not backed up by the Backup BizTalk Server job/);
  });
});
