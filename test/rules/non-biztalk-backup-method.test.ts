// non-biztalk-backup-method: only the Backup BizTalk Server job is a supported backup of the BizTalk databases.
import rule from '../../server/src/core/rules/non-biztalk-backup-method';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = 'topology: 1\nenvironment: production\nbackup:\n';

ruleTester(rule, {
  valid: [
    { name: 'the job only', files: { [T]: `${H}  biztalkJob: { enabled: true }\n` } },
    { name: 'ag-secondary is ag-secondary-as-backup\'s', files: { [T]: `${H}  otherMethods: [ag-secondary]\n` } },
  ],
  invalid: [
    {
      name: 'a maintenance plan and VSS besides an enabled job: one finding each, at the item',
      files: { [T]: `${H}  biztalkJob: { enabled: true }\n  otherMethods: [maintenance-plan, vss]\n` },
      errors: [
        {
          nodePath: 'backup.otherMethods:maintenance-plan',
          range: [5, 18, 5, 34],
          severity: 'error',
          messageId: 'besideJob',
          data: { what: 'a SQL Server maintenance plan', method: 'maintenance-plan' },
          fixOutput: null,
        },
        { nodePath: 'backup.otherMethods:vss', fixOutput: null, range: [5, 36, 5, 39], messageId: 'besideJob', data: { what: 'VSS snapshots', method: 'vss' } },
      ],
    },
    {
      name: 'a third-party tool and no job',
      files: { [T]: `${H}  otherMethods:\n    - third-party\n` },
      errors: [{ nodePath: 'backup.otherMethods:third-party', fixOutput: null, range: [5, 7, 5, 18], messageId: 'insteadOfJob', data: { what: 'a third-party backup', method: 'third-party' } }],
    },
  ],
});
