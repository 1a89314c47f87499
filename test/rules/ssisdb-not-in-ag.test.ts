// ssisdb-not-in-ag: from BizTalk 2020, SSISDB (BAM packages) belongs in the BAM databases' availability group.
import rule from '../../server/src/core/rules/ssisdb-not-in-ag';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const topo = (version: string, more = '', ssisdb = '') =>
  `topology: 1\nenvironment: production\nbiztalk: { version: "${version}" }\nsqlInstances:\n  - name: BTSAGL\n    availabilityGroup: { name: AG1 }\n    databases:\n      - { name: BAMPrimaryImport }\n${ssisdb}${more}`;

ruleTester(rule, {
  valid: [
    { name: 'SSISDB in the same AG', files: { [T]: topo('2020', '', '      - { name: SSISDB }\n') } },
    { name: 'BizTalk 2016: the BAM packages are not in SSISDB', files: { [T]: topo('2016') } },
    { name: 'BizTalk version not declared', files: { [T]: topo('2020').replace('biztalk: { version: "2020" }\n', '') } },
  ],
  invalid: [
    {
      name: 'no SSISDB declared: at the AG instance',
      files: { [T]: topo('2020') },
      errors: [
        {
          nodePath: 'sqlInstances[name=BTSAGL]:ssisdb',
          range: [5, 5, 5, 17],
          severity: 'warning',
          messageId: 'undeclared',
          data: { instance: 'BTSAGL' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'SSISDB on a standalone instance: at its name',
      files: { [T]: topo('2020', '  - name: SQLIS\n    databases: [{ name: Catalog, role: ssis-catalog }]\n') },
      errors: [{ nodePath: 'sqlInstances[name=BTSAGL]:ssisdb', fixOutput: null, range: [10, 25, 10, 32], messageId: 'outside', data: { database: 'Catalog', ssisInstance: 'SQLIS', instance: 'BTSAGL' } }],
    },
  ],
});
