// msmq-remote-server-not-clustered: a remote queue's MSMQ server must be failover-clustered.
import rule from '../../server/src/core/rules/msmq-remote-server-not-clustered';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';
import { adapterConfig, bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'app.BindingInfo.xml';
const H = 'topology: 1\nenvironment: production\nhosts:\n  - { name: RecvHost, instances: [BTS01, BTS02] }\n';
const FACT = "'<<true once MSMQ is a clustered resource>>'";
const ONE_OTHER = ' (and 1 other receive location of this file)';
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
          data: { endpoint: 'Receive location "RL1"', others: ONE_OTHER, queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', server: 'MQ01' },
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
          data: { endpoint: 'Receive location "RL1"', others: ONE_OTHER, queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', server: 'MQ01' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}msmqServers:\n  - name: MQ01\n    clustered: ${FACT}\n` },
        },
      ],
    },
    {
      name: 'declared not clustered: no fix',
      files: { [T]: `${H}msmqServers:\n  - { name: MQ01, clustered: false }\n`, [B]: remote('FORMATNAME:DIRECT=OS:MQ01\\private$\\orders') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:msmq-remote', range: [9, 20, 9, 61], severity: 'warning', messageId: 'declaredNotClustered', data: { endpoint: 'Receive location "RL1"', others: ONE_OTHER, queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', server: 'MQ01' }, fixOutput: null }],
    },
    {
      name: 'transactional reads from MSMQ 3.0',
      files: {
        [T]: `${H}msmqServers:\n  - { name: MQ01, clustered: true, version: '3.0' }\n`,
        [B]: remote('FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', adapterConfig({ transactional: 'true' })),
      },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:msmq-remote', range: [9, 20, 9, 61], messageId: 'oldVersion', data: { endpoint: 'Receive location "RL1"', others: ONE_OTHER, queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\orders', server: 'MQ01', version: '3.0' }, fixOutput: null }],
    },
    {
      name: 'two servers in one file, one named in two spellings: one finding per server, the other locations counted',
      files: {
        [T]: `${H}msmqServers:\n  - { name: MQ01, clustered: false }\n  - { name: MQ02, clustered: false }\n`,
        [B]: bindingXml({
          receive: [
            { name: 'RL1', adapter: 'MSMQ', host: 'RecvHost', address: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\a' },
            { name: 'RL2', adapter: 'MSMQ', host: 'RecvHost', address: 'FORMATNAME:DIRECT=OS:mq01\\private$\\b' },
            { name: 'RL3', adapter: 'MSMQ', host: 'RecvHost', address: 'FORMATNAME:DIRECT=OS:MQ02\\private$\\c' },
          ],
        }),
      },
      errors: [
        { file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:msmq-remote', range: [9, 20, 9, 56], severity: 'warning', messageId: 'declaredNotClustered', data: { endpoint: 'Receive location "RL1"', others: ONE_OTHER, queue: 'FORMATNAME:DIRECT=OS:MQ01\\private$\\a', server: 'MQ01' }, fixOutput: null },
        { file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL3]/ReceiveHandler:msmq-remote', range: [27, 20, 27, 56], severity: 'warning', messageId: 'declaredNotClustered', data: { endpoint: 'Receive location "RL3"', others: '', queue: 'FORMATNAME:DIRECT=OS:MQ02\\private$\\c', server: 'MQ02' }, fixOutput: null },
      ],
    },
  ],
});

describe('msmq-remote-server-not-clustered: a repeated cause once', () => {
  it('the other location reading a queue on the same server is a related location of the one finding, after the declaration', () => {
    const { findings } = lintFiles({ [T]: `${H}msmqServers:\n  - { name: MQ01, clustered: false }\n`, [B]: remote('FORMATNAME:DIRECT=OS:MQ01\\private$\\orders') }, [rule]);
    assert.equal(findings.length, 1);
    assert.deepEqual(
      findings[0].related?.map((r) => [r.uri, r.message]),
      [
        [T, 'MSMQ server MQ01 is declared here'],
        [B, 'Receive location "RL2" reads FORMATNAME:DIRECT=OS:MQ01\\private$\\orders on MQ01 too'],
      ],
    );
    assert.match(findings[0].message, /^Receive location "RL1" \(MSMQ\) \(and 1 other receive location of this file\) reads /);
  });
});
