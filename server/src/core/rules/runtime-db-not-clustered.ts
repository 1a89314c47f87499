import { defineRule } from './api';
import { placements, TopologyView } from '../model/join';
import { clusterInstanceSuggestion, reportUndeclaredServer, unclustered } from './dbHelpers';
import { itemAnchor } from './shared';
import { CK_HA, CLUSTERING_DBS, HADB } from './sources';
import type { DatabaseRole } from '../readers/configExport';

/** The runtime databases besides the MessageBox and BAM Primary Import (which have their own rules). */
const RUNTIME = ['BizTalkMgmtDb', 'BizTalkDTADb', 'SSODB', 'BizTalkRuleEngineDb', 'BAMArchive', 'BAMStarSchema', 'BAMAlertsApplication', 'BAMAlertsNSMain'];
const RUNTIME_ROLES: DatabaseRole[] = ['mgmt', 'dta', 'sso', 'ruleengine', 'bam-archive', 'bam-star-schema', 'bam-alerts'];

const WHY = 'Microsoft: configure the BizTalk Server databases on a clustered SQL Server instance; BizTalk stops when the Management, Tracking or SSO database is unreachable.';

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
      const name = u.instance.get('name')?.str ?? 'this SQL instance';
      ctx.report({
        doc: topo.doc,
        range: itemAnchor(u.instance),
        message: `SQL instance "${name}" holds ${u.databases.join(', ')} but declares neither failoverCluster nor availabilityGroup. ${WHY}`,
        nodePath: `sqlInstances[name=${name}]:runtime`,
        related: u.related,
        suggestions: [clusterInstanceSuggestion(ctx, u.instance, name)],
      });
    }
    for (const u of undeclared) reportUndeclaredServer(ctx, u, `The ${u.db.displayName || 'BizTalk database'}`, WHY);
  },
});
