import { defineRule } from './api';
import { NodePath } from './nodePath';
import { handlers, isUnresolved, orchestrationHosts } from '../model/join';
import type { RelatedLocation } from '../types';
import { DEDICATED_TRACKING_HOST } from './sources';

export default defineRule({
  meta: {
    id: 'tracking-host-not-dedicated',
    description: 'A host with tracking enabled also runs send or receive handlers or orchestrations; Microsoft recommends a host that does nothing but host tracking.',
    defaultSeverity: 'info',
    category: 'hosts',
    fixable: false,
    byEnvironment: 'availability',
    sources: [DEDICATED_TRACKING_HOST],
    messages: {
      notDedicated: 'Host "{{host}}" hosts tracking and also runs {{runs}}; stopping it stops tracking. Move tracking to a dedicated host that does nothing else, on at least two servers.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const uses = new Map<string, RelatedLocation[]>();
    const note = (hostName: string, r: RelatedLocation) => {
      if (isUnresolved(hostName)) return;
      const host = topo.findHost(hostName);
      if (!host || host.get('tracking')?.value !== true) return;
      const key = hostName.trim().toLowerCase();
      const list = uses.get(key);
      if (list) list.push(r);
      else uses.set(key, [r]);
    };
    for (const h of handlers(ctx.ws)) {
      note(h.hostName, { uri: h.doc.uri, range: h.transport.host!.range, message: `${h.location ? `Receive location ${h.location.name}` : `Send port ${h.port?.name}`} runs in this host` });
    }
    for (const o of orchestrationHosts(ctx.ws)) {
      note(o.hostName, { uri: o.doc.uri, range: o.host.range, message: `Orchestration ${o.orchestration.name} runs in this host` });
    }
    for (const [key, related] of uses) {
      const host = topo.findHost(key);
      const flag = host?.get('tracking');
      if (!host || !flag) continue;
      const name = host.get('name')?.str ?? key;
      ctx.report({
        doc: topo.doc,
        range: flag.entryRange,
        messageId: 'notDedicated',
        data: { host: name, runs: `${related.length} endpoint${related.length === 1 ? '' : 's'} or orchestration${related.length === 1 ? '' : 's'}` },
        nodePath: NodePath.host(name).key('tracking'),
        related: related.slice(0, 5),
      });
    }
  },
});
