import { declaration, defineRule, placeholder } from './api';
import { NodePath } from './nodePath';
import { HA_HOSTS } from './sources';
import { byFileAndCause, endpointLabel, endpointNoun, othersOfFile, othersRelated } from './hostHelpers';
import { handlers, isUnresolved, orchestrationHosts, OrchestrationRef } from '../model/join';
import { isIsolatedReceive } from '../model/adapters';

export default defineRule({
  meta: {
    id: 'handler-host-unknown',
    description: 'A send or receive handler, or an orchestration, names a host that no topology file declares, so its availability cannot be checked.',
    defaultSeverity: 'info',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [HA_HOSTS],
    messages: {
      undeclared: '{{endpoint}}{{others}} runs in host "{{host}}"{{token}}, which the topology does not declare, so btslint cannot check its availability. Declare the host under hosts.',
      orchestration: '{{orchestrations}} {{verb}} in host "{{host}}"{{token}}, which the topology does not declare, so btslint cannot check that it has two instances. Declare the host under hosts.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    // Without any topology, no-topology says so once for the workspace (not once per handler).
    if (!topo) return;
    const hostsList = topo.section('hosts');
    const undeclared = function* () {
      for (const h of handlers(ctx.ws)) {
        // A token no Deployment Framework settings resolve: unresolved-token reports it, once per token per file.
        if (isUnresolved(h.hostName)) continue;
        if (topo.findHost(h.hostName)) continue;
        yield { h, isolated: isIsolatedReceive(h) };
      }
    };
    // One finding per host (and the type its declaration gets) in a binding file, at its first endpoint,
    // the others as related information (a repeated cause once).
    for (const list of byFileAndCause(undeclared(), (x) => `${x.h.hostName.toLowerCase()}\u0000${x.isolated}\u0000${x.h.hostToken ?? ''}`)) {
      const { h, isolated } = list[0];
      const related = othersRelated(list, (x) => x.h.transport.host!.range, (x) => `${endpointLabel(x.h)} runs in ${h.hostName} too`);
      if (hostsList) related.push({ uri: topo.uri, range: hostsList.keyRange, message: 'The topology\'s hosts' });
      ctx.report({
        doc: h.doc,
        range: h.transport.host!.range,
        messageId: 'undeclared',
        data: { endpoint: endpointLabel(h), others: othersOfFile(list.length - 1, endpointNoun(list)), host: h.hostName, token: h.hostToken ? ` (${h.hostToken} in ${h.hostSource?.origin ?? 'the settings'})` : '' },
        nodePath: NodePath.handler(h),
        related: related.length ? related : undefined,
        fix: declaration(
          `Declare host ${h.hostName} in the topology`,
          ctx.edit.addToList('hosts', {
            name: h.hostName,
            type: isolated ? 'isolated' : 'in-process',
            clustered: placeholder('clustered: true or false'),
            instances: [placeholder('first server'), placeholder('second server')],
          }),
        ),
      });
    }
    // Orchestrations (ModuleRef/Services/Service/Host): the processing hosts. One finding per host and
    // file, at its first orchestration, the others as related information (a repeated cause once).
    const groups = new Map<string, OrchestrationRef[]>();
    for (const o of orchestrationHosts(ctx.ws)) {
      if (isUnresolved(o.hostName)) continue;
      if (topo.findHost(o.hostName)) continue;
      const key = `${o.doc.uri}\u0000${o.hostName.toLowerCase()}`;
      const list = groups.get(key);
      if (list) list.push(o);
      else groups.set(key, [o]);
    }
    for (const [, list] of groups) {
      const o = list[0];
      const more = list.length - 1;
      const where = `Orchestration "${o.orchestration.name}"${more ? ` and ${more} other${more === 1 ? '' : 's'}` : ''}`;
      const verb = more ? 'run' : 'runs';
      const related = list.slice(1, 6).map((x) => ({ uri: x.doc.uri, range: x.host.range, message: `Orchestration ${x.orchestration.name} runs in ${x.hostName}` }));
      if (hostsList) related.push({ uri: topo.uri, range: hostsList.keyRange, message: "The topology's hosts" });
      ctx.report({
        doc: o.doc,
        range: o.host.range,
        messageId: 'orchestration',
        data: { orchestrations: where, verb, host: o.hostName, token: o.hostToken ? ` (${o.hostToken} in ${o.hostSource?.origin ?? 'the settings'})` : '' },
        nodePath: NodePath.orchestrationHost(o),
        related: related.length ? related : undefined,
        fix: declaration(
          `Declare host ${o.hostName} in the topology`,
          ctx.edit.addToList('hosts', { name: o.hostName, type: 'in-process', clustered: placeholder('clustered: true or false'), instances: [placeholder('first server'), placeholder('second server')] }),
        ),
      });
    }
  },
});
