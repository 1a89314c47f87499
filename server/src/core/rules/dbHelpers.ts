// Helpers the database-tier rules share: which databases are BizTalk's, product versions as numbers,
// and the one "database on an instance that is not highly available" check, grouped by instance. (Not a rule: rules are the
// kebab-case files of this folder.)

import type { LNode } from '../readers/yamlNode';
import type { SqlInstanceNode } from '../model/join';
import type { DatabaseNode } from '../model/join';
import { NodePath } from './nodePath';
import type { ExportedDatabase, DatabaseRole } from '../readers/configExport';
import { DEFAULT_DB_NAME } from '../readers/configExport';
import type { BtsDocument } from '../document';
import { BIZTALK_DATABASES, HaGap, placements, sameName, TopologyView } from '../model/join';
import type { Fix, RelatedLocation } from '../types';
import { fix, placeholder, RuleContext, suggestion } from './api';
import { clusterInstanceSuggestion, clusterSkeleton, itemAnchor, missingAnchor } from './shared';

export { BIZTALK_DATABASES };

/** The topology role of a `databases[]` item: its `role`, else the role of its default name. */
export function roleOf(db: DatabaseNode): string | undefined {
  return db.get('role')?.str ?? BIZTALK_DATABASES[(db.get('name')?.str ?? '').toLowerCase()];
}

/** Analysis Services databases: declared with their SQL instance, but never in an availability group. */
const SSAS_ROLES = new Set(['bam-analysis', 'tracking-analysis']);

/** The BizTalk SQL databases an instance declares (by name or role); custom and Analysis Services databases excluded. */
export function biztalkDatabases(instance: SqlInstanceNode): DatabaseNode[] {
  return (instance.get('databases')?.items() ?? []).filter((d) => {
    const role = roleOf(d);
    return d.get('custom')?.value !== true && role !== undefined && !SSAS_ROLES.has(role);
  });
}

/**
 * A product version as a number: `2016` -> 2016, `"2013R2"` -> 2013.5, `"2008 R2"` -> 2008.5;
 * undefined when it cannot be read.
 */
export function versionNumber(node: LNode | undefined): number | undefined {
  const v = node?.value;
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d{4})\s*(r2)?/i.exec(v);
  if (!m) return undefined;
  return Number(m[1]) + (m[2] ? 0.5 : 0);
}

export function intOf(node: LNode | undefined): number | undefined {
  return typeof node?.value === 'number' ? node.value : undefined;
}


export interface UnclusteredInstance {
  instance: SqlInstanceNode;
  /** The instance's name, for messages. */
  name: string;
  /** What its high-availability declaration lacks. */
  gap: HaGap;
  /** Databases found on it, as declared (or default names from exports). */
  databases: string[];
  related: RelatedLocation[];
}

export interface UndeclaredServer {
  doc: BtsDocument;
  db: ExportedDatabase;
  name: string;
}

/** What an instance lacks, as the end of a sentence about it ("… but declares neither …"). */
export function gapPhrase(gap: HaGap): string {
  switch (gap) {
    case 'one-node':
      return 'its failoverCluster lists fewer than two nodes';
    case 'empty-cluster':
      return 'its failoverCluster is empty';
    case 'empty-ag':
      return 'its availabilityGroup is empty';
    case 'one-replica':
      return 'its availabilityGroup lists fewer than two replicas';
    default:
      return 'declares neither failoverCluster nor availabilityGroup';
  }
}

/**
 * What may be offered for an instance that is not highly available. That it is a cluster, or has a
 * second node or replica, or nodes at all, changes what the team declared: a suggestion. An empty availability group
 * gets nothing: what the group is (replicas, commit mode, DTC support) is for a person to say.
 */
export function haChanges(ctx: RuleContext, u: { instance: SqlInstanceNode; name: string; gap: HaGap }): { fix?: Fix; suggestions?: (Fix | undefined)[] } {
  const inst = u.instance;
  const fc = inst.get('failoverCluster');
  const ag = inst.get('availabilityGroup');
  switch (u.gap) {
    case 'none':
      return { suggestions: [clusterInstanceSuggestion(ctx, inst, u.name)] };
    case 'empty-cluster':
      return fc ? { suggestions: [suggestion(`The failover cluster of ${u.name} has its nodes: declare them`, ctx.edit.replace(fc, clusterSkeleton()))] } : {};
    case 'one-node': {
      const nodes = fc?.get('nodes');
      if (!nodes || !nodes.isSeq) return {};
      const edit = nodes.items().length ? ctx.edit.appendItem(nodes, placeholder('second SQL node')) : ctx.edit.replace(nodes, clusterSkeleton().nodes);
      return { suggestions: [suggestion(`The failover cluster of ${u.name} now has a second node: declare it`, edit)] };
    }
    case 'one-replica': {
      const replicas = ag?.get('replicas');
      if (!replicas || !replicas.isSeq || !replicas.items().length) return {};
      return { suggestions: [suggestion(`The availability group of ${u.name} now has a second replica: declare it`, ctx.edit.appendItem(replicas, placeholder('second replica')))] };
    }
    default:
      return {};
  }
}

/**
 * Where the given databases sit on an instance that is not highly available (TopologyView.haStatus; one
 * entry per instance), and the configuration-export entries that place them on a SQL Server the
 * topology does not declare. Tokenised export values are unknown, not wrong. The one implementation of
 * "database on an unclustered instance" that the clustering rules share.
 */
export function unclustered(ctx: RuleContext, dbNames: string[], exportRoles: DatabaseRole[]): { instances: UnclusteredInstance[]; undeclared: UndeclaredServer[] } {
  const topo = ctx.topology!;
  const byInstance = new Map<LNode['node'], UnclusteredInstance>();
  for (const name of dbNames) {
    for (const p of placements(topo, ctx.ws, name)) {
      const status = TopologyView.haStatus(p.instance);
      if (status.ha) continue;
      let entry = byInstance.get(p.instance.node);
      if (!entry) byInstance.set(p.instance.node, (entry = { instance: p.instance, name: p.instance.get('name')?.str ?? 'this SQL instance', gap: status.gap, databases: [], related: [] }));
      if (!entry.databases.some((d) => sameName(d, p.name))) entry.databases.push(p.name);
      if (p.dbNode) entry.related.push({ uri: topo.uri, range: p.dbNode.get('name')?.range ?? p.dbNode.range, message: `${p.name} is declared here` });
      if (p.exportDoc && p.exportDb) entry.related.push({ uri: p.exportDoc.uri, range: p.exportDb.serverRange, message: `The configuration export places ${p.name} on ${p.exportDb.server}` });
    }
  }
  const undeclared: UndeclaredServer[] = [];
  for (const exp of ctx.ws.configExports) {
    for (const d of exp.configExport!.databases) {
      if (!exportRoles.includes(d.role) || !d.server || topo.findInstance(d.server)) continue;
      undeclared.push({ doc: exp, db: d, name: d.database ?? DEFAULT_DB_NAME[d.role] ?? d.displayName });
    }
  }
  return { instances: [...byInstance.values()], undeclared };
}

/**
 * Reports one undeclared export server with the rule's `undeclaredServer` message (data: database,
 * server), with a fix that declares it (and a suggestion: as a failover cluster instance).
 */
/**
 * Reports an instance that is not highly available (message id `notClustered`, at the instance's item),
 * with the changes that would make it so: the one report the database clustering rules share.
 */
export function reportUnclusteredInstance(ctx: RuleContext, u: UnclusteredInstance, nodeKey: string): void {
  ctx.report({
    doc: ctx.topology!.doc,
    range: itemAnchor(u.instance),
    messageId: 'notClustered',
    data: { instance: u.name, databases: u.databases.join(', '), gap: gapPhrase(u.gap) },
    nodePath: NodePath.sqlInstance(u.name).tag(nodeKey),
    related: u.related,
    ...haChanges(ctx, u),
  });
}

export function reportUndeclaredServer(ctx: RuleContext, u: UndeclaredServer): void {
  const topo = ctx.topology!;
  const list = topo.section('sqlInstances');
  ctx.report({
    doc: u.doc,
    range: u.db.serverRange,
    messageId: 'undeclaredServer',
    data: { database: u.name, server: u.db.server! },
    nodePath: NodePath.exportServer(u.db.displayName),
    related: [{ uri: topo.uri, range: list ? list.keyRange : missingAnchor(topo, ['sqlInstances']).range, message: "The topology's SQL instances" }],
    // The export states the server and the database: declaring them changes nothing declared, and the
    // clustering rules then judge the instance. That it is a cluster is a suggestion.
    fix: fix(`Declare ${u.db.server} in the topology (the configuration export places ${u.name} there)`, ctx.edit.addToList('sqlInstances', { name: u.db.server, databases: [{ name: u.name }] })),
    suggestions: [
      suggestion(
        `${u.db.server} is now a failover cluster instance: declare it with its nodes`,
        ctx.edit.addToList('sqlInstances', { name: u.db.server, failoverCluster: clusterSkeleton(), databases: [{ name: u.name }] }),
      ),
    ],
  });
}

/**
 * Reports, with the rule's `notPlaced` message (data: database) as information, that no instance of the
 * topology holds the database and no export places it: btslint cannot check it, which is not a
 * violation. With one SQL instance declared, the fix adds the database to it.
 */
export function reportNotPlaced(ctx: RuleContext, dbName: string): void {
  const topo = ctx.topology!;
  if (placements(topo, ctx.ws, dbName).length) return;
  // Placed by an export on an undeclared or tokenised server: reported as undeclaredServer, or unknown.
  if (ctx.ws.configExports.some((e) => e.configExport!.databases.some((d) => sameName(d.database ?? DEFAULT_DB_NAME[d.role], dbName)))) return;
  const list = topo.section('sqlInstances');
  const at = list ? { range: list.keyRange } : missingAnchor(topo, ['sqlInstances']);
  const only = list && list.isSeq && list.items().length === 1 && list.items()[0].isMap ? list.items()[0] : undefined;
  const dbs = only?.get('databases');
  ctx.report({
    doc: topo.doc,
    range: at.range,
    severity: 'info',
    messageId: 'notPlaced',
    data: { database: dbName },
    nodePath: NodePath.topology('sqlInstances').tag(dbName, 'undeclared'),
    suggestions: only
      ? [
          suggestion(
            `${dbName} is on ${only.get('name')?.str ?? 'the SQL instance'} (the only one declared): declare it`,
            dbs && dbs.isSeq ? ctx.edit.appendItem(dbs, { name: dbName }) : dbs ? undefined : ctx.edit.insertKey(only, 'databases', [{ name: dbName }]),
          ),
        ]
      : undefined,
  });
}
