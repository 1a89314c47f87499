// What a rule is and what it may use. A rule is one file: `meta` first, then `check(ctx)`, which reads
// the joined workspace and reports findings through ctx.report. Rules never touch the file system.

import type { BtsDocument } from '../document';
import type { Fix, FixKind, RelatedLocation, RuleMeta, Severity, TextEdit } from '../types';
import type { OffsetRange } from '../text';
import { TopologyListKey, TopologyView, Workspace } from '../model/join';
import type { LNode } from '../readers/yamlNode';
import type { NodePath } from './nodePath';
import { appendItem, EditTarget, ensurePath, insertKey, isEmptyValue, replaceValue } from '../fix/yamlEdit';

export interface Report {
  doc: BtsDocument;
  range: OffsetRange;
  /** One of the rule's meta.messages, filled from `data`. */
  messageId: string;
  data?: Record<string, string | number>;
  /** Structural identity of the node (see Finding.nodePath), built with NodePath (rules/nodePath.ts). */
  nodePath: NodePath;
  related?: RelatedLocation[];
  /** A change of kind `fix` or `declaration` (see FixKind); build it with fix() or declaration(). */
  fix?: Fix;
  /** Changes of declared values, offered in the editor only; build them with suggestion(). */
  suggestions?: (Fix | undefined)[];
  /** Overrides the rule's severity for this finding (e.g. an error that is only a warning here). */
  severity?: Severity;
}

export interface RuleContext {
  ws: Workspace;
  /** The topology this run checks against; undefined when the workspace has none. */
  topology?: TopologyView;
  /** Today, for rules about dates (restore tests, secret backups). Injected for tests. */
  now: Date;
  report(r: Report): void;
  /** Fix builders for the topology file, in its own style. */
  edit: TopologyEditor;
  /**
   * The severity another rule's findings have in this run (its level for this topology's environment
   * and the run's level overrides), or undefined when it is off or unknown. unfilled-placeholder gives
   * a placeholder the severity of the finding it answers.
   */
  severityOf(ruleId: string): Severity | undefined;
}

/**
 * A rule: its metadata, and either the check that finds its findings or, for the few rules whose
 * findings another part of the core reports (a reader's syntax or schema problems, a rule's failure, a
 * config file or a suppression comment btslint cannot use), `reportedBy`: where they come from. A rule
 * has one or the other (the meta-test holds it), never an empty check.
 */
export type Rule = CheckedRule | ReportedRule;

export interface CheckedRule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  reportedBy?: undefined;
}

export interface ReportedRule {
  meta: RuleMeta;
  /** The part of the core that reports this rule's findings (engine.ts, core/config, core/suppress). */
  reportedBy: 'engine' | 'config' | 'suppressions';
  check?: undefined;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export class TopologyEditor {
  /**
   * Edits made, by what they insert where: a rule asks for the same one with each finding of a cause
   * (the same host declared clustered, the same item added to a list, for every binding file). Edits
   * are plain data that nothing changes, so findings share them.
   */
  readonly #made = new WeakMap<object, Map<string, TextEdit | undefined>>();

  constructor(private readonly topo?: TopologyView) {}

  #once(at: object | null | undefined, what: string, value: unknown, make: () => TextEdit | undefined): TextEdit | undefined {
    if (!at) return make();
    let m = this.#made.get(at);
    if (!m) this.#made.set(at, (m = new Map<string, TextEdit | undefined>()));
    const key = `${what}\u0000${valueKey(value)}`;
    if (m.has(key)) return m.get(key);
    const e = make();
    m.set(key, e);
    return e;
  }

  private get target(): EditTarget | undefined {
    if (!this.topo) return undefined;
    const d = this.topo.doc;
    // No fix into a topology with a YAML/JSON syntax error: where its collections end is a guess there
    // (an unclosed `{` has no `}` to insert before), so an edit could land in the wrong place.
    if (d.topology?.problems.some((p) => p.kind === 'parse')) return undefined;
    return { uri: d.uri, text: d.text, isJson: !!d.topology?.isJson };
  }

  /** An edit is offered only inside the text it edits. */
  private inside(e: TextEdit | undefined): TextEdit | undefined {
    const n = this.topo?.doc.text.length ?? 0;
    return e && e.start >= 0 && e.start <= e.end && e.end <= n ? e : undefined;
  }

  insertKey(map: LNode, key: string, value: unknown): TextEdit | undefined {
    return this.#once(map.node, `key:${key}`, value, () => {
      const t = this.target;
      return this.inside(t && map.isMap ? insertKey(t, map, key, value) : undefined);
    });
  }

  /** Sets a key of a mapping: replaces its value when the key is written, else inserts the key. */
  setKey(map: LNode, key: string, value: unknown): TextEdit | undefined {
    const node = map.get(key);
    return node ? this.replace(node, value) : this.insertKey(map, key, value);
  }

  /** Appends an item to a list; nothing when the list already holds an equal item (never twice). */
  appendItem(seq: LNode, item: unknown): TextEdit | undefined {
    const t = this.target;
    if (seq.isSeq && itemsData(seq).some((d) => sameData(d, item))) return undefined;
    return this.inside(t && seq.isSeq ? appendItem(t, seq, item) : undefined);
  }

  replace(node: LNode, value: unknown): TextEdit | undefined {
    const t = this.target;
    return this.inside(t ? replaceValue(t, node, value) : undefined);
  }

  ensure(keys: string[], value: unknown): TextEdit | undefined {
    const t = this.target;
    return this.inside(t && this.topo ? ensurePath(t, this.topo.root, keys, value) : undefined);
  }

  /**
   * Adds an item to a top-level list (`hosts`, `fileShares`…), creating the list when it is missing or
   * written with nothing after its key (`hosts:`, as while typing); nothing when the key holds something
   * that is not a list, or the list already holds an equal item.
   */
  addToList(key: TopologyListKey, item: unknown): TextEdit | undefined {
    if (!this.topo) return undefined;
    return this.#once(this.topo.root.node, `list:${key}`, item, () => this.#addToList(key, item));
  }

  #addToList(key: TopologyListKey, item: unknown): TextEdit | undefined {
    if (!this.topo) return undefined;
    const list = this.topo.root.get(key);
    if (list && isEmptyValue(list)) return this.replace(list, [item]);
    if (list && list.isSeq) return this.appendItem(list, item);
    if (list && list.node) return undefined;
    return this.ensure([key], [item]);
  }
}

/**
 * A value as the edit memo tells values apart: JSON, except that what JSON would drop or turn into
 * null (undefined, a non-finite number) stays distinct, since the YAML writer renders each its own way.
 */
function valueKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? `\u0000${String(v)}` : v)) ?? '';
}

/**
 * What a list's items read as (toJS), made once per list: a topology does not change while it is
 * checked, and rules ask with every finding (an item per endpoint's cause, against the same list).
 */
const listData = new WeakMap<object, unknown[]>();
function itemsData(seq: LNode): unknown[] {
  // Keyed by the YAML node (an LNode is a new wrapper per lookup).
  const key = seq.node;
  let d = key ? listData.get(key) : undefined;
  if (!d) {
    d = seq.items().map((i) => i.toJS());
    if (key) listData.set(key, d);
  }
  return d;
}

/** Structural equality of plain data (what a list item reads as, against the item a fix would add). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function change(kind: FixKind, title: string, edits: (TextEdit | undefined)[]): Fix | undefined {
  const list = edits.filter((e): e is TextEdit => !!e);
  return list.length ? { title, edits: list, kind } : undefined;
}

/** A fix: changes nothing declared (normalises or corrects form, or gathers what other files state). */
export function fix(title: string, ...edits: (TextEdit | undefined)[]): Fix | undefined {
  return change('fix', title, edits);
}

/** A declaration: inserts what is missing, its unknown values as <<placeholders>> (see placeholder()). */
export function declaration(title: string, ...edits: (TextEdit | undefined)[]): Fix | undefined {
  return change('declaration', title, edits);
}

/**
 * A suggestion: changes or asserts a declared value. Its title says what must be true first
 * ("The FTP host is now clustered: declare it").
 */
export function suggestion(title: string, ...edits: (TextEdit | undefined)[]): Fix | undefined {
  return change('suggestion', title, edits);
}

/** A placeholder value the user must replace; reported by `unfilled-placeholder` until filled. */
export function placeholder(what: string): string {
  return `<<${what}>>`;
}

export const PLACEHOLDER_RE = /<<[^<>\r\n]{1,80}>>/g;

export function isPlaceholderValue(v: string | undefined): boolean {
  return !!v && /<<[^<>\r\n]{1,80}>>/.test(v);
}
