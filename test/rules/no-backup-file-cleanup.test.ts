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
          range: [4, 3, 4, 13],
          severity: 'warning',
          message:
            'The Backup BizTalk Server job declares nothing that deletes old backup files (fileRetention). Its Clear Backup History step only trims the history table: Microsoft: it "does not delete backup files", so the backup disk fills up and the job fails. Use sp_DeleteBackupHistoryAndFiles, a maintenance cleanup task or an archive job.',
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
      errors: [{ range: [6, 5, 6, 18], message: /does not say what deletes the old backup files/, fixKind: 'declaration', fixOutput: { [T]: `topology: 1
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
          range: [6, 17, 6, 18],
          message: 'Old backup files are deleted by sp_DeleteBackupHistoryAndFiles with 1 day to keep; the procedure does nothing when @DaysToKeep is 1 or less, so no file is ever deleted. Keep at least 2 days (14 is the default).',
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
