import rule from '../../server/src/core/rules/backup-destination-local';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    {
      name: 'UNC shares for full and log backups',
      files: {
        [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    fullDestination: '\\\\backup01\\bts\\full'
    logDestination: '//backup01/bts/log'
`,
      },
    },
    {
      name: 'an Azure blob container URL (BizTalk 2016 FP2 or later)',
      files: {
        [T]: `topology: 1
environment: production
backup:
  biztalkJob: { enabled: true, fullDestination: 'https://contoso.blob.core.windows.net/bts', logDestination: 'https://contoso.blob.core.windows.net/bts' }
`,
      },
    },
    {
      name: 'a placeholder left by a quick-fix is not a local path',
      files: {
        [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    fullDestination: '\\\\<<backup server>>\\<<share>>\\full'
`,
      },
    },
    {
      name: 'no job declared: backup-job-missing-or-disabled reports that',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup: {}\n' },
    },
    {
      name: 'a local path outside the job (the SSO secret backup) is another rule\'s concern',
      files: {
        [T]: `topology: 1
environment: production
sso:
  secretBackup: { destination: 'C:\\SSO\\secret.bak' }
backup:
  biztalkJob: { enabled: true, fullDestination: '\\\\bk\\full' }
`,
      },
    },
  ],
  invalid: [
    {
      name: 'both destinations local, one with forward slashes: two findings, each with its own fix',
      files: {
        [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    fullDestination: 'E:\\Backups\\Full'
    logDestination: "d:/bts/log"
`,
      },
      errors: [
        {
          nodePath: 'backup.biztalkJob.fullDestination',
          fixOutput: null,
          range: [6, 22, 6, 39],
          severity: 'warning',
          messageId: 'local',
          suggestions: [{ title: "The full backups now go to a share on another server: declare it", output: { [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    fullDestination: '\\\\<<backup server>>\\<<share>>\\full'
    logDestination: "d:/bts/log"
` } }],
        },
        {
          nodePath: 'backup.biztalkJob.logDestination',
          fixOutput: null,
          range: [7, 21, 7, 33],
          messageId: 'local',
          suggestions: [{ title: "The log backups now go to a share on another server: declare it", output: { [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    fullDestination: 'E:\\Backups\\Full'
    logDestination: '\\\\<<backup server>>\\<<share>>\\log'
` } }],
        },
      ],
    },
    {
      name: 'a plain (unquoted) scalar, CRLF and four-space indentation',
      files: { [T]: 'topology: 1\r\nenvironment: production\r\nbackup:\r\n    biztalkJob:\r\n        logDestination: L:\\Logs\r\n' },
      errors: [
        { messageId: 'local',
          nodePath: 'backup.biztalkJob.logDestination',
          fixOutput: null,
          range: [5, 25, 5, 32],
          suggestions: [{ title: "The log backups now go to a share on another server: declare it", output: { [T]: "topology: 1\r\nenvironment: production\r\nbackup:\r\n    biztalkJob:\r\n        logDestination: '\\\\<<backup server>>\\<<share>>\\log'\r\n" } }],
        },
      ],
    },
    {
      name: 'JSON: the fix writes a JSON string with escaped backslashes',
      files: {
        'prod.topology.json': `{"topology": 1, "environment": "production", "backup": {"biztalkJob": {"enabled": true, "fullDestination": "E:\\\\Backups"}}}`,
      },
      errors: [
        { messageId: 'local',
          nodePath: 'backup.biztalkJob.fullDestination',
          fixOutput: null,
          range: [1, 108, 1, 121],
          suggestions: [{ title: "The full backups now go to a share on another server: declare it", output: { "prod.topology.json": "{\"topology\": 1, \"environment\": \"production\", \"backup\": {\"biztalkJob\": {\"enabled\": true, \"fullDestination\": \"\\\\\\\\<<backup server>>\\\\<<share>>\\\\full\"}}}" } }],
        },
      ],
    },
    {
      name: 'development does not relax a backup rule (flow mapping)',
      files: { 'dev.topology.yaml': "topology: 1\nenvironment: development\nbackup:\n  biztalkJob: { fullDestination: 'C:\\Backup' }\n" },
      errors: [
        { messageId: 'local',
          nodePath: 'backup.biztalkJob.fullDestination',
          fixOutput: null,
          range: [4, 34, 4, 45],
          severity: 'warning',
          suggestions: [{ title: "The full backups now go to a share on another server: declare it", output: { "dev.topology.yaml": `topology: 1
environment: development
backup:
  biztalkJob: { fullDestination: '\\\\<<backup server>>\\<<share>>\\full' }
` } }],
        },
      ],
    },
  ],
});
