import { defineRule } from './api';
import { NodePath } from './nodePath';
import { handlers } from '../model/join';
import { effectiveAddress, polling, setting } from '../model/adapters';
import type { HandlerRef, Workspace } from '../model/join';
import { byFileAndCause, endpointLabel, endpointNoun, hostOf, hostRelated, instancesPhrase, clusterSuggestion, othersOfFile, othersRelated } from './hostHelpers';
import { CLUSTERING_RECEIVING_HOSTS, CLH } from './sources';

/**
 * BizTalk's own EDI batch-control receive location (BizTalk EDI Application): it polls
 * edi_GetControlMessage on the tracking database for batch control messages. It is part of the
 * product, not an application poller, and is installed with the EDI application as it is.
 */
export function isEdiBatchControl(ws: Workspace, h: HandlerRef): boolean {
  if (h.location && /^BatchControlMessageRecvLoc$/i.test(h.location.name)) return true;
  const text = [setting(ws, h, 'sqlCommand')?.value, setting(ws, h, 'pollingStatement')?.value, effectiveAddress(ws, h)?.value].join(' ');
  return /edi_GetControlMessage/i.test(text);
}

export default defineRule({
  meta: {
    id: 'polling-receive-not-clustered',
    description: 'A receive location that polls SQL Server (SQL, WCF-SQL or WCF-Custom sqlBinding polling) or listens to SAP runs in a host with several instances that is not declared clustered.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'wrong-processing',
    sources: [CLUSTERING_RECEIVING_HOSTS, CLH],
    messages: {
      polls: '{{endpoint}} ({{adapter}}){{others}} {{how}} in host "{{host}}", which {{instances}} and is not clustered: {{consequence}}. Run it in a clustered host and declare clustered: true.',
    },
  },
  check(ctx) {
    const polled = function* () {
      for (const h of handlers(ctx.ws)) {
        const p = polling(ctx.ws, h);
        if (!p) continue;
        const host = hostOf(ctx, h);
        if (!host || host.clustered || host.instances.length < 2) continue;
        if (isEdiBatchControl(ctx.ws, h)) continue;
        yield { h, host, p };
      }
    };
    // One cause per host (and consequence) in a binding file (a repeated cause once): at the first
    // location, the others related.
    for (const list of byFileAndCause(polled(), (x) => `${x.host.name.toLowerCase()}\u0000${x.p.kind === 'SAP'}`)) {
      const { h, host, p } = list[0];
      const consequence = p.kind === 'SAP' ? 'the IDocs can arrive out of order' : 'each instance can pick up the same rows';
      ctx.report({
        doc: h.doc,
        range: p.evidence.range,
        messageId: 'polls',
        data: { endpoint: endpointLabel(h), adapter: h.transport.adapter?.value ?? '', others: othersOfFile(list.length - 1, endpointNoun(list)), how: p.how, host: host.name, instances: instancesPhrase(host), consequence },
        nodePath: NodePath.handler(h).tag('polling'),
        related: [...hostRelated(ctx, h, host, true), ...othersRelated(list, (x) => x.p.evidence.range, (x) => `${endpointLabel(x.h)} ${x.p.how} in ${host.name} too`)],
        suggestions: [clusterSuggestion(ctx, host)],
      });
    }
  },
});
