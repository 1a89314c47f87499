// mqseries-queue-manager-not-clustered: the MQSeries adapter needs clustered queue managers on a clustered MQSeries Server (SORH).
import rule from '../../server/src/core/rules/mqseries-queue-manager-not-clustered';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';
import { adapterConfig, bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'Mq.BindingInfo.xml';
const H = 'topology: 1\nenvironment: production\nhosts:\n  - { name: MqHost, instances: [BTS01, BTS02] }\n';
const mqs = (address: string, adapter = 'MQSeries') => ({ name: 'Mq.In', adapter, host: 'MqHost', address, data: adapterConfig({ uri: address, ordered: 'no' }) });
/** A send port and a receive location on the same queue manager: one finding. Send Address on line 6. */
const BOTH = bindingXml({ send: [{ name: 'Mq.Out', adapter: 'MQSeries', host: 'MqHost', address: 'MQS://MQSRV01/QM1(QMREMOTE)/OUT' }], receive: [mqs('MQS://MQSRV01/qm1/IN')] });

ruleTester(rule, {
  valid: [
    { name: 'the queue manager is declared clustered (case-insensitive)', files: { [T]: `${H}mqQueueManagers:\n  - { name: qm1, clustered: true }\n`, [B]: BOTH } },
    { name: 'the MQSC client adapter is not the server-based MQSeries adapter', files: { [T]: H, [B]: bindingXml({ receive: [mqs('mqsc:///tcp//QM1/IN', 'MQSC')] }) } },
    { name: 'a tokenised address is unresolved-token\'s', files: { [T]: H, [B]: bindingXml({ receive: [mqs('MQS://$(MqServer)/$(QueueManager)/IN')] }) } },
    { name: 'no topology', files: { [B]: BOTH } },
    { name: 'a placeholder a fix inserted is unfilled-placeholder\'s', files: { [T]: `${H}mqQueueManagers:\n  - { name: QM1, clustered: '<<true once the queue manager and its MQSeries Server are clustered>>' }\n`, [B]: BOTH } },
  ],
  invalid: [
    {
      name: 'not declared: an unknown (info) once per queue manager, at the first address; the declaration appends mqQueueManagers',
      files: { [T]: H, [B]: BOTH },
      errors: [
        {
          file: B,
          nodePath: 'SendPort[Name=Mq.Out]/SendHandler:mq-queue-manager',
          range: [6, 18, 6, 49],
          severity: 'info',
          messageId: 'undeclared',
          data: { endpoint: 'Send port "Mq.Out"', others: ' (and 1 other endpoint of this file)', queueManager: 'QM1', server: 'MQSRV01' },
          fixKind: 'declaration',
          fixOutput: { [T]: `${H}mqQueueManagers:\n  - name: QM1\n    clustered: '<<true once the queue manager and its MQSeries Server are clustered>>'\n` },
        },
      ],
    },
    {
      name: 'declared not clustered: a warning, the declaration as related information, no fix',
      files: { [T]: `${H}mqQueueManagers:\n  - name: QM1\n    clustered: false\n`, [B]: bindingXml({ receive: [mqs('MQS://MQSRV01/QM1/IN')] }) },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Mq.In]/ReceiveHandler:mq-queue-manager', range: [9, 20, 9, 40], severity: 'warning', messageId: 'declaredNotClustered', data: { endpoint: 'Receive location "Mq.In"', others: '', queueManager: 'QM1', server: 'MQSRV01' }, fixOutput: null }],
    },
    {
      name: 'declared without clustered: the fact is inserted as a placeholder',
      files: { [T]: `${H}mqQueueManagers:\n  - name: QM1\n`, [B]: bindingXml({ receive: [mqs('MQS://MQSRV01/QM1/IN')] }) },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Mq.In]/ReceiveHandler:mq-queue-manager', range: [9, 20, 9, 40], severity: 'info', messageId: 'clusteredUnknown', fixKind: 'declaration', fixOutput: { [T]: `${H}mqQueueManagers:\n  - name: QM1\n    clustered: '<<true once the queue manager and its MQSeries Server are clustered>>'\n` } }],
    },
  ],
});

describe('mqseries-queue-manager-not-clustered: a repeated cause once', () => {
  it('the other endpoint on the same queue manager is a related location of the one finding', () => {
    const { findings } = lintFiles({ [T]: H, [B]: BOTH }, [rule]);
    assert.equal(findings.length, 1);
    assert.deepEqual(
      findings[0].related?.map((r) => [r.uri, r.message]),
      [[B, 'Receive location "Mq.In" uses queue manager qm1 too']],
    );
    assert.match(findings[0].message, /^Send port "Mq.Out" \(MQSeries\) \(and 1 other endpoint of this file\) uses /);
  });
});
