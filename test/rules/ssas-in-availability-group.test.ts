// ssas-in-availability-group: Analysis Services does not take part in availability groups.
import rule from '../../server/src/core/rules/ssas-in-availability-group';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = 'topology: 1\nenvironment: production\nsqlInstances:\n';

ruleTester(rule, {
  valid: [
    { name: 'BAMAnalysis on a failover cluster instance', files: { [T]: `${H}  - name: SQLBAM\n    failoverCluster: { nodes: [N1, N2] }\n    databases: [{ name: BAMAnalysis }]\n` } },
    { name: 'SQL databases in the AG', files: { [T]: `${H}  - name: BTSAGL\n    availabilityGroup: { name: AG1 }\n    databases: [{ name: BAMPrimaryImport }]\n` } },
  ],
  invalid: [
    {
      name: 'BAMAnalysis on an AG instance: at its name',
      files: { [T]: `${H}  - name: BTSAGL\n    availabilityGroup: { name: AG1 }\n    databases:\n      - name: BAMAnalysis\n` },
      errors: [
        {
          nodePath: 'sqlInstances[name=BTSAGL].databases[name=BAMAnalysis]',
          range: [7, 15, 7, 26],
          severity: 'warning',
          messageId: 'notProtected',
          data: { database: 'BAMAnalysis', instance: 'BTSAGL' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a renamed tracking analysis database, by its role',
      files: { [T]: `${H}  - name: BTSAGL\n    availabilityGroup: { name: AG1 }\n    databases: [{ name: HealthCubes, role: tracking-analysis }]\n` },
      errors: [{ nodePath: 'sqlInstances[name=BTSAGL].databases[name=HealthCubes]', fixOutput: null, range: [6, 25, 6, 36], messageId: 'notProtected', data: { database: 'HealthCubes', instance: 'BTSAGL' } }],
    },
  ],
});
