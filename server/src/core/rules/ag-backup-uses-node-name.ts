import { defineRule } from './api';
import { itemAnchor } from './shared';
import type { SqlInstanceNode } from '../model/join';
import { NodePath } from './nodePath';
import { normaliseSqlName } from '../model/join';
import { AG, CUSTOM_DBS } from './sources';

export default defineRule({
  meta: {
    id: 'ag-backup-uses-node-name',
    description: 'A row of adm_OtherBackupDatabases (backup.biztalkJob.otherDatabases) names a replica of an availability group instead of its listener.',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: false,
    byEnvironment: 'full',
    sources: [AG, CUSTOM_DBS],
    messages: {
      nodeName: 'The Backup BizTalk Server job backs up {{database}} on "{{server}}", a replica of availability group {{ag}}; after a failover it no longer reaches the primary. Set that row\'s ServerName in adm_OtherBackupDatabases to the listener "{{listener}}", then declare it here.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const rows = topo.biztalkJob()?.get('otherDatabases')?.items() ?? [];
    if (!rows.length) return;
    // Every name that stands for one replica of an availability group with a listener, and that group.
    const replicaOf = new Map<string, { listener: string; ag: string; instance: SqlInstanceNode }>();
    for (const inst of topo.sqlInstances()) {
      const ag = inst.get('availabilityGroup');
      const listener = ag?.get('listener')?.str;
      if (!ag || !ag.isMap || !listener) continue;
      const info = { listener, ag: ag.get('name')?.str ?? listener, instance: inst };
      const names = (ag.get('replicas')?.strings() ?? []).map((s) => s.str);
      const own = inst.get('name')?.str;
      if (own) names.push(own);
      for (const n of names) {
        const key = normaliseSqlName(n);
        if (key !== normaliseSqlName(listener) && !replicaOf.has(key)) replicaOf.set(key, info);
      }
    }
    if (!replicaOf.size) return;
    for (const row of rows) {
      const server = row.get('server');
      const info = server?.str ? replicaOf.get(normaliseSqlName(server.str)) : undefined;
      if (!server || !info) continue;
      const db = row.get('name')?.str ?? 'a custom database';
      ctx.report({
        doc: topo.doc,
        range: server.range,
        messageId: 'nodeName',
        data: { database: db, server: server.str ?? '', ag: info.ag, listener: info.listener },
        nodePath: NodePath.topology('backup', 'biztalkJob', 'otherDatabases').item('name', db).key('server'),
        related: [{ uri: topo.uri, range: info.instance.get('availabilityGroup')?.get('listener')?.range ?? itemAnchor(info.instance), message: `The listener of ${info.ag}` }],
      });
    }
  },
});
