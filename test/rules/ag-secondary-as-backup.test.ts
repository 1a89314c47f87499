// ag-secondary-as-backup: availability group secondaries are not backups.
import rule from '../../server/src/core/rules/ag-secondary-as-backup';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    { name: 'other methods only', files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  otherMethods: [third-party]\n' } },
    { name: 'no otherMethods', files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  biztalkJob: { enabled: true }\n' } },
  ],
  invalid: [
    {
      name: 'ag-secondary listed, no job: at the item',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  otherMethods: [vss, ag-secondary]\n' },
      errors: [
        {
          range: [4, 23, 4, 35],
          severity: 'error',
          message:
            'The availability group\'s secondary replicas are listed as a backup method (backup.otherMethods: ag-secondary). Microsoft: "Secondary databases in availability group are not backups": a replica applies every change at once, deletions and corruption included, and keeps no point to go back to. Back the databases up with the Backup BizTalk Server job, the only supported method.',
          fixOutput: null,
        },
      ],
    },
    {
      name: 'with the job enabled: keep the job, drop the item',
      files: { [T]: 'topology: 1\nenvironment: development\nbackup:\n  biztalkJob: { enabled: true }\n  otherMethods:\n    - ag-secondary\n' },
      errors: [{ range: [6, 7, 6, 19], severity: 'error', message: /Keep the Backup BizTalk Server job as the backup, and remove ag-secondary from the list\.$/ }],
    },
  ],
});
