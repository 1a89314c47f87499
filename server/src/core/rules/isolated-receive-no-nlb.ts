import { declaration, defineRule, placeholder } from './api';
import { NodePath } from './nodePath';
import { handlers, sameName } from '../model/join';
import { isIsolatedReceive } from '../model/adapters';
import { byFileAndCause, endpointLabel, endpointNoun, hostOf, hostRelated, othersOfFile, othersRelated } from './hostHelpers';
import { SORH } from './sources';

export default defineRule({
  meta: {
    id: 'isolated-receive-no-nlb',
    description: 'An HTTP, SOAP or isolated WCF receive location runs in a host that no network load balancer fronts.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [SORH],
    messages: {
      tooFew: '{{endpoint}} ({{adapter}}){{others}} runs in IIS for host "{{host}}", whose load balancer "{{nlb}}" lists fewer than two servers, so clients depend on one machine. Put two or more servers behind it.',
      noNlb: '{{endpoint}} ({{adapter}}){{others}} runs in IIS for host "{{host}}", but the topology declares no load balancer in front of its servers. Put NLB in front of two or more servers and declare it (hosts[].nlb).',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const balancers = topo.list('nlb');
    const unbalanced = function* () {
      for (const h of handlers(ctx.ws)) {
        if (!isIsolatedReceive(h)) continue;
        const host = hostOf(ctx, h);
        if (!host) continue;
        const nlbNode = host.node.get('nlb');
        const named = nlbNode?.str;
        const instances = host.instances.map((s) => s.toLowerCase());
        // A balancer in nlb[] whose nodes include two or more of the host's servers fronts it too.
        const covering = balancers.find((b) => (b.get('nodes')?.strings() ?? []).filter((n) => instances.includes(n.str.toLowerCase())).length >= 2);
        const entry = named ? balancers.find((b) => sameName(b.get('name')?.str, named)) : undefined;
        const entryNodes = entry?.get('nodes');
        const tooFew = !!entry && !!entryNodes && entryNodes.strings().length < 2;
        if (covering || (named && !tooFew)) continue;
        yield { h, host, nlbNode, named, entry, entryNodes, tooFew };
      }
    };
    // One cause per host and binding file (a repeated cause once): at the first endpoint, the others related.
    for (const list of byFileAndCause(unbalanced(), (x) => `${x.host.name.toLowerCase()}\u0000${x.tooFew}`)) {
      const { h, host, nlbNode, named, entry, entryNodes, tooFew } = list[0];
      const adapter = h.transport.adapter?.value;
      ctx.report({
        doc: h.doc,
        range: h.transport.host!.range,
        messageId: tooFew ? 'tooFew' : 'noNlb',
        data: { endpoint: endpointLabel(h), adapter: adapter ?? '', others: othersOfFile(list.length - 1, endpointNoun(list)), host: host.name, nlb: named ?? '' },
        nodePath: NodePath.handler(h).tag('nlb'),
        related: [
          ...hostRelated(ctx, h, host, false),
          ...(entry ? [{ uri: topo.uri, range: entry.get('name')?.range ?? entry.range, message: `Load balancer ${named}` }] : []),
          ...othersRelated(list, (x) => x.h.transport.host!.range, (x) => `${endpointLabel(x.h)} runs in IIS for ${host.name} too`),
        ],
        fix: tooFew
          ? declaration(`Add a second server to load balancer ${named}`, ctx.edit.appendItem(entryNodes!, placeholder('second server')))
          : declaration(`Declare the load balancer of host ${host.name}`, nlbNode ? ctx.edit.replace(nlbNode, placeholder('load balancer')) : ctx.edit.insertKey(host.node, 'nlb', placeholder('load balancer'))),
      });
    }
  },
});
