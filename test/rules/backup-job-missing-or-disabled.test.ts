import rule from '../../server/src/core/rules/backup-job-missing-or-disabled';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    {
      name: 'the job declared and enabled',
      files: {
        [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    fullDestination: '\\\\backup01\\bts\\full'
`,
      },
    },
    {
      name: 'flow style, enabled',
      files: { [T]: `topology: 1\nenvironment: production\nbackup: { biztalkJob: { enabled: true } }\n` },
    },
    {
      name: 'JSON, enabled',
      files: { 'prod.topology.json': `{ "topology": 1, "environment": "production", "backup": { "biztalkJob": { "enabled": true } } }` },
    },
    {
      name: 'no topology: nothing to check',
      files: { 'b.xml': '<BindingInfo><SendPortCollection/></BindingInfo>' },
    },
  ],
  invalid: [
    {
      name: 'no backup section: reported at `environment:` (not at the format version), the whole job block is appended',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances: []
`,
      },
      errors: [
        {
          nodePath: 'backup.biztalkJob',
          range: [2, 1, 2, 12],
          severity: 'error',
          messageId: 'missing',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances: []
backup:
  biztalkJob:
    enabled: '<<job enabled: true or false>>'
    fullFrequency: d
    fullDestination: '\\\\<<backup server>>\\<<share>>\\full'
    logDestination: '\\\\<<backup server>>\\<<share>>\\log'
    logIntervalMinutes: 15
    daysToKeep: 14
    forceFullAfterPartialFailure: true
` },
        },
      ],
    },
    {
      name: 'a backup section without the job: reported at `backup`, the job goes inside it (four-space indentation)',
      files: {
        [T]: `topology: 1
environment: production
backup:
    offsite: { location: vault, copies: 3 }
`,
      },
      errors: [
        {
          nodePath: 'backup.biztalkJob',
          range: [3, 1, 3, 7],
          messageId: 'missing',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup:
    offsite: { location: vault, copies: 3 }
    biztalkJob:
        enabled: '<<job enabled: true or false>>'
        fullFrequency: d
        fullDestination: '\\\\<<backup server>>\\<<share>>\\full'
        logDestination: '\\\\<<backup server>>\\<<share>>\\log'
        logIntervalMinutes: 15
        daysToKeep: 14
        forceFullAfterPartialFailure: true
` },
        },
      ],
    },
    {
      name: 'declared disabled, flow style: false becomes true',
      files: { [T]: `topology: 1\nenvironment: production\nbackup: { biztalkJob: { enabled: false, daysToKeep: 14 } }\n` },
      errors: [
        {
          nodePath: 'backup.biztalkJob.enabled',
          fixOutput: null,
          range: [3, 25, 3, 39],
          messageId: 'disabled',
          suggestions: [{ title: "The Backup BizTalk Server job is now enabled: declare it", output: { [T]: `topology: 1
environment: production
backup: { biztalkJob: { enabled: true, daysToKeep: 14 } }
` } }],
        },
      ],
    },
    {
      name: 'JSON without `enabled`: reported at the job key, the key is added',
      files: {
        'prod.topology.json': `{
  "topology": 1,
  "environment": "production",
  "backup": {
    "biztalkJob": {
      "fullFrequency": "d"
    }
  }
}`,
      },
      errors: [
        {
          nodePath: 'backup.biztalkJob.enabled',
          range: [5, 5, 5, 17],
          messageId: 'notSaid',
          fixKind: 'declaration',
          fixOutput: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "backup": {
    "biztalkJob": {
      "fullFrequency": "d",
      "enabled": "<<job enabled: true or false>>"
    }
  }
}` },
          suggestions: [{ title: "The Backup BizTalk Server job is now enabled: declare it", output: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "backup": {
    "biztalkJob": {
      "fullFrequency": "d",
      "enabled": true
    }
  }
}` } }],
        },
      ],
    },
    {
      name: 'CRLF and `biztalkJob:` written empty: the job block goes under the key',
      files: { [T]: 'topology: 1\r\nenvironment: staging\r\nbackup:\r\n    biztalkJob:\r\n' },
      errors: [
        {
          nodePath: 'backup.biztalkJob',
          range: [4, 5, 4, 15],
          messageId: 'missing',
          fixKind: 'declaration',
          fixOutput: { [T]: "topology: 1\r\nenvironment: staging\r\nbackup:\r\n    biztalkJob:\r\n        enabled: '<<job enabled: true or false>>'\r\n        fullFrequency: d\r\n        fullDestination: '\\\\<<backup server>>\\<<share>>\\full'\r\n        logDestination: '\\\\<<backup server>>\\<<share>>\\log'\r\n        logIntervalMinutes: 15\r\n        daysToKeep: 14\r\n        forceFullAfterPartialFailure: true\r\n" },
        },
      ],
    },
    {
      name: '`enabled:` written empty does not say enabled; the fix puts the value after the colon',
      files: {
        [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled:
    daysToKeep: 14
`,
      },
      errors: [
        {
          nodePath: 'backup.biztalkJob.enabled',
          fixOutput: null,
          range: [5, 5, 5, 13],
          messageId: 'notSaid',
          suggestions: [{ title: "The Backup BizTalk Server job is now enabled: declare it", output: { [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    daysToKeep: 14
` } }],
        },
      ],
    },
    {
      name: 'development does not relax a backup rule',
      files: { 'dev.topology.yaml': 'topology: 1\nenvironment: development\n' },
      errors: [{ messageId: 'missing', nodePath: 'backup.biztalkJob', fixKind: 'declaration', fixOutput: { 'dev.topology.yaml': 'topology: 1\nenvironment: development\nbackup:\n  biztalkJob:\n    enabled: \'<<job enabled: true or false>>\'\n    fullFrequency: d\n    fullDestination: \'\\\\<<backup server>>\\<<share>>\\full\'\n    logDestination: \'\\\\<<backup server>>\\<<share>>\\log\'\n    logIntervalMinutes: 15\n    daysToKeep: 14\n    forceFullAfterPartialFailure: true\n' }, range: [2, 1, 2, 12], severity: 'error' }],
    },
  ],
});
