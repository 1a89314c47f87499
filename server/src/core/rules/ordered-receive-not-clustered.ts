import { defineRule } from './api';
import { NodePath } from './nodePath';
import { handlers } from '../model/join';
import { isLocalQueue, isMsmq, isTrue, msmqQueue, setting } from '../model/adapters';
import { byFileAndCause, endpointLabel, hostOf, hostRelated, instancesPhrase, clusterSuggestion, othersOfFile, othersRelated } from './hostHelpers';
import { CLH } from './sources';

export default defineRule({
  meta: {
    id: 'ordered-receive-not-clustered',
    description: 'A receive location that delivers in order (MSMQ serialProcessing, WCF-NetMsmq ordered processing, MQSeries or MQSC ordered) runs in a host with several instances that is not declared clustered.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'wrong-processing',
    sources: [CLH],
    messages: {
      ordered: '{{endpoint}} ({{adapter}}){{others}} delivers in order, but its host "{{host}}" {{instances}} and is not clustered: each instance reads the queue on its own, so the order is lost. Run it in a clustered host and declare clustered: true.',
    },
  },
  check(ctx) {
    const ordered = function* () {
      for (const h of handlers(ctx.ws)) {
        if (h.side !== 'receive') continue;
        const adapter = h.transport.adapterKey;
        let flag;
        if (isMsmq(h)) flag = setting(ctx.ws, h, 'serialProcessing');
        else if (adapter === 'wcf-netmsmq') flag = setting(ctx.ws, h, 'OrderedProcessing');
        else if (adapter === 'mqseries' || adapter === 'mqsc') flag = setting(ctx.ws, h, 'ordered');
        // MQSeries and MQSC: ordered is no | noStop | yes | yesStop | yesSuspend; the yes values keep the order.
        if (!flag || !(isTrue(flag) || (/^mq(series|sc)$/.test(adapter) && !flag.unresolved.length && /^yes/i.test(flag.value)))) continue;
        const host = hostOf(ctx, h);
        if (!host || host.clustered || host.instances.length < 2) continue;
        // An MSMQ receive location on a local queue is msmq-local-queue-not-clustered's (its message says it is ordered).
        if (isMsmq(h)) {
          const q = msmqQueue(ctx.ws, h);
          if (q && !q.unresolved.length && isLocalQueue(q.value, host.instances)) continue;
        }
        yield { h, host, flag };
      }
    };
    // One cause per host in a binding file (a repeated cause once): at the first location, the others related.
    for (const list of byFileAndCause(ordered(), (x) => x.host.name.toLowerCase())) {
      const { h, host, flag } = list[0];
      ctx.report({
        doc: h.doc,
        range: flag.range,
        messageId: 'ordered',
        data: { endpoint: endpointLabel(h), adapter: h.transport.adapter?.value ?? '', others: othersOfFile(list.length - 1, 'receive location'), host: host.name, instances: instancesPhrase(host) },
        nodePath: NodePath.handler(h).tag('ordered'),
        related: [...hostRelated(ctx, h, host, true), ...othersRelated(list, (x) => x.flag.range, (x) => `${endpointLabel(x.h)} delivers in order in ${host.name} too`)],
        suggestions: [clusterSuggestion(ctx, host)],
      });
    }
  },
});
