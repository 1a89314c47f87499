import { defineRule } from './api';
import type { RelatedLocation } from '../types';
import { biztalkDatabases, intOf, versionNumber } from './dbHelpers';
import { AG } from './sources';

export default defineRule({
  meta: {
    id: 'ag-unsupported-combo',
    description: 'An availability group is declared with a SQL Server or BizTalk version, update or edition that does not support BizTalk databases in availability groups.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [AG],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const bt = topo.section('biztalk');
    const btVersionNode = bt?.get('version');
    const btVersion = versionNumber(btVersionNode);
    const btCuNode = bt?.get('cumulativeUpdate');
    const btCu = intOf(btCuNode);
    const btEditionNode = bt?.get('edition');
    const btEdition = btEditionNode?.str;
    for (const inst of topo.sqlInstances()) {
      const ag = inst.get('availabilityGroup');
      if (!ag || !ag.isMap) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      const problems: string[] = [];
      const related: RelatedLocation[] = [];
      const at = (node: { entryRange: { start: number; end: number } } | undefined, message: string) => {
        if (node) related.push({ uri: topo.uri, range: node.entryRange, message });
      };
      const sqlVersionNode = inst.get('version');
      const sql = versionNumber(sqlVersionNode);
      const spNode = inst.get('servicePack');
      const sp = intOf(spNode);
      const cuNode = inst.get('cumulativeUpdate');
      const cu = intOf(cuNode);
      if (sql !== undefined && sql < 2016) {
        problems.push(`SQL Server ${sqlVersionNode!.str ?? sql} (availability groups for BizTalk need SQL Server 2016 or later)`);
        at(sqlVersionNode, `${name} runs SQL Server ${sqlVersionNode!.str ?? sql}`);
      }
      if (btVersion !== undefined && btVersion < 2016) {
        problems.push(`BizTalk Server ${btVersionNode!.str ?? btVersion} (BizTalk supports availability groups from BizTalk 2016 CU5)`);
        at(btVersionNode, 'The BizTalk version');
      } else if (btVersion === 2016 && btCu !== undefined && btCu < 5) {
        problems.push(`BizTalk Server 2016 CU${btCu} (CU5 or later is needed)`);
        at(btCuNode, 'The BizTalk cumulative update');
      }
      if (btEdition && !['enterprise', 'developer'].includes(btEdition.toLowerCase())) {
        problems.push(`BizTalk ${btEdition} edition (Enterprise is needed)`);
        at(btEditionNode, 'The BizTalk edition');
      }
      // Before SQL Server 2016 SP2 databases on one instance cannot share DTC: one BizTalk database per instance.
      const dbs = biztalkDatabases(inst);
      if (sql === 2016 && sp !== undefined && sp < 2 && dbs.length > 1) {
        problems.push(`${dbs.length} BizTalk databases on one SQL Server 2016 instance before SP2 (${dbs.map((d) => d.get('name')!.str).join(', ')}): before SQL Server 2016 SP2 databases of one instance cannot take part in the same distributed transaction, so BizTalk needs them on separate instances`);
        at(spNode, `${name} is on service pack ${sp}`);
      }
      // BizTalk 2020 needs SQL Server 2016 SP2 CU7 or later for availability groups.
      if (btVersion !== undefined && btVersion >= 2020 && sql === 2016 && sp !== undefined && (sp < 2 || (sp === 2 && cu !== undefined && cu < 7))) {
        problems.push(`SQL Server 2016 SP${sp}${cu !== undefined ? ` CU${cu}` : ''} with BizTalk Server ${btVersionNode!.str ?? btVersion} (BizTalk 2020 needs SQL Server 2016 SP2 CU7 or later)`);
        at(cuNode ?? spNode, `${name}'s SQL Server update`);
      }
      if (!problems.length) continue;
      ctx.report({
        doc: topo.doc,
        range: ag.keyRange,
        message: `The availability group of "${name}" cannot hold BizTalk databases with ${problems.join('; ')}. Use a failover cluster instance instead, or upgrade to what Microsoft requires for BizTalk with availability groups.`,
        nodePath: `sqlInstances[name=${name}].availabilityGroup:versions`,
        related,
      });
    }
  },
});
