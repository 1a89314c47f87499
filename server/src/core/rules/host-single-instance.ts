import { declaration, defineRule, placeholder } from './api';
import { handlers, HandlerRef, isUnresolved } from '../model/join';
import { isBlank, itemAnchor } from './shared';
import { HA_HOSTS } from './sources';

export default defineRule({
  meta: {
    id: 'host-single-instance',
    description: 'A host that runs send or receive handlers has fewer than two host instances on distinct servers.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [HA_HOSTS],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
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
    for (const [key, refs] of used) {
      const host = topo.findHost(key)!;
      const name = host.get('name')?.str ?? key;
      const list = host.get('instances');
      const declared = list?.strings() ?? [];
      const servers = new Set(declared.map((s) => s.str!.toLowerCase()));
      if (servers.size >= 2) continue;
      ctx.report({
        doc: topo.doc,
        range: itemAnchor(host),
        message: `Host "${name}" runs ${refs.length} handler${refs.length === 1 ? '' : 's'} but has ${servers.size === 0 ? 'no host instance' : 'one host instance'} declared${servers.size ? ` (${declared[0].str})` : ''}. Microsoft: "you must have two or more host instances for each host (on two or more computers)".`,
        nodePath: `hosts[name=${name}].instances`,
        related: refs.slice(0, 5).map((h) => ({
          uri: h.doc.uri,
          range: h.transport.host!.range,
          message: `${h.side === 'receive' ? 'Receive location' : 'Send port'} ${h.location?.name ?? h.port?.name} runs in ${name}`,
        })),
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
