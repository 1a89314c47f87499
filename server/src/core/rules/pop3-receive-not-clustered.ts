import { defineRule } from './api';
import { NodePath } from './nodePath';
import { handlers } from '../model/join';
import { isPop3 } from '../model/adapters';
import { byFileAndCause, endpointLabel, hostOf, hostRelated, instancesPhrase, clusterSuggestion, othersOfFile, othersRelated } from './hostHelpers';
import { CLH, SORH } from './sources';

export default defineRule({
  meta: {
    id: 'pop3-receive-not-clustered',
    description: 'A POP3 receive location runs in a host with several instances that the topology does not declare clustered.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'wrong-processing',
    sources: [CLH, SORH],
    messages: {
      pop3: '{{endpoint}} (POP3){{others}} runs in host "{{host}}", which {{instances}} and is not clustered, so each instance polls the same mailbox. If the mail server allows several connections to one mailbox, run it in a clustered host.',
    },
  },
  check(ctx) {
    const polling = function* () {
      for (const h of handlers(ctx.ws)) {
        if (h.side !== 'receive' || !isPop3(h)) continue;
        const host = hostOf(ctx, h);
        // One instance: nothing polls the mailbox twice (host-single-instance asks for a second one).
        if (!host || host.clustered || host.instances.length < 2) continue;
        yield { h, host };
      }
    };
    // One cause per host in a binding file (a repeated cause once): at the first location, the others related.
    for (const list of byFileAndCause(polling(), (x) => x.host.name.toLowerCase())) {
      const { h, host } = list[0];
      ctx.report({
        doc: h.doc,
        range: h.transport.host!.range,
        messageId: 'pop3',
        data: { endpoint: endpointLabel(h), others: othersOfFile(list.length - 1, 'receive location'), host: host.name, instances: instancesPhrase(host) },
        nodePath: NodePath.handler(h).tag('pop3'),
        related: [...hostRelated(ctx, h, host, false), ...othersRelated(list, (x) => x.h.transport.host!.range, (x) => `${endpointLabel(x.h)} polls a mailbox in ${host.name} too`)],
        suggestions: [clusterSuggestion(ctx, host)],
      });
    }
  },
});
