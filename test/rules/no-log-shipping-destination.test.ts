// no-log-shipping-destination: a DR site with BizTalk log shipping and a destination instance.
import rule from '../../server/src/core/rules/no-log-shipping-destination';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const HEAD = 'topology: 1\nenvironment: production\n';
const WHY = 'Microsoft: the Backup BizTalk Server job with BizTalk log shipping "is currently the only fully documented and supported method" to recover the BizTalk databases on another site.';

ruleTester(rule, {
  valid: [{ name: 'BizTalk log shipping to a DR instance', files: { [T]: HEAD + 'dr:\n  logShipping: biztalk\n  destinationInstances: [DRSQL\\BTS]\n' } }],
  invalid: [
    {
      name: 'no dr section: at the top, fix declares it',
      files: { [T]: HEAD },
      errors: [
        {
          range: [1, 1, 1, 12],
          severity: 'warning',
          messageId: 'noDr',
          fixOutput: { [T]: HEAD + "dr:\n  logShipping: biztalk\n  destinationInstances: ['<<DR SQL instance>>']\n" },
        },
      ],
    },
    {
      name: 'logShipping: none',
      files: { [T]: HEAD + 'dr:\n  logShipping: none\n  destinationInstances: [DRSQL]\n' },
      errors: [{ range: [4, 16, 4, 20], messageId: 'noneShipping', fixOutput: { [T]: HEAD + 'dr:\n  logShipping: biztalk\n  destinationInstances: [DRSQL]\n' } }],
    },
    {
      name: 'no destination instance',
      files: { [T]: HEAD + 'dr:\n  logShipping: biztalk\n' },
      errors: [{ range: [3, 1, 3, 3], messageId: 'noDestination', fixOutput: { [T]: HEAD + "dr:\n  logShipping: biztalk\n  destinationInstances: ['<<DR SQL instance>>']\n" } }],
    },
    {
      name: 'an empty destination list',
      files: { [T]: HEAD + 'dr: { logShipping: biztalk, destinationInstances: [] }\n' },
      errors: [{ messageId: 'noDestination', range: [3, 29, 3, 49], fixOutput: { [T]: HEAD + "dr: { logShipping: biztalk, destinationInstances: ['<<DR SQL instance>>'] }\n" } }],
    },
    {
      name: 'destinations without a log shipping method',
      files: { [T]: HEAD + 'dr:\n  destinationInstances: [DRSQL]\n' },
      errors: [{ range: [3, 1, 3, 3], messageId: 'notSaid', fixOutput: { [T]: HEAD + 'dr:\n  destinationInstances: [DRSQL]\n  logShipping: biztalk\n' } }],
    },
  ],
});
