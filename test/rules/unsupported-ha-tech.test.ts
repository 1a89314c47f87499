// unsupported-ha-tech: mirroring, VSS and SQL Server log shipping are not supported for the BizTalk databases.
import rule from '../../server/src/core/rules/unsupported-ha-tech';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const inst = (m: string) => `topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    haMethod: ${m}\n`;

ruleTester(rule, {
  valid: [{ name: 'no haMethod', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQL1, failoverCluster: { nodes: [A, B] } }\n' } }],
  invalid: [
    {
      name: 'database mirroring',
      files: { [T]: inst('mirroring') },
      errors: [{ nodePath: 'sqlInstances[name=SQL1].haMethod', range: [5, 15, 5, 24], severity: 'error', messageId: 'unsupported', fixOutput: null }],
    },
    { name: 'VSS snapshots', files: { [T]: inst('vss') }, errors: [{ nodePath: 'sqlInstances[name=SQL1].haMethod', fixOutput: null, range: [5, 15, 5, 18], messageId: 'unsupported' }] },
    { name: 'SQL Server log shipping', files: { [T]: inst('sql-log-shipping') }, errors: [{ nodePath: 'sqlInstances[name=SQL1].haMethod', fixOutput: null, range: [5, 15, 5, 31], messageId: 'unsupported' }] },
    { name: 'test: info', files: { 'test.topology.yaml': inst('vss').replace('production', 'test') }, errors: [{ messageId: 'unsupported', nodePath: 'sqlInstances[name=SQL1].haMethod', fixOutput: null, range: [5, 15, 5, 18], severity: 'info' }] },
  ],
});
