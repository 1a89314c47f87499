// What stands at an offset: in a topology, the YAML/JSON node (key or value) and its path; in a
// binding, the handler host name; in a configuration export, the SQL server or database. Hover,
// definition and completion start here.

import type { BtsDocument } from '../../core';
import type { LNode } from '../../core/readers/yamlNode';
import type { HandlerRef } from '../../core/model/join';
import type { ExportedDatabase } from '../../core/readers/configExport';
import type { Transport } from '../../core/readers/binding';
import type { XmlElement } from '../../core/xml/parser';
import { lastStartingAtOrBefore } from '../../core/xml/dom';

export interface TopologyHit {
  node: LNode;
  /** On the key of a `key: value` entry (else on the value). */
  onKey: boolean;
  /** Keys and item indexes from the root. */
  path: (string | number)[];
}

function contains(r: { start: number; end: number }, offset: number): boolean {
  return offset >= r.start && offset <= r.end;
}

/** The deepest topology node whose key or value holds the offset. */
export function topologyNodeAt(root: LNode, offset: number): TopologyHit | undefined {
  let cur = root;
  const path: (string | number)[] = [];
  for (let guard = 0; guard < 200; guard++) {
    let next: LNode | undefined;
    if (cur.isMap) {
      for (const [k, child] of cur.entries()) {
        if (child.pair && contains(child.keyRange, offset)) return { node: child, onKey: true, path: [...path, k] };
        if (child.node && contains(child.range, offset)) {
          next = child;
          path.push(k);
          break;
        }
      }
    } else if (cur.isSeq) {
      const items = cur.items();
      for (let i = 0; i < items.length; i++) {
        if (items[i].node && contains(items[i].range, offset)) {
          next = items[i];
          path.push(i);
          break;
        }
      }
    }
    if (!next) return cur === root ? undefined : { node: cur, onKey: false, path };
    if (!next.isMap && !next.isSeq) return { node: next, onKey: false, path };
    cur = next;
  }
  return undefined;
}

/**
 * Whether an element named one of `names` holds the offset (its tags included): a walk down the tree
 * by offsets (binary search among each element's children), so a request on a large binding does not
 * list every handler or settings block of a new version to learn that the offset is in none.
 */
export function inElementNamed(doc: BtsDocument, offset: number, names: ReadonlySet<string>): boolean {
  const root = doc.xml?.root;
  if (!root) return false;
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (offset < el.start || offset > el.end) continue;
    if (names.has(el.name)) return true;
    // The children that hold the offset: the last one starting at or before it, and one before that
    // when it ends exactly there (ends are inclusive here).
    const kids = el.children;
    const k = lastStartingAtOrBefore(kids, offset);
    for (let i = k; i >= 0 && i >= k - 1; i--) {
      const c = kids[i];
      if (c.kind === 'element') stack.push(c);
    }
  }
  return false;
}

const HANDLERS = new Set(['SendHandler', 'ReceiveHandler']);

/**
 * The binding handler whose host name (SendHandler/ReceiveHandler Name) holds the offset. As
 * handlers(workspaceOf([doc])) has it (a workspace of one binding has no settings, so the host name
 * stays as written), found through the handler element at the offset instead of listing every
 * handler of the version (20-30 ms on a 15 MB binding, again after each edit).
 */
export function handlerAt(doc: BtsDocument, offset: number): HandlerRef | undefined {
  const b = doc.binding;
  if (!b || !inElementNamed(doc, offset, HANDLERS)) return undefined;
  const at = (t: Transport | undefined) => !!t?.host && contains(t.host.range, offset);
  for (const sp of b.sendPorts) {
    for (const t of [sp.primary, sp.secondary]) if (t && at(t)) return { doc, side: 'send', port: sp, location: undefined, transport: t, hostName: t.host!.value };
  }
  for (const rl of b.receiveLocations) if (at(rl.transport)) return { doc, side: 'receive', port: undefined, location: rl, transport: rl.transport, hostName: rl.transport.host!.value };
  return undefined;
}

/** The configuration export database whose <Server> or <Database> holds the offset. */
export function exportDatabaseAt(doc: BtsDocument, offset: number): { db: ExportedDatabase; part: 'server' | 'database' } | undefined {
  for (const db of doc.configExport?.databases ?? []) {
    if (contains(db.serverRange, offset)) return { db, part: 'server' };
    if (contains(db.databaseRange, offset)) return { db, part: 'database' };
  }
  return undefined;
}
