// ag-jobs-logins-not-replicated: an AG copies neither SQL Agent jobs nor logins; BizTalk's must be on every replica.
import rule from '../../server/src/core/rules/ag-jobs-logins-not-replicated';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: BTSAGL\n';
const JOBS = "'<<true once the jobs are on every replica, guarded>>'";
const LOGINS = "'<<true once the logins are on every replica>>'";

ruleTester(rule, {
  valid: [
    { name: 'both replicated', files: { [T]: `${H}    availabilityGroup:\n      name: AG1\n      replicatedJobs: true\n      replicatedLogins: true\n` } },
    { name: 'no availability group', files: { [T]: `${H}    failoverCluster: { nodes: [N1, N2] }\n` } },
    { name: 'placeholders a fix inserted are unfilled-placeholder\'s to report', files: { [T]: `${H}    availabilityGroup: { name: AG1, replicatedJobs: ${JOBS}, replicatedLogins: ${LOGINS} }\n` } },
  ],
  invalid: [
    {
      name: 'neither declared: one finding at the key, both placeholders inserted',
      files: { [T]: `${H}    availabilityGroup:\n      name: AG1\n` },
      errors: [
        {
          nodePath: 'sqlInstances[name=BTSAGL].availabilityGroup',
          range: [5, 5, 5, 22],
          severity: 'warning',
          messageId: 'bothUndeclared',
          data: { instance: 'BTSAGL' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}    availabilityGroup:\n      name: AG1\n      replicatedJobs: ${JOBS}\n      replicatedLogins: ${LOGINS}\n` },
        },
      ],
    },
    {
      name: 'jobs declared not replicated: at the value, no fix; logins missing: its own finding (flow)',
      files: { [T]: `${H}    availabilityGroup: { name: AG1, replicatedJobs: false }\n` },
      errors: [
        {
          nodePath: 'sqlInstances[name=BTSAGL].availabilityGroup.replicatedJobs',
          range: [5, 53, 5, 58],
          messageId: 'jobsNotReplicated',
          data: { instance: 'BTSAGL' },
          fixOutput: null,
        },
        {
          nodePath: 'sqlInstances[name=BTSAGL].availabilityGroup.replicatedLogins',
          range: [5, 5, 5, 22],
          messageId: 'loginsUndeclared',
          data: { instance: 'BTSAGL' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}    availabilityGroup: { name: AG1, replicatedJobs: false, replicatedLogins: ${LOGINS} }\n` },
        },
      ],
    },
    {
      name: 'logins declared not replicated',
      files: { [T]: `${H}    availabilityGroup:\n      replicatedJobs: true\n      replicatedLogins: false\n` },
      errors: [{ nodePath: 'sqlInstances[name=BTSAGL].availabilityGroup.replicatedLogins', range: [7, 25, 7, 30], messageId: 'loginsNotReplicated', data: { instance: 'BTSAGL' }, fixOutput: null }],
    },
    {
      name: '`replicatedJobs:` written empty: the placeholder goes after the colon',
      files: { [T]: `${H}    availabilityGroup:\n      replicatedJobs:\n      replicatedLogins: true\n` },
      errors: [
        {
          nodePath: 'sqlInstances[name=BTSAGL].availabilityGroup.replicatedJobs',
          range: [6, 7, 6, 22],
          messageId: 'jobsUndeclared',
          data: { instance: 'BTSAGL' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}    availabilityGroup:\n      replicatedJobs: ${JOBS}\n      replicatedLogins: true\n` },
        },
      ],
    },
  ],
});
