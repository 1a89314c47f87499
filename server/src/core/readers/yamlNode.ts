// A located view over a YAML or JSON document (both parsed by the `yaml` package, which keeps source
// ranges): rules read values through LNode and report at node ranges; fixes use the same nodes to
// insert text in the file's own style.

import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { yaml } from '../lazy';
import type { OffsetRange } from '../text';
import type { ChildShape, ItemShape, KeyOf } from '../model/topologyShape';

/**
 * A node of a YAML or JSON document. `S` is its shape when known (model/topologyShape.ts: the topology's
 * keys), so get() accepts only the keys the format has; the default (no shape) accepts any key.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any: an LNode of a known shape is an LNode
export class LNode<S = any> {
  constructor(
    readonly doc: Document,
    readonly node: Node | null,
    /** The pair that holds this node as its value, when it is a map value. */
    readonly pair: Pair | null,
    readonly parent: LNode | null,
    /** The key (for map values) or index (for sequence items) under the parent. */
    readonly key: string | number | null,
  ) {}

  /** The node with aliases resolved (through the document's alias table: the yaml package's resolve walks the document). */
  private get target(): Node | null {
    let n: Node | null = this.node;
    if (!n || !yaml().isAlias(n)) return n;
    const table = aliasTable(this.doc);
    for (let guard = 0; n && yaml().isAlias(n) && guard < 100; guard++) n = table.get(n) ?? null;
    return n;
  }

  get isMap(): boolean {
    return yaml().isMap(this.target);
  }
  get isSeq(): boolean {
    return yaml().isSeq(this.target);
  }
  get isScalar(): boolean {
    return yaml().isScalar(this.target);
  }
  get isFlow(): boolean {
    const t = this.target;
    return !!t && (yaml().isMap(t) || yaml().isSeq(t)) && !!(t).flow;
  }
  get yamlMap(): YAMLMap | null {
    const t = this.target;
    return yaml().isMap(t) ? t : null;
  }
  get yamlSeq(): YAMLSeq | null {
    const t = this.target;
    return yaml().isSeq(t) ? t : null;
  }

  /** The scalar value (string, number, boolean, null), or undefined for collections. */
  get value(): unknown {
    const t = this.target;
    return yaml().isScalar(t) ? (t).value : undefined;
  }

  /** The scalar as a string, when it is a non-empty string or a number. */
  get str(): string | undefined {
    const v = this.value;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    return undefined;
  }

  /** The node's range; a map value without a node (`key:` with nothing) gets its key's range. */
  get range(): OffsetRange {
    const r = this.node?.range;
    if (r) return { start: r[0], end: r[1] };
    const k = this.pair?.key as Node | undefined;
    if (k?.range) return { start: k.range[0], end: k.range[1] };
    return { start: 0, end: 0 };
  }

  /** The range of the key that holds this node (for map values), else the node's range. */
  get keyRange(): OffsetRange {
    const k = this.pair?.key as Node | undefined;
    if (k?.range) return { start: k.range[0], end: k.range[1] };
    return this.range;
  }

  /** From the key (or the node) to the end of the value: the whole `key: value` entry. */
  get entryRange(): OffsetRange {
    const kr = this.keyRange;
    const r = this.range;
    return { start: Math.min(kr.start, r.start), end: Math.max(kr.end, r.end) };
  }

  /** The value under a key of a map; undefined when the node is not a map or lacks the key. */
  get<K extends KeyOf<S>>(key: K): LNode<ChildShape<S, K>> | undefined {
    const m = this.yamlMap;
    if (!m) return undefined;
    for (const p of m.items) {
      const k = yaml().isScalar(p.key) ? p.key.value : p.key;
      if (k === key) return new LNode<ChildShape<S, K>>(this.doc, (p.value as Node | null) ?? null, p, this, key);
    }
    return undefined;
  }

  has(key: KeyOf<S>): boolean {
    return this.get(key) !== undefined;
  }

  /** Map entries in order. */
  entries(): [string, LNode][] {
    const m = this.yamlMap;
    if (!m) return [];
    const out: [string, LNode][] = [];
    for (const p of m.items) {
      const k = yaml().isScalar(p.key) ? String(p.key.value) : String(p.key);
      out.push([k, new LNode(this.doc, (p.value as Node | null) ?? null, p, this, k)]);
    }
    return out;
  }

  /** One sequence item by index. */
  item(i: number): LNode<ItemShape<S>> | undefined {
    const s = this.yamlSeq;
    if (!s || !Number.isInteger(i) || i < 0 || i >= s.items.length) return undefined;
    const it = s.items[i];
    return new LNode<ItemShape<S>>(this.doc, yaml().isPair(it) ? null : (it as Node), null, this, i);
  }

  /** Sequence items (none when the node is not a list). */
  items(): LNode<ItemShape<S>>[] {
    const s = this.yamlSeq;
    if (!s) return [];
    return s.items.map((it, i) => new LNode<ItemShape<S>>(this.doc, yaml().isPair(it) ? null : (it as Node), null, this, i));
  }

  /** Sequence items that are strings or numbers (their `str` is defined). */
  strings(): (LNode<ItemShape<S>> & { readonly str: string })[] {
    return this.items().filter((i): i is LNode<ItemShape<S>> & { readonly str: string } => i.str !== undefined);
  }

  /** Path from the root, with named items shown by name: `sqlInstances[SQLBTS\BTS].volumes[E:]`. */
  get path(): string {
    const chain: LNode[] = this.parent ? [this] : [];
    for (let n = this.parent; n?.parent; n = n.parent) chain.unshift(n);
    let out = '';
    for (const n of chain) {
      if (typeof n.key === 'number') out += `[${n.get('name')?.str ?? n.get('drive')?.str ?? n.key}]`;
      else if (n.key !== null) out += (out ? '.' : '') + n.key;
    }
    return out;
  }

  toJS(): unknown {
    const t = this.target;
    if (!t) return null;
    return (t).toJSON();
  }
}

/** Finds the node at a JSON-pointer-like path of segments (a list item by index, without listing the others). */
export function nodeAt(root: LNode, segments: (string | number)[]): LNode | undefined {
  let cur: LNode | undefined = root;
  for (const s of segments) {
    if (!cur) return undefined;
    cur = cur.isSeq ? cur.item(Number(s)) : cur.get(String(s));
  }
  return cur;
}

const tables = new WeakMap<Document, Map<Node, Node | undefined>>();

/**
 * Every alias of a document with the node it names (the last anchor of that name before it), found in
 * one walk of the document in source order, as the yaml package resolves one alias per walk.
 */
export function aliasTable(doc: Document): Map<Node, Node | undefined> {
  let table = tables.get(doc);
  if (table) return table;
  table = new Map();
  const anchors = new Map<string, Node>();
  const y = yaml();
  // An explicit stack in document order (nesting is bounded by the readers before this runs).
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (y.isAlias(n)) {
      table.set(n, anchors.get(n.source));
      continue;
    }
    if (y.isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    const anchor = (n as { anchor?: string }).anchor;
    if (anchor && y.isNode(n)) anchors.set(anchor, n);
    if (y.isMap(n) || y.isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  tables.set(doc, table);
  return table;
}

/**
 * Reports keys repeated in one mapping, as the yaml package's `uniqueKeys` does ("Map keys must be
 * unique", one character at the key), but with a set per mapping: the package compares each key with
 * every earlier one (measured: 20,000 distinct keys took 9.5 s, 100,000 took 5 minutes). Readers
 * compose with `uniqueKeys: false` and call this; at most `max` errors are added.
 */
export function addDuplicateKeyErrors(doc: Document.Parsed, max: number): void {
  const y = yaml();
  const stack: unknown[] = [doc.contents];
  let added = 0;
  while (stack.length && added < max) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (y.isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    if (y.isMap(n)) {
      const seen = new Set<unknown>();
      for (const p of n.items) {
        const k = y.isScalar(p.key) ? (p.key).value : p.key;
        if (seen.has(k)) {
          const at = (p.key as Node | null)?.range?.[0] ?? 0;
          doc.errors.push(new (y.YAMLParseError)([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          if (++added >= max) break;
        } else seen.add(k);
      }
    }
    if (y.isMap(n) || y.isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  if (added) doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
