import { declaration, defineRule, placeholder } from './api';
import { NodePath } from './nodePath';
import { adapterIn, adapterKeys, handlers } from '../model/join';
import { byFileAndCause, endpointLabel, hostOf, hostRelated, othersOfFile, othersRelated } from './hostHelpers';
import { SORH } from './sources';

const NET_MSMQ = adapterKeys(['WCF-NetMsmq']);

export default defineRule({
  meta: {
    id: 'netmsmq-not-clustered',
    description: 'A WCF-NetMsmq receive location runs in a host that is not declared clustered.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [SORH],
    messages: {
      notClustered: '{{endpoint}} (WCF-NetMsmq){{others}} runs in host "{{host}}", which is {{state}}. Microsoft\'s guidance for WCF-NetMsmq is to cluster the host of its receive handler: move the location to a clustered host, or cluster this one.',
    },
  },
  check(ctx) {
    if (!ctx.topology) return;
    const unclustered = function* () {
      for (const h of handlers(ctx.ws)) {
        if (h.side !== 'receive' || !adapterIn(h.transport, NET_MSMQ)) continue;
        const host = hostOf(ctx, h);
        if (!host || host.clustered) continue; // an undeclared host is handler-host-unknown's
        const declaredOff = !!host.clusteredNode && host.clusteredNode.value === false;
        if (host.clusteredNode && !declaredOff) continue; // a placeholder (or another value): unfilled-placeholder or the schema reports it
        yield { h, host, declaredOff };
      }
    };
    // One cause per host in a binding file (a repeated cause once): at the first location, the others related.
    for (const list of byFileAndCause(unclustered(), (x) => x.host.name.toLowerCase())) {
      const { h, host, declaredOff } = list[0];
      ctx.report({
        doc: h.doc,
        range: h.transport.host!.range,
        messageId: 'notClustered',
        data: { endpoint: endpointLabel(h), others: othersOfFile(list.length - 1, 'receive location'), host: host.name, state: declaredOff ? 'declared not clustered' : 'not declared clustered' },
        nodePath: NodePath.handler(h).tag('netmsmq'),
        related: [...hostRelated(ctx, h, host, false), ...othersRelated(list, (x) => x.h.transport.host!.range, (x) => `${endpointLabel(x.h)} (WCF-NetMsmq) runs in ${host.name} too`)],
        fix: declaredOff ? undefined : declaration(`Declare whether host ${host.name} is clustered`, ctx.edit.insertKey(host.node, 'clustered', placeholder('true once the host is clustered'))),
      });
    }
  },
});
