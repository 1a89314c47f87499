// unclustered-host-on-sso-cluster-node: hosts on the nodes of a clustered ENTSSO must be clustered in its group.
import rule from '../../server/src/core/rules/unclustered-host-on-sso-cluster-node';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const topo = (hosts: string, sso = 'sso:\n  clustered: true\n  clusterGroup: SSOGroup\n  nodes: [BTSCLU1, BTSCLU2]\n') => `topology: 1\nenvironment: production\n${sso}hosts:\n${hosts}`;

ruleTester(rule, {
  valid: [
    { name: 'a host clustered in ENTSSO\'s group', files: { [T]: topo('  - { name: FtpHost, clustered: true, clusterGroup: ssogroup, instances: [BTSCLU1, BTSCLU2] }\n') } },
    { name: 'an unclustered host on other servers', files: { [T]: topo('  - { name: SendHost, instances: [BTS01, BTS02] }\n') } },
    { name: 'ENTSSO not clustered', files: { [T]: topo('  - { name: SendHost, instances: [BTSCLU1] }\n', 'sso:\n  clustered: false\n  nodes: [BTSCLU1]\n') } },
    { name: 'a clustered host whose group is not declared', files: { [T]: topo('  - { name: FtpHost, clustered: true, instances: [BTSCLU1, BTSCLU2] }\n') } },
    { name: 'the SSO nodes not declared: nothing to compare with', files: { [T]: topo('  - { name: SendHost, instances: [BTSCLU1] }\n', 'sso:\n  clustered: true\n') } },
  ],
  invalid: [
    {
      name: 'an unclustered host on an SSO node: at the host, no fix',
      files: { [T]: topo('  - name: SendHost\n    instances: [BTS01, btsclu2]\n') },
      errors: [
        {
          nodePath: 'hosts[name=SendHost]',
          range: [8, 5, 8, 19],
          severity: 'error',
          messageId: 'unclustered',
          data: { host: 'SendHost', servers: 'btsclu2', ssoGroup: '"SSOGroup"' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a host clustered in another group',
      files: { [T]: topo('  - { name: FtpHost, clustered: true, clusterGroup: FtpGroup, instances: [BTSCLU1, BTSCLU2] }\n') },
      errors: [{ nodePath: 'hosts[name=FtpHost]', fixOutput: null, range: [8, 7, 8, 20], messageId: 'otherGroup', data: { host: 'FtpHost', group: 'FtpGroup', ssoGroup: 'SSOGroup', servers: 'BTSCLU1, BTSCLU2' } }],
    },
  ],
});
