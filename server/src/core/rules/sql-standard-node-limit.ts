import { defineRule } from './api';
import { NodePath } from './nodePath';
import { CLUSTERING_DBS, SQL_EDITIONS } from './sources';

export default defineRule({
  meta: {
    id: 'sql-standard-node-limit',
    description: 'A SQL Server Standard failover cluster instance is declared with more than two nodes (Standard supports two-node clusters; active/active/passive needs Enterprise).',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [SQL_EDITIONS, CLUSTERING_DBS],
    messages: {
      tooManyNodes: 'Failover cluster instance "{{instance}}" is SQL Server Standard with {{count}} nodes; Standard supports two. Use two nodes, or SQL Server Enterprise.',
      activeActivePassive: 'Failover cluster instance "{{instance}}" is SQL Server Standard in an active/active/passive cluster of {{count}} nodes, which needs Enterprise. Use SQL Server Enterprise, or two nodes.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const edition = inst.get('edition');
      if (edition?.str?.toLowerCase() !== 'standard') continue;
      const fc = inst.get('failoverCluster');
      if (!fc || !fc.isMap) continue;
      const nodes = fc.get('nodes');
      const count = new Set((nodes?.strings() ?? []).map((n) => (n.str ?? '').trim().toLowerCase())).size;
      // Two nodes are within Standard's limit, active/active included (two instances, each the other's
      // failover partner): Microsoft's Enterprise requirement is for active/active/passive, three or more.
      if (!nodes || count <= 2) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      const aa = fc.get('activeActive');
      ctx.report({
        doc: topo.doc,
        range: nodes.range,
        messageId: aa?.value === true ? 'activeActivePassive' : 'tooManyNodes',
        data: { instance: name, count },
        nodePath: NodePath.sqlInstance(name).key('failoverCluster', 'nodes'),
        related: [
          { uri: topo.uri, range: edition.entryRange, message: `${name} is SQL Server Standard` },
          ...(aa?.value === true ? [{ uri: topo.uri, range: aa.entryRange, message: 'Declared active/active' }] : []),
        ],
      });
    }
  },
});
