import rule from '../../server/src/core/rules/restore-not-tested';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
// The tester's today is 2026-12-01.

ruleTester(rule, {
  valid: [
    {
      name: 'tested 30 days ago, monthly',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  restoreTest: { last: 2026-11-01, everyDays: 30 }\n' },
    },
    {
      name: 'exactly 31 days ago without everyDays: still within the month',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  restoreTest:\n    last: 2026-10-31\n' },
    },
    {
      name: 'a quoted date, weekly tests, 6 days ago',
      files: { [T]: "topology: 1\nenvironment: production\nbackup:\n  restoreTest: { everyDays: 7, last: '2026-11-25' }\n" },
    },
    {
      name: 'a date still holding the placeholder is unfilled-placeholder\'s to report',
      files: { [T]: "topology: 1\nenvironment: production\nbackup:\n  restoreTest: { last: '<<YYYY-MM-DD>>', everyDays: 30 }\n" },
    },
    {
      name: 'a date that was recent on the day given to the rule (injected now)',
      today: '2026-03-10',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  restoreTest: { last: 2026-03-01 }\n' },
    },
  ],
  invalid: [
    {
      name: 'no backup section: reported at `environment:` (not at the format version), the restore test block is appended',
      files: { [T]: 'topology: 1\nenvironment: production\n' },
      errors: [
        {
          nodePath: 'backup.restoreTest',
          range: [2, 1, 2, 12],
          severity: 'warning',
          messageId: 'noTest',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup:
  restoreTest:
    last: '<<YYYY-MM-DD>>'
    everyDays: '<<days between restore tests>>'
` },
        },
      ],
    },
    {
      name: 'flow backup section without restoreTest: the key goes into the braces',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup: { biztalkJob: { enabled: true } }\n' },
      errors: [
        { messageId: 'noTest',
          nodePath: 'backup.restoreTest',
          range: [3, 1, 3, 7],
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup: { biztalkJob: { enabled: true }, restoreTest: { last: '<<YYYY-MM-DD>>', everyDays: '<<days between restore tests>>' } }
` },
        },
      ],
    },
    {
      name: 'a 90-day period and a date 91 days old: two findings; the period fix sets 30',
      files: {
        [T]: `topology: 1
environment: production
backup:
  restoreTest:
    everyDays: 90
    last: 2026-09-01
`,
      },
      errors: [
        {
          nodePath: 'backup.restoreTest.everyDays',
          fixOutput: null,
          range: [5, 16, 5, 18],
          messageId: 'tooRare',
          suggestions: [{ title: "Restores are now tested every 30 days: declare it", output: { [T]: `topology: 1
environment: production
backup:
  restoreTest:
    everyDays: 30
    last: 2026-09-01
` } }],
        },
        { nodePath: 'backup.restoreTest.last', range: [6, 11, 6, 21], messageId: 'overdue', fixOutput: null },
      ],
    },
    {
      name: 'overdue by the team\'s own shorter period',
      files: { [T]: "topology: 1\nenvironment: production\nbackup:\n  restoreTest: { everyDays: 7, last: '2026-11-20' }\n" },
      errors: [{ nodePath: 'backup.restoreTest.last', fixOutput: null, range: [4, 38, 4, 50], messageId: 'overdue' }],
    },
    {
      name: 'no `last` (flow): the date key is added with a placeholder',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  restoreTest: { everyDays: 7 }\n' },
      errors: [
        {
          nodePath: 'backup.restoreTest.last',
          range: [4, 3, 4, 14],
          messageId: 'noLast',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup:
  restoreTest: { everyDays: 7, last: '<<YYYY-MM-DD>>' }
` },
        },
      ],
    },
    {
      name: '`last:` written empty, CRLF and four spaces: the placeholder goes after the colon',
      files: { [T]: 'topology: 1\r\nenvironment: production\r\nbackup:\r\n    restoreTest:\r\n        last:\r\n        everyDays: 30\r\n' },
      errors: [
        {
          nodePath: 'backup.restoreTest.last',
          range: [5, 9, 5, 14],
          messageId: 'noLast',
          fixKind: 'declaration',
          fixOutput: { [T]: "topology: 1\r\nenvironment: production\r\nbackup:\r\n    restoreTest:\r\n        last: '<<YYYY-MM-DD>>'\r\n        everyDays: 30\r\n" },
        },
      ],
    },
    {
      name: 'JSON',
      files: {
        'prod.topology.json': `{
  "topology": 1,
  "environment": "production",
  "backup": {
    "offsite": { "location": "vault", "copies": 3 }
  }
}
`,
      },
      errors: [
        { messageId: 'noTest',
          nodePath: 'backup.restoreTest',
          range: [4, 3, 4, 11],
          fixKind: 'declaration',
          fixOutput: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "backup": {
    "offsite": { "location": "vault", "copies": 3 },
    "restoreTest": {
      "last": "<<YYYY-MM-DD>>",
      "everyDays": "<<days between restore tests>>"
    }
  }
}
` },
        },
      ],
    },
  ],
});
