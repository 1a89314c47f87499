// backup-not-monitored: a failure of the backup job (or of the log-shipping jobs) must raise an alert.
import rule from '../../server/src/core/rules/backup-not-monitored';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = 'topology: 1\nenvironment: production\n';
const ALERT = "'<<true once a failure raises an alert>>'";
const TOOL = "'<<monitoring tool>>'";

ruleTester(rule, {
  valid: [
    { name: 'the job alerts on failure', files: { [T]: `${H}backup:\n  biztalkJob:\n    monitoring: { alertOnFailure: true, tool: SCOM }\n` } },
    { name: 'no job, no DR: nothing to monitor', files: { [T]: H } },
    { name: 'DR without BizTalk log shipping', files: { [T]: `${H}dr:\n  logShipping: none\n` } },
    { name: 'a placeholder is unfilled-placeholder\'s', files: { [T]: `${H}backup:\n  biztalkJob:\n    monitoring: { alertOnFailure: ${ALERT} }\n` } },
  ],
  invalid: [
    {
      name: 'the job without monitoring: at the job key, a monitoring block inserted',
      files: { [T]: `${H}backup:\n  biztalkJob:\n    enabled: true\n` },
      errors: [
        {
          range: [4, 3, 4, 13],
          severity: 'warning',
          message:
            'The topology does not say how a failure of the Backup BizTalk Server job is noticed (backup.biztalkJob.monitoring). Alert on the SQL Server Agent job failures (SCOM, an operator e-mail…), then declare monitoring: { alertOnFailure: true, tool: … }.',
          fixKind: 'declaration', fixOutput: { [T]: `${H}backup:\n  biztalkJob:\n    enabled: true\n    monitoring:\n      alertOnFailure: ${ALERT}\n      tool: ${TOOL}\n` },
        },
      ],
    },
    {
      name: 'log shipping with monitoring that names a tool only: alertOnFailure inserted',
      files: { [T]: `${H}dr:\n  logShipping: biztalk\n  monitoring: { tool: SCOM }\n` },
      errors: [
        {
          range: [5, 3, 5, 29],
          message: /^The topology does not say how a failure of the BizTalk log-shipping jobs is noticed \(dr\.monitoring\)/,
          fixKind: 'declaration', fixOutput: { [T]: `${H}dr:\n  logShipping: biztalk\n  monitoring: { tool: SCOM, alertOnFailure: ${ALERT} }\n` },
        },
      ],
    },
    {
      name: 'alerts declared off: at the value, no fix',
      files: { [T]: `${H}backup:\n  biztalkJob:\n    monitoring:\n      alertOnFailure: false\n` },
      errors: [
        {
          range: [6, 23, 6, 28],
          message: 'No alert is raised when the Backup BizTalk Server job fails, so backups can stop unnoticed. Alert on the SQL Server Agent job failures (SCOM, an operator e-mail…), then declare alertOnFailure: true.',
          fixOutput: null,
        },
      ],
    },
  ],
});
