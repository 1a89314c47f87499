import { defineRule } from './api';
import { handlers } from '../model/join';
import { polling } from '../model/adapters';
import { endpointLabel, handlerPath, hostOf, hostRelated, instancesPhrase, clusterSuggestion } from './hostHelpers';
import { CLUSTERING_RECEIVING_HOSTS, CLH } from './sources';

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
  },
  check(ctx) {
    for (const h of handlers(ctx.ws)) {
      const p = polling(ctx.ws, h);
      if (!p) continue;
      const host = hostOf(ctx, h);
      if (!host || host.clustered || host.instances.length < 2) continue;
      const consequence =
        p.kind === 'SAP'
          ? 'every instance registers its own listener with the SAP gateway, which spreads the calls among them, so the order of the IDocs is not kept'
          : 'every instance runs the same polling statement, so the same rows can be picked up twice and processed twice';
      ctx.report({
        doc: h.doc,
        range: p.evidence.range,
        message: `${endpointLabel(h)} (${h.transport.adapter?.value}) ${p.how}, and its host "${host.name}" ${instancesPhrase(host)} without being declared clustered: ${consequence}. Microsoft provides host clustering for the SQL and SAP adapters so that one instance is active at a time.`,
        nodePath: handlerPath(h, ':polling'),
        related: hostRelated(ctx, h, host, true),
        suggestions: [clusterSuggestion(ctx, host)],
      });
    }
  },
});
