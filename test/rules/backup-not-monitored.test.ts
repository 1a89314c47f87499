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
          nodePath: 'backup.biztalkJob.monitoring',
          range: [4, 3, 4, 13],
          severity: 'warning',
          messageId: 'undeclared',
          data: { what: 'the Backup BizTalk Server job', path: 'backup.biztalkJob' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}backup:\n  biztalkJob:\n    enabled: true\n    monitoring:\n      alertOnFailure: ${ALERT}\n      tool: ${TOOL}\n` },
        },
      ],
    },
    {
      name: 'log shipping with monitoring that names a tool only: alertOnFailure inserted',
      files: { [T]: `${H}dr:\n  logShipping: biztalk\n  monitoring: { tool: SCOM }\n` },
      errors: [
        {
          nodePath: 'dr.monitoring',
          range: [5, 3, 5, 29],
          messageId: 'undeclared',
          data: { what: 'the BizTalk log-shipping jobs', path: 'dr' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}dr:\n  logShipping: biztalk\n  monitoring: { tool: SCOM, alertOnFailure: ${ALERT} }\n` },
        },
      ],
    },
    {
      name: 'alerts declared off: at the value, no fix',
      files: { [T]: `${H}backup:\n  biztalkJob:\n    monitoring:\n      alertOnFailure: false\n` },
      errors: [
        {
          nodePath: 'backup.biztalkJob.monitoring.alertOnFailure',
          range: [6, 23, 6, 28],
          messageId: 'noAlert',
          data: { what: 'the Backup BizTalk Server job' },
          fixOutput: null,
        },
      ],
    },
  ],
});
