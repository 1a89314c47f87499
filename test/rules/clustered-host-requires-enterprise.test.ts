// clustered-host-requires-enterprise: host clustering and multi-server groups need BizTalk Enterprise.
import rule from '../../server/src/core/rules/clustered-host-requires-enterprise';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    { name: 'Enterprise with a clustered host and two servers', files: { [T]: 'topology: 1\nenvironment: production\nbiztalk: { edition: Enterprise }\nhosts:\n  - { name: H, clustered: true, instances: [A, B] }\n' } },
    { name: 'Standard on one server, no clustered host', files: { [T]: 'topology: 1\nenvironment: production\nbiztalk: { edition: Standard }\nservers:\n  - { name: BTS01, roles: [biztalk, iis] }\n  - { name: SQL01, roles: [sql] }\nhosts:\n  - { name: H, clustered: false, instances: [BTS01] }\n' } },
    { name: 'no edition declared', files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: H, clustered: true, instances: [A, B] }\n' } },
    { name: 'Developer edition has the Enterprise features', files: { [T]: 'topology: 1\nenvironment: development\nbiztalk: { edition: Developer }\nhosts:\n  - { name: H, clustered: true, instances: [A, B] }\n' } },
  ],
  invalid: [
    {
      name: 'Standard with a clustered host: at the edition',
      files: { [T]: 'topology: 1\nenvironment: production\nbiztalk:\n  edition: Standard\nservers:\n  - { name: BTS01, roles: [biztalk] }\nhosts:\n  - name: FtpHost\n    clustered: true\n    instances: [BTS01]\n' },
      errors: [{ nodePath: 'biztalk.edition', range: [4, 12, 4, 20], severity: 'error', messageId: 'clusteredHosts', data: { edition: 'Standard', hosts: 'host "FtpHost"' }, fixOutput: null }],
    },
    {
      name: 'Branch with host instances on two servers',
      files: { [T]: 'topology: 1\nenvironment: production\nbiztalk: { edition: Branch }\nhosts:\n  - { name: H, instances: [BTS01, BTS02] }\n' },
      errors: [{ nodePath: 'biztalk.edition', fixOutput: null, range: [3, 21, 3, 27], messageId: 'servers', data: { edition: 'Branch', servers: '2 servers (BTS01, BTS02)' } }],
    },
    {
      name: 'both, edition matched case-insensitively; staging keeps the severity',
      files: { [T]: 'topology: 1\nenvironment: staging\nbiztalk: { edition: standard }\nservers:\n  - { name: BTS01, roles: [biztalk] }\n  - { name: BTS02, roles: [biztalk] }\nhosts:\n  - { name: A, clustered: true, instances: [BTS01] }\n  - { name: B, clustered: true, instances: [BTS02] }\n' },
      errors: [{ nodePath: 'biztalk.edition', fixOutput: null, range: [3, 21, 3, 29], severity: 'error', messageId: 'both', data: { edition: 'standard', hosts: 'hosts "A", "B"', servers: '2 servers (BTS01, BTS02)' } }],
    },
  ],
});
