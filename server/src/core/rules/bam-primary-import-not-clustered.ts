import { defineRule } from './api';
import { reportUnclusteredInstance, reportUndeclaredServer, unclustered } from './dbHelpers';
import { HADB, PPFT } from './sources';

export default defineRule({
  meta: {
    id: 'bam-primary-import-not-clustered',
    description: 'The SQL Server instance that holds the BAM Primary Import database is neither a failover cluster instance nor in an availability group.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: true,
    fixKinds: ['fix', 'suggestion'],
    byEnvironment: 'availability',
    sources: [PPFT, HADB],
    messages: {
      notClustered: 'SQL instance "{{instance}}" holds BAM Primary Import ({{databases}}) but {{gap}}; lost BAM events cannot be regenerated. Run it on a SQL Server failover cluster instance (or availability group) and declare it here.',
      undeclaredServer: 'BAM Primary Import ({{database}}) is on SQL Server "{{server}}", which the topology does not declare. Declare it under sqlInstances with its failoverCluster or availabilityGroup.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const { instances, undeclared } = unclustered(ctx, ['BAMPrimaryImport'], ['bam-primary-import']);
    for (const u of instances) {
      reportUnclusteredInstance(ctx, u, 'BAMPrimaryImport');
    }
    for (const u of undeclared) reportUndeclaredServer(ctx, u);
  },
});
