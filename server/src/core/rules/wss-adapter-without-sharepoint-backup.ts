import { declaration, defineRule, placeholder } from './api';
import { NodePath } from './nodePath';
import { adapterIn, adapterKeys, handlers, sameName } from '../model/join';
import { PPFT } from './sources';
import { isBlank } from './shared';
import type { HandlerRef } from '../model/join';

const WSS_KEYS = adapterKeys(['Windows SharePoint Services', 'WSS']);

/** The host of a URL (`wss://portal:80/sites/x` -> `portal`), lower-cased. */
function urlHost(url: string | undefined): string | undefined {
  const m = url && /^[a-z]+:\/\/([^/:]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase() : undefined;
}

/** The host name of the SharePoint site an endpoint talks to. */
function siteHost(h: HandlerRef): string | undefined {
  return urlHost(h.transport.settings()?.get('SiteUrl')?.value) ?? urlHost(h.transport.address?.value);
}

export default defineRule({
  meta: {
    id: 'wss-adapter-without-sharepoint-backup',
    description: 'A binding uses the Windows SharePoint Services adapter, but the topology declares no backed-up SharePoint farm for it.',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [PPFT],
    messages: {
      farmNoBackup: '{{endpoint}}{{others}} uses the SharePoint adapter, and SharePoint farm "{{farm}}" declares no backup. Back up the farm with the platform and declare its backup.',
      noFarm: '{{endpoint}}{{others}} uses the SharePoint adapter{{site}}, but the topology declares no backed-up SharePoint farm. Back up the farm with the platform and declare it under sharepoint.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const farms = topo.list('sharepoint');
    // One cause per farm (or site, when no farm is declared) and binding file: reported once, at the first
    // endpoint, with the others as related locations.
    const groups = new Map<string, HandlerRef[]>();
    for (const h of handlers(ctx.ws)) {
      if (!adapterIn(h.transport, WSS_KEYS) || !h.transport.adapter) continue;
      const key = `${h.doc.uri}\u0000${siteHost(h) ?? ''}`;
      const list = groups.get(key);
      if (list) list.push(h);
      else groups.set(key, [h]);
    }
    for (const list of groups.values()) {
      const h = list[0];
      const host = siteHost(h);
      const farm =
        farms.find((f) => host && (sameName(f.get('name')?.str, host) || (f.get('siteUrls')?.strings() ?? []).some((s) => urlHost(s.str) === host))) ??
        (farms.length === 1 ? farms[0] : undefined);
      if (farm && !isBlank(farm.get('backup'))) continue;
      const where = h.location ? `Receive location "${h.location.name}"` : `Send port "${h.port?.name}"`;
      const farmName = farm?.get('name')?.str;
      const farmBackup = farm?.get('backup');
      const backup = { schedule: 'daily', destination: `\\\\${placeholder('backup server')}\\${placeholder('share')}\\sharepoint` };
      ctx.report({
        doc: h.doc,
        range: h.transport.adapter!.range,
        messageId: farm ? 'farmNoBackup' : 'noFarm',
        data: { endpoint: where, others: list.length > 1 ? ` (and ${list.length - 1} other endpoint${list.length > 2 ? 's' : ''} of this file)` : '', farm: farmName ?? '', site: host ? ` (site ${host})` : '' },
        nodePath: NodePath.endpoint(h).tag('wss'),
        related: [
          ...(farm ? [{ uri: topo.uri, range: farm.get('name')?.range ?? farm.range, message: `SharePoint farm ${farmName}` }] : []),
          ...list.slice(1).map((o) => ({ uri: o.doc.uri, range: o.transport.adapter!.range, message: `${o.location ? `Receive location "${o.location.name}"` : `Send port "${o.port?.name}"`} uses the same site` })),
        ],
        fix: declaration(
          farm ? `Declare the backup of SharePoint farm ${farmName}` : 'Declare the SharePoint farm and its backup in the topology',
          farm && farm.isMap
            ? farmBackup
              ? ctx.edit.replace(farmBackup, backup) // `backup:` written empty
              : ctx.edit.insertKey(farm, 'backup', backup)
            : ctx.edit.addToList('sharepoint', { name: host ?? placeholder('SharePoint farm'), backup }),
        ),
      });
    }
  },
});
