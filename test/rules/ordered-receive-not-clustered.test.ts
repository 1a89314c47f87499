// ordered-receive-not-clustered: in-order receive locations need one active host instance.
import rule from '../../server/src/core/rules/ordered-receive-not-clustered';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';
import { adapterConfig, bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'Queues.BindingInfo.xml';
const TOPO = 'topology: 1\nenvironment: production\nhosts:\n  - name: QHost\n    instances: [BTS01, BTS02]\n';
const msmq = (queue: string, serial: string) => bindingXml({ receive: [{ name: 'Orders.Queue', adapter: 'MSMQ', host: 'QHost', address: queue, data: adapterConfig({ queue, serialProcessing: serial }) }] });

const mq = (adapter: string, ordered: string) =>
  bindingXml({ receive: [{ name: 'Mq.In', adapter, host: 'QHost', address: adapter === 'MQSeries' ? 'MQS://MQSRV01/QM1/IN' : 'mqsc:///tcp//QM1/IN', data: adapterConfig(adapter === 'MQSeries' ? { uri: 'MQS://MQSRV01/QM1/IN', queueDetails: 'MQSRV01/QM1/IN', ordered } : { uri: 'mqsc:///tcp//QM1/IN', queueManager: 'QM1', queue: 'IN', ordered }) }] });

ruleTester(rule, {
  valid: [
    { name: 'MQSeries ordered noStop disregards the order', files: { [T]: TOPO, [B]: mq('MQSeries', 'noStop') } },
    { name: 'MQSC ordered no', files: { [T]: TOPO, [B]: mq('MQSC', 'no') } },
    { name: 'MQSeries ordered yesSuspend in a clustered host', files: { [T]: TOPO + '    clustered: true\n', [B]: mq('MQSeries', 'yesSuspend') } },
    { name: 'not ordered', files: { [T]: TOPO, [B]: msmq('FORMATNAME:DIRECT=OS:MQ01\\private$\\in', 'false') } },
    { name: 'a local queue is msmq-local-queue-not-clustered\'s', files: { [T]: TOPO, [B]: msmq('.\\private$\\in', 'true') } },
    { name: 'a clustered host', files: { [T]: TOPO + '    clustered: true\n', [B]: msmq('FORMATNAME:DIRECT=OS:MQ01\\private$\\in', 'true') } },
    { name: 'one instance', files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: QHost, instances: [BTS01] }\n', [B]: msmq('FORMATNAME:DIRECT=OS:MQ01\\private$\\in', 'true') } },
  ],
  invalid: [
    {
      name: 'MQSeries ordered yesStop in a host with two instances: at the ordered value',
      files: { [T]: TOPO, [B]: mq('MQSeries', 'yesStop') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Mq.In]/ReceiveHandler:ordered', fixOutput: null, range: [11, 277, 11, 284], severity: 'warning', messageId: 'ordered', data: { endpoint: 'Receive location "Mq.In"', adapter: 'MQSeries', others: '', host: 'QHost', instances: 'has 2 instances (BTS01, BTS02)' } }],
    },
    {
      name: 'MQSC (the client adapter) ordered yes',
      files: { [T]: TOPO, [B]: mq('MQSC', 'yes') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Mq.In]/ReceiveHandler:ordered', fixOutput: null, range: [11, 310, 11, 313], messageId: 'ordered' }],
    },
    {
      name: 'MSMQ serialProcessing on a remote queue: at the flag, fix marks the host clustered',
      files: { [T]: TOPO, [B]: msmq('FORMATNAME:DIRECT=OS:MQ01\\private$\\in', 'true') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Queue]/ReceiveHandler:ordered',
          fixOutput: null,
          range: [11, 236, 11, 240],
          severity: 'warning',
          messageId: 'ordered',
          suggestions: [{ title: "Host QHost is now clustered (one active instance at a time): declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - name: QHost
    instances: [BTS01, BTS02]
    clustered: true
` } }],
        },
      ],
    },
    {
      name: 'WCF-NetMsmq ordered processing (-1 is true)',
      files: { [T]: TOPO, [B]: bindingXml({ receive: [{ name: 'Net', adapter: 'WCF-NetMsmq', host: 'QHost', address: 'net.msmq://mq01/private/in', data: '<CustomProps><OrderedProcessing vt="11">-1</OrderedProcessing></CustomProps>' }] }) },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Net]/ReceiveHandler:ordered', fixOutput: null, range: [11, 107, 11, 109], messageId: 'ordered' }],
    },
  ],
});

describe('ordered-receive-not-clustered: a repeated cause once', () => {
  it('ordered locations of one file in one host: one finding at the first, the others counted and related', () => {
    const ordered = (name: string) => ({ name, adapter: 'MSMQ', host: 'QHost', address: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\' + name, data: adapterConfig({ queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\' + name, serialProcessing: 'true' }) });
    const { findings } = lintFiles({ [T]: TOPO, [B]: bindingXml({ receive: [ordered('In1'), ordered('In2'), ordered('In3')] }) }, [rule]);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^Receive location "In1" \(MSMQ\) \(and 2 other receive locations of this file\) delivers in order/);
    const others = (findings[0].related ?? []).filter((r) => r.uri === B && r.message.endsWith(' too')).map((r) => r.message);
    assert.deepEqual(others, ['Receive location "In2" delivers in order in QHost too', 'Receive location "In3" delivers in order in QHost too']);
  });
});
