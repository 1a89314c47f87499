// ag-multisubnet: BizTalk does not support the MultiSubnetFailover connection option.
import rule from '../../server/src/core/rules/ag-multisubnet';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const ag = (v: string) => `topology: 1\nenvironment: production\nsqlInstances:\n  - name: BTSAGL\n    availabilityGroup:\n      name: AG1\n      multiSubnet: ${v}\n`;

ruleTester(rule, {
  valid: [
    { name: 'one subnet', files: { [T]: ag('false') } },
    { name: 'not declared', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: BTSAGL, availabilityGroup: { name: AG1 } }\n' } },
  ],
  invalid: [
    {
      name: 'multi-subnet: at the value, no fix',
      files: { [T]: ag('true') },
      errors: [
        {
          nodePath: 'sqlInstances[name=BTSAGL].availabilityGroup.multiSubnet',
          range: [7, 20, 7, 24],
          severity: 'warning',
          messageId: 'multiSubnet',
          data: { instance: 'BTSAGL' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'test environment: info',
      files: { [T]: ag('true').replace('production', 'test') },
      errors: [{ nodePath: 'sqlInstances[name=BTSAGL].availabilityGroup.multiSubnet', fixOutput: null, range: [7, 20, 7, 24], messageId: 'multiSubnet', severity: 'info' }],
    },
  ],
});
