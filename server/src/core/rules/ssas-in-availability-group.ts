import { defineRule } from './api';
import { NodePath } from './nodePath';
import { roleOf } from './dbHelpers';
import { AG } from './sources';

const SSAS = new Set(['bam-analysis', 'tracking-analysis']);

export default defineRule({
  meta: {
    id: 'ssas-in-availability-group',
    description: 'An Analysis Services database (BAMAnalysis, BizTalkAnalysisDb) is declared on an instance whose only high availability is an availability group, which Analysis Services does not take part in.',
    defaultSeverity: 'warning',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [AG],
    messages: {
      notProtected: '{{database}} is an Analysis Services database, which does not take part in the availability group of "{{instance}}", so that group does not protect it. Host it on a failover cluster instance of Analysis Services, or plan its recovery from SSAS backups, and declare it there.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const ag = inst.get('availabilityGroup');
      const fc = inst.get('failoverCluster');
      if (!ag || !ag.isMap || (fc && fc.isMap)) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      for (const db of inst.get('databases')?.items() ?? []) {
        if (!SSAS.has(roleOf(db) ?? '') || db.get('custom')?.value === true) continue;
        const dbName = db.get('name')?.str ?? 'the Analysis Services database';
        ctx.report({
          doc: topo.doc,
          range: db.get('name')?.range ?? db.range,
          messageId: 'notProtected',
          data: { database: dbName, instance: name },
          nodePath: NodePath.sqlInstance(name).database(dbName),
        });
      }
    }
  },
});
