// no-log-shipping-destination: a DR site with BizTalk log shipping and a destination instance.
import rule from '../../server/src/core/rules/no-log-shipping-destination';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const HEAD = 'topology: 1\nenvironment: production\n';

ruleTester(rule, {
  valid: [{ name: 'BizTalk log shipping to a DR instance', files: { [T]: HEAD + 'dr:\n  logShipping: biztalk\n  destinationInstances: [DRSQL\\BTS]\n' } }],
  invalid: [
    {
      name: 'no dr section: at `environment:` (not at the format version), fix declares it',
      files: { [T]: HEAD },
      errors: [
        {
          nodePath: 'dr',
          range: [2, 1, 2, 12],
          severity: 'warning',
          messageId: 'noDr',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
dr:
  logShipping: '<<log shipping: biztalk or none>>'
  destinationInstances: ['<<DR SQL instance>>']
` },
        },
      ],
    },
    {
      name: 'no dr section, the environment named before the format version: at `environment:`',
      files: { [T]: 'environment: production\ntopology: 1\n' },
      errors: [{ nodePath: 'dr', range: [1, 1, 1, 12], messageId: 'noDr', fixKind: 'declaration', fixOutput: { [T]: `environment: production
topology: 1
dr:
  logShipping: '<<log shipping: biztalk or none>>'
  destinationInstances: ['<<DR SQL instance>>']
` } }],
    },
    {
      name: 'no dr section and nothing but the format version after a comment: at the comment line',
      files: { [T]: '# Contoso production platform\ntopology: 1\n' },
      errors: [{ nodePath: 'dr', fixKind: 'declaration', fixOutput: { 'prod.topology.yaml': '# Contoso production platform\ntopology: 1\ndr:\n  logShipping: \'<<log shipping: biztalk or none>>\'\n  destinationInstances: [\'<<DR SQL instance>>\']\n' }, range: [1, 1, 1, 30], messageId: 'noDr' }],
    },
    {
      name: 'no dr section and nothing but the format version: at the end of the file, not on the format version',
      files: { [T]: 'topology: 1\n' },
      errors: [{ nodePath: 'dr', fixKind: 'declaration', fixOutput: { 'prod.topology.yaml': 'topology: 1\ndr:\n  logShipping: \'<<log shipping: biztalk or none>>\'\n  destinationInstances: [\'<<DR SQL instance>>\']\n' }, range: [2, 1, 2, 1], messageId: 'noDr' }],
    },
    {
      name: 'logShipping: none',
      files: { [T]: HEAD + 'dr:\n  logShipping: none\n  destinationInstances: [DRSQL]\n' },
      errors: [{ nodePath: 'dr.logShipping', fixOutput: null, range: [4, 16, 4, 20], messageId: 'noneShipping', suggestions: [{ title: "BizTalk log shipping now runs to the DR site: declare it", output: { [T]: `topology: 1
environment: production
dr:
  logShipping: biztalk
  destinationInstances: [DRSQL]
` } }] }],
    },
    {
      name: 'no destination instance',
      files: { [T]: HEAD + 'dr:\n  logShipping: biztalk\n' },
      errors: [{ nodePath: 'dr.destinationInstances', range: [3, 1, 3, 3], messageId: 'noDestination', fixKind: 'declaration', fixOutput: { [T]: `topology: 1
environment: production
dr:
  logShipping: biztalk
  destinationInstances: ['<<DR SQL instance>>']
` } }],
    },
    {
      name: 'an empty destination list',
      files: { [T]: HEAD + 'dr: { logShipping: biztalk, destinationInstances: [] }\n' },
      errors: [{ messageId: 'noDestination', nodePath: 'dr.destinationInstances', range: [3, 29, 3, 49], fixKind: 'declaration', fixOutput: { [T]: `topology: 1
environment: production
dr: { logShipping: biztalk, destinationInstances: ['<<DR SQL instance>>'] }
` } }],
    },
    {
      name: 'destinations without a log shipping method',
      files: { [T]: HEAD + 'dr:\n  destinationInstances: [DRSQL]\n' },
      errors: [{ nodePath: 'dr.logShipping', range: [3, 1, 3, 3], messageId: 'notSaid', fixKind: 'declaration', fixOutput: { [T]: `topology: 1
environment: production
dr:
  destinationInstances: [DRSQL]
  logShipping: '<<log shipping: biztalk or none>>'
` }, suggestions: [{ title: "BizTalk log shipping now runs to the DR site: declare it", output: { [T]: `topology: 1
environment: production
dr:
  destinationInstances: [DRSQL]
  logShipping: biztalk
` } }] }],
    },
  ],
});
