// full-backup-long-period-no-force: weekly or rarer full backups need ForceFullBackupAfterPartialSetFailure.
import rule from '../../server/src/core/rules/full-backup-long-period-no-force';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const job = (body: string) => `topology: 1\nenvironment: production\nbackup:\n  biztalkJob:\n${body}`;
const FACT = "'<<true once ForceFullBackupAfterPartialSetFailure is 1>>'";

ruleTester(rule, {
  valid: [
    { name: 'daily full backups (the default)', files: { [T]: job('    fullFrequency: d\n') } },
    { name: 'hourly', files: { [T]: job('    fullFrequency: h\n    forceFullAfterPartialFailure: false\n') } },
    { name: 'weekly with the flag on', files: { [T]: job('    fullFrequency: w\n    forceFullAfterPartialFailure: true\n') } },
    { name: 'a placeholder is unfilled-placeholder\'s', files: { [T]: job(`    fullFrequency: m\n    forceFullAfterPartialFailure: ${FACT}\n`) } },
  ],
  invalid: [
    {
      name: 'weekly, flag not declared: at the frequency, a placeholder inserted',
      files: { [T]: job('    fullFrequency: w\n') },
      errors: [
        {
          range: [5, 20, 5, 21],
          severity: 'warning',
          message:
            'Full backups run weekly, and the job does not say ForceFullBackupAfterPartialSetFailure is on (it is off by default), so a failed full backup waits for the next period. Set the parameter to 1, then declare forceFullAfterPartialFailure: true.',
          fixKind: 'declaration', fixOutput: { [T]: job(`    fullFrequency: w\n    forceFullAfterPartialFailure: ${FACT}\n`) },
        },
      ],
    },
    {
      name: 'monthly (written M), flag declared off: at the flag, no fix',
      files: { [T]: job('    fullFrequency: M\n    forceFullAfterPartialFailure: false\n') },
      errors: [
        {
          range: [6, 35, 6, 40],
          message:
            "Full backups run monthly with ForceFullBackupAfterPartialSetFailure off, so after a failed full backup none is retried until the next period. Set the BackupFull step's parameter to 1, then declare forceFullAfterPartialFailure: true.",
          fixOutput: null,
        },
      ],
    },
    {
      name: 'yearly, flow style, key written empty',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup: { biztalkJob: { fullFrequency: y, forceFullAfterPartialFailure: } }\n' },
      errors: [
        {
          range: [3, 40, 3, 41],
          fixKind: 'declaration', fixOutput: { [T]: `topology: 1\nenvironment: production\nbackup: { biztalkJob: { fullFrequency: y, forceFullAfterPartialFailure: ${FACT} } }\n` },
        },
      ],
    },
  ],
});
