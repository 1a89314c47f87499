// ag-backup-uses-node-name: custom databases in the backup job must name the availability group listener.
import rule from '../../server/src/core/rules/ag-backup-uses-node-name';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const topo = (server: string) => `topology: 1
environment: production
sqlInstances:
  - name: SQLNODE1\\BTS
    availabilityGroup:
      name: AG1
      listener: BTSAGL
      replicas: [SQLNODE1\\BTS, SQLNODE2\\BTS]
backup:
  biztalkJob:
    otherDatabases:
      - name: ContosoOrders
        server: ${server}
`;

ruleTester(rule, {
  valid: [
    { name: 'the listener', files: { [T]: topo('BTSAGL') } },
    { name: 'the listener with a port', files: { [T]: topo("'btsagl,1433'") } },
    { name: 'a server outside the availability group', files: { [T]: topo('SQLAPP01') } },
    { name: 'an AG without a listener declared: nothing to compare with', files: { [T]: topo('SQLNODE2\\BTS').replace('      listener: BTSAGL\n', '') } },
  ],
  invalid: [
    {
      name: 'a replica: at the server value, no fix',
      files: { [T]: topo('SQLNODE2\\BTS') },
      errors: [
        {
          nodePath: 'backup.biztalkJob.otherDatabases[name=ContosoOrders].server',
          range: [13, 17, 13, 29],
          severity: 'warning',
          messageId: 'nodeName',
          data: { database: 'ContosoOrders', server: 'SQLNODE2\\BTS', ag: 'AG1', listener: 'BTSAGL' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'the instance\'s own (node) name, in another case, without replicas declared',
      files: { [T]: topo('sqlnode1\\bts').replace('      replicas: [SQLNODE1\\BTS, SQLNODE2\\BTS]\n', '') },
      errors: [{ nodePath: 'backup.biztalkJob.otherDatabases[name=ContosoOrders].server', fixOutput: null, range: [12, 17, 12, 29], messageId: 'nodeName', data: { database: 'ContosoOrders', server: 'sqlnode1\\bts', ag: 'AG1', listener: 'BTSAGL' } }],
    },
  ],
});
