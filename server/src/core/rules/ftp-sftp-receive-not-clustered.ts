import { defineRule, suggestion } from './api';
import { endpointPath, handlers, isUnresolved } from '../model/join';
import { itemAnchor } from './shared';
import { CLH } from './sources';

/** FTP-family receive adapters: FTP, SFTP and third-party ones such as nsoftware.SFTP or /n FTP. */
export function isFtpFamily(adapter: string | undefined): boolean {
  return !!adapter && /(^|[^a-z])s?ftps?([^a-z]|$)/i.test(adapter);
}

export default defineRule({
  meta: {
    id: 'ftp-sftp-receive-not-clustered',
    description: 'An FTP or SFTP receive location runs in a host that the topology does not declare clustered.',
    defaultSeverity: 'error',
    category: 'hosts',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'wrong-processing',
    sources: [CLH],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const h of handlers(ctx.ws)) {
      if (h.side !== 'receive' || !isFtpFamily(h.transport.adapter?.value) || isUnresolved(h.hostName)) continue;
      const host = topo.findHost(h.hostName);
      if (!host) continue; // handler-host-unknown reports it
      const clustered = host.get('clustered');
      if (clustered?.value === true) continue;
      const instances = host.get('instances')?.strings().length ?? 0;
      const hostName = host.get('name')?.str ?? h.hostName;
      const risk =
        instances > 1
          ? `It has ${instances} instances, so each may pick up the same file: FTP has no file locking.`
          : 'FTP has no file locking, so the handler must run in one clustered host instance at a time.';
      ctx.report({
        doc: h.doc,
        range: h.transport.host!.range,
        message: `Receive location "${h.location!.name}" (${h.transport.adapter!.value}) runs in host "${hostName}", which the topology does not declare clustered. ${risk} Microsoft: configure the FTP or SFTP receive adapter to run in a clustered BizTalk host.`,
        nodePath: `${endpointPath(h)}/ReceiveHandler`,
        related: [{ uri: topo.uri, range: itemAnchor(host), message: `Host ${hostName} is declared here${clustered ? ' (clustered: ' + String(clustered.value) + ')' : ''}` }],
        suggestions: [suggestion(`Host ${hostName} is now clustered (one active instance at a time): declare it`, clustered ? ctx.edit.replace(clustered, true) : ctx.edit.insertKey(host, 'clustered', true))],
      });
    }
  },
});
