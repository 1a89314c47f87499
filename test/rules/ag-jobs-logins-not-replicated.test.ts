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
          range: [5, 5, 5, 22],
          severity: 'warning',
          message:
            'The availability group of "BTSAGL" does not say that BizTalk\'s SQL Agent jobs and logins exist on every replica (replicatedJobs, replicatedLogins); an availability group copies neither. Script them onto each replica, each job step guarded by sys.fn_hadr_is_primary_replica, then declare both.',
          fixKind: 'declaration', fixOutput: { [T]: `${H}    availabilityGroup:\n      name: AG1\n      replicatedJobs: ${JOBS}\n      replicatedLogins: ${LOGINS}\n` },
        },
      ],
    },
    {
      name: 'jobs declared not replicated: at the value, no fix; logins missing: its own finding (flow)',
      files: { [T]: `${H}    availabilityGroup: { name: AG1, replicatedJobs: false }\n` },
      errors: [
        {
          range: [5, 53, 5, 58],
          message:
            'The BizTalk SQL Agent jobs of "BTSAGL" are declared not replicated; after a failover nothing backs up or cleans up the databases. Create them on every replica, each step inside IF (sys.fn_hadr_is_primary_replica(\'db\') = 1), then declare replicatedJobs: true.',
          fixOutput: null,
        },
        {
          range: [5, 5, 5, 22],
          message: 'The availability group of "BTSAGL" does not say that BizTalk\'s logins exist on every replica (replicatedLogins). Script them onto each replica, then declare replicatedLogins: true.',
          fixKind: 'declaration', fixOutput: { [T]: `${H}    availabilityGroup: { name: AG1, replicatedJobs: false, replicatedLogins: ${LOGINS} }\n` },
        },
      ],
    },
    {
      name: 'logins declared not replicated',
      files: { [T]: `${H}    availabilityGroup:\n      replicatedJobs: true\n      replicatedLogins: false\n` },
      errors: [{ range: [7, 25, 7, 30], message: /^The BizTalk logins of "BTSAGL" are declared not replicated/, fixOutput: null }],
    },
    {
      name: '`replicatedJobs:` written empty: the placeholder goes after the colon',
      files: { [T]: `${H}    availabilityGroup:\n      replicatedJobs:\n      replicatedLogins: true\n` },
      errors: [
        {
          range: [6, 7, 6, 22],
          message: /^The availability group of "BTSAGL" does not say that BizTalk's SQL Agent jobs exist on every replica/,
          fixKind: 'declaration', fixOutput: { [T]: `${H}    availabilityGroup:\n      replicatedJobs: ${JOBS}\n      replicatedLogins: true\n` },
        },
      ],
    },
  ],
});
