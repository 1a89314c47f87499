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
          range: [12, 33, 12, 42],
          severity: 'warning',
          message:
            'Receive location "RL1" (WCF-NetMsmq) runs in host "QueueHost", which is not declared clustered. Microsoft\'s guidance for WCF-NetMsmq is to cluster the host of its receive handler: move the location to a clustered host, or cluster this one.',
          fixKind: 'declaration', fixOutput: { [T]: `${H}  - name: QueueHost\n    instances: [A, B]\n    clustered: '<<true once the host is clustered>>'\n` },
        },
      ],
    },
    {
      name: 'declared not clustered: no fix',
      files: { [T]: `${H}  - { name: QueueHost, clustered: false }\n`, [B]: netmsmq() },
      errors: [{ file: B, range: [12, 33, 12, 42], message: /which is declared not clustered\./, fixOutput: null }],
    },
  ],
});
