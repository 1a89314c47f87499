import { defineRule } from './api';
import type { SqlInstanceNode } from '../model/join';
import { NodePath } from './nodePath';
import type { LNode } from '../readers/yamlNode';
import { normaliseSqlName } from '../model/join';
import { biztalkDatabases } from './dbHelpers';
import { itemAnchor } from './shared';
import { CK_DR } from './sources';

export default defineRule({
  meta: {
    id: 'dr-capacity-mismatch',
    description: 'The disaster-recovery site has fewer SQL instances than the production instances that hold BizTalk databases.',
    defaultSeverity: 'warning',
    category: 'dr',
    fixable: false,
    byEnvironment: 'site-loss',
    sources: [CK_DR],
    messages: {
      fewerInstances: 'The DR site has {{dr}} for {{production}} production instances holding BizTalk databases, so it cannot carry the same load. Provide as many DR instances, on matching hardware, then declare them.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const list = topo.section('dr')?.get('destinationInstances');
    const dests = list?.strings() ?? [];
    if (!list || !dests.length) return; // no-log-shipping-destination reports it
    const isDest = (i: SqlInstanceNode) => dests.some((d) => normaliseSqlName(d.str) === normaliseSqlName(i.get('name')?.str ?? ''));
    // Production instances that hold BizTalk databases, per the topology or a configuration export.
    const placed = new Set<LNode['node']>();
    for (const exp of ctx.ws.configExports) {
      for (const d of exp.configExport!.databases) {
        const inst = d.server ? topo.findInstance(d.server) : undefined;
        if (inst) placed.add(inst.node);
      }
    }
    const production = topo.sqlInstances().filter((i) => !isDest(i) && (biztalkDatabases(i).length > 0 || placed.has(i.node)));
    const distinct = new Set(dests.map((d) => normaliseSqlName(d.str))).size;
    if (distinct >= production.length) return;
    ctx.report({
      doc: topo.doc,
      range: list.range,
      messageId: 'fewerInstances',
      data: { dr: `${distinct} SQL instance${distinct === 1 ? '' : 's'}`, production: production.length },
      nodePath: NodePath.topology('dr', 'destinationInstances'),
      related: production.slice(0, 5).map((p) => ({ uri: topo.uri, range: itemAnchor(p), message: `Production instance ${p.get('name')?.str}` })),
    });
  },
});
