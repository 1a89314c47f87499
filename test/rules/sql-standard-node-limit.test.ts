// sql-standard-node-limit: SQL Server Standard failover clusters have at most two nodes; two 2-node
// active/active instances are fine, active/active/passive (three or more nodes) needs Enterprise.
import rule from '../../server/src/core/rules/sql-standard-node-limit';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const inst = (edition: string, fc: string) => `topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    edition: ${edition}\n    failoverCluster:\n${fc}`;

ruleTester(rule, {
  valid: [
    { name: 'Standard with two nodes', files: { [T]: inst('Standard', '      nodes: [N1, N2]\n') } },
    { name: 'Enterprise with three nodes, active/active', files: { [T]: inst('Enterprise', '      nodes: [N1, N2, N3]\n      activeActive: true\n') } },
    { name: 'no edition declared', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQL1, failoverCluster: { nodes: [A, B, C] } }\n' } },
    { name: 'two 2-node active/active instances on Standard are supported', files: { [T]: inst('standard', '      nodes: [N1, N2]\n      activeActive: true\n') } },
    { name: 'the same node written twice is one node', files: { [T]: inst('Standard', '      nodes: [N1, N2, n2]\n') } },
    { name: 'Standard without a cluster', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQL1, edition: Standard }\n' } },
  ],
  invalid: [
    {
      name: 'three nodes on Standard: at the nodes list',
      files: { [T]: inst('Standard', '      nodes: [N1, N2, N3]\n') },
      errors: [{ nodePath: 'sqlInstances[name=SQL1].failoverCluster.nodes', range: [7, 14, 7, 26], severity: 'error', messageId: 'tooManyNodes', data: { instance: 'SQL1', count: 3 }, fixOutput: null }],
    },
    {
      name: 'active/active/passive on Standard (edition matched case-insensitively): one finding, at the nodes',
      files: { [T]: inst('standard', '      nodes: [N1, N2, N3]\n      activeActive: true\n') },
      errors: [{ nodePath: 'sqlInstances[name=SQL1].failoverCluster.nodes', fixOutput: null, range: [7, 14, 7, 26], messageId: 'activeActivePassive', data: { instance: 'SQL1', count: 3 } }],
    },
    {
      name: 'development: info',
      files: { 'dev.topology.yaml': inst('Standard', '      nodes: [N1, N2, N3]\n').replace('production', 'development') },
      errors: [{ nodePath: 'sqlInstances[name=SQL1].failoverCluster.nodes', fixOutput: null, range: [7, 14, 7, 26], severity: 'info', messageId: 'tooManyNodes' }],
    },
  ],
});
