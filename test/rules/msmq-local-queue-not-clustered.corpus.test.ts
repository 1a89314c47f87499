// On real files of the corpus (npm run test:corpus; the table tests are in msmq-local-queue-not-clustered.test.ts).
// msmq-local-queue-not-clustered: MSMQ receive locations on local queues and MSMQ send handlers need a
// clustered host that depends on a clustered MSMQ resource. Includes the real Apress 2006 recipe
// binding (MSMQ send port and an ordered MSMQ receive location, both on .\PRIVATE$ queues).
import * as fs from 'fs';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import rule from '../../server/src/core/rules/msmq-local-queue-not-clustered';
import { lintFiles } from '../helpers/ruleTester';
import { corpusFile } from '../helpers/paths';

const T = 'prod.topology.yaml';
const APRESS = 'Apress__biztalk-2006-recipes__1590597117-1__Chapter04__Recipe_4.15__4_-_15_--_Maintaining_Message_Order.zip__SequentialConvoyOrchestration__Bindings.xml';

const TOPO = 'topology: 1\nenvironment: production\nhosts:\n  - name: MsmqHost\n    instances: [BTS01, BTS02]\n';
const GOOD = 'topology: 1\nenvironment: production\nhosts:\n  - { name: MsmqHost, clustered: true, dependsOn: [BTSMSMQ], instances: [BTS01, BTS02] }\nmsmqServers:\n  - { name: BTSMSMQ, clustered: true }\n';


describe('msmq-local-queue-not-clustered on the real Apress 2006 ordered-delivery binding', () => {
  const files = { [T]: TOPO.replace('MsmqHost', 'BizTalkServerApplication'), 'Bindings.xml': fs.readFileSync(corpusFile(APRESS)) };
  it('fires at the send port\'s queue and the receive location\'s queue, each inside its element, and nowhere else', () => {
    const { findings, docs } = lintFiles(files, [rule]);
    const mine = findings.filter((f) => f.ruleId === 'msmq-local-queue-not-clustered');
    assert.equal(mine.length, 2);
    const doc = docs.find((d) => d.uri === 'Bindings.xml')!;
    const b = doc.binding!;
    const rl = b.receiveLocations[0];
    const sp = b.sendPorts[0];
    const inside = (f: (typeof mine)[0], el: { start: number; end: number }) => f.range.start > el.start && f.range.end < el.end;
    const onRl = mine.filter((f) => inside(f, rl.element));
    const onSp = mine.filter((f) => inside(f, sp.element));
    assert.equal(onRl.length, 1);
    assert.equal(onSp.length, 1);
    assert.equal(doc.text.slice(onRl[0].range.start, onRl[0].range.end), 'FORMATNAME:DIRECT=OS:.\\PRIVATE$\\TRANSACTIONIN');
    assert.equal(doc.text.slice(onSp[0].range.start, onSp[0].range.end), 'FORMATNAME:DIRECT=OS:.\\PRIVATE$\\TRANSACTIONOUT');
    // The receive location's value sits inside the double-escaped AdapterConfig of its transport data.
    assert.ok(onRl[0].range.start > rl.transport.dataElement!.start && onRl[0].range.end < rl.transport.dataElement!.end);
    // Its ordered delivery (serialProcessing) is ordered-receive-not-clustered's finding, not repeated here.
    assert.equal(onRl[0].messageId, 'receive');
  });
  it('no finding once the host is clustered with a clustered MSMQ resource', () => {
    const { findings } = lintFiles({ ...files, [T]: GOOD.replace('MsmqHost', 'BizTalkServerApplication') }, [rule]);
    assert.equal(findings.filter((f) => f.ruleId === 'msmq-local-queue-not-clustered').length, 0);
  });
});
