import { defineRule, suggestion } from './api';
import { placements } from '../model/join';
import { clusterInstanceSuggestion, reportUndeclaredServer, unclustered } from './dbHelpers';
import { itemAnchor } from './shared';
import { CLUSTERING_MSS } from './sources';

const WHY = 'Microsoft: "The master secret server depends on the SSO database. To build a high-availability SSO, you must cluster the SSO database." A clustered secret server whose database goes down with one SQL Server is not highly available.';

export default defineRule({
  meta: {
    id: 'ssodb-not-clustered-with-mss',
    description: 'The Enterprise SSO master secret server is declared clustered, but the SSO database (SSODB) is not on a clustered SQL Server instance.',
    defaultSeverity: 'error',
    category: 'sso',
    fixable: true,
    fixKinds: ['fix', 'suggestion'],
    byEnvironment: 'availability',
    sources: [CLUSTERING_MSS],
  },
  check(ctx) {
    const topo = ctx.topology;
    const clusteredNode = topo?.section('sso')?.get('clustered');
    if (!topo || clusteredNode?.value !== true) return;
    const { instances, undeclared } = unclustered(ctx, ['SSODB'], ['sso']);
    for (const u of instances) {
      const name = u.instance.get('name')?.str ?? 'this SQL instance';
      ctx.report({
        doc: topo.doc,
        range: itemAnchor(u.instance),
        message: `The master secret server is clustered (sso.clustered), but SQL instance "${name}", which holds the SSO database (${u.databases.join(', ')}), declares neither failoverCluster nor availabilityGroup. ${WHY}`,
        nodePath: `sqlInstances[name=${name}]:SSODB`,
        related: [{ uri: topo.uri, range: clusteredNode.entryRange, message: 'The master secret server is declared clustered here' }, ...u.related],
        suggestions: [clusterInstanceSuggestion(ctx, u.instance, name)],
      });
    }
    for (const u of undeclared) reportUndeclaredServer(ctx, u, 'The SSO database', WHY);
    const known = placements(topo, ctx.ws, 'SSODB').length > 0 || ctx.ws.configExports.some((e) => e.configExport!.databases.some((d) => d.role === 'sso'));
    if (!known) {
      // SSODB usually sits with the Management database; with one candidate instance, offer to say so.
      const withMgmt = placements(topo, ctx.ws, 'BizTalkMgmtDb').map((p) => p.instance);
      const candidates = withMgmt.length ? withMgmt : topo.sqlInstances();
      const inst = candidates.length === 1 && candidates[0].isMap ? candidates[0] : undefined;
      const dbs = inst?.get('databases');
      ctx.report({
        doc: topo.doc,
        range: clusteredNode.entryRange,
        severity: 'warning',
        message: 'The master secret server is declared clustered, but no SQL instance in the topology holds SSODB and no configuration export places it, so btslint cannot check that the SSO database is clustered with it. Add SSODB to the databases of its instance.',
        nodePath: 'sso.clustered:SSODB',
        suggestions: inst
          ? [suggestion(
              `SSODB is on ${inst.get('name')?.str ?? 'the SQL instance'} (the only candidate): declare it`,
              dbs && dbs.isSeq ? ctx.edit.appendItem(dbs, { name: 'SSODB' }) : dbs ? undefined : ctx.edit.insertKey(inst, 'databases', [{ name: 'SSODB' }]),
            )]
          : undefined,
      });
    }
  },
});
