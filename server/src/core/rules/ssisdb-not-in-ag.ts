import { defineRule } from './api';
import type { DatabaseNode } from '../model/join';
import { NodePath } from './nodePath';
import type { LNode } from '../readers/yamlNode';
import { roleOf, versionNumber } from './dbHelpers';
import { itemAnchor } from './shared';
import { AG } from './sources';

const BAM = new Set(['bam-primary-import', 'bam-star-schema', 'bam-archive']);

function isSsisdb(db: DatabaseNode): boolean {
  return roleOf(db) === 'ssis-catalog' || (db.get('name')?.str ?? '').toLowerCase() === 'ssisdb';
}

export default defineRule({
  meta: {
    id: 'ssisdb-not-in-ag',
    description: 'BizTalk 2020 or later keeps its BAM databases in an availability group, but the SSIS catalog (SSISDB) that holds the BAM packages is not declared in one.',
    defaultSeverity: 'warning',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [AG],
    messages: {
      outside: 'The SSIS catalog "{{database}}", which holds BizTalk\'s BAM packages from BizTalk 2020 on, is on "{{ssisInstance}}", outside the availability group of the BAM databases ("{{instance}}"). Add SSISDB to the same availability group, then declare it there.',
      undeclared: 'The BAM databases of "{{instance}}" are in an availability group, but the topology declares no SSISDB in one; from BizTalk 2020 on the BAM packages live in the SSIS catalog. Add SSISDB to the same availability group, then declare it (role: ssis-catalog).',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const version = versionNumber(topo.section('biztalk')?.get('version'));
    if (version === undefined || version < 2020) return;
    const inAg = (i: LNode) => !!i.get('availabilityGroup')?.isMap;
    const instances = topo.sqlInstances();
    const bamOnAg = instances.find((i) => inAg(i) && (i.get('databases')?.items() ?? []).some((d) => BAM.has(roleOf(d) ?? '')));
    if (!bamOnAg) return;
    const ssisdb = instances.flatMap((i) => (i.get('databases')?.items() ?? []).filter(isSsisdb).map((d) => ({ inst: i, db: d })));
    if (ssisdb.some((s) => inAg(s.inst))) return;
    const name = bamOnAg.get('name')?.str ?? 'this SQL instance';
    const outside = ssisdb[0];
    ctx.report({
      doc: topo.doc,
      range: outside ? outside.db.get('name')?.range ?? outside.db.range : itemAnchor(bamOnAg),
      ...(outside
        ? { messageId: 'outside', data: { database: outside.db.get('name')?.str ?? 'SSISDB', ssisInstance: outside.inst.get('name')?.str ?? '', instance: name } }
        : { messageId: 'undeclared', data: { instance: name } }),
      nodePath: NodePath.sqlInstance(name).tag('ssisdb'),
      related: outside ? [{ uri: topo.uri, range: itemAnchor(bamOnAg), message: `The availability group of ${name} holds the BAM databases` }] : undefined,
    });
  },
});
