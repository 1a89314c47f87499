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
          range: [5, 14, 5, 19],
          severity: 'warning',
          messageId: 'notClustered',
          data: { name: ' BTS01', said: 'declared not clustered (sso.clustered: false)' },
          fixOutput: { [T]: 'topology: 1\nenvironment: production\nsso:\n  masterSecretServer: BTS01\n  clustered: true\n' },
        },
      ],
    },
    {
      name: 'not said: at the masterSecretServer entry, fix inserts clustered',
      files: { [T]: 'topology: 1\nenvironment: production\nsso:\n  masterSecretServer: BTS01\n' },
      errors: [{ range: [4, 3, 4, 28], messageId: 'notClustered', data: { name: ' BTS01', said: 'not declared clustered (sso.clustered)' }, fixOutput: { [T]: 'topology: 1\nenvironment: production\nsso:\n  masterSecretServer: BTS01\n  clustered: true\n' } }],
    },
    {
      name: 'no sso section: at the top, fix declares it',
      files: { [T]: 'topology: 1\nenvironment: production\n' },
      errors: [{ range: [1, 1, 1, 12], messageId: 'notClustered', data: { name: '', said: 'not declared clustered (sso.clustered)' }, fixOutput: { [T]: "topology: 1\nenvironment: production\nsso:\n  masterSecretServer: '<<clustered SSO network name>>'\n  clustered: true\n" } }],
    },
    { name: 'development: info', files: { 'dev.topology.yaml': 'topology: 1\nenvironment: development\nsso: { clustered: false }\n' }, errors: [{ range: [3, 19, 3, 24], severity: 'info', messageId: 'notClustered' }] },
  ],
});
