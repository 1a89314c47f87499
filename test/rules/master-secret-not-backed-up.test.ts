import rule from '../../server/src/core/rules/master-secret-not-backed-up';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

/** A configuration that creates the master secret server; `value` goes on line 6 (after 10 spaces). */
function ssoConfig(value: string, answer = 'Create'): string {
  return `<Configuration>
  <Feature Name="SSO" DisplayName="Enterprise SSO">
    <Question ID="IsSecretServer" Answers="Create,Join" Default="Create">
      <Answer Value="${answer}" Selected="Yes">
        <FILE ID="SSO_ID_BACKUP_SECRET_FILE" DisplayName="Backup file location:">
          ${value}
        </FILE>
      </Answer>
    </Question>
  </Feature>
</Configuration>
`;
}

ruleTester(rule, {
  valid: [
    {
      name: 'the topology declares where the secret is backed up',
      files: { [T]: "topology: 1\nenvironment: production\nsso:\n  secretBackup: { destination: '\\\\vault01\\sso\\master-secret.bak', lastBackup: 2026-10-01, passwordCustody: { holder: SSO administrators, location: 'KeePass BTS-PROD' } }\n" },
    },
    {
      name: 'a configuration that creates the secret server and names its backup file, no topology',
      files: { 'cfg.xml': ssoConfig('<Value>\\\\vault01\\sso\\secret.bak</Value>') },
    },
    {
      name: 'a tokenised backup file in a configuration template is filled at deployment',
      files: { 'cfg.xml': ssoConfig('<Value>%%SSO_ID_BACKUP_SECRET_FILE%%</Value>') },
    },
    {
      name: 'a configuration that joins an existing SSO system creates no secret',
      files: { 'cfg.xml': ssoConfig('<Value></Value>', 'Join') },
    },
    {
      name: 'once the topology declares the backup, the export (which never keeps the path) is not reported',
      files: {
        [T]: "topology: 1\nenvironment: production\nsso:\n  secretBackup:\n    destination: '\\\\vault01\\sso\\master-secret.bak'\n    passwordCustody:\n      holder: SSO administrators\n      location: safe in room 4\n",
        'cfg.xml': ssoConfig('<Value />'),
      },
    },
  ],
  invalid: [
    {
      name: 'a declared backup that does not say who holds its password (flow): a warning at secretBackup, custody inserted',
      files: { [T]: "topology: 1\nenvironment: production\nsso:\n  secretBackup: { destination: '\\\\vault01\\sso\\master-secret.bak', lastBackup: 2026-10-01 }\n" },
      errors: [{ nodePath: 'sso.secretBackup.passwordCustody', range: [4, 3, 4, 15], severity: 'warning', messageId: 'noPasswordCustody', fixKind: 'declaration', fixOutput: { [T]: "topology: 1\nenvironment: production\nsso:\n  secretBackup: { destination: '\\\\vault01\\sso\\master-secret.bak', lastBackup: 2026-10-01, passwordCustody: { holder: '<<who holds the password>>', location: '<<where the password is kept>>' } }\n" } }],
    },
    {
      name: 'custody with a holder but no location (block): at passwordCustody, the location is inserted',
      files: { [T]: "topology: 1\nenvironment: production\nsso:\n  secretBackup:\n    destination: '\\\\vault01\\sso\\master-secret.bak'\n    passwordCustody:\n      holder: SSO administrators\n" },
      errors: [{ nodePath: 'sso.secretBackup.passwordCustody', range: [6, 5, 6, 20], severity: 'warning', messageId: 'noPasswordCustody', fixKind: 'declaration', fixOutput: { [T]: "topology: 1\nenvironment: production\nsso:\n  secretBackup:\n    destination: '\\\\vault01\\sso\\master-secret.bak'\n    passwordCustody:\n      holder: SSO administrators\n      location: '<<where the password is kept>>'\n" } }],
    },
    {
      name: 'no sso section: reported at `environment:` (not at the format version), the section is appended',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts: []\n' },
      errors: [
        {
          nodePath: 'sso.secretBackup',
          range: [2, 1, 2, 12],
          severity: 'error',
          messageId: 'noBackup',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts: []
sso:
  secretBackup:
    destination: '\\\\<<secure server>>\\<<share>>\\SSO\\master-secret.bak'
    lastBackup: '<<YYYY-MM-DD>>'
` },
        },
      ],
    },
    {
      name: 'secretBackup without a destination (flow): reported at secretBackup, the destination is added',
      files: { [T]: 'topology: 1\nenvironment: production\nsso:\n  masterSecretServer: SSO1\n  secretBackup: { lastBackup: 2026-10-01 }\n' },
      errors: [
        { messageId: 'noBackup',
          nodePath: 'sso.secretBackup',
          range: [5, 3, 5, 15],
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: SSO1
  secretBackup: { lastBackup: 2026-10-01, destination: '\\\\<<secure server>>\\<<share>>\\SSO\\master-secret.bak' }
` },
        },
      ],
    },
    {
      name: '`destination:` written empty declares nothing: reported at it, the value goes after the colon (no duplicate key)',
      files: { [T]: 'topology: 1\nenvironment: production\nsso:\n  secretBackup:\n    destination:\n    lastBackup: 2026-10-01\n' },
      errors: [
        { messageId: 'noBackup',
          nodePath: 'sso.secretBackup',
          range: [5, 5, 5, 17],
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sso:
  secretBackup:
    destination: '\\\\<<secure server>>\\<<share>>\\SSO\\master-secret.bak'
    lastBackup: 2026-10-01
` },
        },
      ],
    },
    {
      name: '`sso:` written empty, CRLF and four spaces: the block goes under the key',
      files: { [T]: 'topology: 1\r\nenvironment: production\r\nhosts:\r\n    -   name: H\r\nsso:\r\n' },
      errors: [
        { messageId: 'noBackup',
          nodePath: 'sso.secretBackup',
          range: [5, 1, 5, 4],
          fixKind: 'declaration',
          fixOutput: { [T]: "topology: 1\r\nenvironment: production\r\nhosts:\r\n    -   name: H\r\nsso:\r\n    secretBackup:\r\n        destination: '\\\\<<secure server>>\\<<share>>\\SSO\\master-secret.bak'\r\n        lastBackup: '<<YYYY-MM-DD>>'\r\n" },
        },
      ],
    },
    {
      name: 'JSON',
      files: { 'prod.topology.json': '{\n  "topology": 1,\n  "environment": "production",\n  "sso": { "masterSecretServer": "SSO1" }\n}\n' },
      errors: [
        { messageId: 'noBackup',
          nodePath: 'sso.secretBackup',
          range: [4, 3, 4, 8],
          fixKind: 'declaration',
          fixOutput: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "sso": { "masterSecretServer": "SSO1", "secretBackup": {"destination": "\\\\\\\\<<secure server>>\\\\<<share>>\\\\SSO\\\\master-secret.bak", "lastBackup": "<<YYYY-MM-DD>>"} }
}
` },
        },
      ],
    },
    {
      name: 'a configuration that creates the secret with an empty backup file: a warning at the empty <Value></Value>',
      files: { 'cfg.xml': ssoConfig('<Value></Value>') },
      errors: [{ nodePath: 'FILE[ID=SSO_ID_BACKUP_SECRET_FILE]/Value', range: [6, 11, 6, 26], severity: 'warning', messageId: 'exportNoFile', fixOutput: null }],
    },
    {
      name: 'no Value element at all: reported at the FILE tag',
      files: { 'cfg.xml': ssoConfig('') },
      errors: [{ messageId: 'exportNoFile', nodePath: 'FILE[ID=SSO_ID_BACKUP_SECRET_FILE]/Value', fixOutput: null, range: [5, 9, 5, 14], severity: 'warning' }],
    },
    {
      name: 'the topology lacks it too: both are reported, each in its file',
      files: { [T]: 'topology: 1\nenvironment: production\n', 'cfg.xml': ssoConfig('<Value/>') },
      errors: [
        { messageId: 'noBackup', file: T, nodePath: 'sso.secretBackup', fixKind: 'declaration', fixOutput: { 'prod.topology.yaml': 'topology: 1\nenvironment: production\nsso:\n  secretBackup:\n    destination: \'\\\\<<secure server>>\\<<share>>\\SSO\\master-secret.bak\'\n    lastBackup: \'<<YYYY-MM-DD>>\'\n' }, range: [2, 1, 2, 12], severity: 'error' },
        { messageId: 'exportNoFile', file: 'cfg.xml', nodePath: 'FILE[ID=SSO_ID_BACKUP_SECRET_FILE]/Value', fixOutput: null, range: [6, 11, 6, 19], severity: 'warning' },
      ],
    },
  ],
});
