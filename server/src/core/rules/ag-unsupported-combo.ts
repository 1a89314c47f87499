import { defineRule } from './api';
import type { DatabaseNode } from '../model/join';
import { NodePath } from './nodePath';
import type { LNode } from '../readers/yamlNode';
import type { RelatedLocation } from '../types';
import { biztalkDatabases, intOf, roleOf, versionNumber } from './dbHelpers';
import { itemAnchor } from './shared';
import { AG, SQL_AG_TRANSACTIONS } from './sources';

/**
 * Which BizTalk databases share cross-database distributed transactions, as Microsoft's BizTalk
 * availability-group layout for SQL Server 2016 before SP2 has it (the layout its AG page shows and
 * links, a minimum of four instances): databases of one group may share an instance, databases of
 * different groups take part in the same transactions and may not. Databases outside the table (BAM
 * Archive, BAM Alerts NS, custom databases) are not judged: nothing Microsoft publishes places them.
 */
export const TRANSACTION_GROUP: Readonly<Record<string, string>> = Object.freeze({
  sso: 'SSO',
  management: 'Management',
  messagebox: 'runtime',
  'rule-engine': 'runtime',
  'bam-primary-import': 'runtime',
  'bam-star-schema': 'runtime',
  'bam-alerts-application': 'runtime',
  tracking: 'Tracking',
});

/**
 * The databases on one instance that take part in the same distributed transactions: one name per
 * transaction group present ("SSODB, BizTalkMgmtDb and BizTalkMsgBoxDb (+2)"), or undefined when they
 * are all of one group.
 */
export function sharedTransactionDatabases(databases: DatabaseNode[]): string | undefined {
  const byGroup = new Map<string, string[]>();
  for (const d of databases) {
    const role = roleOf(d);
    const group = role && TRANSACTION_GROUP[role];
    const name = d.get('name')?.str;
    if (!group || !name) continue;
    byGroup.set(group, [...(byGroup.get(group) ?? []), name]);
  }
  if (byGroup.size < 2) return undefined;
  const parts = [...byGroup.values()].map((names) => (names.length > 1 ? `${names[0]} (+${names.length - 1})` : names[0]));
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export default defineRule({
  meta: {
    id: 'ag-unsupported-combo',
    description: 'An availability group is declared with a SQL Server or BizTalk version, update or edition that does not support BizTalk databases in availability groups, or, before SQL Server 2016 SP2, with databases of one distributed transaction on one instance.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [AG, SQL_AG_TRANSACTIONS],
    messages: {
      sqlTooOld: 'The availability group of "{{instance}}" runs on SQL Server {{version}}; BizTalk supports availability groups from SQL Server 2016. Use a failover cluster instance, or SQL Server 2016 or later.',
      biztalkTooOld: 'BizTalk Server {{version}} does not support its databases in availability groups, which the topology declares. Use failover cluster instances, or BizTalk Server 2016 CU5 or later.',
      biztalkUpdate: 'BizTalk Server 2016 CU{{cu}} does not support its databases in availability groups, which the topology declares. Install BizTalk 2016 CU5 or later, or use failover cluster instances.',
      biztalkEdition: 'BizTalk {{edition}} edition does not support its databases in availability groups, which the topology declares. Use BizTalk Enterprise, or failover cluster instances.',
      sqlUpdate: 'The availability group of "{{instance}}" runs SQL Server 2016 {{update}}, and BizTalk {{biztalk}} needs SQL Server 2016 SP2 CU7 or later for availability groups. Install SP2 CU7 or later.',
      sharedTransaction: 'SQL instance "{{instance}}" holds {{databases}}, which share distributed transactions, in an availability group before SQL Server 2016 SP2. Put them on separate instances, or install SQL Server 2016 SP2 (and BizTalk 2016 CU5).',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const withAg = topo.sqlInstances().filter((i) => i.get('availabilityGroup')?.isMap);
    if (!withAg.length) return;
    const agRelated: RelatedLocation[] = withAg.slice(0, 5).map((i) => ({ uri: topo.uri, range: i.get('availabilityGroup')?.keyRange ?? itemAnchor(i), message: `${i.get('name')?.str ?? 'An instance'} is in an availability group` }));

    // What the BizTalk group is: one cause, reported once at its declaration.
    const bt = topo.section('biztalk');
    const btVersionNode = bt?.get('version');
    const btVersion = versionNumber(btVersionNode);
    const btCuNode = bt?.get('cumulativeUpdate');
    const btCu = intOf(btCuNode);
    const btEditionNode = bt?.get('edition');
    const btEdition = btEditionNode?.str;
    if (btVersion !== undefined && btVersion < 2016) {
      ctx.report({ doc: topo.doc, range: btVersionNode!.entryRange, messageId: 'biztalkTooOld', data: { version: btVersionNode!.str ?? String(btVersion) }, nodePath: NodePath.topology('biztalk', 'version').tag('availabilityGroup'), related: agRelated });
    } else if (btVersion === 2016 && btCu !== undefined && btCu < 5) {
      ctx.report({ doc: topo.doc, range: btCuNode!.entryRange, messageId: 'biztalkUpdate', data: { cu: btCu }, nodePath: NodePath.topology('biztalk', 'cumulativeUpdate').tag('availabilityGroup'), related: agRelated });
    }
    if (btEditionNode && btEdition && !['enterprise', 'developer'].includes(btEdition.toLowerCase())) {
      ctx.report({ doc: topo.doc, range: btEditionNode.entryRange, messageId: 'biztalkEdition', data: { edition: btEdition }, nodePath: NodePath.topology('biztalk', 'edition').tag('availabilityGroup'), related: agRelated });
    }

    for (const inst of withAg) {
      const ag = inst.get('availabilityGroup');
      if (!ag) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      const sqlVersionNode = inst.get('version');
      const sql = versionNumber(sqlVersionNode);
      const spNode = inst.get('servicePack');
      const sp = intOf(spNode);
      const cuNode = inst.get('cumulativeUpdate');
      const cu = intOf(cuNode);
      const at = (node: LNode | undefined, message: string): RelatedLocation[] => (node ? [{ uri: topo.uri, range: node.entryRange, message }] : []);
      if (sql !== undefined && sql < 2016) {
        ctx.report({
          doc: topo.doc,
          range: ag.keyRange,
          messageId: 'sqlTooOld',
          data: { instance: name, version: sqlVersionNode!.str ?? String(sql) },
          nodePath: NodePath.sqlInstance(name).key('availabilityGroup').tag('sqlVersion'),
          related: at(sqlVersionNode, `${name} runs SQL Server ${sqlVersionNode!.str ?? sql}`),
        });
        continue;
      }
      if (sql !== 2016 || sp === undefined) continue;
      // Before SP2, no two databases of one cross-database transaction may share the instance.
      if (sp < 2) {
        const databases = sharedTransactionDatabases(biztalkDatabases(inst));
        if (databases) {
          ctx.report({
            doc: topo.doc,
            range: itemAnchor(inst),
            messageId: 'sharedTransaction',
            data: { instance: name, databases },
            nodePath: NodePath.sqlInstance(name).key('availabilityGroup').tag('transactions'),
            related: [...at(spNode, `${name} is on service pack ${sp}`), { uri: topo.uri, range: ag.keyRange, message: 'The availability group' }],
          });
        }
      }
      // BizTalk 2020 needs SQL Server 2016 SP2 CU7 or later for availability groups.
      if (btVersion !== undefined && btVersion >= 2020 && (sp < 2 || (sp === 2 && cu !== undefined && cu < 7))) {
        ctx.report({
          doc: topo.doc,
          range: ag.keyRange,
          messageId: 'sqlUpdate',
          data: { instance: name, update: `SP${sp}${cu !== undefined ? ` CU${cu}` : ''}`, biztalk: btVersionNode!.str ?? String(btVersion) },
          nodePath: NodePath.sqlInstance(name).key('availabilityGroup').tag('sqlUpdate'),
          related: at(cuNode ?? spNode, `${name}'s SQL Server update`),
        });
      }
    }
  },
});
