// msmq-remote-server-not-clustered: a remote queue's MSMQ server must be failover-clustered.
import rule from '../../server/src/core/rules/msmq-remote-server-not-clustered';
import { ruleTester } from '../helpers/ruleTester';
import { adapterConfig, bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'app.BindingInfo.xml';
const H = 'topology: 1\nenvironment: production\nhosts:\n  - { name: RecvHost, instances: [BTS01, BTS02] }\n';
const FACT = "'<<true once MSMQ is a clustered resource>>'";
const remote = (queue: string, data?: string) =>
  bindingXml({ receive: [{ name: 'RL1', adapter: 'MSMQ', host: 'RecvHost', address: queue, data }, { name: 'RL2', adapter: 'MSMQ', host: 'RecvHost', address: queue, data }] });

ruleTester(rule, {
  valid: [
    { name: 'the remote server is declared clustered', files: { [T]: `${H}msmqServers:\n  - { name: mq01, clustered: true }\n`, [B]: remote('FORMATNAME:DIRECT=OS:MQ01\\private$\\orders') } },
    { name: 'a local queue is msmq-local-queue-not-clustered\'s', files: { [T]: H, [B]: remote('FORMATNAME:DIRECT=OS:BTS01\\private$\\orders') } },
    { name: 'a placeholder is unfilled-placeholder\'s', files: { [T]: `${H}msmqServers:\n  - { name: MQ01, clustered: ${FACT} }\n`, [B]: remote('FORMATNAME:DIRECT=OS:MQ01\\private$\\orders') } },
  ],
  invalid: [
    {
      name: 'an undeclared remote server, read by two locations: one info finding (an unknown), the server declared with a placeholder',
      files: { [T]: H, [B]: remote('FORMATNAME:DIRECT=OS:MQ01\\private$\\orders') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:msmq-remote',
          range: [9, 20, 9, 61],
          severity: 'info',
          messageId: 'undeclared',
          data: { endpoint: 'Receive location "RL1"', queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', server: 'MQ01' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}msmqServers:\n  - name: MQ01\n    clustered: ${FACT}\n` },
        },
      ],
    },
    {
      name: 'declared without clustered: an unknown (info), clustered inserted as a placeholder',
      files: { [T]: `${H}msmqServers:\n  - name: MQ01\n`, [B]: remote('FORMATNAME:DIRECT=OS:MQ01\\private$\\orders') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:msmq-remote',
          range: [9, 20, 9, 61],
          severity: 'info',
          messageId: 'clusteredUnknown',
          data: { endpoint: 'Receive location "RL1"', queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', server: 'MQ01' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}msmqServers:\n  - name: MQ01\n    clustered: ${FACT}\n` },
        },
      ],
    },
    {
      name: 'declared not clustered: no fix',
      files: { [T]: `${H}msmqServers:\n  - { name: MQ01, clustered: false }\n`, [B]: remote('FORMATNAME:DIRECT=OS:MQ01\\private$\\orders') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:msmq-remote', range: [9, 20, 9, 61], severity: 'warning', messageId: 'declaredNotClustered', data: { endpoint: 'Receive location "RL1"', queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', server: 'MQ01' }, fixOutput: null }],
    },
    {
      name: 'transactional reads from MSMQ 3.0',
      files: {
        [T]: `${H}msmqServers:\n  - { name: MQ01, clustered: true, version: '3.0' }\n`,
        [B]: remote('FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', adapterConfig({ transactional: 'true' })),
      },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:msmq-remote', range: [9, 20, 9, 61], messageId: 'oldVersion', data: { endpoint: 'Receive location "RL1"', queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', server: 'MQ01', version: '3.0' }, fixOutput: null }],
    },
  ],
});
