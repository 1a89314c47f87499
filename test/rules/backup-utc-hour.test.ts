// backup-utc-hour: the Backup BizTalk Server job should use local time (UseLocalTime = 1).
import rule from '../../server/src/core/rules/backup-utc-hour';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const job = (body: string) => `topology: 1\nenvironment: production\nbackup:\n  biztalkJob:\n${body}`;
const FACT = "'<<true once UseLocalTime is 1>>'";

ruleTester(rule, {
  valid: [
    { name: 'local time', files: { [T]: job('    enabled: true\n    useLocalTime: true\n') } },
    { name: 'no job declared: backup-job-missing-or-disabled reports it', files: { [T]: 'topology: 1\nenvironment: production\n' } },
    { name: 'a placeholder is unfilled-placeholder\'s', files: { [T]: job(`    useLocalTime: ${FACT}\n`) } },
  ],
  invalid: [
    {
      name: 'not declared: at the job key, info, a placeholder inserted',
      files: { [T]: job('    enabled: true\n') },
      errors: [
        {
          nodePath: 'backup.biztalkJob.useLocalTime',
          range: [4, 3, 4, 13],
          severity: 'info',
          messageId: 'undeclared',
          data: { when: 'full backups start at midnight UTC' },
          fixKind: 'declaration', fixOutput: { [T]: job(`    enabled: true\n    useLocalTime: ${FACT}\n`) },
        },
      ],
    },
    {
      name: 'declared off with a backup hour: at the value, no fix',
      files: { [T]: job('    backupHour: 2\n    useLocalTime: false\n') },
      errors: [
        {
          nodePath: 'backup.biztalkJob.useLocalTime',
          range: [6, 19, 6, 24],
          messageId: 'utc',
          data: { when: 'BackupHour 2 is 2:00 UTC' },
          fixOutput: null,
        },
      ],
    },
  ],
});
