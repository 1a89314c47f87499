import { defineRule } from './api';
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
      if (name && (s.get('roles')?.strings() ?? []).some((r) => r.str!.toLowerCase() === 'biztalk')) servers.set(name.toLowerCase(), name);
    }
    for (const h of topo.hosts()) for (const i of h.get('instances')?.strings() ?? []) if (!servers.has(i.str!.toLowerCase())) servers.set(i.str!.toLowerCase(), i.str!);
    const problems: string[] = [];
    if (clustered.length) problems.push(`clustered host${clustered.length === 1 ? '' : 's'} ${clustered.map((h) => `"${h.get('name')?.str ?? '?'}"`).join(', ')}`);
    if (servers.size > 1) problems.push(`${servers.size} BizTalk servers in the group (${[...servers.values()].join(', ')})`);
    if (!problems.length) return;
    const related: RelatedLocation[] = clustered.map((h) => ({ uri: topo.uri, range: h.get('clustered')!.entryRange, message: `Host ${h.get('name')?.str ?? ''} is declared clustered` }));
    if (servers.size > 1) {
      const first = topo.servers().find((s) => servers.has((s.get('name')?.str ?? '').toLowerCase()));
      if (first) related.push({ uri: topo.uri, range: itemAnchor(first), message: 'BizTalk servers are declared here' });
    }
    ctx.report({
      doc: topo.doc,
      range: edition.range,
      message: `BizTalk ${ed} edition cannot provide what the topology declares: ${problems.join(' and ')}. Microsoft: "Host clustering is available only with BizTalk Server Enterprise Edition", and the Standard and Branch editions support a single BizTalk server per group. Either plan for Enterprise edition or remove the clustering and the extra servers, knowing what availability you give up.`,
      nodePath: 'biztalk.edition',
      related,
    });
  },
});
