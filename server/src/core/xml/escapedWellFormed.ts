// The settings check without decoding. A binding file keeps each transport's adapter settings as
// escaped XML (`&lt;CustomProps&gt;&lt;FileName vt="8"&gt;...`), and AdapterConfig or
// BindingConfiguration hold a second document escaped once more (`&amp;lt;Config&amp;gt;...`). The
// settings check (readers/binding.ts) must know that every one of them parses without a problem. The
// decoded check (wellFormed.ts, still behind this one) decodes the first level into a string, scans
// it, decodes each nested document into another string and scans that: two strings and two scans per
// transport, on every transport of every binding (15,000 on the 2,000-file benchmark).
//
// This scanner answers the same question on the file's text as it stands: it reads the escaped text
// one unit of the level it checks at a time (a unit is a character or a whole escape, `&lt;` at the
// first level, `&amp;lt;` at the second), and applies to those units exactly what isPlainWellFormed
// applies to the decoded text. Nothing is decoded and nothing allocated but the stack of open tags.
//
// Its contract is one-sided like isPlainWellFormed's: `true` means the decoded settings, and each
// nested document in them, parse without a problem; `false` means "not sure" (the caller checks the
// decoded text, and then parses). It knows only the spellings BizTalk writes: the five named
// references at each level, written with plain characters. A character reference (`&#`) anywhere, a
// reference spelled with another reference, or first-level markup inside a nested document answers
// "not sure". The differential test (test/core/escapedWellFormed.test.ts) holds it to the decoded
// check on thousands of mutated settings.
// Nothing recurses on input depth; names and whitespace are plain characters at every level (no
// reference decodes to one), so they are read from the text directly.

import { isNameChar, isNameStart, nameRestEnd } from './parser';
import { APOS, EQ, GT, isSpace, LT, QM, QUOT, SLASH, TagAttributeNames } from './wellFormed';

const AMP = 38;

/** A unit that is a whole reference, text at the level checked (`&amp;lt;` at the first level is `&lt;`). */
const REF = -1;
/** A spelling outside the subset: "not sure". */
const BAIL = -2;

/**
 * A unit and its width in the file's text, packed in one number so that reading one allocates
 * nothing: (unit + 2) * 16 + width. Widths are at most 12.
 */
function pack(unit: number, width: number): number {
  return (unit + 2) * 16 + width;
}
const BAILED = pack(BAIL, 1);

function unitOf(p: number): number {
  return (p >> 4) - 2;
}

function widthOf(p: number): number {
  return p & 15;
}

/** The length of the named reference whose name starts at `k` (after its '&': `lt;` 4, `amp;` 5, `quot;` 6), or 0. */
function refAfter(text: string, k: number, end: number): number {
  // Compared unit by unit: `startsWith` at a moving offset is a call per reference, and references
  // are most of the escaped text.
  if (k + 2 >= end) return 0;
  const c = text.charCodeAt(k);
  const c1 = text.charCodeAt(k + 1);
  const c2 = text.charCodeAt(k + 2);
  if (c === 108 || c === 103) return c1 === 116 && c2 === 59 ? 4 : 0; // lt; gt;
  if (k + 3 >= end) return 0;
  const c3 = text.charCodeAt(k + 3);
  if (c === 97) {
    if (c1 === 109) return c2 === 112 && c3 === 59 ? 5 : 0; // amp;
    return c1 === 112 && c2 === 111 && c3 === 115 && k + 4 < end && text.charCodeAt(k + 4) === 59 ? 6 : 0; // apos;
  }
  if (c === 113) return c1 === 117 && c2 === 111 && c3 === 116 && k + 4 < end && text.charCodeAt(k + 4) === 59 ? 6 : 0; // quot;
  return 0;
}

/** The character of a named reference of length `n` (refAfter) whose name starts with `c`. */
function refUnit(n: number, c: number): number {
  return n === 4 ? (c === 108 ? LT : GT) : n === 5 ? AMP : c === 113 ? QUOT : APOS;
}

/**
 * The unit at `k` (an '&') of `level` 1 (the settings) or 2 (a document nested in them), packed. At
 * the first level a named reference is its character, and `&amp;` followed by a named reference is a
 * reference of the first level (REF). At the second level a first-level character is the second
 * level's too, `&lt;` is first-level markup (BAIL), and `&amp;` with a named reference is the
 * reference's character, or with `amp;` and a named reference a second-level reference (REF).
 */
function escapeAt(text: string, k: number, end: number, level: 1 | 2): number {
  const n = refAfter(text, k + 1, end);
  if (n === 0) return BAILED;
  const c = text.charCodeAt(k + 1);
  if (n !== 5) return level === 2 && n === 4 && c === 108 ? BAILED : pack(refUnit(n, c), n);
  // `&amp;`: a reference of the level above follows, its name and ';' written as they are.
  const m = refAfter(text, k + 5, end);
  if (m === 0) return BAILED;
  if (level === 1) return pack(REF, 4 + m);
  if (m !== 5) return pack(refUnit(m, text.charCodeAt(k + 5)), 4 + m);
  const p = refAfter(text, k + 9, end);
  return p === 0 ? BAILED : pack(REF, 8 + p);
}

/** The unit at `k` of `level`, packed. */
function unitAt(text: string, k: number, end: number, level: 1 | 2): number {
  const c = text.charCodeAt(k);
  return c === AMP ? escapeAt(text, k, end, level) : pack(c, 1);
}

/** Whether `name` is one whose content is a nested document (AdapterConfig, BindingConfiguration), from its range in `text`. */
export type NestedName = (text: string, nameStart: number, nameEnd: number) => boolean;

/**
 * True only when the escaped settings text[start, end) (the content of a TransportTypeData element,
 * one text node), decoded, parse without a problem, and so does the decoded content of each child of
 * their root that `isNested` names and that holds no element. See the file comment.
 */
export function escapedSettingsWellFormed(text: string, start: number, end: number, isNested: NestedName): boolean {
  return scan(text, start, end, 1, isNested, undefined);
}

/**
 * Where a document's settings stand, recorded by the same scan (readers/binding.ts reads settings
 * from it without decoding the documents): offsets in the file's text, which are the settings'
 * ranges as they are (no offset map is needed).
 */
export interface EscapedOutline {
  /** Whether the document has a root element (false: it holds no markup). */
  root: boolean;
  /** Per attribute of the root, OUTLINE_ATTR numbers: name start, name end, value start and end (inside the quotes), and the offset after the closing quote. */
  attrs: number[];
  /** Per child of the root, OUTLINE_CHILD numbers: start, name start, name end, content start, content end, end, and 1 when it holds elements (else 0). */
  children: number[];
  /** For a child of the root that isNested names (by its index among the children): its document's outline. */
  nested: (EscapedOutline | undefined)[];
}
export const OUTLINE_ATTR = 5;
export const OUTLINE_CHILD = 7;

/** The outline of escaped settings that escapedSettingsWellFormed accepts (undefined where it would not). */
export function escapedSettingsOutline(text: string, start: number, end: number, isNested: NestedName): EscapedOutline | undefined {
  const outline = newOutline();
  return scan(text, start, end, 1, isNested, outline) ? outline : undefined;
}

function newOutline(): EscapedOutline {
  return { root: false, attrs: [], children: [], nested: [] };
}

function scan(text: string, start: number, end: number, level: 1 | 2, isNested: NestedName, out: EscapedOutline | undefined): boolean {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i >= end) return true; // nothing but whitespace: nothing is parsed
  let p = unitAt(text, i, end, level);
  if (unitOf(p) === LT && i + widthOf(p) < end && text.charCodeAt(i + widthOf(p)) === QM) {
    // The XML declaration: anything up to the first '?>'.
    let k = i + widthOf(p) + 1;
    for (;;) {
      if (k >= end) return false;
      const q = unitAt(text, k, end, level);
      const u = unitOf(q);
      if (u === BAIL) return false;
      k += widthOf(q);
      if (u === QM && k < end && unitOf(unitAt(text, k, end, level)) === GT) {
        k += widthOf(unitAt(text, k, end, level));
        break;
      }
    }
    i = k;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i >= end) return false;
    p = unitAt(text, i, end, level);
    if (unitOf(p) !== LT) return false; // the declaration is markup: a root must follow
  }
  if (unitOf(p) !== LT) return noMarkup(text, i, end, level);
  // The open elements: name range, and whether a child element was seen.
  const nameStarts: number[] = [];
  const nameEnds: number[] = [];
  const hasElements: boolean[] = [];
  const attrNames = new TagAttributeNames(text);
  let depth = 0;
  let rootDone = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== AMP) {
      if (depth === 0) {
        // After the root: whitespace only.
        while (i < end && isSpace(text.charCodeAt(i))) i++;
        return i >= end && rootDone;
      }
      // Text: plain characters up to the next escape.
      const a = text.indexOf('&', i);
      i = a < 0 || a >= end ? end : a;
      continue;
    }
    p = escapeAt(text, i, end, level);
    const u = unitOf(p);
    if (u === BAIL) return false;
    if (u !== LT) {
      if (depth === 0) return false;
      i += widthOf(p);
      continue;
    }
    if (rootDone) return false;
    let j = i + widthOf(p);
    if (j >= end) return false;
    const c1 = text.charCodeAt(j);
    if (c1 === SLASH) {
      if (depth === 0) return false;
      const top = depth - 1;
      const ns = nameStarts[top];
      const len = nameEnds[top] - ns;
      j++;
      if (j + len > end) return false;
      if (!text.startsWith(text.slice(ns, ns + len), j)) return false;
      j += len;
      if (j >= end || isNameChar(text.charCodeAt(j))) return false;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      if (j >= end) return false;
      const g = unitAt(text, j, end, level);
      if (unitOf(g) !== GT) return false;
      j += widthOf(g);
      depth--;
      if (depth === 1 && out) out.children.push(i, j, hasElements[top] ? 1 : 0); // content end (this tag's start), end, holds elements
      // A nested document that holds elements is not escaped: outside the subset, as for the decoded check.
      if (depth === 1 && level === 1 && hasElements[top] && isNested(text, ns, ns + len)) return false;
      if (depth === 0) rootDone = true;
      i = j;
      continue;
    }
    if (c1 === AMP || !isNameStart(c1)) return false;
    const tagStart = i;
    const ns = j;
    const ne = (j = nameRestEnd(text, j));
    if (j > end) return false;
    let selfClosing = false;
    attrNames.clear();
    for (;;) {
      if (j >= end) return false;
      let a = unitAt(text, j, end, level);
      if (unitOf(a) === GT) {
        j += widthOf(a);
        break;
      }
      if (unitOf(a) === SLASH) {
        j++;
        if (j >= end) return false;
        a = unitAt(text, j, end, level);
        if (unitOf(a) !== GT) return false;
        j += widthOf(a);
        selfClosing = true;
        break;
      }
      if (!isSpace(unitOf(a))) return false;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      if (j >= end) return false;
      const d = text.charCodeAt(j);
      if (d === GT || d === SLASH) continue;
      if (d === AMP) {
        const g = unitOf(unitAt(text, j, end, level));
        if (g === GT) continue;
        return false;
      }
      if (!isNameStart(d)) return false;
      const an = j;
      const ae = (j = nameRestEnd(text, j));
      if (j > end) return false;
      if (!attrNames.add(an, ae)) return false;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      if (j >= end || text.charCodeAt(j) !== EQ) return false;
      j++;
      while (j < end && isSpace(text.charCodeAt(j))) j++;
      if (j >= end) return false;
      const qp = unitAt(text, j, end, level);
      const q = unitOf(qp);
      if (q !== QUOT && q !== APOS) return false;
      j += widthOf(qp);
      const valueStart = j;
      // The value: any unit but '<' up to the same quote.
      for (;;) {
        if (j >= end) return false;
        const v = unitAt(text, j, end, level);
        const vu = unitOf(v);
        j += widthOf(v);
        if (vu === q) {
          if (depth === 0 && out) out.attrs.push(an, ae, valueStart, j - widthOf(v), j);
          break;
        }
        if (vu === LT || vu === BAIL) return false;
      }
    }
    if (depth > 0) hasElements[depth - 1] = true;
    let child = -1; // its index among the root's children, when recorded
    if (out) {
      if (depth === 0) out.root = true;
      else if (depth === 1) {
        child = out.children.length / OUTLINE_CHILD;
        out.children.push(tagStart, ns, ne, j);
        if (selfClosing) out.children.push(j, j, 0);
      }
    }
    if (selfClosing) {
      if (depth === 0) rootDone = true;
    } else {
      nameStarts[depth] = ns;
      nameEnds[depth] = ne;
      hasElements[depth] = false;
      depth++;
      if (depth === 2 && level === 1 && isNested(text, ns, ne)) {
        // A nested document: its text, up to the next tag of this level, checked as a document of the
        // next level (which accepts no spelling this level would not), and not again as text here.
        const lt = text.indexOf('&lt;', j);
        const stop = lt < 0 || lt >= end ? end : lt;
        let inner: EscapedOutline | undefined;
        if (out) out.nested[child] = inner = newOutline();
        if (!scan(text, j, stop, 2, isNested, inner)) return false;
        j = stop;
      }
    }
    i = j;
  }
  return rootDone && depth === 0;
}

/** Text with no markup at all from `i` (nothing is parsed then); false at a '<' or a spelling outside the subset. */
function noMarkup(text: string, i: number, end: number, level: 1 | 2): boolean {
  for (;;) {
    const a = text.indexOf('&', i);
    if (a < 0 || a >= end) return true;
    const u = unitOf(escapeAt(text, a, end, level));
    if (u === LT || u === BAIL) return false;
    i = a + widthOf(escapeAt(text, a, end, level));
  }
}
