import { defineRule } from './api';
import { NodePath } from './nodePath';
import { handlers } from '../model/join';
import { effectiveAddress, polling, setting } from '../model/adapters';
import type { HandlerRef, Workspace } from '../model/join';
import { endpointLabel, hostOf, hostRelated, instancesPhrase, clusterSuggestion } from './hostHelpers';
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
      polls: '{{endpoint}} ({{adapter}}) {{how}} in host "{{host}}", which {{instances}} and is not clustered: {{consequence}}. Run it in a clustered host and declare clustered: true.',
    },
  },
  check(ctx) {
    for (const h of handlers(ctx.ws)) {
      const p = polling(ctx.ws, h);
      if (!p) continue;
      const host = hostOf(ctx, h);
      if (!host || host.clustered || host.instances.length < 2) continue;
      if (isEdiBatchControl(ctx.ws, h)) continue;
      const consequence = p.kind === 'SAP' ? 'the IDocs can arrive out of order' : 'each instance can pick up the same rows';
      ctx.report({
        doc: h.doc,
        range: p.evidence.range,
        messageId: 'polls',
        data: { endpoint: endpointLabel(h), adapter: h.transport.adapter?.value ?? '', how: p.how, host: host.name, instances: instancesPhrase(host), consequence },
        nodePath: NodePath.handler(h).tag('polling'),
        related: hostRelated(ctx, h, host, true),
        suggestions: [clusterSuggestion(ctx, host)],
      });
    }
  },
});
