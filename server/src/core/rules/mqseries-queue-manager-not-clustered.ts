import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { handlers, sameName } from '../model/join';
import { effectiveAddress } from '../model/adapters';
import { endpointLabel } from './hostHelpers';
import { NodePath } from './nodePath';
import { itemAnchor } from './shared';
import { SORH } from './sources';

const FACT = placeholder('true once the queue manager and its MQSeries Server are clustered');

/** Server and queue manager of a server-based MQSeries address: MQS://SERVER/QM/QUEUE (QM may be `DQM(RQM)`). */
function mqsAddress(address: string): { server: string; queueManager: string } | undefined {
  const m = /^mqs:\/\/([^/]+)\/([^/(]+)/i.exec(address.trim());
  return m ? { server: m[1], queueManager: m[2].trim() } : undefined;
}

export default defineRule({
  meta: {
    id: 'mqseries-queue-manager-not-clustered',
    description: 'An MQSeries adapter endpoint uses a queue manager that the topology declares not clustered, or does not declare (mqQueueManagers).',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [SORH],
    messages: {
      declaredNotClustered: '{{endpoint}} (MQSeries) uses queue manager "{{queueManager}}" on MQSeries Server "{{server}}", which is declared not clustered; when it fails, the queue is out of reach. Cluster the queue manager and the MQSeries Server, then declare clustered: true.',
      clusteredUnknown: '{{endpoint}} (MQSeries) uses queue manager "{{queueManager}}" on MQSeries Server "{{server}}", whose declaration does not say whether it is clustered. Declare clustered: true once the queue manager and the MQSeries Server are.',
      undeclared: '{{endpoint}} (MQSeries) uses queue manager "{{queueManager}}" on MQSeries Server "{{server}}", which the topology does not declare (mqQueueManagers), so btslint cannot check that it is clustered. Declare it, with whether it is clustered.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const reported = new Set<string>();
    for (const h of handlers(ctx.ws)) {
      if (h.transport.adapterKey !== 'mqseries') continue;
      const address = effectiveAddress(ctx.ws, h);
      if (!address || address.unresolved.length) continue; // unresolved-token reports a token
      const mq = mqsAddress(address.value);
      if (!mq) continue;
      const declared = topo.list('mqQueueManagers').find((q) => sameName(q.get('name')?.str, mq.queueManager));
      const clustered = declared?.get('clustered');
      if (clustered?.value === true || (clustered && isPlaceholderValue(clustered.str))) continue; // a placeholder is unfilled-placeholder's
      // One finding per queue manager and binding file: a repeated cause is reported once.
      const key = `${h.doc.uri}\u0000${mq.queueManager.toLowerCase()}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const notClustered = clustered?.value === false;
      ctx.report({
        doc: h.doc,
        range: address.range,
        // Not declared: btslint cannot check it, an unknown rather than a violation.
        severity: notClustered ? undefined : 'info',
        messageId: notClustered ? 'declaredNotClustered' : declared ? 'clusteredUnknown' : 'undeclared',
        data: { endpoint: endpointLabel(h), queueManager: mq.queueManager, server: mq.server },
        nodePath: NodePath.handler(h).tag('mq-queue-manager'),
        related: declared ? [{ uri: topo.uri, range: itemAnchor(declared), message: `Queue manager ${mq.queueManager} is declared here` }] : undefined,
        fix: notClustered
          ? undefined
          : declaration(
              `Declare queue manager ${mq.queueManager} in the topology`,
              declared ? ctx.edit.setKey(declared, 'clustered', FACT) : ctx.edit.addToList('mqQueueManagers', { name: mq.queueManager, clustered: FACT }),
            ),
      });
    }
  },
});
