// netmsmq-not-clustered: the WCF-NetMsmq receive handler's host should be clustered.
import rule from '../../server/src/core/rules/netmsmq-not-clustered';
import { ruleTester } from '../helpers/ruleTester';
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
          data: { endpoint: 'Receive location "RL1"', host: 'QueueHost', state: 'not declared clustered' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}  - name: QueueHost\n    instances: [A, B]\n    clustered: '<<true once the host is clustered>>'\n` },
        },
      ],
    },
    {
      name: 'declared not clustered: no fix',
      files: { [T]: `${H}  - { name: QueueHost, clustered: false }\n`, [B]: netmsmq() },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=RL1]/ReceiveHandler:netmsmq', range: [12, 33, 12, 42], messageId: 'notClustered', data: { endpoint: 'Receive location "RL1"', host: 'QueueHost', state: 'declared not clustered' }, fixOutput: null }],
    },
  ],
});
