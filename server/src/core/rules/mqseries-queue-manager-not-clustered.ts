import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { handlers, sameName } from '../model/join';
import { effectiveAddress } from '../model/adapters';
import { byFileAndCause, endpointLabel, endpointNoun, othersOfFile, othersRelated } from './hostHelpers';
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
      declaredNotClustered: '{{endpoint}} (MQSeries){{others}} uses queue manager "{{queueManager}}" on MQSeries Server "{{server}}", which is declared not clustered; when it fails, the queue is out of reach. Cluster the queue manager and the MQSeries Server, then declare clustered: true.',
      clusteredUnknown: '{{endpoint}} (MQSeries){{others}} uses queue manager "{{queueManager}}" on MQSeries Server "{{server}}", whose declaration does not say whether it is clustered. Declare clustered: true once the queue manager and the MQSeries Server are.',
      undeclared: '{{endpoint}} (MQSeries){{others}} uses queue manager "{{queueManager}}" on MQSeries Server "{{server}}", which the topology does not declare (mqQueueManagers), so btslint cannot check that it is clustered. Declare it, with whether it is clustered.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const unsafe = [];
    for (const h of handlers(ctx.ws)) {
      if (h.transport.adapterKey !== 'mqseries') continue;
      const address = effectiveAddress(ctx.ws, h);
      if (!address || address.unresolved.length) continue; // unresolved-token reports a token
      const mq = mqsAddress(address.value);
      if (!mq) continue;
      const declared = topo.list('mqQueueManagers').find((q) => sameName(q.get('name')?.str, mq.queueManager));
      const clustered = declared?.get('clustered');
      if (clustered?.value === true || (clustered && isPlaceholderValue(clustered.str))) continue; // a placeholder is unfilled-placeholder's
      unsafe.push({ h, address, mq, declared, clustered });
    }
    // One finding per queue manager and binding file, at its first endpoint, the others counted and
    // related: a repeated cause is reported once.
    for (const list of byFileAndCause(unsafe, (x) => x.mq.queueManager.toLowerCase())) {
      const { h, address, mq, declared, clustered } = list[0];
      const notClustered = clustered?.value === false;
      ctx.report({
        doc: h.doc,
        range: address.range,
        // Not declared: btslint cannot check it, an unknown rather than a violation.
        severity: notClustered ? undefined : 'info',
        messageId: notClustered ? 'declaredNotClustered' : declared ? 'clusteredUnknown' : 'undeclared',
        data: { endpoint: endpointLabel(h), others: othersOfFile(list.length - 1, endpointNoun(list)), queueManager: mq.queueManager, server: mq.server },
        nodePath: NodePath.handler(h).tag('mq-queue-manager'),
        related: [
          ...(declared ? [{ uri: topo.uri, range: itemAnchor(declared), message: `Queue manager ${mq.queueManager} is declared here` }] : []),
          ...othersRelated(list, (x) => x.address.range, (x) => `${endpointLabel(x.h)} uses queue manager ${x.mq.queueManager} too`),
        ],
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
