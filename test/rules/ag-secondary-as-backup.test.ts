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
          nodePath: 'backup.otherMethods:ag-secondary',
          range: [4, 23, 4, 35],
          severity: 'error',
          messageId: 'withoutJob',
          fixOutput: null,
        },
      ],
    },
    {
      name: 'with the job enabled: keep the job, drop the item',
      files: { [T]: 'topology: 1\nenvironment: development\nbackup:\n  biztalkJob: { enabled: true }\n  otherMethods:\n    - ag-secondary\n' },
      errors: [{ nodePath: 'backup.otherMethods:ag-secondary', fixOutput: null, range: [6, 7, 6, 19], severity: 'error', messageId: 'withJob' }],
    },
  ],
});
