import { defineRule, suggestion } from './api';
import { NodePath } from './nodePath';
import { handlers, isUnresolved } from '../model/join';
import { itemAnchor } from './shared';
import { byFileAndCause, endpointLabel, limitedEdition, othersOfFile, othersRelated } from './hostHelpers';
import { CLH } from './sources';

/** FTP-family receive adapters: FTP, SFTP and third-party ones such as nsoftware.SFTP or /n FTP. */
export function isFtpFamily(adapter: string | undefined): boolean {
  return !!adapter && /(^|[^a-z])s?ftps?([^a-z]|$)/i.test(adapter);
}

export default defineRule({
  meta: {
    id: 'ftp-sftp-receive-not-clustered',
    description: 'An FTP or SFTP receive location runs in a host with several instances that the topology does not declare clustered.',
    defaultSeverity: 'error',
    category: 'hosts',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'wrong-processing',
    sources: [CLH],
    messages: {
      notClustered: 'Receive location "{{location}}" ({{adapter}}){{others}} runs in host "{{host}}", which has {{count}} instances and is not clustered: each may pick up the same file. Run it in a clustered host and declare clustered: true.',
      standard: 'Receive location "{{location}}" ({{adapter}}){{others}} runs in host "{{host}}" with {{count}} instances, and each may pick up the same file. BizTalk {{edition}} cannot cluster hosts: run this host on one server.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const edition = limitedEdition(ctx);
    const duplicating = function* () {
      for (const h of handlers(ctx.ws)) {
        if (h.side !== 'receive' || !isFtpFamily(h.transport.adapter?.value) || isUnresolved(h.hostName)) continue;
        const host = topo.findHost(h.hostName);
        if (!host) continue; // handler-host-unknown reports it
        const clustered = host.get('clustered');
        if (clustered?.value === true) continue;
        const count = new Set((host.get('instances')?.strings() ?? []).map((i) => (i.str ?? '').trim().toLowerCase())).size;
        // One instance picks every file up once: no duplicate. Its availability is host-single-instance's.
        if (count < 2) continue;
        yield { h, host, clustered, count };
      }
    };
    // One cause per host in a binding file (a repeated cause once): at the first location, the others related.
    for (const list of byFileAndCause(duplicating(), (x) => (x.host.get('name')?.str ?? x.h.hostName).toLowerCase())) {
      const { h, host, clustered, count } = list[0];
      const hostName = host.get('name')?.str ?? h.hostName;
      const related = [
        { uri: topo.uri, range: itemAnchor(host), message: `Host ${hostName} is declared here${clustered ? ' (clustered: ' + String(clustered.value) + ')' : ''}` },
        ...othersRelated(list, (x) => x.h.transport.host!.range, (x) => `${endpointLabel(x.h)} (${x.h.transport.adapter!.value}) runs in ${hostName} too`),
      ];
      const data = { location: h.location!.name, adapter: h.transport.adapter!.value, others: othersOfFile(list.length - 1, 'receive location'), host: hostName, count };
      if (edition) {
        // Standard and Branch cannot cluster a host: marking it clustered would be a declaration the
        // edition cannot honour (clustered-host-requires-enterprise). No fix: which server keeps the
        // host is for a person to say.
        ctx.report({ doc: h.doc, range: h.transport.host!.range, messageId: 'standard', data: { ...data, edition }, nodePath: NodePath.endpoint(h).child('ReceiveHandler'), related });
        continue;
      }
      ctx.report({
        doc: h.doc,
        range: h.transport.host!.range,
        messageId: 'notClustered',
        data,
        nodePath: NodePath.endpoint(h).child('ReceiveHandler'),
        related,
        suggestions: [suggestion(`Host ${hostName} is now clustered (one active instance at a time): declare it`, ctx.edit.setKey(host, 'clustered', true))],
      });
    }
  },
});
