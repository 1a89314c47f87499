import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { NodePath } from './nodePath';
import { handlers, sameName } from '../model/join';
import { isLocalQueue, isMsmq, isTrue, msmqQueue, queueMachine, setting } from '../model/adapters';
import { byFileAndCause, endpointLabel, hostOf, othersOfFile, othersRelated } from './hostHelpers';
import { itemAnchor } from './shared';
import { SORH } from './sources';

const FACT = placeholder('true once MSMQ is a clustered resource');

/** The queue's machine as its format name spells it. */
function asWritten(queue: string, machine: string): string {
  const at = queue.toLowerCase().indexOf(machine.toLowerCase());
  return at >= 0 ? queue.slice(at, at + machine.length) : machine;
}

export default defineRule({
  meta: {
    id: 'msmq-remote-server-not-clustered',
    description: 'An MSMQ receive location reads a queue on a remote server that the topology does not declare failover-clustered (msmqServers), or a transactional one on MSMQ before 4.0.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [SORH],
    messages: {
      oldVersion: '{{endpoint}} (MSMQ){{others}} reads {{queue}} transactionally, on MSMQ server "{{server}}" declared as version {{version}}; remote transactional reads need MSMQ 4.0 or later. Upgrade that MSMQ server, then declare its version.',
      declaredNotClustered: '{{endpoint}} (MSMQ){{others}} reads {{queue}}, on MSMQ server "{{server}}", which is declared not clustered; when it fails, the queue is out of reach. Make that MSMQ server failover-clustered, then declare clustered: true.',
      undeclared: '{{endpoint}} (MSMQ){{others}} reads {{queue}}, on remote MSMQ server "{{server}}", which the topology does not declare (msmqServers), so btslint cannot check that it is clustered. Declare it, with whether it is clustered.',
      clusteredUnknown: '{{endpoint}} (MSMQ){{others}} reads {{queue}}, on MSMQ server "{{server}}", whose declaration does not say whether it is clustered. Declare clustered: true once it is a failover-clustered resource.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const unsafe = [];
    for (const h of handlers(ctx.ws)) {
      if (h.side !== 'receive' || !isMsmq(h)) continue;
      const host = hostOf(ctx, h);
      if (!host) continue; // handler-host-unknown or unresolved-token reports it
      const queue = msmqQueue(ctx.ws, h);
      if (!queue || queue.unresolved.length || isLocalQueue(queue.value, host.instances)) continue; // local: msmq-local-queue-not-clustered
      const machine = queueMachine(queue.value);
      if (!machine || /^\d+\.\d+\.\d+\.\d+$/.test(machine)) continue; // a public format name, or an address btslint cannot name
      const server = topo.list('msmqServers').find((m) => sameName(m.get('name')?.str, machine));
      const clustered = server?.get('clustered');
      const version = server?.get('version');
      const transactional = isTrue(setting(ctx.ws, h, 'transactional'));
      const oldVersion = transactional && version && /^\s*[1-3](\.|\s*$)/.test(String(version.value));
      if (clustered?.value === true && !oldVersion) continue;
      if (clustered && isPlaceholderValue(clustered.str) && !oldVersion) continue; // unfilled-placeholder reports it
      unsafe.push({ h, queue, machine, server, clustered, version });
    }
    // One finding per remote server and binding file, at its first endpoint, the others counted and
    // related: a repeated cause is reported once. (With the server clustered, only transactional reads
    // on an old version are left, so a group's endpoints share one message.)
    for (const list of byFileAndCause(unsafe, (x) => x.machine.toLowerCase())) {
      const { h, queue, server, clustered, version } = list[0];
      const shown = asWritten(queue.value, list[0].machine);
      const data = { endpoint: endpointLabel(h), others: othersOfFile(list.length - 1, 'receive location'), queue: queue.value, server: shown };
      const message =
        clustered?.value === true
          ? { messageId: 'oldVersion', data: { ...data, version: String(version!.value) } }
          : clustered?.value === false
            ? { messageId: 'declaredNotClustered', data }
            : // Not declared, or declared without clustered: an unknown, not a violation.
              { messageId: server ? 'clusteredUnknown' : 'undeclared', data, severity: 'info' as const };
      ctx.report({
        doc: h.doc,
        range: queue.range,
        ...message,
        nodePath: NodePath.handler(h).tag('msmq-remote'),
        related: [
          ...(server ? [{ uri: topo.uri, range: itemAnchor(server), message: `MSMQ server ${shown} is declared here` }] : []),
          ...othersRelated(list, (x) => x.queue.range, (x) => `${endpointLabel(x.h)} reads ${x.queue.value} on ${asWritten(x.queue.value, x.machine)} too`),
        ],
        fix:
          clustered?.value === true || clustered?.value === false
            ? undefined
            : declaration(
                `Declare MSMQ server ${shown} in the topology`,
                server ? ctx.edit.setKey(server, 'clustered', FACT) : ctx.edit.addToList('msmqServers', { name: shown, clustered: FACT }),
              ),
      });
    }
  },
});
