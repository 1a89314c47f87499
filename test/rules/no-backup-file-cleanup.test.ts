// no-backup-file-cleanup: something must delete old backup files; sp_DeleteBackupHistoryAndFiles needs DaysToKeep > 1.
import rule from '../../server/src/core/rules/no-backup-file-cleanup';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const job = (lines: string) => `topology: 1\nenvironment: production\nbackup:\n  biztalkJob:\n    enabled: true\n${lines}`;

ruleTester(rule, {
  valid: [
    { name: 'sp_DeleteBackupHistoryAndFiles keeping 14 days', files: { [T]: job('    fileRetention: { method: delete-history-and-files, daysToKeep: 14 }\n') } },
    { name: 'a maintenance plan (its days are its own)', files: { [T]: job('    daysToKeep: 1\n    fileRetention: { method: maintenance-plan }\n') } },
    { name: 'no job: backup-job-missing-or-disabled reports it', files: { [T]: 'topology: 1\nenvironment: production\n' } },
  ],
  invalid: [
    {
      name: 'nothing declared: at the job, fix inserts fileRetention',
      files: { [T]: job('') },
      errors: [
        {
          nodePath: 'backup.biztalkJob.fileRetention',
          range: [4, 3, 4, 13],
          severity: 'warning',
          messageId: 'noRetention',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    fileRetention:
      method: '<<cleanup method>>'
      daysToKeep: '<<days of backup files kept>>'
` },
        },
      ],
    },
    {
      name: 'fileRetention without a method',
      files: { [T]: job('    fileRetention:\n      daysToKeep: 7\n') },
      errors: [{ nodePath: 'backup.biztalkJob.fileRetention.method', range: [6, 5, 6, 18], messageId: 'noMethod', fixKind: 'declaration', fixOutput: { [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    fileRetention:
      daysToKeep: 7
      method: '<<cleanup method>>'
` } }],
    },
    {
      name: 'sp_DeleteBackupHistoryAndFiles with the job\'s DaysToKeep of 1: at the job\'s value',
      files: { [T]: job('    daysToKeep: 1\n    fileRetention: { method: delete-history-and-files }\n') },
      errors: [
        {
          nodePath: 'backup.biztalkJob.fileRetention.daysToKeep',
          fixOutput: null,
          range: [6, 17, 6, 18],
          messageId: 'daysTooFew',
          suggestions: [{ title: "The cleanup now keeps 14 days of backup files: declare it", output: { [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    daysToKeep: 14
    fileRetention: { method: delete-history-and-files }
` } }],
        },
      ],
    },
  ],
});
