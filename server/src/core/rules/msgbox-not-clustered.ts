import { defineRule } from './api';
import { reportUnclusteredInstance, reportNotPlaced, reportUndeclaredServer, unclustered } from './dbHelpers';
import { HADB, PPFT } from './sources';

export default defineRule({
  meta: {
    id: 'msgbox-not-clustered',
    description: 'The SQL Server instance that holds the MessageBox database (BizTalkMsgBoxDb) is neither a failover cluster instance nor in an availability group.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: true,
    fixKinds: ['fix', 'suggestion'],
    byEnvironment: 'availability',
    sources: [PPFT, HADB],
    messages: {
      notClustered: 'SQL instance "{{instance}}" holds the MessageBox ({{databases}}) but {{gap}}. Run the MessageBox on a SQL Server failover cluster instance (or availability group) and declare it here.',
      undeclaredServer: 'The MessageBox ({{database}}) is on SQL Server "{{server}}", which the topology does not declare. Declare it under sqlInstances with its failoverCluster or availabilityGroup.',
      notPlaced: 'btslint cannot check that the MessageBox is clustered: no SQL instance in the topology holds {{database}} and no configuration export places it. Add it to the databases of its instance.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const { instances, undeclared } = unclustered(ctx, ['BizTalkMsgBoxDb'], ['msgbox']);
    for (const u of instances) {
      reportUnclusteredInstance(ctx, u, 'BizTalkMsgBoxDb');
    }
    for (const u of undeclared) reportUndeclaredServer(ctx, u);
    reportNotPlaced(ctx, 'BizTalkMsgBoxDb');
  },
});
