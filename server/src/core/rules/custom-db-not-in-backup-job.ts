import { defineRule, isPlaceholderValue, placeholder, suggestion } from './api';
import type { SqlInstanceNode } from '../model/join';
import { NodePath } from './nodePath';
import { handlers, normaliseSqlName, sameName } from '../model/join';
import { setting, sqlTarget, SqlTarget } from '../model/adapters';
import type { LNode } from '../readers/yamlNode';
import type { RelatedLocation, TextEdit } from '../types';
import type { RuleContext } from './api';
import { BIZTALK_DATABASES } from './dbHelpers';
import { endpointLabel } from './hostHelpers';
import { itemAnchor } from './shared';
import { CUSTOM_DBS } from './sources';

const LOCAL = new Set(['localhost', '.', '(local)', '127.0.0.1']);

/** The row to add to adm_OtherBackupDatabases, appended to otherDatabases (created when missing). */
function addRow(ctx: RuleContext, job: LNode, row: { name: string; server: string }): TextEdit | undefined {
  const list = job.get('otherDatabases');
  if (list && list.isSeq) return ctx.edit.appendItem(list, row);
  if (list) return undefined;
  return ctx.edit.insertKey(job, 'otherDatabases', [row]);
}

export default defineRule({
  meta: {
    id: 'custom-db-not-in-backup-job',
    description: 'An application database that takes part in BizTalk\'s distributed transactions (declared custom in the topology, or named by a WCF-SQL or SQL adapter address in a binding) is not in the Backup BizTalk Server job (adm_OtherBackupDatabases).',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'full',
    sources: [CUSTOM_DBS],
    messages: {
      declared: 'Custom database {{database}} on "{{instance}}" is not in the Backup BizTalk Server job, so a restore would leave it out of step with the BizTalk databases. It should be added to backup.biztalkJob.otherDatabases (adm_OtherBackupDatabases).',
      endpoint: '{{endpoint}} writes to {{database}} on {{server}} in BizTalk\'s transaction{{others}}, and the Backup BizTalk Server job does not back it up. Add it to backup.biztalkJob.otherDatabases if a restore should bring it back to the same mark.',
      endpointLocal: '{{endpoint}} writes to {{database}} on "{{server}}" in BizTalk\'s transaction{{others}}, and the Backup BizTalk Server job does not back it up. Add it to backup.biztalkJob.otherDatabases under the real instance name.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
    if (!job || !job.isMap) return; // backup-job-missing-or-disabled reports it
    const rows = job.get('otherDatabases')?.items() ?? [];
    // The instance names a row's server may stand for: the instance, its listener, its virtual name.
    const aliases = (inst: SqlInstanceNode | undefined, server: string): string[] => {
      const out = [normaliseSqlName(server)];
      if (inst) {
        for (const n of [inst.get('name')?.str, inst.get('availabilityGroup')?.get('listener')?.str, inst.get('failoverCluster')?.get('virtualName')?.str]) if (n) out.push(normaliseSqlName(n));
      }
      return out;
    };
    const inJob = (name: string, server: string | undefined): boolean =>
      rows.some((r) => {
        if (!sameName(r.get('name')?.str, name)) return false;
        const rs = r.get('server')?.str;
        // A row without a server, a placeholder, or an address that says only "localhost": the name decides.
        if (!rs || !server || isPlaceholderValue(rs) || LOCAL.has(server.split('\\')[0].toLowerCase())) return true;
        const want = aliases(topo.findInstance(server), server);
        return aliases(topo.findInstance(rs), rs).some((a) => want.includes(a));
      });
    const rowServer = (inst: SqlInstanceNode): string => inst.get('availabilityGroup')?.get('listener')?.str ?? inst.get('name')?.str ?? placeholder('SQL instance');
    // Binding endpoints that write to or poll a SQL Server database in BizTalk's transaction, grouped by
    // database. A WCF-SQL endpoint with useAmbientTransaction="false" enlists in no BizTalk transaction.
    const targets = new Map<string, SqlTarget[]>();
    for (const h of handlers(ctx.ws)) {
      const t = sqlTarget(ctx.ws, h);
      if (!t || BIZTALK_DATABASES[t.database.toLowerCase()]) continue;
      if (/^false$/i.test(setting(ctx.ws, h, 'useAmbientTransaction')?.value ?? '')) continue;
      const key = `${normaliseSqlName(t.server)}|${t.database.toLowerCase()}`;
      const list = targets.get(key);
      if (list) list.push(t);
      else targets.set(key, [t]);
    }
    const endpointRelated = (list: SqlTarget[]): RelatedLocation[] =>
      list.slice(0, 5).map((t) => ({ uri: t.doc.uri, range: t.range, message: `${endpointLabel(t.handler)} uses ${t.database} on ${t.server}` }));

    // 1. Databases the topology declares custom.
    const declaredKeys = new Set<string>();
    for (const inst of topo.sqlInstances()) {
      const instName = inst.get('name')?.str;
      for (const db of inst.get('databases')?.items() ?? []) {
        const name = db.get('name')?.str;
        if (!name || !instName) continue;
        const users = [...targets.entries()].filter(([k]) => k.endsWith(`|${name.toLowerCase()}`) && topo.findInstance(k.split('|')[0])?.node === inst.node);
        if (db.get('custom')?.value !== true && !users.length) continue;
        for (const [k] of users) declaredKeys.add(k);
        if (inJob(name, instName)) continue;
        ctx.report({
          doc: topo.doc,
          range: itemAnchor(db),
          messageId: 'declared',
          data: { database: name, instance: instName },
          // Declared custom (or used by the bindings and declared): the team says it is in BizTalk's transactions.
          nodePath: NodePath.sqlInstance(instName).database(name).tag('backup'),
          related: endpointRelated(users.flatMap(([, l]) => l)),
          suggestions: [suggestion(`${name} is now in the Backup BizTalk Server job (adm_OtherBackupDatabases): declare it`, addRow(ctx, job, { name, server: rowServer(inst) }))],
        });
      }
    }
    // 2. Databases only the bindings name: reported once per database and binding file, at its first use.
    for (const [key, list] of targets) {
      if (declaredKeys.has(key)) continue;
      const t = list[0];
      if (inJob(t.database, t.server)) continue;
      const local = LOCAL.has(t.server.split('\\')[0].toLowerCase());
      const inst = topo.findInstance(t.server);
      const server = inst ? rowServer(inst) : local ? placeholder('SQL instance') : t.server;
      for (const doc of new Set(list.map((x) => x.doc))) {
        const mine = list.filter((x) => x.doc === doc);
        const others = mine.length > 1 ? ` (with ${mine.length - 1} other endpoint${mine.length > 2 ? 's' : ''} of this file)` : '';
        ctx.report({
          doc,
          range: mine[0].range,
          // Found only through an endpoint: Microsoft makes backing up custom databases optional.
          severity: 'info',
          messageId: local ? 'endpointLocal' : 'endpoint',
          data: { endpoint: endpointLabel(mine[0].handler), database: t.database, server: local ? t.server.split('\\')[0] : t.server, others },
          nodePath: NodePath.id('sqldb', key),
          related: mine.length > 1 ? endpointRelated(mine.slice(1)) : undefined,
          suggestions: [suggestion(`${t.database} is now in the Backup BizTalk Server job (adm_OtherBackupDatabases): declare it`, addRow(ctx, job, { name: t.database, server }))],
        });
      }
    }
  },
});
