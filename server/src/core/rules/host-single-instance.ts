import { declaration, defineRule, placeholder } from './api';
import { NodePath } from './nodePath';
import { handlers, HandlerRef, isUnresolved, orchestrationHosts, OrchestrationRef } from '../model/join';
import { isBlank, itemAnchor } from './shared';
import { HA_HOSTS } from './sources';
import { limitedEdition } from './hostHelpers';

/** "3 handlers", "1 orchestration", "2 handlers and 1 orchestration". */
function runs(handlerCount: number, orchestrationCount: number): string {
  const parts: string[] = [];
  if (handlerCount || !orchestrationCount) parts.push(`${handlerCount} handler${handlerCount === 1 ? '' : 's'}`);
  if (orchestrationCount) parts.push(`${orchestrationCount} orchestration${orchestrationCount === 1 ? '' : 's'}`);
  return parts.join(' and ');
}

export default defineRule({
  meta: {
    id: 'host-single-instance',
    description: 'A host that runs send or receive handlers or orchestrations has fewer than two host instances on distinct servers.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [HA_HOSTS],
    messages: {
      noInstance: 'Host "{{host}}" runs {{handlers}} but declares no host instance. Declare its instances: two or more, on two or more servers.',
      oneInstance: 'Host "{{host}}" runs {{handlers}} on one server only ({{server}}), so they stop with it. Add an instance of the host on a second server.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    // BizTalk Standard and Branch allow one BizTalk server per group: a second server is not advice
    // they can follow (clustered-host-requires-enterprise reports a topology that declares one).
    if (limitedEdition(ctx)) return;
    const used = new Map<string, HandlerRef[]>();
    for (const h of handlers(ctx.ws)) {
      if (isUnresolved(h.hostName)) continue;
      const host = topo.findHost(h.hostName);
      if (!host) continue;
      const key = h.hostName.toLowerCase();
      // Appended in place: copying the list for every handler was quadratic in the handlers of a host.
      const refs = used.get(key);
      if (refs) refs.push(h);
      else used.set(key, [h]);
    }
    // Orchestrations: their processing host needs two instances too.
    const orchestrations = new Map<string, OrchestrationRef[]>();
    for (const o of orchestrationHosts(ctx.ws)) {
      if (isUnresolved(o.hostName) || !topo.findHost(o.hostName)) continue;
      const key = o.hostName.toLowerCase();
      const refs = orchestrations.get(key);
      if (refs) refs.push(o);
      else orchestrations.set(key, [o]);
      if (!used.has(key)) used.set(key, []);
    }
    for (const [key, refs] of used) {
      const host = topo.findHost(key)!;
      const orchs = orchestrations.get(key) ?? [];
      const name = host.get('name')?.str ?? key;
      const list = host.get('instances');
      const declared = list?.strings() ?? [];
      const servers = new Set(declared.map((s) => s.str.toLowerCase()));
      if (servers.size >= 2) continue;
      ctx.report({
        doc: topo.doc,
        range: itemAnchor(host),
        messageId: servers.size === 0 ? 'noInstance' : 'oneInstance',
        data: { host: name, handlers: runs(refs.length, orchs.length), server: declared[0]?.str ?? '' },
        nodePath: NodePath.host(name).key('instances'),
        related: [
          ...refs.slice(0, 5).map((h) => ({
            uri: h.doc.uri,
            range: h.transport.host!.range,
            message: `${h.side === 'receive' ? 'Receive location' : 'Send port'} ${h.location?.name ?? h.port?.name} runs in ${name}`,
          })),
          ...orchs.slice(0, 5).map((o) => ({ uri: o.doc.uri, range: o.host.range, message: `Orchestration ${o.orchestration.name} runs in ${name}` })),
        ].slice(0, 5),
        fix: declaration(
          `Add ${servers.size ? 'a second instance' : 'two instances'} of ${name}`,
          list && list.isSeq
            ? list.items().length
              ? ctx.edit.appendItem(list, placeholder('second server'))
              : ctx.edit.replace(list, [placeholder('first server'), placeholder('second server')])
            : list && !isBlank(list)
              ? undefined
              : list
                ? ctx.edit.replace(list, [placeholder('first server'), placeholder('second server')])
                : ctx.edit.insertKey(host, 'instances', [placeholder('first server'), placeholder('second server')]),
        ),
      });
    }
  },
});
