import rule from '../../server/src/core/rules/no-offsite-copy';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    {
      name: 'an off-site copy with three copies',
      files: { [T]: "topology: 1\nenvironment: production\nbackup:\n  offsite: { location: 'contoso-dr blob storage', schedule: daily, copies: 3 }\n" },
    },
    {
      name: 'more than three copies, block style',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  offsite:\n    location: tape vault\n    copies: 5\n' },
    },
    {
      name: 'JSON',
      files: { 'prod.topology.json': '{"topology": 1, "environment": "production", "backup": {"offsite": {"location": "vault", "copies": 3}}}' },
    },
    {
      name: 'no topology',
      files: { 'cfg.xml': '<Configuration><Feature Name="WMI"/></Configuration>' },
    },
  ],
  invalid: [
    {
      name: 'a backup section without offsite (four-space indentation): the block goes inside it',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n    biztalkJob:\n        enabled: true\n' },
      errors: [
        {
          nodePath: 'backup.offsite',
          range: [3, 1, 3, 7],
          severity: 'warning',
          messageId: 'noOffsite',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup:
    biztalkJob:
        enabled: true
    offsite:
        location: '<<off-site location>>'
        schedule: '<<off-site schedule>>'
        copies: '<<copies kept off site>>'
` },
        },
      ],
    },
    {
      name: 'JSON without a backup section: reported at "environment" (not at the format version), the section is added in JSON',
      files: { 'prod.topology.json': '{\n  "topology": 1,\n  "environment": "production"\n}\n' },
      errors: [
        { messageId: 'noOffsite',
          nodePath: 'backup.offsite',
          range: [3, 3, 3, 16],
          fixKind: 'declaration',
          fixOutput: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "backup": {
    "offsite": {
      "location": "<<off-site location>>",
      "schedule": "<<off-site schedule>>",
      "copies": "<<copies kept off site>>"
    }
  }
}
` },
        },
      ],
    },
    {
      name: 'one copy (flow): raised to three',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup: { offsite: { location: vault, copies: 1 } }\n' },
      errors: [
        {
          nodePath: 'backup.offsite.copies',
          fixOutput: null,
          range: [3, 47, 3, 48],
          messageId: 'tooFewCopies',
          suggestions: [{ title: "3 copies are now kept off site: declare it", output: { [T]: `topology: 1
environment: production
backup: { offsite: { location: vault, copies: 3 } }
` } }],
        },
      ],
    },
    {
      name: 'two copies, CRLF',
      files: { [T]: 'topology: 1\r\nenvironment: production\r\nbackup:\r\n  offsite:\r\n    location: vault\r\n    copies: 2\r\n' },
      errors: [
        {
          nodePath: 'backup.offsite.copies',
          fixOutput: null,
          range: [6, 13, 6, 14],
          messageId: 'tooFewCopies',
          suggestions: [{ title: "3 copies are now kept off site: declare it", output: { [T]: "topology: 1\r\nenvironment: production\r\nbackup:\r\n  offsite:\r\n    location: vault\r\n    copies: 3\r\n" } }],
        },
      ],
    },
    {
      name: 'no copies key: reported at offsite, the key is added',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  offsite:\n    location: vault\n' },
      errors: [
        {
          nodePath: 'backup.offsite.copies',
          range: [4, 3, 4, 10],
          messageId: 'copiesUnknown',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup:
  offsite:
    location: vault
    copies: '<<copies kept off site>>'
` },
          suggestions: [{ title: "3 copies are now kept off site: declare it", output: { [T]: `topology: 1
environment: production
backup:
  offsite:
    location: vault
    copies: 3
` } }],
        },
      ],
    },
    {
      name: '`copies:` written empty: reported at the entry, the value goes after the colon',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  offsite:\n    copies:\n    location: vault\n' },
      errors: [
        {
          nodePath: 'backup.offsite.copies',
          range: [5, 5, 5, 12],
          messageId: 'copiesUnknown',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup:
  offsite:
    copies: '<<copies kept off site>>'
    location: vault
` },
          suggestions: [{ title: "3 copies are now kept off site: declare it", output: { [T]: `topology: 1
environment: production
backup:
  offsite:
    copies: 3
    location: vault
` } }],
        },
      ],
    },
  ],
});
