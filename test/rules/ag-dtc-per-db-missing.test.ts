// ag-dtc-per-db-missing: BizTalk availability groups need per-database DTC support.
import rule from '../../server/src/core/rules/ag-dtc-per-db-missing';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const HEAD = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAG\n    availabilityGroup:\n      name: AG1\n';

ruleTester(rule, {
  valid: [
    { name: 'perDatabase', files: { [T]: HEAD + '      dtcSupport: perDatabase\n' } },
    { name: 'PER_DB, as T-SQL writes it', files: { [T]: HEAD + '      dtcSupport: PER_DB\n' } },
    { name: 'no availability group', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQL1, failoverCluster: { nodes: [A, B] } }\n' } },
  ],
  invalid: [
    {
      name: 'not declared: at the availabilityGroup key, fix inserts it',
      files: { [T]: HEAD },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLAG].availabilityGroup.dtcSupport',
          range: [5, 5, 5, 22],
          severity: 'error',
          messageId: 'missing', data: { instance: 'SQLAG' },
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLAG
    availabilityGroup:
      name: AG1
      dtcSupport: '<<DTC support: perDatabase or none>>'
` },
          suggestions: [{ title: "The availability group of SQLAG now has per-database DTC support: declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLAG
    availabilityGroup:
      name: AG1
      dtcSupport: perDatabase
` } }],
        },
      ],
    },
    {
      name: 'none: at the value, fix replaces it',
      files: { [T]: HEAD + '      dtcSupport: none\n' },
      errors: [{ nodePath: 'sqlInstances[name=SQLAG].availabilityGroup.dtcSupport', fixOutput: null, range: [7, 19, 7, 23], messageId: 'none', data: { instance: 'SQLAG', value: 'none' }, suggestions: [{ title: "The availability group of SQLAG now has per-database DTC support: declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLAG
    availabilityGroup:
      name: AG1
      dtcSupport: perDatabase
` } }] }],
    },
  ],
});
