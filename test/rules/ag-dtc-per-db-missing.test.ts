// ag-dtc-per-db-missing: BizTalk availability groups need per-database DTC support.
import rule from '../../server/src/core/rules/ag-dtc-per-db-missing';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const HEAD = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAG\n    availabilityGroup:\n      name: AG1\n';
const MSG_END = 'BizTalk runs distributed transactions across its databases; Microsoft: make sure the availability groups are created with the Per Database DTC Support option (DTC_SUPPORT = PER_DB).';

ruleTester(rule, {
  valid: [
    { name: 'perDatabase', files: { [T]: HEAD + '      dtcSupport: perDatabase\n' } },
    { name: 'no availability group', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQL1, failoverCluster: { nodes: [A, B] } }\n' } },
  ],
  invalid: [
    {
      name: 'not declared: at the availabilityGroup key, fix inserts it',
      files: { [T]: HEAD },
      errors: [
        {
          range: [5, 5, 5, 22],
          severity: 'error',
          message: `The availability group of "SQLAG" does not declare its DTC support (dtcSupport). ${MSG_END}`,
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
      errors: [{ range: [7, 19, 7, 23], message: `The availability group of "SQLAG" is declared with dtcSupport: none. ${MSG_END}`, suggestions: [{ title: "The availability group of SQLAG now has per-database DTC support: declare it", output: { [T]: `topology: 1
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
