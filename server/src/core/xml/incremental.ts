// Incremental re-parsing for the editor: after an edit, only the content of the innermost element that
// holds the whole change is parsed again; every node after the change is moved by the change's length.
// On a 15 MB binding file an edit inside one port re-parses that port (a few kilobytes) instead of
// 15 MB (about 250 ms), which is what keeps the language server's re-check of a large file inside its
// budget (bench/lsp.js, BENCHMARKS.md).
//
// Invariants:
// - The result is exactly what parseXml(newText) gives, errors included, or nothing: reparseXml
//   declines (returns false, the document untouched) unless the re-parsed content stands alone
//   (parseFragment's `ok`: nothing in it runs past the element's end tag or closes the element) and
//   the old errors split cleanly into those before, inside and after the content. So a file keeps
//   being re-parsed in place while markup is half typed inside one element, and with an unrelated
//   error elsewhere. test/core/incremental.test.ts compares both ways on thousands of random edits.
// - The document is updated IN PLACE: its tree is reused, so the old version's nodes now describe the
//   new text. The caller must drop every other view of the old version (document.ts marks the old
//   BtsDocument `superseded`). Elements whose content changed keep their identity and get `edits`
//   incremented, so caches keyed by element can tell.

import { DEFAULT_MAX_ERRORS, parseFragment, XmlDocument, XmlElement, XmlError, XmlNode } from './parser';
import { lastStartingAtOrBefore } from './dom';

/** One changed region: old text [start, oldEnd) became new text [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Units compared at a time by changedRange before it narrows down unit by unit. */
const CHUNK = 2048;

/**
 * The smallest region that covers every difference between two texts (common prefix and suffix
 * skipped), or undefined when they are equal. Compares slices natively, a chunk at a time: a few
 * milliseconds on 15 MB, where a character loop takes about 20.
 */
export function changedRange(a: string, b: string): TextChange | undefined {
  if (a === b) return undefined;
  const min = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= min && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  // The common suffix, not overlapping the prefix.
  const max = min - p;
  let s = 0;
  while (s + CHUNK <= max && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) s += CHUNK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { start: p, oldEnd: a.length - s, newEnd: b.length - s };
}

/**
 * Updates `doc` (parsed from some old text) to `newText`, where `change` is the region that differs.
 * True when done; false when a full parse is needed (then `doc` is untouched). See the file comment.
 */
export function reparseXml(doc: XmlDocument, newText: string, change: TextChange): boolean {
  const root = doc.root;
  // At the error cap, errors after the cap were not recorded, so what follows the change is unknown.
  if (!root || doc.doctype || doc.errors.length >= DEFAULT_MAX_ERRORS) return false;
  if (change.start < 0 || change.oldEnd < change.start || change.newEnd < change.start) return false;
  if (newText.length - change.newEnd !== doc.text.length - change.oldEnd) return false;
  // The chain of elements whose content holds the whole change, outermost first.
  const chain: XmlElement[] = [];
  const childIndex: number[] = [];
  const text = doc.text;
  let el: XmlElement | undefined = holds(text, root, change) ? root : undefined;
  while (el) {
    chain.push(el);
    const k = lastStartingAtOrBefore(el.children, change.start);
    const c = k >= 0 ? el.children[k] : undefined;
    if (c && c.kind === 'element' && holds(text, c, change)) {
      childIndex.push(k);
      el = c;
    } else el = undefined;
  }
  if (!chain.length) return false;
  const target = chain[chain.length - 1];
  const delta = change.newEnd - change.oldEnd;
  const oldClose = target.closeStart;
  const errors = splitErrors(doc.errors, target.openEnd, oldClose);
  if (!errors) return false;
  const frag = parseFragment(newText, target.openEnd, oldClose + delta, target);
  // Near the cap, which errors a whole parse keeps depends on their order: parsed whole instead.
  if (!frag.ok || errors.before.length + frag.errors.length + errors.after.length >= DEFAULT_MAX_ERRORS) return false;

  // Comments: those before the target's content, the fragment's, then those after it (moved below).
  const before = doc.comments.filter((c) => c.end <= target.openEnd);
  const after = doc.comments.filter((c) => c.start >= oldClose);

  if (delta !== 0) {
    // Every node after the change: the target's and its ancestors' end tags, the siblings that
    // follow each of them, and the top-level nodes after the root.
    for (let d = 0; d < chain.length; d++) {
      const a = chain[d];
      a.closeStart += delta;
      a.end += delta;
      if (d < chain.length - 1) for (let k = childIndex[d] + 1; k < a.children.length; k++) shift(a.children[k], delta);
    }
    const top = doc.nodes.indexOf(root);
    for (let k = top + 1; k < doc.nodes.length; k++) shift(doc.nodes[k], delta);
  }
  target.children = frag.children;
  for (const a of chain) a.edits = (a.edits ?? 0) + 1;
  doc.comments = [...before, ...frag.comments, ...after];
  // The errors in the order a whole parse records them: the content's, the target's end tag's own
  // syntax error (recorded before the elements that end tag closes), those elements', then the rest.
  const moved = errors.after.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta }));
  const endTag = moved.length && moved[0].start === target.closeStart && moved[0].code === 'syntax' ? 1 : 0;
  doc.errors = [...errors.before, ...frag.errors.slice(0, frag.closedAt), ...moved.slice(0, endTag), ...frag.errors.slice(frag.closedAt), ...moved.slice(endTag)];
  doc.text = newText;
  return true;
}

/**
 * The old errors recorded before the content [open, close) was parsed, inside it (replaced by the
 * re-parse), and after it, told by their positions. A whole parse records them in that order: those
 * of the content while reading it, and nothing positioned before the content is recorded later (the
 * elements open at that point, the target's ancestors, were all closed by their own end tags, or the
 * target would not have been chosen). Undefined, "parse it whole", when an error straddles a boundary
 * or the order is not that.
 */
function splitErrors(errors: XmlError[], open: number, close: number): { before: XmlError[]; after: XmlError[] } | undefined {
  const before: XmlError[] = [];
  const after: XmlError[] = [];
  let phase = 0;
  for (const e of errors) {
    const p = e.start < open ? 0 : e.start < close ? 1 : 2;
    if (p < phase) return undefined;
    phase = p;
    if (p === 0) {
      if (e.end > open) return undefined;
      before.push(e);
    } else if (p === 1) {
      if (e.end > close) return undefined;
    } else after.push(e);
  }
  return { before, after };
}

/**
 * Whether the element's content (between its tags) holds the whole change: the element was closed by
 * its own end tag (closeStart < end), and its start tag by a '>' (else the text typed where its
 * content seems to start would continue the start tag).
 */
function holds(text: string, el: XmlElement, change: TextChange): boolean {
  return !el.selfClosing && el.closeStart < el.end && el.openEnd <= change.start && change.oldEnd <= el.closeStart && startTagClosed(text, el);
}

/**
 * Whether the start tag [el.start, el.openEnd) certainly ends with the '>' that closes it: its last
 * character is a '>' outside quotes, with no '<' before. Conservative: a quote it cannot pair, or any
 * doubt, gives false (the caller then re-parses more).
 */
function startTagClosed(text: string, el: XmlElement): boolean {
  let quote = 0;
  for (let k = el.nameEnd; k < el.openEnd; k++) {
    const c = text.charCodeAt(k);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === 60) return false; // '<' inside a value: the parser stopped there
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 60) return false;
    else if (c === 62) return k === el.openEnd - 1;
  }
  return false;
}

/**
 * Moves a node and everything under it by `delta`: recursive while the tree is shallow (about twice as
 * fast on a 15 MB binding as a stack of every node, 20 against 45 ms), then, below MAX_RECURSION
 * levels, with a stack (nesting depth cannot overflow the call stack).
 */
function shift(node: XmlNode, delta: number, depth = 0): void {
  if (depth > MAX_RECURSION) return shiftDeep(node, delta);
  moveOwn(node, delta);
  if (node.kind === 'element') {
    const children = node.children;
    for (let i = 0; i < children.length; i++) shift(children[i], delta, depth + 1);
  }
}

/** Levels shift() walks by recursion before it goes on with a stack. */
const MAX_RECURSION = 200;

function shiftDeep(node: XmlNode, delta: number): void {
  const stack: XmlNode[] = [node];
  while (stack.length) {
    const x = stack.pop()!;
    moveOwn(x, delta);
    if (x.kind === 'element') for (const c of x.children) stack.push(c);
  }
}

/** Moves a node's own offsets (its tags, attributes, comment text) by `delta`, not its children's. */
function moveOwn(node: XmlNode, delta: number): void {
  node.start += delta;
  node.end += delta;
  if (node.kind === 'element') {
    node.nameStart += delta;
    node.nameEnd += delta;
    node.openEnd += delta;
    node.closeStart += delta;
    const attrs = node.attrs;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i];
      a.nameStart += delta;
      a.nameEnd += delta;
      a.valueStart += delta;
      a.valueEnd += delta;
    }
  } else if (node.kind === 'comment') {
    node.contentStart += delta;
    node.contentEnd += delta;
  }
}
