// master-secret-server-not-clustered: the one master secret server should be clustered.
import rule from '../../server/src/core/rules/master-secret-server-not-clustered';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [{ name: 'clustered', files: { [T]: 'topology: 1\nenvironment: production\nsso: { masterSecretServer: SSOCLU, clustered: true }\n' } }],
  invalid: [
    {
      name: 'clustered: false: at the value, fix sets true',
      files: { [T]: 'topology: 1\nenvironment: production\nsso:\n  masterSecretServer: BTS01\n  clustered: false\n' },
      errors: [
        {
          nodePath: 'sso.clustered',
          fixOutput: null,
          range: [5, 14, 5, 19],
          severity: 'warning',
          messageId: 'notClustered', data: { name: ' BTS01', said: 'declared not clustered (sso.clustered: false)' },
          suggestions: [{ title: "The master secret server is now a clustered resource: declare it", output: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: BTS01
  clustered: true
` } }],
        },
      ],
    },
    {
      name: 'not said: at the masterSecretServer entry, fix inserts clustered',
      files: { [T]: 'topology: 1\nenvironment: production\nsso:\n  masterSecretServer: BTS01\n' },
      errors: [{ nodePath: 'sso.clustered', range: [4, 3, 4, 28], messageId: 'notClustered', data: { name: ' BTS01', said: 'not declared clustered (sso.clustered)' }, fixKind: 'declaration', fixOutput: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: BTS01
  clustered: '<<SSO clustered: true or false>>'
` }, suggestions: [{ title: "The master secret server is now a clustered resource: declare it", output: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: BTS01
  clustered: true
` } }] }],
    },
    {
      name: 'no sso section: at `environment:` (not at the format version), fix declares it',
      files: { [T]: 'topology: 1\nenvironment: production\n' },
      errors: [{ messageId: 'notClustered', data: { name: '', said: 'not declared clustered (sso.clustered)' }, nodePath: 'sso.clustered', range: [2, 1, 2, 12], fixKind: 'declaration', fixOutput: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: '<<master secret server>>'
  clustered: '<<SSO clustered: true or false>>'
` } }],
    },
    { name: 'development: info', files: { 'dev.topology.yaml': 'topology: 1\nenvironment: development\nsso: { clustered: false }\n' }, errors: [{ nodePath: 'sso.clustered', fixOutput: null, range: [3, 19, 3, 24], severity: 'info', messageId: 'notClustered' }] },
  ],
});
