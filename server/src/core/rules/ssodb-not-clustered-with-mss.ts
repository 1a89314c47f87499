import { defineRule, suggestion } from './api';
import { NodePath } from './nodePath';
import { placements } from '../model/join';
import { gapPhrase, haChanges, reportUndeclaredServer, unclustered } from './dbHelpers';
import { itemAnchor } from './shared';
import { CLUSTERING_MSS } from './sources';

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
    messages: {
      notClustered: 'SQL instance "{{instance}}" holds the SSO database ({{databases}}) but {{gap}}, while the master secret server is clustered. Run SSODB on a failover cluster instance (or availability group) and declare it here.',
      undeclaredServer: 'The SSO database ({{database}}) is on SQL Server "{{server}}", which the topology does not declare, while the master secret server is clustered. Declare it under sqlInstances with its failoverCluster.',
      notPlaced: 'btslint cannot check that SSODB is clustered with the master secret server: no SQL instance in the topology holds it and no configuration export places it. Add SSODB to the databases of its instance.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    const clusteredNode = topo?.section('sso')?.get('clustered');
    if (!topo || clusteredNode?.value !== true) return;
    const { instances, undeclared } = unclustered(ctx, ['SSODB'], ['sso']);
    for (const u of instances) {
      ctx.report({
        doc: topo.doc,
        range: itemAnchor(u.instance),
        messageId: 'notClustered',
        data: { instance: u.name, databases: u.databases.join(', '), gap: gapPhrase(u.gap) },
        nodePath: NodePath.sqlInstance(u.name).tag('SSODB'),
        related: [{ uri: topo.uri, range: clusteredNode.entryRange, message: 'The master secret server is declared clustered here' }, ...u.related],
        ...haChanges(ctx, u),
      });
    }
    for (const u of undeclared) reportUndeclaredServer(ctx, u);
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
        // Unknown, not a violation: information.
        severity: 'info',
        messageId: 'notPlaced',
        nodePath: NodePath.topology('sso', 'clustered').tag('SSODB'),
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
