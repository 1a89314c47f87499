import { declaration, defineRule, isPlaceholderValue, placeholder, suggestion } from './api';
import { handlers } from '../model/join';
import { effectiveAddress, isFile, LOCAL_DRIVE_PATH } from '../model/adapters';
import type { RelatedLocation } from '../types';
import { endpointLabel, handlerPath } from './hostHelpers';
import { addToList } from './shared';
import { SORH } from './sources';

/** `\\server\share` as written at the start of a UNC path. */
function shareRoot(path: string): string | undefined {
  return /^(?:\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.exec(path.trim())?.[0];
}

function normalise(p: string): string {
  return p.trim().replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
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
  },
  check(ctx) {
    const topo = ctx.topology;
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
          message: `${endpointLabel(h)} (FILE) reads the local folder ${shown}. Each host instance reads that folder on its own server, so the files left on a server whose instance is down wait there, and the instances do not share the work. Microsoft: point the receive location at one UNC path for every host instance, and make the file location it points to highly available.`,
          nodePath: `${handlerPath(h)}:file-local`,
          related: related.length ? related : undefined,
        });
        continue;
      }
      const root = shareRoot(path);
      if (!topo || !root) continue;
      const shares = topo.list('fileShares');
      const want = normalise(path);
      const share = shares
        .filter((s) => {
          const p = s.get('path')?.str;
          return !!p && (want === normalise(p) || want.startsWith(normalise(p) + '\\'));
        })
        .sort((a, b) => b.get('path')!.str!.length - a.get('path')!.str!.length)[0];
      const ha = share?.get('highlyAvailable');
      if (ha?.value === true || isPlaceholderValue(ha?.str)) continue;
      if (share) related.push({ uri: topo.uri, range: share.get('path')!.range, message: `Share ${share.get('path')!.str} is declared here` });
      ctx.report({
        doc: h.doc,
        range: addr.range,
        message: share
          ? `${endpointLabel(h)} (FILE) reads ${shown} on share ${share.get('path')!.str}, which the topology does not declare highly available (highlyAvailable: true). Microsoft: for a highly available FILE receive you must make sure that the file location to which the UNC path points is highly available.`
          : `${endpointLabel(h)} (FILE) reads ${shown}, a share the topology does not declare (fileShares), so btslint cannot tell whether it survives the failure of its file server. Microsoft: make sure that the file location to which the UNC path points is highly available.`,
        nodePath: `${handlerPath(h)}:file-share`,
        related: related.length ? related : undefined,
        fix: share
          ? ha
            ? undefined
            : declaration(`Declare whether ${share.get('path')!.str} is highly available`, ctx.edit.insertKey(share, 'highlyAvailable', placeholder('highly available: true or false')))
          : declaration(`Declare share ${root} in the topology`, addToList(ctx, 'fileShares', { path: root, highlyAvailable: placeholder('highly available: true or false') })),
        suggestions: share
          ? [suggestion(`${share.get('path')!.str} is now highly available (a clustered file server or DFS): declare it`, ha ? ctx.edit.replace(ha, true) : ctx.edit.insertKey(share, 'highlyAvailable', true))]
          : [suggestion(`${root} is now highly available (a clustered file server or DFS): declare it`, addToList(ctx, 'fileShares', { path: root, highlyAvailable: true }))],
      });
    }
  },
});
