import { defineRule } from './api';
import { CLUSTERING_DBS, SQL_EDITIONS } from './sources';

export default defineRule({
  meta: {
    id: 'sql-standard-node-limit',
    description: 'A SQL Server Standard failover cluster instance is declared with more than two nodes, or as active/active.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [SQL_EDITIONS, CLUSTERING_DBS],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const edition = inst.get('edition');
      if (edition?.str?.toLowerCase() !== 'standard') continue;
      const fc = inst.get('failoverCluster');
      if (!fc || !fc.isMap) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      const related = [{ uri: topo.uri, range: edition.entryRange, message: `${name} is SQL Server Standard` }];
      const nodes = fc.get('nodes');
      const count = nodes?.strings().length ?? 0;
      if (nodes && count > 2) {
        ctx.report({
          doc: topo.doc,
          range: nodes.range,
          message: `Failover cluster instance "${name}" is SQL Server Standard with ${count} nodes; Standard edition supports two-node failover clusters only. Use Enterprise edition or two nodes.`,
          nodePath: `sqlInstances[name=${name}].failoverCluster.nodes`,
          related,
        });
      }
      const aa = fc.get('activeActive');
      if (aa?.value === true) {
        ctx.report({
          doc: topo.doc,
          range: aa.entryRange,
          message: `Failover cluster instance "${name}" is declared active/active on SQL Server Standard. Microsoft: "If you decide to use the active/active/passive configuration on SQL Server, you must use the Enterprise Edition."`,
          nodePath: `sqlInstances[name=${name}].failoverCluster.activeActive`,
          related,
        });
      }
    }
  },
});
