import { defineRule } from './api';
import type { SqlInstanceNode } from '../model/join';
import { NodePath } from './nodePath';
import { normaliseSqlName } from '../model/join';
import { versionNumber } from './dbHelpers';
import { itemAnchor } from './shared';
import { LOG_SHIPPING_DEST } from './sources';

export default defineRule({
  meta: {
    id: 'dr-sql-version-mismatch',
    description: 'A disaster-recovery SQL instance declares another SQL Server version than the production instances it restores.',
    defaultSeverity: 'error',
    category: 'dr',
    fixable: false,
    byEnvironment: 'site-loss',
    sources: [LOG_SHIPPING_DEST],
    messages: {
      versionMismatch: 'DR instance "{{instance}}" runs SQL Server {{version}}, but production runs {{production}}; BizTalk log shipping needs the same version on both sides. Install the production version on the DR instance, then declare it.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const dests = topo.section('dr')?.get('destinationInstances')?.strings() ?? [];
    if (!dests.length) return;
    const isDest = (i: SqlInstanceNode) => dests.some((d) => normaliseSqlName(d.str) === normaliseSqlName(i.get('name')?.str ?? ''));
    const production = topo.sqlInstances().filter((i) => !isDest(i) && versionNumber(i.get('version')) !== undefined);
    if (!production.length) return;
    for (const d of dests) {
      const inst = topo.findInstance(d.str);
      const version = inst?.get('version');
      const v = versionNumber(version);
      if (!inst || !version || v === undefined) continue;
      const others = production.filter((p) => versionNumber(p.get('version')) !== v);
      if (!others.length) continue;
      const list = [...new Set(others.map((p) => String(p.get('version')?.value)))].join(', ');
      ctx.report({
        doc: topo.doc,
        range: version.range,
        messageId: 'versionMismatch',
        data: { instance: d.str, version: String(version.value), production: list },
        nodePath: NodePath.sqlInstance(inst.get('name')?.str ?? d.str).key('version'),
        related: others.slice(0, 5).map((p) => ({ uri: topo.uri, range: itemAnchor(p), message: `${p.get('name')?.str} runs SQL Server ${String(p.get('version')?.value)}` })),
      });
    }
  },
});
