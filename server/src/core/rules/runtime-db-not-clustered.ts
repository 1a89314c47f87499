import { defineRule } from './api';
import { placements, TopologyView } from '../model/join';
import { reportUnclusteredInstance, reportUndeclaredServer, unclustered } from './dbHelpers';
import { CK_HA, CLUSTERING_DBS, HADB } from './sources';
import type { DatabaseRole } from '../readers/configExport';

/** The runtime databases besides the MessageBox and BAM Primary Import (which have their own rules). */
const RUNTIME = ['BizTalkMgmtDb', 'BizTalkDTADb', 'SSODB', 'BizTalkRuleEngineDb', 'BAMArchive', 'BAMStarSchema', 'BAMAlertsApplication', 'BAMAlertsNSMain'];
const RUNTIME_ROLES: DatabaseRole[] = ['mgmt', 'dta', 'sso', 'ruleengine', 'bam-archive', 'bam-star-schema', 'bam-alerts'];

export default defineRule({
  meta: {
    id: 'runtime-db-not-clustered',
    description: 'A BizTalk runtime database (Management, Tracking, SSO, Rule Engine, BAM Archive, Star Schema or Alerts) is on a SQL Server instance that is neither a failover cluster instance nor in an availability group, or on a server the topology does not declare.',
    defaultSeverity: 'warning',
    category: 'clustering',
    fixable: true,
    fixKinds: ['fix', 'suggestion'],
    byEnvironment: 'availability',
    sources: [CK_HA, CLUSTERING_DBS, HADB],
    messages: {
      notClustered: 'SQL instance "{{instance}}" holds {{databases}} but {{gap}}. Run these databases on a SQL Server failover cluster instance (or availability group) and declare it here.',
      undeclaredServer: '{{database}} is on SQL Server "{{server}}", which the topology does not declare. Declare it under sqlInstances with its failoverCluster or availabilityGroup.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    // With a clustered master secret server, SSODB is ssodb-not-clustered-with-mss's (an error).
    const ssoClustered = topo.section('sso')?.get('clustered')?.value === true;
    const names = RUNTIME.filter((n) => !(ssoClustered && n === 'SSODB'));
    const roles = RUNTIME_ROLES.filter((r) => !(ssoClustered && r === 'sso'));
    const { instances, undeclared } = unclustered(ctx, names, roles);
    // Instances holding the MessageBox or BAM Primary Import already get an error at the same place.
    // (and, with a clustered master secret server, the instance of SSODB).
    const elsewhere = ['BizTalkMsgBoxDb', 'BAMPrimaryImport', ...(ssoClustered ? ['SSODB'] : [])];
    const reportedElsewhere = new Set(elsewhere.flatMap((n) => placements(topo, ctx.ws, n)).filter((p) => !TopologyView.isClustered(p.instance)).map((p) => p.instance.node));
    for (const u of instances) {
      if (reportedElsewhere.has(u.instance.node)) continue;
      reportUnclusteredInstance(ctx, u, 'runtime');
    }
    for (const u of undeclared) reportUndeclaredServer(ctx, u);
  },
});
