// Navigation over the parser's tree, and the second parse of escaped XML held in an element's text
// (BizTalk's TransportTypeData, AdapterConfig, BindingConfiguration, Filter...), with every inner offset
// mapped back to the outer file through one or more levels of escaping.

import { decodeEntities, decodeEntity, namedRefChar, namedRefLength, own, parseXml, XmlAttr, XmlDocument, XmlElement, XmlNode } from './parser';

export function children(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.kind === 'element' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function child(el: XmlElement | null | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.kind === 'element' && c.name === name) return c;
  return undefined;
}

/** Case-insensitive child lookup, for adapter settings whose casing varies between adapters. */
export function childI(el: XmlElement | null | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  const lower = name.toLowerCase();
  for (const c of el.children) if (c.kind === 'element' && c.name.toLowerCase() === lower) return c;
  return undefined;
}

export function path(el: XmlElement | null | undefined, ...names: string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = el ?? undefined;
  for (const n of names) {
    cur = child(cur, n);
    if (!cur) return undefined;
  }
  return cur;
}

export function attr(el: XmlElement | null | undefined, name: string): XmlAttr | undefined {
  if (!el) return undefined;
  for (const a of el.attrs) if (a.name === name) return a;
  return undefined;
}

export function attrValue(el: XmlElement | null | undefined, name: string): string | undefined {
  return attr(el, name)?.value;
}

/** xsi:nil="true" marks an element as absent (e.g. `<SendHandler xsi:nil="true"/>`). */
export function isNil(el: XmlElement | null | undefined): boolean {
  if (!el) return true;
  const v = attrValue(el, 'xsi:nil');
  return v === 'true' || v === '1';
}

/**
 * The element's text content with entities decoded (text and CDATA children, concatenated, with the
 * whitespace-only text that is not a node: see XmlElement.children).
 */
export function textOf(doc: XmlDocument, el: XmlElement | null | undefined): string {
  if (!el) return '';
  const t = doc.text;
  let out = '';
  let pos = el.openEnd;
  for (const c of el.children) {
    const s = nodeStart(c);
    if (s > pos && t.charCodeAt(pos) !== LT) out += t.slice(pos, s);
    if (c.kind === 'text') out += decodeEntities(t, c.start, c.end);
    else if (c.kind === 'cdata') out += t.slice(c.start, c.end);
    pos = nodeEnd(c);
  }
  if (el.closeStart > pos && t.charCodeAt(pos) !== LT) out += t.slice(pos, el.closeStart);
  return out;
}

const LT = 60;

/** Where a child node's markup starts: a CDATA node's range is its content's, inside `<![CDATA[`. */
function nodeStart(c: XmlNode): number {
  return c.kind === 'cdata' ? c.start - 9 : c.start;
}

/** Where a child node's markup ends: after a CDATA node's `]]>`. */
function nodeEnd(c: XmlNode): number {
  return c.kind === 'cdata' ? c.end + 3 : c.end;
}

/**
 * The element's child nodes with its whitespace-only text as text nodes again (they are not nodes:
 * see XmlElement.children), for a walk that needs every piece of text in order. Stretches of skipped
 * markup (a stray end tag) stay out, as before.
 */
export function withSpace(doc: XmlDocument, el: XmlElement): XmlNode[] {
  const t = doc.text;
  const out: XmlNode[] = [];
  let pos = el.openEnd;
  for (const c of el.children) {
    const s = nodeStart(c);
    if (s > pos && t.charCodeAt(pos) !== LT) out.push({ kind: 'text', start: pos, end: s });
    out.push(c);
    pos = nodeEnd(c);
  }
  if (el.closeStart > pos && t.charCodeAt(pos) !== LT) out.push({ kind: 'text', start: pos, end: el.closeStart });
  return out;
}

/** The range the element's content occupies (between the tags), trimmed of surrounding whitespace. */
export function contentRange(doc: XmlDocument, el: XmlElement): { start: number; end: number } {
  if (el.selfClosing) return { start: el.start, end: el.end };
  let s = el.openEnd;
  let e = el.closeStart;
  const t = doc.text;
  while (s < e && isJsSpace(t.charCodeAt(s))) s++;
  while (e > s && isJsSpace(t.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/** Whether a UTF-16 unit is one that JavaScript's `\s` (and `trim`) matches, without a one-character string per test. */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Depth-first, document-order walk without recursion. Return false from `visit` to skip children. */
export function walk(root: XmlElement, visit: (el: XmlElement) => boolean | void): void {
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (visit(el) === false) continue;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k];
      if (c.kind === 'element') stack.push(c);
    }
  }
}

/** A document parsed out of escaped text, with a map from its offsets to the outermost file's. */
export interface EmbeddedXml {
  doc: XmlDocument;
  /** Maps an offset in `doc.text` to an offset in the outer file. */
  toOuter: (offset: number) => number;
}

/** The escaped text of an element decoded (not parsed), with a map from its offsets to the outermost file's. */
export interface DecodedText {
  text: string;
  toOuter: (offset: number) => number;
}

/**
 * Parses the escaped XML held in `el`'s text. `outer` maps the containing document's offsets to the
 * file's (identity for the file itself), so nesting composes: AdapterConfig inside TransportTypeData
 * is parsed from the embedded document of TransportTypeData.
 * Returns undefined when the element holds no markup.
 */
export function parseEmbedded(
  doc: XmlDocument,
  el: XmlElement,
  outer: (o: number) => number = identity,
): EmbeddedXml | undefined {
  const d = decodeEmbedded(doc, el, outer);
  return d && { doc: parseXml(d.text), toOuter: d.toOuter };
}

/**
 * What parseEmbedded parses: `el`'s text (text and CDATA, with the whitespace that is not a node)
 * decoded, and the map of its offsets; undefined when it holds no markup. Its own string (`own`): what
 * is read from it is cached across versions (readers/binding.ts), and a slice of the file's text would
 * keep that version's whole text alive.
 */
export function decodeEmbedded(doc: XmlDocument, el: XmlElement, outer: (o: number) => number = identity): DecodedText | undefined {
  const map = new SegmentMap();
  let text = '';
  const t = doc.text;
  let pos = el.openEnd;
  const space = (from: number, to: number) => {
    // Whitespace that is not a node (XmlElement.children): literal text.
    if (to > from && t.charCodeAt(from) !== LT) {
      map.run(text.length, from, 1);
      text += t.slice(from, to);
    }
  };
  for (const c of el.children) {
    space(pos, nodeStart(c));
    if (c.kind === 'text') text += decodeSegments(t, c.start, c.end, text.length, map);
    else if (c.kind === 'cdata') {
      map.run(text.length, c.start, 1);
      text += t.slice(c.start, c.end);
    }
    pos = nodeEnd(c);
  }
  space(pos, el.closeStart);
  if (text.indexOf('<') < 0) return undefined;
  map.run(text.length, el.closeStart, 0);
  return { text: own(text), toOuter: (o: number) => outer(map.source(o)) };
}

/**
 * Where each unit of a decoded text came from, as runs rather than one entry per unit: a literal run
 * (`step` 1) maps unit by unit, an entity's units (`step` 0) all map to its '&'. The last run (the
 * caller's end offset) also answers for every offset past the end. An escaped settings blob of n units
 * holds about n/6 runs, so building the map costs a fraction of a per-unit array, and a lookup is a
 * binary search (only done for the few offsets a finding or a setting needs).
 */
class SegmentMap {
  private readonly decoded: number[] = [];
  private readonly src: number[] = [];
  private readonly step: number[] = [];

  run(decodedStart: number, sourceStart: number, step: 0 | 1): void {
    this.decoded.push(decodedStart);
    this.src.push(sourceStart);
    this.step.push(step);
  }

  source(o: number): number {
    const d = this.decoded;
    if (o <= 0 || d.length === 1) return this.src[0];
    let lo = 0;
    let hi = d.length - 1;
    if (o >= d[hi]) return this.src[hi];
    // The last run starting at or before o (runs of zero length share a start; the last one wins,
    // which is the one that holds unit o).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (d[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return this.src[lo] + (this.step[lo] ? o - d[lo] : 0);
  }
}

/** decodeEntities with the runs of the result recorded in `map`, from decoded offset `base` on. */
function decodeSegments(text: string, start: number, end: number, base: number, map: SegmentMap): string {
  let out = '';
  let i = start;
  while (i < end) {
    // Bounded scan: an unbounded indexOf would search the rest of the file for each run without '&'.
    let a = i;
    while (a < end && text.charCodeAt(a) !== 38) a++;
    if (a > i) {
      map.run(base + out.length, i, 1);
      out += text.slice(i, a);
    }
    if (a >= end) break;
    // The five named references (nearly all of escaped settings) without slicing their names.
    const c = a + 1 < end ? text.charCodeAt(a + 1) : 0;
    const len = c ? namedRefLength(text, a, c) : 0;
    if (len > 0 && a + len <= end) {
      map.run(base + out.length, a, 0);
      out += namedRefChar(len, c);
      i = a + len;
      continue;
    }
    let semi = -1;
    const limit = Math.min(end, a + MAX_REF + 1);
    for (let k = a + 1; k < limit; k++) {
      if (text.charCodeAt(k) === 59) {
        semi = k;
        break;
      }
    }
    const decoded = semi > 0 ? decodeEntity(text.slice(a + 1, semi)) : undefined;
    map.run(base + out.length, a, 0);
    if (decoded === undefined) {
      out += '&';
      i = a + 1;
    } else {
      out += decoded;
      i = semi + 1;
    }
  }
  return out;
}

/** A reference is at most this long from '&' to ';' (as in the parser). */
const MAX_REF = 12;

export function identity(o: number): number {
  return o;
}

/** The index of the last node starting at or before `offset` (nodes are in document order); -1 for none. */
export function lastStartingAtOrBefore(nodes: XmlNode[], offset: number): number {
  let lo = 0;
  let hi = nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The element that starts at `start` (its '<'), found by descending the tree; undefined when none does. */
export function elementAt(doc: XmlDocument, start: number): XmlElement | undefined {
  let list = doc.nodes;
  for (;;) {
    const i = lastStartingAtOrBefore(list, start);
    if (i < 0) return undefined;
    const n = list[i];
    if (n.kind !== 'element' || start >= n.end) return undefined;
    if (n.start === start) return n;
    list = n.children;
  }
}

/**
 * A document that is only its text, for the helpers here that read nothing else of it (textOf,
 * contentRange, parseEmbedded) on an element kept without its tree (readers/binding.ts withoutTree).
 */
export function textDocument(text: string): XmlDocument {
  return { text, root: null, nodes: [], comments: [], errors: [] };
}

/**
 * A copy of `el` and everything in it that stands alone (its parent is null): a reader that keeps
 * one small element of a tree it lets go keeps only the copy, not the tree its parent links reach.
 * Without recursion, as everything that walks input.
 */
export function detach(el: XmlElement): XmlElement {
  // Every field listed (a spread is several times slower); `edits` only where the element has it.
  const copyOf = (e: XmlElement, parent: XmlElement | null): XmlElement => {
    const c: XmlElement = {
      kind: 'element',
      name: e.name,
      start: e.start,
      end: e.end,
      nameStart: e.nameStart,
      nameEnd: e.nameEnd,
      openEnd: e.openEnd,
      closeStart: e.closeStart,
      selfClosing: e.selfClosing,
      attrs: e.attrs,
      children: e.children.length ? e.children.slice() : e.children,
      parent,
    };
    if (e.edits !== undefined) c.edits = e.edits;
    return c;
  };
  const top = copyOf(el, null);
  const stack: XmlElement[] = [top];
  while (stack.length) {
    const e = stack.pop()!;
    const kids = e.children;
    for (let k = 0; k < kids.length; k++) {
      const c = kids[k];
      if (c.kind === 'element') {
        const copy = copyOf(c, e);
        kids[k] = copy;
        stack.push(copy);
      } else if (c.kind === 'comment') kids[k] = { ...c, parent: e };
    }
  }
  return top;
}
