// Helpers the database-tier rules share: which databases are BizTalk's, product versions as numbers,
// and the "database on an unclustered instance" check grouped by instance. (Not a rule: rules are the
// kebab-case files of this folder.)

import type { LNode } from '../readers/yamlNode';
import type { ExportedDatabase, DatabaseRole } from '../readers/configExport';
import { DEFAULT_DB_NAME } from '../readers/configExport';
import type { BtsDocument } from '../document';
import { BIZTALK_DATABASES, placements, sameName, TopologyView } from '../model/join';
import type { RelatedLocation } from '../types';
import { fix, RuleContext, suggestion } from './api';
import { addToList, clusterSkeleton, missingAnchor } from './shared';

export { BIZTALK_DATABASES };

/** The topology role of a `databases[]` item: its `role`, else the role of its default name. */
export function roleOf(db: LNode): string | undefined {
  return db.get('role')?.str ?? BIZTALK_DATABASES[(db.get('name')?.str ?? '').toLowerCase()];
}

/** Analysis Services databases: declared with their SQL instance, but never in an availability group. */
const SSAS_ROLES = new Set(['bam-analysis', 'tracking-analysis']);

/** The BizTalk SQL databases an instance declares (by name or role); custom and Analysis Services databases excluded. */
export function biztalkDatabases(instance: LNode): LNode[] {
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

export { clusterSkeleton, clusterInstanceSuggestion } from './shared';

export interface UnclusteredInstance {
  instance: LNode;
  /** Databases found on it, as declared (or default names from exports). */
  databases: string[];
  related: RelatedLocation[];
}

export interface UndeclaredServer {
  doc: BtsDocument;
  db: ExportedDatabase;
  name: string;
}

/**
 * Where the given databases sit on an instance that is neither a failover cluster instance nor in an
 * availability group (one entry per instance), and the configuration-export entries that place them
 * on a SQL Server the topology does not declare. Tokenised export values are unknown, not wrong.
 */
export function unclustered(ctx: RuleContext, dbNames: string[], exportRoles: DatabaseRole[]): { instances: UnclusteredInstance[]; undeclared: UndeclaredServer[] } {
  const topo = ctx.topology!;
  const byInstance = new Map<LNode['node'], UnclusteredInstance>();
  for (const name of dbNames) {
    for (const p of placements(topo, ctx.ws, name)) {
      if (TopologyView.isClustered(p.instance)) continue;
      let entry = byInstance.get(p.instance.node);
      if (!entry) byInstance.set(p.instance.node, (entry = { instance: p.instance, databases: [], related: [] }));
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

/** Reports one undeclared export server, with a fix that declares it (and a suggestion: as a failover cluster instance). */
export function reportUndeclaredServer(ctx: RuleContext, u: UndeclaredServer, what: string, why: string): void {
  const topo = ctx.topology!;
  const list = topo.section('sqlInstances');
  ctx.report({
    doc: u.doc,
    range: u.db.serverRange,
    message: `${what} (${u.name}) is on SQL Server "${u.db.server}", which the topology does not declare (sqlInstances), so btslint cannot tell whether it is clustered. ${why}`,
    nodePath: `SQL[DisplayName=${u.db.displayName}]/Server`,
    related: [{ uri: topo.uri, range: list ? list.keyRange : missingAnchor(topo, ['sqlInstances']).range, message: "The topology's SQL instances" }],
    // The export states the server and the database: declaring them changes nothing declared, and the
    // clustering rules then judge the instance. That it is a cluster is a suggestion.
    fix: fix(`Declare ${u.db.server} in the topology (the configuration export places ${u.name} there)`, addToList(ctx, 'sqlInstances', { name: u.db.server, databases: [{ name: u.name }] })),
    suggestions: [
      suggestion(
        `${u.db.server} is now a failover cluster instance: declare it with its nodes`,
        addToList(ctx, 'sqlInstances', { name: u.db.server, failoverCluster: clusterSkeleton(), databases: [{ name: u.name }] }),
      ),
    ],
  });
}
