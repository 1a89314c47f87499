import { defineRule, placeholder, suggestion } from './api';
import { handlers, sameName } from '../model/join';
import { adapterEvidence, isLocalQueue, isMsmq, isTrue, msmqQueue, setting } from '../model/adapters';
import type { LNode } from '../readers/yamlNode';
import { endpointLabel, handlerPath, hostOf, hostRelated, insertKeys, markClustered } from './hostHelpers';
import { addToList } from './shared';
import { CLH, SCALED_OUT_SENDING, SORH } from './sources';

export default defineRule({
  meta: {
    id: 'msmq-local-queue-not-clustered',
    description: 'An MSMQ receive location reading a local queue, or an MSMQ send handler, runs in a host that is not clustered together with a clustered MSMQ resource.',
    defaultSeverity: 'error',
    category: 'hosts',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'availability',
    sources: [CLH, SORH, SCALED_OUT_SENDING],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const msmqServers = topo.list('msmqServers');
    for (const h of handlers(ctx.ws)) {
      if (!isMsmq(h)) continue;
      const host = hostOf(ctx, h);
      if (!host) continue;
      const queue = msmqQueue(ctx.ws, h);
      if (h.side === 'receive') {
        // A remote queue is read remotely: several plain instances are fine if that server is clustered.
        if (!queue || queue.unresolved.length || !isLocalQueue(queue.value, host.instances)) continue;
      }
      // The resources the host depends on, and the one that is a clustered MSMQ.
      const depends = host.node.get('dependsOn');
      const deps = (depends?.strings() ?? []).map((d) => d.str!);
      const declared = (name: string): LNode | undefined => msmqServers.find((m) => sameName(m.get('name')?.str, name));
      const clusteredMsmq = deps.find((d) => declared(d)?.get('clustered')?.value === true);
      if (host.clustered && clusteredMsmq) continue;
      const evidence = queue ?? adapterEvidence(h);
      if (!evidence) continue;
      const what =
        h.side === 'receive'
          ? `${endpointLabel(h)} (MSMQ) reads the local queue ${queue!.value}`
          : `${endpointLabel(h)} (MSMQ) sends through the local outgoing queue of its host${queue ? ` (to ${queue.value})` : ''}`;
      const problem = !host.clustered
        ? `in host "${host.name}", which is not declared clustered`
        : `in clustered host "${host.name}", but the host does not depend on a clustered MSMQ resource (dependsOn naming a clustered msmqServers entry)`;
      // The fix: a clustered host that depends on a clustered MSMQ resource, declared in msmqServers.
      const P = placeholder('clustered MSMQ resource');
      const edits = [];
      const hostKeys: Record<string, unknown> = {};
      const msmqEdits = [];
      if (!host.clustered) {
        if (host.clusteredNode) edits.push(markClustered(ctx, host));
        else hostKeys.clustered = true;
      }
      if (!clusteredMsmq) {
        const named = deps.find((d) => declared(d));
        if (named) {
          const entry = declared(named)!;
          const c = entry.get('clustered');
          msmqEdits.push(c ? ctx.edit.replace(c, true) : ctx.edit.insertKey(entry, 'clustered', true));
        } else if (deps.length) {
          msmqEdits.push(addToList(ctx, 'msmqServers', { name: deps[0], clustered: true }));
        } else {
          if (depends && depends.isSeq) edits.push(ctx.edit.appendItem(depends, P));
          else if (!depends) hostKeys.dependsOn = [P];
          msmqEdits.push(addToList(ctx, 'msmqServers', { name: P, clustered: true }));
        }
      }
      // The host's new keys go before a new msmqServers list (both may land at the end of the file).
      if (Object.keys(hostKeys).length) edits.push(insertKeys(ctx, host.node, hostKeys));
      edits.push(...msmqEdits);
      const ordered = !host.clustered && h.side === 'receive' && isTrue(setting(ctx.ws, h, 'serialProcessing'))
        ? ' It also delivers in order (serialProcessing), which needs a single active host instance.'
        : '';
      ctx.report({
        doc: h.doc,
        range: evidence.range,
        message: `${what} ${problem}.${ordered} When that server fails, the messages in its queue are out of reach until it returns, and transactional reads and sends lose their guarantee. Microsoft: cluster MSMQ in a Windows cluster group, make it a resource dependency of a clustered BizTalk host, and run the MSMQ send and receive handlers in that host.`,
        nodePath: handlerPath(h, ':msmq'),
        related: hostRelated(ctx, h, host, true),
        suggestions: [suggestion(`Host ${host.name} now runs clustered, with a clustered MSMQ resource: declare it`, ...edits)],
      });
    }
  },
});
