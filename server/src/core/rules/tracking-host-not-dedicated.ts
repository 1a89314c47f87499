import { defineRule } from './api';
import { NodePath } from './nodePath';
import { handlers, isUnresolved, orchestrationHosts } from '../model/join';
import type { RelatedLocation } from '../types';
import { DEDICATED_TRACKING_HOST } from './sources';

/** The endpoints and orchestrations a finding names (it counts them all). */
const SHOWN = 5;

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
    // Per tracking host: how many endpoints and orchestrations it runs, and the first few of them (what
    // the finding shows), each built only when kept: most hosts do not host tracking.
    const uses = new Map<string, { count: number; related: RelatedLocation[] }>();
    const trackingKey = (hostName: string): string | undefined => {
      if (isUnresolved(hostName)) return undefined;
      const host = topo.findHost(hostName);
      return host && host.get('tracking')?.value === true ? hostName.trim().toLowerCase() : undefined;
    };
    const note = (key: string, related: () => RelatedLocation) => {
      let u = uses.get(key);
      if (!u) uses.set(key, (u = { count: 0, related: [] }));
      if (++u.count <= SHOWN) u.related.push(related());
    };
    for (const h of handlers(ctx.ws)) {
      const key = trackingKey(h.hostName);
      if (key !== undefined) note(key, () => ({ uri: h.doc.uri, range: h.transport.host!.range, message: `${h.location ? `Receive location ${h.location.name}` : `Send port ${h.port?.name}`} runs in this host` }));
    }
    for (const o of orchestrationHosts(ctx.ws)) {
      const key = trackingKey(o.hostName);
      if (key !== undefined) note(key, () => ({ uri: o.doc.uri, range: o.host.range, message: `Orchestration ${o.orchestration.name} runs in this host` }));
    }
    for (const [key, { count, related }] of uses) {
      const host = topo.findHost(key);
      const flag = host?.get('tracking');
      if (!host || !flag) continue;
      const name = host.get('name')?.str ?? key;
      ctx.report({
        doc: topo.doc,
        range: flag.entryRange,
        messageId: 'notDedicated',
        data: { host: name, runs: `${count} endpoint${count === 1 ? '' : 's'} or orchestration${count === 1 ? '' : 's'}` },
        nodePath: NodePath.host(name).key('tracking'),
        related,
      });
    }
  },
});
