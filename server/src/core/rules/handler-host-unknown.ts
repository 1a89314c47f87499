import { declaration, defineRule, placeholder } from './api';
import { HA_HOSTS } from './sources';
import { adapterIs, endpointPath, handlers, isUnresolved } from '../model/join';
import { addToList } from './shared';

const ISOLATED_ADAPTERS = ['HTTP', 'SOAP', 'WCF-BasicHttp', 'WCF-WSHttp', 'WCF-WebHttp', 'WCF-CustomIsolated'];

export default defineRule({
  meta: {
    id: 'handler-host-unknown',
    description: 'A send or receive handler names a host that no topology file declares, so its availability cannot be checked.',
    defaultSeverity: 'info',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [HA_HOSTS],
  },
  check(ctx) {
    const topo = ctx.topology;
    for (const h of handlers(ctx.ws)) {
      const where = h.location ? `Receive location "${h.location.name}"` : `Send port "${h.port?.name}"`;
      // A token no Deployment Framework settings resolve: unresolved-token reports it, once per token per file.
      if (isUnresolved(h.hostName)) continue;
      if (topo && topo.findHost(h.hostName)) continue;
      const isolated = h.side === 'receive' && adapterIs(h.transport, ...ISOLATED_ADAPTERS);
      ctx.report({
        doc: h.doc,
        range: h.transport.host!.range,
        message: topo
          ? `${where} runs in host "${h.hostName}"${h.hostToken ? ` (${h.hostToken} in ${h.hostSource?.origin ?? 'the settings'})` : ''}, which the topology does not declare (hosts), so btslint cannot check that it is clustered or has two instances.`
          : `${where} runs in host "${h.hostName}", but the workspace has no topology file (*.topology.yaml) declaring hosts, so btslint cannot check its availability.`,
        nodePath: `${endpointPath(h)}/${h.side === 'receive' ? 'ReceiveHandler' : 'SendHandler'}`,
        related: topo && topo.section('hosts') ? [{ uri: topo.uri, range: topo.section('hosts')!.keyRange, message: 'The topology\'s hosts' }] : undefined,
        fix: topo
          ? declaration(
              `Declare host ${h.hostName} in the topology`,
              addToList(ctx, 'hosts', {
                name: h.hostName,
                type: isolated ? 'isolated' : 'in-process',
                clustered: placeholder('clustered: true or false'),
                instances: [placeholder('first server'), placeholder('second server')],
              }),
            )
          : undefined,
      });
    }
  },
});
