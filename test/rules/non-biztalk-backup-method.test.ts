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
          range: [5, 18, 5, 34],
          severity: 'error',
          message:
            "The BizTalk databases are backed up by a SQL Server maintenance plan (backup.otherMethods: maintenance-plan), which Microsoft does not support: only the Backup BizTalk Server job's marked backups restore to one consistent point. Rely on the job, and remove maintenance-plan from the list.",
          fixOutput: null,
        },
        { range: [5, 36, 5, 39], message: /^The BizTalk databases are backed up by VSS snapshots/ },
      ],
    },
    {
      name: 'a third-party tool and no job',
      files: { [T]: `${H}  otherMethods:\n    - third-party\n` },
      errors: [{ range: [5, 7, 5, 18], message: /Back them up with the Backup BizTalk Server job instead\.$/ }],
    },
  ],
});
