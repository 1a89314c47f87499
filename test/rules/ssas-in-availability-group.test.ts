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
          range: [7, 15, 7, 26],
          severity: 'warning',
          message:
            'BAMAnalysis is an Analysis Services database, which does not take part in the availability group of "BTSAGL", so that group does not protect it. Host it on a failover cluster instance of Analysis Services, or plan its recovery from SSAS backups, and declare it there.',
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a renamed tracking analysis database, by its role',
      files: { [T]: `${H}  - name: BTSAGL\n    availabilityGroup: { name: AG1 }\n    databases: [{ name: HealthCubes, role: tracking-analysis }]\n` },
      errors: [{ range: [6, 25, 6, 36], message: /^HealthCubes is an Analysis Services database/ }],
    },
  ],
});
