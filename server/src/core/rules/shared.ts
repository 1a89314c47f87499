// Helpers several rules share: where to report a missing top-level declaration, how to name a
// topology item, and the database-clustering check behind msgbox-/bam-primary-import-not-clustered.

import type { LNode } from '../readers/yamlNode';
import { placements, TopologyView } from '../model/join';
import type { OffsetRange } from '../text';
import { fix, placeholder, RuleContext, suggestion } from './api';
import { DEFAULT_DB_NAME } from '../readers/configExport';
import { sameName } from '../model/join';
import { isEmptyValue } from '../fix/yamlEdit';
import type { TextEdit } from '../types';

/** A declaration that is absent or written with nothing after its key (`copies:`), as while typing. */
export function isBlank(node: LNode | undefined): boolean {
  return !node || isEmptyValue(node) || node.value === null;
}

/**
 * Adds an item to a top-level list, creating the list when it is missing or written empty (`hosts:`),
 * which ctx.edit.addToList alone leaves without a fix.
 */
export function addToList(ctx: RuleContext, key: string, item: unknown): TextEdit | undefined {
  const list = ctx.topology?.root.get(key);
  if (list && isEmptyValue(list)) return ctx.edit.replace(list, [item]);
  return ctx.edit.addToList(key, item);
}

/** The first line of a list item (its `name:` entry), the readable anchor for a finding about the item. */
export function itemAnchor(item: LNode): OffsetRange {
  const name = item.get('name');
  if (name) return name.entryRange;
  const entries = item.entries();
  if (entries.length) return entries[0][1].entryRange;
  return item.range;
}

/**
 * Where to report a declaration missing under `keys` (e.g. ['backup', 'biztalkJob']): the deepest key
 * of the path that exists, else the `topology:` entry at the top of the file.
 */
export function missingAnchor(topo: TopologyView, keys: string[]): { range: OffsetRange; path: string } {
  let cur: LNode = topo.root;
  let found: LNode | undefined;
  for (const k of keys) {
    const next = cur.get(k);
    if (!next) break;
    found = next;
    if (!next.isMap) break;
    cur = next;
  }
  if (found) return { range: found.keyRange, path: found.path };
  const top = topo.root.get('topology') ?? topo.root.entries()[0]?.[1];
  return { range: top ? top.entryRange : { start: 0, end: 0 }, path: '' };
}

export function dateOf(v: string | undefined): Date | undefined {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return isNaN(d.getTime()) ? undefined : d;
}

export function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / 86_400_000);
}

/**
 * Reports each SQL instance that holds `dbName` (per the topology or a configuration export) and is
 * neither a failover cluster instance nor in an availability group.
 */
export function checkDatabaseClustered(ctx: RuleContext, dbName: string, label: string, why: string, requireDeclared: boolean): void {
  const topo = ctx.topology;
  if (!topo) return;
  const places = placements(topo, ctx.ws, dbName);
  // A configuration export that puts the database on a server the topology does not declare.
  for (const exp of ctx.ws.configExports) {
    for (const d of exp.configExport!.databases) {
      const name = d.database ?? DEFAULT_DB_NAME[d.role];
      if (!sameName(name, dbName) || !d.server || topo.findInstance(d.server)) continue;
      const list = topo.section('sqlInstances');
      ctx.report({
        doc: exp,
        range: d.serverRange,
        message: `${capitalize(label)} (${dbName}) is on SQL Server "${d.server}", which the topology does not declare, so btslint cannot tell whether it is clustered. ${why}`,
        nodePath: `SQL[DisplayName=${d.displayName}]/Server`,
        related: [{ uri: topo.uri, range: list ? list.keyRange : missingAnchor(topo, ['sqlInstances']).range, message: 'The topology\'s SQL instances' }],
        // The export states the server and the database: declaring them changes nothing declared,
        // and the clustering rules then judge the instance. That it is a cluster is a suggestion.
        fix: fix(`Declare ${d.server} in the topology (the configuration export places ${dbName} there)`, addToList(ctx, 'sqlInstances', { name: d.server, databases: [{ name: dbName }] })),
        suggestions: [
          suggestion(
            `${d.server} is now a failover cluster instance: declare it with its nodes`,
            addToList(ctx, 'sqlInstances', { name: d.server, failoverCluster: clusterSkeleton(), databases: [{ name: dbName }] }),
          ),
        ],
      });
    }
  }
  if (!places.length) {
    if (!requireDeclared) return;
    const exportPlaces = ctx.ws.configExports.some((e) => e.configExport!.databases.some((d) => sameName(d.database ?? DEFAULT_DB_NAME[d.role], dbName)));
    if (exportPlaces) return; // placed by an export on an undeclared or tokenised server: reported above or unknown
    const list = topo.section('sqlInstances');
    const anchor = list ?? undefined;
    const at = anchor ? { range: anchor.keyRange, path: 'sqlInstances' } : missingAnchor(topo, ['sqlInstances']);
    ctx.report({
      doc: topo.doc,
      range: at.range,
      message: `No SQL instance in the topology holds ${dbName}, and no configuration export in the workspace places it, so btslint cannot check that ${label} is clustered. Add it to the databases of its instance.`,
      nodePath: `sqlInstances:${dbName}:undeclared`,
      suggestions:
        list && list.isSeq && list.items().length === 1 && list.items()[0].isMap
          ? [suggestion(`${dbName} is on ${list.items()[0].get('name')?.str ?? 'the SQL instance'} (the only one declared): declare it`, addDatabase(ctx, list.items()[0], dbName))]
          : undefined,
    });
    return;
  }
  for (const p of places) {
    if (TopologyView.isClustered(p.instance)) continue;
    const instName = p.instance.get('name')?.str ?? 'this SQL instance';
    const related = [];
    if (p.dbNode) related.push({ uri: topo.uri, range: p.dbNode.get('name')?.range ?? p.dbNode.range, message: `${dbName} is declared here` });
    if (p.exportDoc && p.exportDb) related.push({ uri: p.exportDoc.uri, range: p.exportDb.serverRange, message: `The configuration export places ${dbName} on ${p.exportDb.server}` });
    ctx.report({
      doc: topo.doc,
      range: itemAnchor(p.instance),
      message: `SQL instance "${instName}" holds ${label} (${dbName}) but declares neither failoverCluster nor availabilityGroup. ${why}`,
      nodePath: `sqlInstances[name=${instName}]:${dbName}`,
      related,
      suggestions: [clusterInstanceSuggestion(ctx, p.instance, instName)],
    });
  }
}

function addDatabase(ctx: RuleContext, instance: LNode, dbName: string) {
  const dbs = instance.get('databases');
  if (dbs && dbs.isSeq) return ctx.edit.appendItem(dbs, { name: dbName });
  if (dbs) return undefined;
  return ctx.edit.insertKey(instance, 'databases', [{ name: dbName }]);
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The failoverCluster skeleton the cluster suggestions insert (its nodes are for the team to name). */
export function clusterSkeleton(): Record<string, unknown> {
  return { nodes: [placeholder('first SQL node'), placeholder('second SQL node')] };
}

/**
 * The suggestion to declare a SQL instance a failover cluster instance: it changes what the topology
 * says of the instance, so it is never applied by --fix; its title says what must be true first.
 */
export function clusterInstanceSuggestion(ctx: RuleContext, instance: LNode, name: string) {
  return suggestion(`${name} is now a failover cluster instance: declare it with its nodes`, ctx.edit.insertKey(instance, 'failoverCluster', clusterSkeleton()));
}
