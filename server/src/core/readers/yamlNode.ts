// A located view over a YAML or JSON document (both parsed by the `yaml` package, which keeps source
// ranges): rules read values through LNode and report at node ranges; fixes use the same nodes to
// insert text in the file's own style.

import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { yaml } from '../lazy';
import type { OffsetRange } from '../text';

export class LNode {
  constructor(
    readonly doc: Document,
    readonly node: Node | null,
    /** The pair that holds this node as its value, when it is a map value. */
    readonly pair: Pair | null,
    readonly parent: LNode | null,
    /** The key (for map values) or index (for sequence items) under the parent. */
    readonly key: string | number | null,
  ) {}

  /** The node with aliases resolved. */
  private get target(): Node | null {
    let n: Node | null = this.node;
    for (let guard = 0; n && yaml().isAlias(n) && guard < 100; guard++) n = (n.resolve(this.doc) as Node | undefined) ?? null;
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
    return !!t && (yaml().isMap(t) || yaml().isSeq(t)) && !!(t as YAMLMap | YAMLSeq).flow;
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
    return yaml().isScalar(t) ? (t as Scalar).value : undefined;
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

  get(key: string): LNode | undefined {
    const m = this.yamlMap;
    if (!m) return undefined;
    for (const p of m.items) {
      const k = yaml().isScalar(p.key) ? (p.key as Scalar).value : p.key;
      if (k === key) return new LNode(this.doc, (p.value as Node | null) ?? null, p as Pair, this, key);
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Map entries in order. */
  entries(): [string, LNode][] {
    const m = this.yamlMap;
    if (!m) return [];
    const out: [string, LNode][] = [];
    for (const p of m.items) {
      const k = yaml().isScalar(p.key) ? String((p.key as Scalar).value) : String(p.key);
      out.push([k, new LNode(this.doc, (p.value as Node | null) ?? null, p as Pair, this, k)]);
    }
    return out;
  }

  items(): LNode[] {
    const s = this.yamlSeq;
    if (!s) return [];
    return s.items.map((it, i) => new LNode(this.doc, yaml().isPair(it) ? null : (it as Node), null, this, i));
  }

  /** Sequence items as strings (scalars only). */
  strings(): LNode[] {
    return this.items().filter((i) => i.str !== undefined);
  }

  /** Path from the root, with named items shown by name: `sqlInstances[SQLBTS\BTS].volumes[E:]`. */
  get path(): string {
    const chain: LNode[] = [];
    for (let n: LNode | null = this; n && n.parent; n = n.parent) chain.unshift(n);
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
    return (t as Node & { toJSON(): unknown }).toJSON();
  }
}

/** Finds the node at a JSON-pointer-like path of segments. */
export function nodeAt(root: LNode, segments: (string | number)[]): LNode | undefined {
  let cur: LNode | undefined = root;
  for (const s of segments) {
    if (!cur) return undefined;
    if (cur.isSeq) cur = cur.items()[Number(s)];
    else cur = cur.get(String(s));
  }
  return cur;
}
