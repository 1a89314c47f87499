// log-interval-exceeds-rpo: policy.rpoMinutes against backup.biztalkJob.logIntervalMinutes.
import rule from '../../server/src/core/rules/log-interval-exceeds-rpo';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const topo = (policy: string, job: string) => `topology: 1\nenvironment: production\n${policy}backup:\n  biztalkJob:\n    enabled: true\n${job}`;

ruleTester(rule, {
  valid: [
    { name: 'interval within the RPO', files: { [T]: topo('policy:\n  rpoMinutes: 15\n', '    logIntervalMinutes: 15\n') } },
    { name: 'the default 15 minutes within a 30-minute RPO', files: { [T]: topo('policy: { rpoMinutes: 30 }\n', '') } },
    { name: 'no backup job: backup-job-missing-or-disabled reports it', files: { [T]: 'topology: 1\nenvironment: production\npolicy: { rpoMinutes: 5 }\n' } },
  ],
  invalid: [
    {
      name: 'interval longer than the RPO: at the interval, fix sets it to the RPO',
      files: { [T]: topo('policy:\n  rpoMinutes: 10\n', '    logIntervalMinutes: 30\n') },
      errors: [
        {
          nodePath: 'backup.biztalkJob.logIntervalMinutes',
          fixOutput: null,
          range: [8, 25, 8, 27],
          severity: 'error',
          messageId: 'exceeds',
          suggestions: [{ title: "The job now backs up the logs every 10 minutes (MarkAndBackupLogSched): declare it", output: { [T]: `topology: 1
environment: production
policy:
  rpoMinutes: 10
backup:
  biztalkJob:
    enabled: true
    logIntervalMinutes: 10
` } }],
        },
      ],
    },
    {
      name: 'the default interval (15) against a 5-minute RPO: at the job, fix inserts the interval',
      files: { [T]: topo('policy: { rpoMinutes: 5 }\n', '') },
      errors: [{ nodePath: 'backup.biztalkJob.logIntervalMinutes', fixOutput: null, range: [5, 3, 5, 13], messageId: 'exceeds', suggestions: [{ title: "The job now backs up the logs every 5 minutes (MarkAndBackupLogSched): declare it", output: { [T]: `topology: 1
environment: production
policy: { rpoMinutes: 5 }
backup:
  biztalkJob:
    enabled: true
    logIntervalMinutes: 5
` } }] }],
    },
    {
      name: 'an RPO of 0 cannot be met by any interval: no fix',
      files: { [T]: topo('policy: { rpoMinutes: 0 }\n', '    logIntervalMinutes: 1\n') },
      errors: [{ nodePath: 'backup.biztalkJob.logIntervalMinutes', range: [7, 25, 7, 26], messageId: 'zeroRpo', fixOutput: null }],
    },
    {
      name: 'no RPO declared: info at `environment:` (not at the format version), fix declares a placeholder',
      files: { [T]: topo('', '    logIntervalMinutes: 15\n') },
      errors: [
        {
          nodePath: 'policy.rpoMinutes',
          range: [2, 1, 2, 12],
          severity: 'info',
          messageId: 'noRpo',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    logIntervalMinutes: 15
policy:
  rpoMinutes: '<<minutes of data you may lose>>'
` },
        },
      ],
    },
  ],
});
