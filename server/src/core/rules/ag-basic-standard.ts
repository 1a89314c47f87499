import { defineRule } from './api';
import type { DatabaseNode } from '../model/join';
import { NodePath } from './nodePath';
import { DEFAULT_DB_NAME } from '../readers/configExport';
import { sameName } from '../model/join';
import type { RelatedLocation } from '../types';
import { biztalkDatabases, roleOf } from './dbHelpers';
import { AG, SQL_EDITIONS } from './sources';

export default defineRule({
  meta: {
    id: 'ag-basic-standard',
    description: 'On SQL Server Standard (basic availability groups, one database each), several BizTalk databases are declared in one availability group.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [SQL_EDITIONS, AG],
    messages: {
      basic: '"{{instance}}" is SQL Server Standard, whose basic availability groups hold one database each, yet {{count}} BizTalk databases ({{databases}}) are in {{group}}. Give each its own group (databases[].availabilityGroup), or use Enterprise.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const ag = inst.get('availabilityGroup');
      const edition = inst.get('edition');
      if (!ag || !ag.isMap || edition?.str?.toLowerCase() !== 'standard') continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      const agName = ag.get('name')?.str;
      // The groups of the instance: a database names its own (databases[].availabilityGroup), else it is
      // in the instance's group. Keyed in lower case; the first spelling is kept for the message.
      const groups = new Map<string, { label: string; names: string[]; nodes: DatabaseNode[] }>();
      const add = (group: string | undefined, dbName: string, node?: DatabaseNode) => {
        const key = group ? group.trim().toLowerCase() : '';
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { label: group ? `availability group ${group}` : agName ? `availability group ${agName}` : 'its availability group', names: [], nodes: [] }));
        if (g.names.some((x) => sameName(x, dbName))) return;
        g.names.push(dbName);
        if (node) g.nodes.push(node);
      };
      const declared = biztalkDatabases(inst);
      for (const d of declared) add(d.get('availabilityGroup')?.str, d.get('name')?.str ?? roleOf(d) ?? '?', d);
      // Databases a configuration export places on this instance, and the topology does not list, are in
      // the instance's group.
      for (const exp of ctx.ws.configExports) {
        for (const d of exp.configExport!.databases) {
          const n = d.database ?? DEFAULT_DB_NAME[d.role];
          if (!n || !d.server || d.role === 'bam-analysis' || d.role === 'tracking-analysis' || d.role === 'other') continue;
          if (topo.findInstance(d.server)?.node !== inst.node) continue;
          if (declared.some((x) => sameName(x.get('name')?.str, n))) continue;
          add(undefined, n);
        }
      }
      for (const [key, g] of groups) {
        if (g.names.length < 2) continue;
        const related: RelatedLocation[] = [{ uri: topo.uri, range: edition.entryRange, message: `${name} is SQL Server Standard` }];
        for (const n of g.nodes.slice(0, 5)) related.push({ uri: topo.uri, range: n.get('name')?.range ?? n.range, message: `${n.get('name')?.str ?? 'A database'} is in ${g.label}` });
        const where = key ? g.nodes[0]?.get('availabilityGroup') : undefined;
        ctx.report({
          doc: topo.doc,
          range: where ? where.range : ag.keyRange,
          messageId: 'basic',
          data: { instance: name, count: g.names.length, databases: g.names.join(', '), group: g.label },
          nodePath: (key ? NodePath.sqlInstance(name).key('availabilityGroup').label(key) : NodePath.sqlInstance(name).key('availabilityGroup')).tag('basic'),
          related,
        });
      }
    }
  },
});
