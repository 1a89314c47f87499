import { defineRule } from './api';
import { handlers } from '../model/join';
import { isLocalQueue, isMsmq, isTrue, msmqQueue, setting } from '../model/adapters';
import { endpointLabel, handlerPath, hostOf, hostRelated, instancesPhrase, clusterSuggestion } from './hostHelpers';
import { CLH } from './sources';

export default defineRule({
  meta: {
    id: 'ordered-receive-not-clustered',
    description: 'A receive location that delivers in order (MSMQ serialProcessing, WCF-NetMsmq ordered processing) runs in a host with several instances that is not declared clustered.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'wrong-processing',
    sources: [CLH],
  },
  check(ctx) {
    for (const h of handlers(ctx.ws)) {
      if (h.side !== 'receive') continue;
      const adapter = (h.transport.adapter?.value ?? '').toLowerCase();
      let flag;
      if (isMsmq(h)) flag = setting(ctx.ws, h, 'serialProcessing');
      else if (adapter === 'wcf-netmsmq') flag = setting(ctx.ws, h, 'OrderedProcessing');
      if (!flag || !isTrue(flag)) continue;
      const host = hostOf(ctx, h);
      if (!host || host.clustered || host.instances.length < 2) continue;
      // An MSMQ receive location on a local queue is msmq-local-queue-not-clustered's (its message says it is ordered).
      if (isMsmq(h)) {
        const q = msmqQueue(ctx.ws, h);
        if (q && !q.unresolved.length && isLocalQueue(q.value, host.instances)) continue;
      }
      ctx.report({
        doc: h.doc,
        range: flag.range,
        message: `${endpointLabel(h)} (${h.transport.adapter?.value}) delivers messages in order, but its host "${host.name}" ${instancesPhrase(host)} and is not declared clustered: each instance reads the queue on its own, so the order is lost. Microsoft: ordered delivery "requires that only a single instance of these receive adapters be running at any given time"; run it in a clustered host.`,
        nodePath: handlerPath(h, ':ordered'),
        related: hostRelated(ctx, h, host, true),
        suggestions: [clusterSuggestion(ctx, host)],
      });
    }
  },
});
