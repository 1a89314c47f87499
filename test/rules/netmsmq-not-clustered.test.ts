// netmsmq-not-clustered: the WCF-NetMsmq receive handler's host should be clustered.
import rule from '../../server/src/core/rules/netmsmq-not-clustered';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';
import { bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'app.BindingInfo.xml';
const H = 'topology: 1\nenvironment: production\nhosts:\n';
const netmsmq = (adapter = 'WCF-NetMsmq') => bindingXml({ receive: [{ name: 'RL1', adapter, host: 'QueueHost', address: 'net.msmq://localhost/private/orders' }] });

ruleTester(rule, {
  valid: [
    { name: 'a clustered host', files: { [T]: `${H}  - { name: QueueHost, clustered: true, instances: [A, B] }\n`, [B]: netmsmq() } },
    { name: 'another WCF adapter', files: { [T]: `${H}  - { name: QueueHost, instances: [A, B] }\n`, [B]: netmsmq('WCF-NetTcp') } },
    { name: 'an undeclared host is handler-host-unknown\'s', files: { [T]: `${H}  - { name: Other }\n`, [B]: netmsmq() } },
    { name: 'a placeholder is unfilled-placeholder\'s', files: { [T]: `${H}  - { name: QueueHost, clustered: '<<true once the host is clustered>>' }\n`, [B]: netmsmq() } },
  ],
  invalid: [
    {
      name: 'clustered not declared: at the handler, the key inserted with a placeholder',
      files: { [T]: `${H}  - name: QueueHost\n    instances: [A, B]\n`, [B]: netmsmq() },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:netmsmq',
          range: [12, 33, 12, 42],
          severity: 'warning',
          messageId: 'notClustered',
          data: { endpoint: 'Receive location "RL1"', others: '', host: 'QueueHost', state: 'not declared clustered' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}  - name: QueueHost\n    instances: [A, B]\n    clustered: '<<true once the host is clustered>>'\n` },
        },
      ],
    },
    {
      name: 'declared not clustered: no fix',
      files: { [T]: `${H}  - { name: QueueHost, clustered: false }\n`, [B]: netmsmq() },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:netmsmq', range: [12, 33, 12, 42], messageId: 'notClustered', data: { endpoint: 'Receive location "RL1"', others: '', host: 'QueueHost', state: 'declared not clustered' }, fixOutput: null }],
    },
  ],
});

describe('netmsmq-not-clustered: a repeated cause once', () => {
  it('WCF-NetMsmq locations of one file in one host: one finding at the first, the other counted and related', () => {
    const loc = (name: string) => ({ name, adapter: 'WCF-NetMsmq', host: 'QueueHost', address: `net.msmq://localhost/private/${name}` });
    const { findings } = lintFiles({ [T]: `${H}  - name: QueueHost\n    instances: [A, B]\n`, [B]: bindingXml({ receive: [loc('RL1'), loc('RL2')] }) }, [rule]);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^Receive location "RL1" \(WCF-NetMsmq\) \(and 1 other receive location of this file\) runs in host "QueueHost"/);
    assert.ok((findings[0].related ?? []).some((r) => r.uri === B && r.message === 'Receive location "RL2" (WCF-NetMsmq) runs in QueueHost too'), JSON.stringify(findings[0].related));
  });
});
