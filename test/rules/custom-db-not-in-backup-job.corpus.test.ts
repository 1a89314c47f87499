// On real files of the corpus (npm run test:corpus; the table tests are in custom-db-not-in-backup-job.test.ts).
// custom-db-not-in-backup-job: application databases in BizTalk's transactions must be in the Backup
// BizTalk Server job: declared custom in the topology, or found in WCF-SQL / SQL adapter addresses.
import * as fs from 'fs';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import rule from '../../server/src/core/rules/custom-db-not-in-backup-job';
import { lintFiles } from '../helpers/ruleTester';
import { corpusFile } from '../helpers/paths';

const T = 'prod.topology.yaml';
const JOB = 'backup:\n  biztalkJob:\n    enabled: true\n';

describe('custom-db-not-in-backup-job on the real Apress 2016 BookOrders binding', () => {
  const name = 'Apress__biztalk-server-2016__Chapter5__BookOrdersSolutionBAM__BookOrdersSolution__Bindings__Bindings.xml';
  it('finds CRMBooks in the WCF-Custom sqlBinding send port address, and the suggestion clears it', () => {
    const files = { [T]: 'topology: 1\nenvironment: production\n' + JOB, [name]: fs.readFileSync(corpusFile(name)) };
    const { findings, docs } = lintFiles(files, [rule]);
    const mine = findings.filter((f) => f.ruleId === 'custom-db-not-in-backup-job');
    assert.equal(mine.length, 1);
    const doc = docs.find((d) => d.uri === name)!;
    assert.equal(doc.text.slice(mine[0].range.start, mine[0].range.end), 'CRMBooks');
    const sp = doc.binding!.sendPorts.find((s) => s.name === 'WcfSendPort_SQL_Approvals')!;
    assert.ok(mine[0].range.start > sp.element.start && mine[0].range.end < sp.element.end);
    assert.equal(mine[0].messageId, 'endpointLocal');
    assert.equal(mine[0].data?.server, 'localhost');
    const fixed = mine[0].suggestions![0].edits[0];
    const topo = docs.find((d) => d.uri === T)!;
    const text = topo.text.slice(0, fixed.start) + fixed.newText + topo.text.slice(fixed.end);
    assert.equal(text, 'topology: 1\nenvironment: production\n' + JOB + "    otherDatabases:\n      - name: CRMBooks\n        server: '<<SQL instance>>'\n");
    const after = lintFiles({ ...files, [T]: text }, [rule]).findings.filter((f) => f.ruleId === 'custom-db-not-in-backup-job');
    assert.equal(after.length, 0);
  });
});
