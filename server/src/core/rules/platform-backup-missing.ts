import { declaration, defineRule, placeholder } from './api';
import { NodePath } from './nodePath';
import { adapterIn, adapterKeys, handlers } from '../model/join';
import { ISOLATED_RECEIVE_ADAPTERS } from '../model/adapters';
import type { LNode } from '../readers/yamlNode';
import type { RuleContext } from './api';
import { isBlank, itemAnchor } from './shared';
import { BACKUP_BAM_PORTAL, BACKUP_COMPUTER, PPFT } from './sources';

/** Receive adapters that run in IIS (isolated hosts): those model/adapters.ts lists, and the relay's. */
const IIS_ADAPTERS = adapterKeys([...ISOLATED_RECEIVE_ADAPTERS, 'WCF-BasicHttpRelay']);

type Piece = 'windows' | 'iis' | 'sql' | 'sharepoint';

export default defineRule({
  meta: {
    id: 'platform-backup-missing',
    description: 'A server lacks a backup declaration for its platform: Windows Server, IIS, SQL Server system databases or SharePoint.',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [PPFT, BACKUP_COMPUTER, BACKUP_BAM_PORTAL],
    messages: {
      missing: 'Server {{server}} declares no backup of {{what}}. Back up Windows Server, IIS, SQL Server and the SharePoint farm with the BizTalk databases, and declare it under the server\'s backup.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    // Servers that run an isolated host receiving through IIS need their IIS configuration backed up.
    const iisServers = new Set<string>();
    const iisHosts = new Set<string>(); // each host's servers added once, however many endpoints it runs
    for (const h of handlers(ctx.ws)) {
      if (h.side !== 'receive' || !adapterIn(h.transport, IIS_ADAPTERS) || iisHosts.has(h.hostName)) continue;
      iisHosts.add(h.hostName);
      const host = topo.findHost(h.hostName);
      for (const i of host?.get('instances')?.strings() ?? []) iisServers.add(i.str.toLowerCase());
    }
    // A Deployment Framework project that deploys IIS applications (VDirList, IISApp), or an application
    // MSI with a WebDirectory resource, puts IIS configuration on every BizTalk server it is deployed to.
    const vdirSource = ctx.ws.btdfProjects.find((d) => d.btdfProject!.virtualDirectories.length)?.uri ??
      ctx.ws.appDefinitions.find((d) => d.appDefinition!.resources.some((r) => /webdirectory$/i.test(r.type)))?.uri;
    for (const server of topo.servers()) {
      const name = server.get('name')?.str;
      if (!name) continue;
      const roles = new Set((server.get('roles')?.strings() ?? []).map((r) => r.str.toLowerCase()));
      if (vdirSource && roles.has('biztalk')) iisServers.add(name.toLowerCase());
      const needed: Piece[] = ['windows'];
      // The BAM portal is an IIS application: "you must back up the BAM portal" (appcmd add backup).
      if (roles.has('iis') || roles.has('bam-portal') || iisServers.has(name.toLowerCase())) needed.push('iis');
      if (roles.has('sql')) needed.push('sql');
      if (roles.has('sharepoint')) needed.push('sharepoint');
      const backup = server.get('backup');
      const missing = needed.filter((p) => isBlank(backup?.get(p)));
      if (!missing.length) continue;
      const words: Record<Piece, string> = {
        windows: 'Windows Server',
        iis: roles.has('bam-portal') && !roles.has('iis') ? 'IIS (it hosts the BAM portal)' : iisServers.has(name.toLowerCase()) && !roles.has('iis') ? (vdirSource && roles.has('biztalk') ? `IIS (the deployment ${vdirSource.replace(/^.*[\\/]/, '')} creates IIS applications on it)` : 'IIS (it runs an isolated host that receives over HTTP)') : 'IIS',
        sql: 'SQL Server (master and msdb: logins and SQL Agent jobs)',
        sharepoint: 'SharePoint',
      };
      const skeleton = Object.fromEntries(
        missing.map((p) => [p, { schedule: p === 'iis' ? 'weekly' : 'daily', destination: `\\\\${placeholder('backup server')}\\${placeholder('share')}\\${name}${p === 'windows' ? '' : '-' + p}` }]),
      );
      ctx.report({
        doc: topo.doc,
        range: itemAnchor(server),
        messageId: 'missing',
        data: { server: name, what: missing.map((p) => words[p]).join(', ') },
        nodePath: NodePath.server(name).key('backup'),
        fix: backup && backup.isMap ? fillMap(ctx, name, backup, skeleton) : declaration(`Declare the platform backups of ${name}`, isBlank(backup) ? setValue(ctx, server, 'backup', backup, skeleton) : undefined),
      });
    }
  },
});

/** `key: value` in `map`, whether the key is absent, written empty (`backup:`) or `~`. */
function setValue(ctx: RuleContext, map: LNode, key: string, node: LNode | undefined, value: unknown) {
  return node ? ctx.edit.replace(node, value) : ctx.edit.insertKey(map, key, value);
}

/** The missing keys added to an existing `backup` mapping, in one fix. */
function fillMap(ctx: RuleContext, name: string, map: LNode, values: Record<string, unknown>) {
  const title = `Declare the platform backups of ${name}`;
  // An empty flow mapping (`backup: {}`) is replaced whole: separate inserts would need commas between them.
  if (!map.entries().length) return declaration(title, ctx.edit.replace(map, values));
  const present = Object.keys(values).filter((k) => map.get(k));
  const absent = Object.keys(values).filter((k) => !map.get(k));
  // Several keys inserted into one mapping as a single edit (edits at one offset must not overlap).
  const inserts = absent.map((k) => ctx.edit.insertKey(map, k, values[k]));
  if (inserts.some((e) => !e)) return undefined;
  const merged = inserts.length ? { ...inserts[0]!, newText: inserts.map((e) => e!.newText).join('') } : undefined;
  // Values for keys written empty come first: when such a key ends the mapping, its value and the
  // inserted keys land at one offset, and edits at one offset apply in array order (as in LSP).
  return declaration(title, ...present.map((k) => ctx.edit.replace(map.get(k)!, values[k])), merged);
}
