// sql-standard-node-limit: SQL Server Standard failover clusters have two nodes and no active/active.
import rule from '../../server/src/core/rules/sql-standard-node-limit';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const inst = (edition: string, fc: string) => `topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    edition: ${edition}\n    failoverCluster:\n${fc}`;

ruleTester(rule, {
  valid: [
    { name: 'Standard with two nodes', files: { [T]: inst('Standard', '      nodes: [N1, N2]\n') } },
    { name: 'Enterprise with three nodes, active/active', files: { [T]: inst('Enterprise', '      nodes: [N1, N2, N3]\n      activeActive: true\n') } },
    { name: 'no edition declared', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQL1, failoverCluster: { nodes: [A, B, C] } }\n' } },
    { name: 'Standard without a cluster', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQL1, edition: Standard }\n' } },
  ],
  invalid: [
    {
      name: 'three nodes on Standard: at the nodes list',
      files: { [T]: inst('Standard', '      nodes: [N1, N2, N3]\n') },
      errors: [{ range: [7, 14, 7, 26], severity: 'error', message: 'Failover cluster instance "SQL1" is SQL Server Standard with 3 nodes; Standard edition supports two-node failover clusters only. Use Enterprise edition or two nodes.', fixOutput: null }],
    },
    {
      name: 'active/active on Standard (edition matched case-insensitively)',
      files: { [T]: inst('standard', '      nodes: [N1, N2]\n      activeActive: true\n') },
      errors: [{ range: [8, 7, 8, 25], message: /^Failover cluster instance "SQL1" is declared active\/active on SQL Server Standard\. Microsoft: "If you decide to use the active\/active\/passive configuration/ }],
    },
    {
      name: 'development: info',
      files: { 'dev.topology.yaml': inst('Standard', '      nodes: [N1, N2, N3]\n').replace('production', 'development') },
      errors: [{ range: [7, 14, 7, 26], severity: 'info' }],
    },
  ],
});
