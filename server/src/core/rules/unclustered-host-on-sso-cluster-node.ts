import { defineRule } from './api';
import { NodePath } from './nodePath';
import { sameName } from '../model/join';
import { itemAnchor } from './shared';
import { CK_HA, CLUSTER_INSTALL } from './sources';

export default defineRule({
  meta: {
    id: 'unclustered-host-on-sso-cluster-node',
    description: 'A host has an instance on a node where the Enterprise SSO service is clustered, but is not clustered in the same cluster group as ENTSSO.',
    defaultSeverity: 'error',
    category: 'sso',
    fixable: false,
    byEnvironment: 'availability',
    sources: [CLUSTER_INSTALL, CK_HA],
    messages: {
      otherGroup: 'Host "{{host}}" is clustered in group "{{group}}", but ENTSSO is clustered in "{{ssoGroup}}" on {{servers}}; its instances fail when ENTSSO moves. Cluster the host in ENTSSO\'s group, or run it on servers outside the SSO cluster.',
      unclustered: 'Host "{{host}}" has an unclustered instance on {{servers}}, where ENTSSO is clustered; it fails whenever ENTSSO moves to another node. Cluster the host in ENTSSO\'s group ({{ssoGroup}}), or run it outside the SSO cluster.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const sso = topo.section('sso');
    if (sso?.get('clustered')?.value !== true) return;
    const nodes = (sso.get('nodes')?.strings() ?? []).map((n) => n.str);
    if (!nodes.length) return;
    const ssoGroup = sso.get('clusterGroup')?.str;
    for (const host of topo.hosts()) {
      const on = (host.get('instances')?.strings() ?? []).filter((i) => nodes.some((n) => sameName(n, i.str)));
      if (!on.length) continue;
      const name = host.get('name')?.str ?? 'this host';
      const clustered = host.get('clustered')?.value === true;
      const group = host.get('clusterGroup')?.str;
      // A clustered host whose group, or ENTSSO's, is not declared: nothing says it is elsewhere.
      if (clustered && (!group || !ssoGroup || sameName(group, ssoGroup))) continue;
      const servers = on.map((i) => i.str).join(', ');
      ctx.report({
        doc: topo.doc,
        range: itemAnchor(host),
        ...(clustered
          ? { messageId: 'otherGroup', data: { host: name, group: group ?? '', ssoGroup: ssoGroup ?? '', servers } }
          : { messageId: 'unclustered', data: { host: name, servers, ssoGroup: ssoGroup ? `"${ssoGroup}"` : 'its cluster group' } }),
        nodePath: NodePath.host(name),
        related: [{ uri: topo.uri, range: sso.get('nodes')?.range ?? sso.keyRange, message: 'The nodes of the clustered ENTSSO' }],
      });
    }
  },
});
