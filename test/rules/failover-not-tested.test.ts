// failover-not-tested: practise database failover regularly.
import rule from '../../server/src/core/rules/failover-not-tested';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLBTS\\BTS\n';
// The tester's today is 2026-12-01.

ruleTester(rule, {
  valid: [
    { name: 'a failover cluster tested this year', files: { [T]: `${H}    failoverCluster:\n      nodes: [N1, N2]\n      lastFailoverTest: 2026-06-01\n` } },
    { name: 'an availability group tested 365 days ago', files: { [T]: `${H}    availabilityGroup: { name: AG1, lastFailoverTest: '2025-12-01' }\n` } },
    { name: 'no cluster, no AG: nothing to fail over', files: { [T]: H } },
    { name: 'a placeholder is unfilled-placeholder\'s', files: { [T]: `${H}    failoverCluster: { nodes: [N1, N2], lastFailoverTest: '<<YYYY-MM-DD>>' }\n` } },
  ],
  invalid: [
    {
      name: 'no test declared: at `failoverCluster`, the date inserted as a placeholder',
      files: { [T]: `${H}    failoverCluster:\n      nodes: [N1, N2]\n` },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLBTS\\BTS].failoverCluster.lastFailoverTest',
          range: [5, 5, 5, 20],
          severity: 'warning',
          messageId: 'untested',
          data: { what: 'failover cluster instance', instance: 'SQLBTS\\BTS', target: 'node' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}    failoverCluster:\n      nodes: [N1, N2]\n      lastFailoverTest: '<<YYYY-MM-DD>>'\n` },
        },
      ],
    },
    {
      name: 'an AG tested 366 days ago: at the date, no fix',
      files: { [T]: `${H}    availabilityGroup: { name: AG1, lastFailoverTest: 2025-11-30 }\n` },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLBTS\\BTS].availabilityGroup.lastFailoverTest',
          range: [5, 55, 5, 65],
          messageId: 'stale',
          data: { what: 'availability group', instance: 'SQLBTS\\BTS', date: '2025-11-30', days: 366 },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'test environment: info',
      files: { [T]: `${H}    availabilityGroup: { name: AG1 }\n`.replace('production', 'test') },
      errors: [{ nodePath: 'sqlInstances[name=SQLBTS\\BTS].availabilityGroup.lastFailoverTest', range: [5, 5, 5, 22], messageId: 'untested', severity: 'info', fixKind: 'declaration', fixOutput: { [T]: `${H}    availabilityGroup: { name: AG1, lastFailoverTest: '<<YYYY-MM-DD>>' }\n`.replace('production', 'test') } }],
    },
  ],
});
