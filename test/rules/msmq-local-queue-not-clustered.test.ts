// msmq-local-queue-not-clustered: MSMQ receive locations on local queues and MSMQ send handlers need a
// clustered host that depends on a clustered MSMQ resource. msmq-local-queue-not-clustered.corpus.test.ts
// runs it on the real Apress 2006 recipe binding (MSMQ send port and an ordered MSMQ receive location,
// both on .\PRIVATE$ queues).
import rule from '../../server/src/core/rules/msmq-local-queue-not-clustered';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';
import { adapterConfig, bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'Queues.BindingInfo.xml';

const TOPO = 'topology: 1\nenvironment: production\nhosts:\n  - name: MsmqHost\n    instances: [BTS01, BTS02]\n';
const GOOD = 'topology: 1\nenvironment: production\nhosts:\n  - { name: MsmqHost, clustered: true, dependsOn: [BTSMSMQ], instances: [BTS01, BTS02] }\nmsmqServers:\n  - { name: BTSMSMQ, clustered: true }\n';

const recv = (queue: string, extra: Record<string, string> = {}) =>
  bindingXml({ receive: [{ name: 'Orders.MSMQ', adapter: 'MSMQ', host: 'MsmqHost', address: queue, data: adapterConfig({ queue, ...extra }) }] });

const q = (name: string, queue: string) => ({ name, adapter: 'MSMQ', host: 'MsmqHost', address: queue, data: adapterConfig({ queue }) });
// Two local queues read in one host, and a send port in it: one finding per side of the host in the file.
const several = () => bindingXml({ send: [q('Out.MSMQ', '.\\private$\\out')], receive: [q('Orders.MSMQ', '.\\private$\\in'), q('Returns.MSMQ', '.\\private$\\returns')] });

ruleTester(rule, {
  valid: [
    { name: 'clustered host depending on a clustered MSMQ', files: { [T]: GOOD, [B]: recv('FORMATNAME:DIRECT=OS:.\\PRIVATE$\\IN') } },
    { name: 'a remote queue: plain instances may read it', files: { [T]: TOPO, [B]: recv('FORMATNAME:DIRECT=OS:MQ01\\PRIVATE$\\IN') } },
    { name: 'public format name (no machine)', files: { [T]: TOPO, [B]: recv('FORMATNAME:PUBLIC=2e1a4b6c-0000-4a8f-9d7e-123456789abc') } },
    { name: 'WCF-NetMsmq is another adapter', files: { [T]: TOPO, [B]: bindingXml({ receive: [{ name: 'R', adapter: 'WCF-NetMsmq', host: 'MsmqHost', address: 'net.msmq://localhost/private/q' }] }) } },
    { name: 'host not declared', files: { [T]: 'topology: 1\nenvironment: production\nhosts: []\n', [B]: recv('.\\private$\\in') } },
  ],
  invalid: [
    {
      name: 'local queue read by an unclustered host: at the queue inside the double-escaped AdapterConfig; the fix clusters the host with an MSMQ resource',
      files: { [T]: TOPO, [B]: recv('FORMATNAME:DIRECT=OS:.\\PRIVATE$\\IN', { serialProcessing: 'true' }) },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.MSMQ]/ReceiveHandler:msmq',
          fixOutput: null,
          range: [11, 145, 11, 179],
          severity: 'error',
          messageId: 'receive', data: { endpoint: 'Receive location "Orders.MSMQ"', others: '', queue: 'FORMATNAME:DIRECT=OS:.\\PRIVATE$\\IN', host: 'MsmqHost', problem: 'is not clustered' },
          suggestions: [{ title: "Host MsmqHost now runs clustered, with a clustered MSMQ resource: declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - name: MsmqHost
    instances: [BTS01, BTS02]
    clustered: true
    dependsOn: ['<<clustered MSMQ resource>>']
msmqServers:
  - name: '<<clustered MSMQ resource>>'
    clustered: true
` } }],
        },
      ],
    },
    {
      name: 'a queue on one of the host\'s own servers is local too',
      files: { [T]: TOPO, [B]: recv('DIRECT=OS:bts02\\private$\\in') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.MSMQ]/ReceiveHandler:msmq', fixOutput: null, range: [11, 145, 11, 172], messageId: 'receive' }],
    },
    {
      name: 'clustered host whose dependency is an unclustered MSMQ server: the fix clusters that server',
      files: { [T]: GOOD.replace('{ name: BTSMSMQ, clustered: true }', '{ name: BTSMSMQ, clustered: false }'), [B]: recv('.\\private$\\in') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.MSMQ]/ReceiveHandler:msmq', fixOutput: null, range: [11, 145, 11, 158], messageId: 'receive', data: { endpoint: 'Receive location "Orders.MSMQ"', others: '', queue: '.\\private$\\in', host: 'MsmqHost', problem: 'depends on no clustered MSMQ resource (dependsOn naming a clustered msmqServers entry)' }, suggestions: [{ title: "Host MsmqHost now runs clustered, with a clustered MSMQ resource: declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - { name: MsmqHost, clustered: true, dependsOn: [BTSMSMQ], instances: [BTS01, BTS02] }
msmqServers:
  - { name: BTSMSMQ, clustered: true }
` } }] }],
    },
    {
      name: 'clustered host depending on a resource msmqServers does not declare: the fix declares it clustered',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: MsmqHost, clustered: true, dependsOn: [BTSMSMQ], instances: [BTS01, BTS02] }\n', [B]: recv('.\\private$\\in') },
      errors: [{ file: B, messageId: 'receive', nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.MSMQ]/ReceiveHandler:msmq', fixOutput: null, range: [11, 145, 11, 158], suggestions: [{ title: "Host MsmqHost now runs clustered, with a clustered MSMQ resource: declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - { name: MsmqHost, clustered: true, dependsOn: [BTSMSMQ], instances: [BTS01, BTS02] }
msmqServers:
  - name: BTSMSMQ
    clustered: true
` } }] }],
    },
    {
      name: 'an MSMQ send port to a remote queue: its outgoing queue is local, a warning (Microsoft: mitigate)',
      files: { [T]: TOPO, [B]: bindingXml({ send: [{ name: 'ToPartner', adapter: 'MSMQ', host: 'MsmqHost', address: 'FORMATNAME:DIRECT=OS:MQ01\\PRIVATE$\\OUT', data: adapterConfig({ queue: 'FORMATNAME:DIRECT=OS:MQ01\\PRIVATE$\\OUT' }) }] }) },
      errors: [{ file: B, nodePath: 'SendPort[Name=ToPartner]/SendHandler:msmq', fixOutput: null, range: [8, 128, 8, 166], severity: 'warning', messageId: 'send', data: { endpoint: 'Send port "ToPartner"', others: '', queue: 'FORMATNAME:DIRECT=OS:MQ01\\PRIVATE$\\OUT', host: 'MsmqHost', problem: 'is not clustered' } }],
    },
    {
      name: 'an MSMQ send port to a local queue keeps the error',
      files: { [T]: TOPO, [B]: bindingXml({ send: [{ name: 'ToLocal', adapter: 'MSMQ', host: 'MsmqHost', address: 'FORMATNAME:DIRECT=OS:.\\PRIVATE$\\OUT', data: adapterConfig({ queue: 'FORMATNAME:DIRECT=OS:.\\PRIVATE$\\OUT' }) }] }) },
      errors: [{ file: B, nodePath: 'SendPort[Name=ToLocal]/SendHandler:msmq', fixOutput: null, range: [8, 128, 8, 163], severity: 'error', messageId: 'send' }],
    },
    {
      name: 'one host, several local queues in a file: once per side, at the first endpoint, the others counted',
      files: { [T]: TOPO, [B]: several() },
      errors: [
        { file: B, nodePath: 'SendPort[Name=Out.MSMQ]/SendHandler:msmq', fixOutput: null, range: [8, 128, 8, 142], messageId: 'send', data: { endpoint: 'Send port "Out.MSMQ"', others: '', queue: '.\\private$\\out', host: 'MsmqHost', problem: 'is not clustered' } },
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.MSMQ]/ReceiveHandler:msmq',
          fixOutput: null,
          range: [21, 145, 21, 158],
          messageId: 'receive',
          data: { endpoint: 'Receive location "Orders.MSMQ"', others: ' (and 1 other receive location of this file)', queue: '.\\private$\\in', host: 'MsmqHost', problem: 'is not clustered' },
        },
      ],
    },
  ],
});

describe('msmq-local-queue-not-clustered: a repeated cause once', () => {
  it('the other queue read in the same host is a related location of the one finding', () => {
    const { findings } = lintFiles({ [T]: TOPO, [B]: several() }, [rule]);
    const recvFinding = findings.find((f) => f.message.startsWith('Receive location "Orders.MSMQ"'))!;
    assert.ok((recvFinding.related ?? []).some((r) => r.uri === B && r.message === 'Receive location "Returns.MSMQ" reads .\\private$\\returns in MsmqHost too'), JSON.stringify(recvFinding.related));
  });
});
