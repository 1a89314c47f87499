import { defineRule } from './api';
import type { SqlInstanceNode } from '../model/join';
import { NodePath } from './nodePath';
import { sameName, sqlHost, TopologyView } from '../model/join';
import type { LNode } from '../readers/yamlNode';
import { BP_DB, CFG_JOB } from './sources';

/** Machines an instance runs on: its network name, its cluster's virtual name and nodes. */
function machinesOf(inst: SqlInstanceNode): string[] {
  const out: string[] = [];
  const name = inst.get('name')?.str;
  if (name) out.push(sqlHost(name));
  const fc = inst.get('failoverCluster');
  const vn = fc?.get('virtualName')?.str;
  if (vn) out.push(vn.toLowerCase());
  for (const n of fc?.get('nodes')?.strings() ?? []) out.push(n.str.toLowerCase());
  const ag = inst.get('availabilityGroup');
  const listener = ag?.get('listener')?.str;
  if (listener) out.push(listener.toLowerCase());
  return out;
}

/** The server of a UNC path, `\\server\share` or `//server/share` (both are UNC to Windows). */
export function uncHost(path: string): string | undefined {
  const m = /^(?:\\\\|\/\/)([^\\/]+)(?:[\\/]|$)/.exec(path);
  return m ? m[1].toLowerCase() : undefined;
}

/** A host and, for a DNS name (`sqlbts.contoso.com`), its computer name: both may name the machine. */
function hostNames(host: string): string[] {
  if (/^\d+(\.\d+){3}$/.test(host) || !host.includes('.')) return [host];
  return [host, host.split('.')[0]];
}

export default defineRule({
  meta: {
    id: 'backup-same-host-or-disk',
    description: 'A backup destination is on the SQL Server it backs up, or on a volume that holds that instance\'s data or logs.',
    defaultSeverity: 'error',
    category: 'backup',
    fixable: false,
    byEnvironment: 'full',
    sources: [CFG_JOB, BP_DB],
    messages: {
      sameHost: '{{dest}} is a share on {{host}}, which runs {{what}}, so the backups would be lost with the server they protect. Send them to a share on another server.',
      sameDisk: '{{dest}} is on {{drive}}, the volume that holds {{what}} on "{{instance}}", so one disk failure loses both. Put the backups on another disk.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
    if (!job) return;
    const instances = topo.sqlInstances();
    for (const key of ['fullDestination', 'logDestination'] as const) {
      const node = job.get(key);
      const dest = node?.str;
      if (!node || !dest) continue;
      const host = uncHost(dest);
      if (host) {
        const names = hostNames(host);
        const inst = instances.find((i) => machinesOf(i).some((m) => names.includes(m)));
        const server = topo.servers().find((s) => names.some((n) => sameName(s.get('name')?.str, n)) && (s.get('roles')?.strings() ?? []).some((r) => r.str === 'sql'));
        if (inst || server) {
          const what = inst ? `SQL instance "${inst.get('name')?.str}"` : `SQL Server ${server!.get('name')?.str}`;
          ctx.report({
            doc: topo.doc,
            range: node.range,
            messageId: 'sameHost',
            data: { dest, host, what },
            nodePath: NodePath.topology('backup', 'biztalkJob', key),
            related: [{ uri: topo.uri, range: ((inst ?? server) as LNode).get('name')?.range ?? ((inst ?? server) as LNode).range, message: `${host} is declared here` }],
          });
        }
        continue;
      }
      const drive = /^([A-Za-z]:)/.exec(dest)?.[1];
      if (!drive) continue;
      for (const inst of instances) {
        const vol = TopologyView.volume(inst, drive);
        if (!vol) continue;
        const holds = (vol.get('holds')?.strings() ?? []).map((h) => h.str.toLowerCase());
        const dbs = inst.get('databases')?.items() ?? [];
        const usedBy = dbs.filter((d) => sameName(d.get('dataVolume')?.str, drive) || sameName(d.get('logVolume')?.str, drive)).map((d) => d.get('name')?.str);
        if (!holds.includes('data') && !holds.includes('log') && !usedBy.length) continue;
        ctx.report({
          doc: topo.doc,
          range: node.range,
          messageId: 'sameDisk',
          data: { dest, drive: drive ?? '', what: usedBy.length ? usedBy.join(', ') : holds.filter((h) => h === 'data' || h === 'log').join(' and '), instance: inst.get('name')?.str ?? '' },
          nodePath: NodePath.topology('backup', 'biztalkJob', key),
          related: [{ uri: topo.uri, range: vol.get('drive')?.range ?? vol.range, message: `Volume ${drive} is declared here` }],
        });
      }
    }
  },
});
