// secret-backup-local: the master secret backup kept on a local path or on the master secret server.
import rule from '../../server/src/core/rules/secret-backup-local';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const cfg = (file: string) =>
  `<Configuration><Feature Name="SSOServer,Engine"><Question ID="IsSecretServer"><Answer Value="Create" Selected="Yes"><FILE ID="SSO_ID_BACKUP_SECRET_FILE"><Value>${file}</Value></FILE></Answer></Question></Feature></Configuration>`;

ruleTester(rule, {
  valid: [
    { name: 'a share on another machine', files: { [T]: "topology: 1\nenvironment: production\nsso:\n  masterSecretServer: BTS01\n  secretBackup: { destination: '\\\\vault01\\sso\\secret.bak' }\n" } },
    { name: 'a plain description (a safe)', files: { [T]: "topology: 1\nenvironment: production\nsso: { secretBackup: { destination: 'USB key in the DBA safe' } }\n" } },
    { name: 'a tokenised file in the configuration', files: { 'cfg.xml': cfg('{{SSO_BACKUP_FILE}}') } },
    { name: 'the configuration writes locally, but the topology says where the copy is kept', files: { [T]: "topology: 1\nenvironment: production\nsso: { secretBackup: { destination: '\\\\vault\\sso\\x.bak' } }\n", 'cfg.xml': cfg('C:\\SSO\\secret.bak') } },
  ],
  invalid: [
    {
      name: 'a local path: fix points it at a remote share',
      files: { [T]: "topology: 1\nenvironment: production\nsso:\n  masterSecretServer: BTS01\n  secretBackup: { destination: 'E:\\SSO\\secret.bak' }\n" },
      errors: [
        {
          nodePath: 'sso.secretBackup.destination',
          fixOutput: null,
          range: [5, 32, 5, 51],
          severity: 'warning',
          messageId: 'onServer',
          suggestions: [{ title: "The secret backup is now kept on another machine: declare where", output: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: BTS01
  secretBackup: { destination: '\\\\<<secure server>>\\<<share>>\\SSO\\master-secret.bak' }
` } }],
        },
      ],
    },
    {
      name: 'a share on the master secret server itself',
      files: { [T]: "topology: 1\nenvironment: production\nsso:\n  masterSecretServer: BTS01\n  secretBackup:\n    destination: '\\\\bts01\\sso$\\secret.bak'\n" },
      errors: [{ nodePath: 'sso.secretBackup.destination', fixOutput: null, range: [6, 18, 6, 43], messageId: 'onServer' }],
    },
    {
      name: 'the default local file of a configuration that creates the secret server',
      files: { 'cfg.xml': cfg('C:\\Program Files\\Common Files\\Enterprise Single Sign-On\\SSO1.bak') },
      errors: [
        {
          file: 'cfg.xml',
          nodePath: 'FILE[ID=SSO_ID_BACKUP_SECRET_FILE]/Value',
          range: [1, 161, 1, 225],
          messageId: 'exportLocal',
          fixOutput: null,
        },
      ],
    },
  ],
});
