// ag-async-commit: BizTalk availability groups must use synchronous commit.
import rule from '../../server/src/core/rules/ag-async-commit';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const ag = (mode: string) => `topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAG\n    availabilityGroup:\n      name: AG1\n      availabilityMode: ${mode}\n`;

ruleTester(rule, {
  valid: [
    { name: 'synchronous commit', files: { [T]: ag('synchronous') } },
    { name: 'mode not declared', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQLAG, availabilityGroup: { name: AG1 } }\n' } },
  ],
  invalid: [
    {
      name: 'asynchronous: at the value, fix sets synchronous',
      files: { [T]: ag('asynchronous') },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLAG].availabilityGroup.availabilityMode',
          fixOutput: null,
          range: [7, 25, 7, 37],
          severity: 'error',
          messageId: 'asynchronous',
          suggestions: [{ title: "The availability group of SQLAG now commits synchronously: declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLAG
    availabilityGroup:
      name: AG1
      availabilityMode: synchronous
` } }],
        },
      ],
    },
    {
      name: 'JSON topology',
      files: { 'prod.topology.json': '{"topology": 1, "environment": "production", "sqlInstances": [{"name": "SQLAG", "availabilityGroup": {"availabilityMode": "asynchronous"}}]}' },
      errors: [
        { messageId: 'asynchronous',
          nodePath: 'sqlInstances[name=SQLAG].availabilityGroup.availabilityMode',
          fixOutput: null,
          range: [1, 123, 1, 137],
          suggestions: [{ title: "The availability group of SQLAG now commits synchronously: declare it", output: { "prod.topology.json": "{\"topology\": 1, \"environment\": \"production\", \"sqlInstances\": [{\"name\": \"SQLAG\", \"availabilityGroup\": {\"availabilityMode\": \"synchronous\"}}]}" } }],
        },
      ],
    },
  ],
});
