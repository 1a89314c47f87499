import { defineRule, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { handlers, sameName } from '../model/join';
import { adapterEvidence, isLocalQueue, isMsmq, msmqQueue } from '../model/adapters';
import type { LNode } from '../readers/yamlNode';
import { byFileAndCause, endpointLabel, hostOf, hostRelated, insertKeys, markClustered, othersOfFile, othersRelated } from './hostHelpers';
import { CLH, SCALED_OUT_SENDING, SORH } from './sources';

export default defineRule({
  meta: {
    id: 'msmq-local-queue-not-clustered',
    description: 'An MSMQ receive location reading a local queue, or an MSMQ send handler, runs in a host that is not clustered together with a clustered MSMQ resource (a warning for a send port to a remote queue).',
    defaultSeverity: 'error',
    category: 'hosts',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'availability',
    sources: [CLH, SORH, SCALED_OUT_SENDING],
    messages: {
      receive: '{{endpoint}} (MSMQ){{others}} reads the local queue {{queue}} in host "{{host}}", which {{problem}}. Run it in a clustered host that depends on a clustered MSMQ resource, and declare both.',
      send: '{{endpoint}} (MSMQ){{others}} sends to {{queue}} through the outgoing queue of host "{{host}}", which {{problem}}. Run it in a clustered host that depends on a clustered MSMQ resource, and declare both.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const msmqServers = topo.list('msmqServers');
    const unsafe = function* () {
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
        const deps = (host.node.get('dependsOn')?.strings() ?? []).map((d) => d.str);
        const clusteredMsmq = deps.find((d) => declared(d)?.get('clustered')?.value === true);
        if (host.clustered && clusteredMsmq) continue;
        const evidence = queue ?? adapterEvidence(h);
        if (!evidence) continue;
        // A send port to a remote queue: Microsoft's advice is to mitigate (the outgoing queue holds the
        // messages while that server is down), a warning; a local queue, or one btslint cannot place, keeps
        // the rule's severity.
        const remoteSend = h.side === 'send' && !!queue && !queue.unresolved.length && !isLocalQueue(queue.value, host.instances);
        yield { h, host, queue, evidence, deps, clusteredMsmq, remoteSend };
      }
    };
    const declared = (name: string): LNode | undefined => msmqServers.find((m) => sameName(m.get('name')?.str, name));
    // One cause per host, side and severity in a binding file (a repeated cause once): at the first
    // endpoint, the others related.
    for (const list of byFileAndCause(unsafe(), (x) => `${x.host.name.toLowerCase()}\u0000${x.h.side}\u0000${x.remoteSend}`)) {
      const { h, host, queue, evidence, deps, clusteredMsmq, remoteSend } = list[0];
      const depends = host.node.get('dependsOn');
      const problem = !host.clustered ? 'is not clustered' : 'depends on no clustered MSMQ resource (dependsOn naming a clustered msmqServers entry)';
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
          msmqEdits.push(ctx.edit.setKey(entry, 'clustered', true));
        } else if (deps.length) {
          msmqEdits.push(ctx.edit.addToList('msmqServers', { name: deps[0], clustered: true }));
        } else {
          if (depends && depends.isSeq) edits.push(ctx.edit.appendItem(depends, P));
          else if (!depends) hostKeys.dependsOn = [P];
          msmqEdits.push(ctx.edit.addToList('msmqServers', { name: P, clustered: true }));
        }
      }
      // The host's new keys go before a new msmqServers list (both may land at the end of the file).
      if (Object.keys(hostKeys).length) edits.push(insertKeys(ctx, host.node, hostKeys));
      edits.push(...msmqEdits);
      const noun = h.side === 'receive' ? 'receive location' : 'send port';
      ctx.report({
        doc: h.doc,
        range: evidence.range,
        severity: remoteSend ? 'warning' : undefined,
        messageId: h.side === 'receive' ? 'receive' : 'send',
        data: { endpoint: endpointLabel(h), others: othersOfFile(list.length - 1, noun), queue: queue?.value ?? 'its queue', host: host.name, problem },
        nodePath: NodePath.handler(h).tag('msmq'),
        related: [
          ...hostRelated(ctx, h, host, true),
          ...othersRelated(list, (x) => x.evidence.range, (x) => `${endpointLabel(x.h)} ${h.side === 'receive' ? 'reads' : 'sends to'} ${x.queue?.value ?? 'its queue'} in ${host.name} too`),
        ],
        suggestions: [suggestion(`Host ${host.name} now runs clustered, with a clustered MSMQ resource: declare it`, ...edits)],
      });
    }
  },
});
