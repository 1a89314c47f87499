import { defineRule } from './api';
import { NodePath } from './nodePath';
import type { RelatedLocation } from '../types';
import { itemAnchor } from './shared';
import { CLUSTERING_RECEIVING_HOSTS, PLANNING_ENVIRONMENT } from './sources';

const LIMITED = new Set(['standard', 'branch']);

export default defineRule({
  meta: {
    id: 'clustered-host-requires-enterprise',
    description: 'The topology declares a clustered host, or more than one BizTalk server in the group, with BizTalk Standard or Branch edition.',
    defaultSeverity: 'error',
    category: 'hosts',
    fixable: false,
    byEnvironment: 'availability',
    sources: [CLUSTERING_RECEIVING_HOSTS, PLANNING_ENVIRONMENT],
    messages: {
      clusteredHosts: 'BizTalk {{edition}} cannot cluster hosts, yet the topology declares {{hosts}} clustered. Plan for BizTalk Enterprise, or declare the hosts as they run: unclustered.',
      servers: 'BizTalk {{edition}} allows one BizTalk server per group, yet the topology declares {{servers}}. Plan for BizTalk Enterprise, or declare the one server the group has.',
      both: 'BizTalk {{edition}} cannot cluster hosts nor run several servers, yet the topology declares {{hosts}} clustered and {{servers}}. Plan for BizTalk Enterprise, or declare the group as it runs.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const edition = topo.section('biztalk')?.get('edition');
    const ed = edition?.str;
    if (!edition || !ed || !LIMITED.has(ed.toLowerCase())) return;
    const clustered = topo.hosts().filter((h) => h.get('clustered')?.value === true);
    // BizTalk servers: those with the biztalk role, and every server that runs a host instance.
    const servers = new Map<string, string>();
    for (const s of topo.servers()) {
      const name = s.get('name')?.str;
      if (name && (s.get('roles')?.strings() ?? []).some((r) => r.str.toLowerCase() === 'biztalk')) servers.set(name.toLowerCase(), name);
    }
    for (const h of topo.hosts()) for (const i of h.get('instances')?.strings() ?? []) if (!servers.has(i.str.toLowerCase())) servers.set(i.str.toLowerCase(), i.str);
    const hosts = clustered.length ? `host${clustered.length === 1 ? '' : 's'} ${clustered.map((h) => `"${h.get('name')?.str ?? '?'}"`).join(', ')}` : '';
    const many = servers.size > 1 ? `${servers.size} servers (${[...servers.values()].join(', ')})` : '';
    if (!hosts && !many) return;
    const related: RelatedLocation[] = clustered.map((h) => ({ uri: topo.uri, range: h.get('clustered')?.entryRange ?? itemAnchor(h), message: `Host ${h.get('name')?.str ?? ''} is declared clustered` }));
    if (servers.size > 1) {
      const first = topo.servers().find((s) => servers.has((s.get('name')?.str ?? '').toLowerCase()));
      if (first) related.push({ uri: topo.uri, range: itemAnchor(first), message: 'BizTalk servers are declared here' });
    }
    ctx.report({
      doc: topo.doc,
      range: edition.range,
      messageId: hosts && many ? 'both' : hosts ? 'clusteredHosts' : 'servers',
      data: { edition: ed, hosts, servers: many },
      nodePath: NodePath.topology('biztalk', 'edition'),
      related,
    });
  },
});
