// Incremental re-parsing for the editor: after an edit, only the content of the innermost element that
// holds the whole change is parsed again; every node after the change is moved by the change's length.
// On a 15 MB binding file an edit inside one port re-parses that port (a few kilobytes) instead of
// 15 MB (about 250 ms), which is what keeps the language server's re-check of a large file inside its
// budget (bench/lsp.js, BENCHMARKS.md).
//
// Invariants:
// - The result is exactly what parseXml(newText) gives, or nothing: reparseXml declines (returns
//   false, the document untouched) unless the old document had no error and the re-parsed content
//   stands alone with no error (parseFragment's `ok`). Errors are where a local edit can change the
//   tree far away (an unclosed element or comment swallows what follows), so any file with one is
//   parsed whole. test/core/incremental.test.ts compares both ways on thousands of random edits.
// - The document is updated IN PLACE: its tree is reused, so the old version's nodes now describe the
//   new text. The caller must drop every other view of the old version (document.ts marks the old
//   BtsDocument `superseded`). Elements whose content changed keep their identity and get `edits`
//   incremented, so caches keyed by element can tell.

import { parseFragment, XmlDocument, XmlElement, XmlNode } from './parser';

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
  if (!root || doc.errors.length || doc.doctype) return false;
  if (change.start < 0 || change.oldEnd < change.start || change.newEnd < change.start) return false;
  if (newText.length - change.newEnd !== doc.text.length - change.oldEnd) return false;
  // The chain of elements whose content holds the whole change, outermost first.
  const chain: XmlElement[] = [];
  const childIndex: number[] = [];
  let el: XmlElement | undefined = holds(root, change) ? root : undefined;
  while (el) {
    chain.push(el);
    const k = lastStartingAtOrBefore(el.children, change.start);
    const c = k >= 0 ? el.children[k] : undefined;
    if (c && c.kind === 'element' && holds(c, change)) {
      childIndex.push(k);
      el = c;
    } else el = undefined;
  }
  if (!chain.length) return false;
  const target = chain[chain.length - 1];
  const delta = change.newEnd - change.oldEnd;
  const oldClose = target.closeStart;
  const frag = parseFragment(newText, target.openEnd, oldClose + delta, target);
  if (!frag.ok) return false;

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
  doc.text = newText;
  return true;
}

/** Whether the element's content (between its tags) holds the whole change. */
function holds(el: XmlElement, change: TextChange): boolean {
  return !el.selfClosing && el.closeStart < el.end && el.openEnd <= change.start && change.oldEnd <= el.closeStart;
}

/** The index of the last node starting at or before `offset` (nodes are in document order); -1 for none. */
function lastStartingAtOrBefore(nodes: XmlNode[], offset: number): number {
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

/** Moves a node and everything under it by `delta` (iterative: nesting depth cannot overflow the stack). */
function shift(node: XmlNode, delta: number): void {
  const stack: XmlNode[] = [node];
  while (stack.length) {
    const x = stack.pop()!;
    x.start += delta;
    x.end += delta;
    if (x.kind === 'element') {
      x.nameStart += delta;
      x.nameEnd += delta;
      x.openEnd += delta;
      x.closeStart += delta;
      for (const a of x.attrs) {
        a.nameStart += delta;
        a.nameEnd += delta;
        a.valueStart += delta;
        a.valueEnd += delta;
      }
      for (const c of x.children) stack.push(c);
    } else if (x.kind === 'comment') {
      x.contentStart += delta;
      x.contentEnd += delta;
    }
  }
}
