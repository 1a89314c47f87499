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
          nodePath: 'backup.biztalkJob.forceFullAfterPartialFailure',
          range: [5, 20, 5, 21],
          severity: 'warning',
          messageId: 'undeclared',
          data: { period: 'weekly' },
          fixKind: 'declaration', fixOutput: { [T]: job(`    fullFrequency: w\n    forceFullAfterPartialFailure: ${FACT}\n`) },
        },
      ],
    },
    {
      name: 'monthly (written M), flag declared off: at the flag, no fix',
      files: { [T]: job('    fullFrequency: M\n    forceFullAfterPartialFailure: false\n') },
      errors: [
        {
          nodePath: 'backup.biztalkJob.forceFullAfterPartialFailure',
          range: [6, 35, 6, 40],
          messageId: 'declaredOff',
          data: { period: 'monthly' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'yearly, flow style, key written empty',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup: { biztalkJob: { fullFrequency: y, forceFullAfterPartialFailure: } }\n' },
      errors: [
        {
          nodePath: 'backup.biztalkJob.forceFullAfterPartialFailure',
          range: [3, 40, 3, 41],
          messageId: 'undeclared',
          data: { period: 'yearly' },
          fixKind: 'declaration', fixOutput: { [T]: `topology: 1\nenvironment: production\nbackup: { biztalkJob: { fullFrequency: y, forceFullAfterPartialFailure: ${FACT} } }\n` },
        },
      ],
    },
  ],
});
