// A fast answer, allocating next to nothing, to one question: would parseXml(text) certainly report no problem?
// Used for the escaped adapter settings of binding files (thousands of small documents per file, all
// machine-written and almost always well formed): they must be checked for problems, because a
// malformed one is a parse-error finding, but building their trees and offset maps is only needed when
// a rule reads a setting or when there is a problem to position. So the engine asks this checker first
// and runs the real parser (with offsets) only when the checker is not sure.
//
// The contract is one-sided: `true` means parseXml finds no error; `false` means "not sure" (the
// caller parses). The checker therefore accepts only a strict, simple subset of XML: one optional
// leading processing instruction (the XML declaration), one root element, elements with quoted
// attributes, text with the five predefined entities and decimal or lowercase-hex character
// references, and nothing else: no comment, CDATA, DOCTYPE, BOM or anything after the root but
// whitespace. Text and attribute values are skipped with indexOf (no per-character JavaScript), so
// the check runs near memory speed. Characters themselves are not judged, as parseXml judges none;
// if parseXml ever starts to (control characters, say), this checker must follow. The differential
// test (test/core/wellFormed.test.ts) enforces the contract: on thousands of mutated documents,
// built from an alphabet that includes control characters, a BOM and lone surrogates, `true` is only
// ever given where parseXml reports nothing.

import { isNameChar, isNameStart, MANY_ATTRIBUTES, referenceEnd } from './parser';

export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const EQ = 61;
export const QUOT = 34;
export const APOS = 39;
export const QM = 63;

/** XML whitespace (space, LF, CR, tab). */
export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * The attribute names of one start tag, for the duplicate check (both scanners, this one and
 * escapedWellFormed.ts): compared in place while the tag has few, kept in a Set once it has
 * MANY_ATTRIBUTES (as parseXml does: a scan of the earlier names per attribute is quadratic on a
 * hostile tag). One per scan, cleared at each tag.
 */
export class TagAttributeNames {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private count = 0;
  private names: Set<string> | undefined;

  constructor(private readonly text: string) {}

  clear(): void {
    this.count = 0;
    this.names = undefined;
  }

  /** Adds the name text[start, end); false when the tag already has it. */
  add(start: number, end: number): boolean {
    const text = this.text;
    if (this.names) {
      const name = text.slice(start, end);
      if (this.names.has(name)) return false;
      this.names.add(name);
      return true;
    }
    const n = this.count;
    for (let k = 0; k < n; k++) {
      if (this.ends[k] - this.starts[k] === end - start && text.startsWith(text.slice(start, end), this.starts[k])) return false;
    }
    this.starts[n] = start;
    this.ends[n] = end;
    this.count = n + 1;
    if (this.count >= MANY_ATTRIBUTES) {
      this.names = new Set();
      for (let k = 0; k < this.count; k++) this.names.add(text.slice(this.starts[k], this.ends[k]));
    }
    return true;
  }
}

/**
 * Called for each element directly under the root when it closes, with its name's range, its
 * content's range (empty, at `end`, for a self-closing element), whether it holds child elements, and
 * the offset after its last '>'. Return false to make the whole answer "not sure".
 */
export type ChildOfRootCheck = (nameStart: number, nameEnd: number, contentStart: number, contentEnd: number, hasElements: boolean, end: number) => boolean;

/** Called for each attribute of the root element, in order: its name's range and its value's (inside the quotes). */
export type RootAttribute = (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void;

/**
 * True only when parseXml(text) would report no problem (see the file comment). The callbacks see the
 * root's attributes and children as parseXml's tree has them (readers/binding.ts reads plain settings
 * with them, without a tree); an answer of false makes what they saw meaningless.
 */
export function isPlainWellFormed(text: string, onChildOfRoot?: ChildOfRootCheck, onRootAttr?: RootAttribute): boolean {
  const n = text.length;
  // Reads past the end are avoided: charCodeAt out of bounds deoptimises the loop.
  const at = (k: number) => (k < n ? text.charCodeAt(k) : -1);
  // The next '&' at or after a position, found once and reused (searches only move forward).
  let amp = text.indexOf('&');
  /** Whether every '&' in [from, to) starts a reference parseXml accepts. */
  const refsOk = (from: number, to: number): boolean => {
    if (amp >= 0 && amp < from) amp = text.indexOf('&', from);
    while (amp >= 0 && amp < to) {
      const e = referenceEnd(text, amp, to);
      if (e < 0) return false;
      amp = text.indexOf('&', e);
    }
    return true;
  };
  // Likewise the next '<' (a bounded search per attribute value would rescan the rest of a document
  // that has no more tags, quadratic on hostile input).
  // `lt` is indexOf('<', p) for some earlier p <= from (-2: not searched yet); still the answer for
  // `from` when it is at or after it, or when it is -1.
  let lt = -2;
  const nextLt = (from: number): number => {
    if (lt === -2 || (lt >= 0 && lt < from)) lt = text.indexOf('<', from);
    return lt;
  };
  let i = 0;
  while (i < n && isSpace(at(i))) i++;
  if (at(i) === LT && at(i + 1) === QM) {
    const close = text.indexOf('?>', i + 2);
    if (close < 0) return false;
    i = close + 2;
    while (i < n && isSpace(at(i))) i++;
  }
  if (at(i) !== LT) return false;
  // The open elements: name range, content start, and whether a child element was seen.
  const nameStarts: number[] = [];
  const nameEnds: number[] = [];
  const contentStarts: number[] = [];
  const hasElements: boolean[] = [];
  // Attribute names of the current start tag, for the duplicate check.
  const attrNames = new TagAttributeNames(text);
  let depth = 0;
  let rootDone = false;
  while (i < n) {
    if (at(i) !== LT) {
      if (depth === 0) {
        // After the root: whitespace only.
        while (i < n && isSpace(at(i))) i++;
        if (i < n) return false;
        break;
      }
      // Text up to the next tag: only its references matter to parseXml.
      const next = nextLt(i);
      const stop = next < 0 ? n : next;
      if (!refsOk(i, stop)) return false;
      i = stop;
      continue;
    }
    if (rootDone) return false;
    const c1 = at(i + 1);
    if (c1 === SLASH) {
      if (depth === 0) return false;
      const top = depth - 1;
      const ns = nameStarts[top];
      const len = nameEnds[top] - ns;
      let j = i + 2;
      for (let k = 0; k < len; k++) if (at(j + k) !== at(ns + k)) return false;
      j += len;
      if (j >= n || isNameChar(at(j))) return false;
      while (j < n && isSpace(at(j))) j++;
      if (at(j) !== GT) return false;
      depth--;
      if (depth === 1 && onChildOfRoot && !onChildOfRoot(ns, ns + len, contentStarts[top], i, hasElements[top], j + 1)) return false;
      if (depth === 0) rootDone = true;
      i = j + 1;
      continue;
    }
    if (!isNameStart(c1)) return false; // comment, CDATA, DOCTYPE, PI inside, or a stray '<'
    let j = i + 1;
    const ns = j;
    while (j < n && isNameChar(at(j))) j++;
    const ne = j;
    let selfClosing = false;
    attrNames.clear();
    for (;;) {
      const a = at(j);
      if (a === GT) {
        j++;
        break;
      }
      if (a === SLASH) {
        if (at(j + 1) !== GT) return false;
        j += 2;
        selfClosing = true;
        break;
      }
      if (!isSpace(a)) return false;
      while (j < n && isSpace(at(j))) j++;
      const d = at(j);
      if (d === GT || d === SLASH) continue;
      if (!isNameStart(d)) return false;
      const an = j;
      while (j < n && isNameChar(at(j))) j++;
      const ae = j;
      if (!attrNames.add(an, ae)) return false;
      while (j < n && isSpace(at(j))) j++;
      if (at(j) !== EQ) return false;
      j++;
      while (j < n && isSpace(at(j))) j++;
      const q = at(j);
      if (q !== QUOT && q !== APOS) return false;
      const close = text.indexOf(q === QUOT ? '"' : "'", j + 1);
      if (close < 0) return false;
      const tag = nextLt(j + 1);
      if (tag >= 0 && tag < close) return false;
      if (!refsOk(j + 1, close)) return false;
      if (depth === 0 && onRootAttr) onRootAttr(an, ae, j + 1, close);
      j = close + 1;
    }
    if (depth > 0) hasElements[depth - 1] = true;
    if (selfClosing) {
      if (depth === 0) rootDone = true;
      else if (depth === 1 && onChildOfRoot && !onChildOfRoot(ns, ne, j, j, false, j)) return false;
    } else {
      nameStarts[depth] = ns;
      nameEnds[depth] = ne;
      contentStarts[depth] = j;
      hasElements[depth] = false;
      depth++;
    }
    i = j;
  }
  return rootDone && depth === 0;
}
