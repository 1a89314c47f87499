// Helpers several rules share: where to report a missing top-level declaration, how to name a
// topology item, dates. The one helper set of the rule kit is: this file, dbHelpers.ts (the database
// tier, and the one "database on an instance that is not highly available" check), hostHelpers.ts
// (binding handlers and their hosts), nodePath.ts (finding identities), api.ts (report, fixes,
// ctx.edit) and model/join.ts's TopologyView (typed reads of the topology). Add to them rather than
// writing a second copy in a rule. (Not a rule: rules are the kebab-case files of this folder.)

import type { LNode } from '../readers/yamlNode';
import type { SqlInstanceNode } from '../model/join';
import type { TopologyView } from '../model/join';
import type { OffsetRange } from '../text';
import { placeholder, RuleContext, suggestion } from './api';
import { isEmptyValue } from '../fix/yamlEdit';

/** A declaration that is absent or written with nothing after its key (`copies:`), as while typing. */
export function isBlank(node: LNode | undefined): boolean {
  return !node || isEmptyValue(node) || node.value === null;
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
 * of the path that exists (the section the declaration belongs in), else, when not even the first
 * key is there, where a finding about the whole file sits (`fileAnchor`).
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
  return { range: fileAnchor(topo), path: '' };
}

/**
 * Where a finding about the whole topology sits (a missing top-level section: no `dr:`, no `backup:`):
 * the key of the first top-level entry that is not the format version, `environment:` in most files,
 * since the topology describes that environment's platform. Never the `topology: 1` format version,
 * whose hover and quick-fixes are about the file format. A file that holds nothing else: its first
 * line that is neither blank nor the format version (a comment), else its end.
 */
export function fileAnchor(topo: TopologyView): OffsetRange {
  const first = topo.root.entries().find(([k]) => k !== 'topology');
  if (first) return first[1].keyRange;
  const text = topo.doc.text;
  const version = topo.root.get('topology')?.entryRange;
  const lines = topo.doc.lines();
  for (let l = 0; l < lines.lineCount; l++) {
    const start = lines.lineStart(l);
    const body = lines.lineText(l);
    const indent = body.length - body.trimStart().length;
    if (!body.trim() || (version && start + indent >= version.start && start + indent < version.end)) continue;
    return { start: start + indent, end: start + body.trimEnd().length };
  }
  return { start: text.length, end: text.length };
}

export function dateOf(v: string | undefined): Date | undefined {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return isNaN(d.getTime()) ? undefined : d;
}

export function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / 86_400_000);
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The failoverCluster skeleton the cluster suggestions insert (its nodes are for the team to name). */
export function clusterSkeleton(): { nodes: string[] } {
  return { nodes: [placeholder('first SQL node'), placeholder('second SQL node')] };
}

/**
 * The suggestion to declare a SQL instance a failover cluster instance: it changes what the topology
 * says of the instance, so it is never applied by --fix; its title says what must be true first.
 */
export function clusterInstanceSuggestion(ctx: RuleContext, instance: SqlInstanceNode, name: string) {
  return suggestion(`${name} is now a failover cluster instance: declare it with its nodes`, ctx.edit.insertKey(instance, 'failoverCluster', clusterSkeleton()));
}
