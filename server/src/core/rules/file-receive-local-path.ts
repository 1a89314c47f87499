import { declaration, defineRule, isPlaceholderValue, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { handlers, normaliseSharePath } from '../model/join';
import type { FileShare, HandlerRef } from '../model/join';
import type { OffsetRange } from '../text';
import { effectiveAddress, isFile, LOCAL_DRIVE_PATH } from '../model/adapters';
import type { RelatedLocation } from '../types';
import { endpointLabel } from './hostHelpers';
import { SORH } from './sources';

/** `\\server\share` as written at the start of a UNC path. */
function shareRoot(path: string): string | undefined {
  return /^(?:\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.exec(path.trim())?.[0];
}

export default defineRule({
  meta: {
    id: 'file-receive-local-path',
    description: 'A FILE receive location reads a local folder, or a UNC share that the topology does not declare highly available.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'availability',
    sources: [SORH],
    messages: {
      localFolder: '{{endpoint}} (FILE) reads the local folder {{path}}, so each host instance reads a folder of its own server. Point it at one highly available UNC share for all instances.',
      shareNotHa: '{{endpoint}} (FILE) reads {{path}}{{others}} on share {{share}}, which the topology does not declare highly available. Make the share highly available and declare highlyAvailable: true.',
      shareUndeclared: '{{endpoint}} (FILE) reads {{path}}{{others}} on share {{share}}, which the topology does not declare. Declare it under fileShares, with whether it is highly available.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    // Receive locations on one share not declared highly available: one cause, reported once per share
    // and binding file, at the first location, with the others as related locations.
    const byShare = new Map<string, { h: HandlerRef; range: OffsetRange; shown: string; root: string; share?: FileShare; related: RelatedLocation[] }[]>();
    for (const h of handlers(ctx.ws)) {
      if (h.side !== 'receive' || !isFile(h)) continue;
      const addr = effectiveAddress(ctx.ws, h);
      // A token no settings define: unresolved-token reports it.
      if (!addr || addr.unresolved.length) continue;
      const path = addr.value;
      const related: RelatedLocation[] = addr.sources.map((s) => ({ uri: s.doc.uri, range: s.range, message: `\${${s.name}} is ${s.value} in ${s.origin}` }));
      const shown = addr.raw === path ? path : `${path} (${addr.raw})`;
      if (LOCAL_DRIVE_PATH.test(path)) {
        ctx.report({
          doc: h.doc,
          range: addr.range,
          messageId: 'localFolder',
          data: { endpoint: endpointLabel(h), path: shown },
          nodePath: NodePath.handler(h).tag('file-local'),
          related: related.length ? related : undefined,
        });
        continue;
      }
      const root = shareRoot(path);
      if (!topo || !root) continue;
      const share = topo.findShare(path);
      const haNode = share?.node.get('highlyAvailable');
      // Declared highly available, or a declaration's placeholder still to fill (unfilled-placeholder's).
      if (haNode?.value === true || isPlaceholderValue(haNode?.str)) continue;
      const key = `${h.doc.uri}\u0000${share ? `declared:${normaliseSharePath(share.path)}` : normaliseSharePath(root)}`;
      const list = byShare.get(key) ?? [];
      list.push({ h, range: addr.range, shown, root, share, related });
      byShare.set(key, list);
    }
    for (const list of byShare.values()) {
      const first = list[0];
      const { h, share, root } = first;
      const related = [...first.related];
      if (share && topo) related.push({ uri: topo.uri, range: share.pathNode.range, message: `Share ${share.path} is declared here` });
      for (const o of list.slice(1)) related.push({ uri: o.h.doc.uri, range: o.range, message: `${endpointLabel(o.h)} reads ${o.shown} too` });
      const n = list.length - 1;
      const others = n ? ` (and ${n} other receive location${n === 1 ? '' : 's'} of this file)` : '';
      const ha = share?.node.get('highlyAvailable');
      ctx.report({
        doc: h.doc,
        range: first.range,
        messageId: share ? 'shareNotHa' : 'shareUndeclared',
        data: { endpoint: endpointLabel(h), path: first.shown, others, share: share ? share.path : root },
        nodePath: NodePath.handler(h).tag('file-share'),
        related: related.length ? related : undefined,
        fix: share
          ? ha
            ? undefined
            : declaration(`Declare whether ${share.path} is highly available`, ctx.edit.insertKey(share.node, 'highlyAvailable', placeholder('highly available: true or false')))
          : declaration(`Declare share ${root} in the topology`, ctx.edit.addToList('fileShares', { path: root, highlyAvailable: placeholder('highly available: true or false') })),
        suggestions: share
          ? [suggestion(`${share.path} is now highly available (a clustered file server or DFS): declare it`, ha ? ctx.edit.replace(ha, true) : ctx.edit.insertKey(share.node, 'highlyAvailable', true))]
          : [suggestion(`${root} is now highly available (a clustered file server or DFS): declare it`, ctx.edit.addToList('fileShares', { path: root, highlyAvailable: true }))],
      });
    }
  },
});
