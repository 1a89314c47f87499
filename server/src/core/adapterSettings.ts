// The escaped adapter settings of a binding file, made readable and editable. Each transport keeps its
// settings as escaped XML on one line (`TransportTypeData`, `ReceiveLocationTransportTypeData`), with
// a second level of escaping inside (`AdapterConfig` of FTP, POP3, MSMQ, WSS..., WCF
// `BindingConfiguration`). This module:
// - lists the blocks of a binding (`settingsBlocks`),
// - renders one block decoded and indented, both levels expanded (`renderSettings`), with a map from
//   file offsets to the view's (so findings inside the block can be shown in the view),
// - encodes an edited view back into the block's text, escaped the way BizTalk writes it
//   (`encodeSettings`), and computes the smallest edit of the file (`settingsEdit`): a view saved
//   without a change changes nothing, and the rest of the file is never touched.
// Pure: no file system, no LSP; offsets are UTF-16 units of the decoded file text. Nothing recurses on
// input depth (explicit stacks).

import type { BtsDocument } from './document';
import type { OffsetRange } from './text';
import type { Transport } from './readers/binding';
import { EmbeddedXml, parseEmbedded } from './xml/dom';
import { parseXml, XmlDocument, XmlElement, XmlNode } from './xml/parser';

/** Settings whose text is itself escaped XML (a second level): shown expanded, escaped again on save. */
const NESTED = new Set(['adapterconfig', 'bindingconfiguration']);

/** A transport's escaped settings in a binding file. */
export interface SettingsBlock {
  /** Stable within the file: `SendPort[Name=X]/PrimaryTransport`, `ReceiveLocation[Name=Y]` (`#2` on a repeat). */
  id: string;
  /** For people: `send port "X" (primary transport)`. */
  label: string;
  adapter?: string;
  transport: Transport;
  /** The `TransportTypeData` or `ReceiveLocationTransportTypeData` element. */
  element: XmlElement;
  /** The raw (escaped) content between its tags, in file offsets. */
  contentRange: OffsetRange;
}

/** Blocks per parsed document (a document is never changed once read; a new version is a new document). */
const blocksOf = new WeakMap<BtsDocument, SettingsBlock[]>();

/** Every transport of a binding whose settings hold escaped XML, in document order. */
export function settingsBlocks(doc: BtsDocument): SettingsBlock[] {
  let blocks = blocksOf.get(doc);
  if (!blocks) blocksOf.set(doc, (blocks = findBlocks(doc)));
  return blocks;
}

function findBlocks(doc: BtsDocument): SettingsBlock[] {
  const b = doc.binding;
  if (!b || !doc.xml) return [];
  const out: SettingsBlock[] = [];
  const seen = new Map<string, number>();
  const add = (t: Transport | undefined, id: string, label: string) => {
    const el = t?.dataElement;
    if (!t || !el || el.selfClosing || !holdsMarkup(doc.text, el)) return;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    out.push({
      id: n > 1 ? `${id}#${n}` : id,
      label,
      adapter: t.adapter?.value,
      transport: t,
      element: el,
      contentRange: { start: el.openEnd, end: el.closeStart },
    });
  };
  for (const sp of b.sendPorts) {
    add(sp.primary, `SendPort[Name=${sp.name}]/PrimaryTransport`, `send port "${sp.name}" (primary transport)`);
    add(sp.secondary, `SendPort[Name=${sp.name}]/SecondaryTransport`, `send port "${sp.name}" (secondary transport)`);
  }
  for (const rl of b.receiveLocations) add(rl.transport, `ReceivePort[Name=${rl.receivePort}]/ReceiveLocation[Name=${rl.name}]`, `receive location "${rl.name}"`);
  return out.sort((x, y) => x.contentRange.start - y.contentRange.start);
}

/** The block whose raw content holds `offset` (its tags included). */
export function settingsBlockAt(doc: BtsDocument, offset: number): SettingsBlock | undefined {
  const blocks = settingsBlocks(doc);
  // In document order: the last block starting at or before the offset.
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].element.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const s = blocks[lo];
  return s && offset >= s.element.start && offset <= s.element.end ? s : undefined;
}

function holdsMarkup(text: string, el: XmlElement): boolean {
  for (const c of el.children) {
    if (c.kind === 'cdata' && text.slice(c.start, c.end).includes('<')) return true;
    if (c.kind === 'text') {
      const i = text.indexOf('&lt;', c.start);
      if (i >= 0 && i < c.end) return true;
    }
  }
  return false;
}

/** One run of the view copied from a parsed level: `len` units from `src` of that level. */
interface Segment {
  view: number;
  src: number;
  len: number;
  toOuter: (o: number) => number;
}

export interface SettingsView {
  /** The settings decoded and indented (two spaces, `\n` line breaks), both levels expanded. */
  text: string;
  /**
   * Problems of the escaped settings as they stand (the view is then the decoded text as it is, not
   * indented, and cannot be saved back: fix the file first).
   */
  problems: string[];
  /** Where a file offset inside the block stands in the view (undefined outside what the view shows). */
  fromFile(offset: number): number | undefined;
  /** A file range as a view range, when it lies in the block. */
  mapRange(range: OffsetRange): OffsetRange | undefined;
}

/** Renders a block of `doc` (from settingsBlocks) decoded and indented. */
export function renderSettings(doc: BtsDocument, block: SettingsBlock): SettingsView {
  const level1 = parseEmbedded(doc.xml!, block.element);
  const segs: Segment[] = [];
  let text = '';
  const problems: string[] = [];
  if (!level1) return view('', segs, problems);
  const levels: EmbeddedXml[] = [level1];
  for (const e of level1.doc.errors) problems.push(e.message);
  // The nested documents, parsed once, to know whether any is broken before pretty-printing.
  const nested = new Map<XmlElement, EmbeddedXml>();
  if (!problems.length) {
    for (const el of elements(level1.doc)) {
      if (!NESTED.has(el.name.toLowerCase()) || hasElementChild(el)) continue;
      const inner = parseEmbedded(level1.doc, el, level1.toOuter);
      if (!inner) continue;
      for (const e of inner.doc.errors) problems.push(`${el.name}: ${e.message}`);
      nested.set(el, inner);
      levels.push(inner);
    }
  }
  if (problems.length) {
    // As it stands: the decoded text, one piece.
    segs.push({ view: 0, src: 0, len: level1.doc.text.length, toOuter: level1.toOuter });
    return view(level1.doc.text, segs, problems);
  }
  const copy = (lvl: EmbeddedXml, start: number, end: number) => {
    if (end <= start) return;
    segs.push({ view: text.length, src: start, len: end - start, toOuter: lvl.toOuter });
    text += lvl.doc.text.slice(start, end);
  };
  // Explicit stack of work items: a node to print at a depth, or an end tag to close.
  type Work = { node: XmlNode; lvl: EmbeddedXml; depth: number } | { close: XmlElement; lvl: EmbeddedXml; depth: number };
  const stack: Work[] = [];
  const pushNodes = (nodes: XmlNode[], lvl: EmbeddedXml, depth: number) => {
    for (let k = nodes.length - 1; k >= 0; k--) {
      const n = nodes[k];
      if (n.kind === 'text' || n.kind === 'cdata') continue; // only between top-level nodes or whitespace: see below
      stack.push({ node: n, lvl, depth });
    }
  };
  pushNodes(level1.doc.nodes, level1, 0);
  while (stack.length) {
    const w = stack.pop()!;
    const pad = '  '.repeat(w.depth);
    if ('close' in w) {
      text += pad;
      copy(w.lvl, w.close.closeStart, w.close.end);
      text += '\n';
      continue;
    }
    const n = w.node;
    text += pad;
    if (n.kind !== 'element') {
      copy(w.lvl, n.start, n.end);
      text += '\n';
      continue;
    }
    if (n.selfClosing) {
      copy(w.lvl, n.start, n.end);
      text += '\n';
      continue;
    }
    copy(w.lvl, n.start, n.openEnd);
    const inner = nested.get(n);
    if (inner) {
      text += '\n';
      stack.push({ close: n, lvl: w.lvl, depth: w.depth });
      pushNodes(inner.doc.nodes, inner, w.depth + 1);
    } else if (isElementOnly(w.lvl.doc, n)) {
      text += '\n';
      stack.push({ close: n, lvl: w.lvl, depth: w.depth });
      pushNodes(n.children, w.lvl, w.depth + 1);
    } else {
      copy(w.lvl, n.openEnd, n.closeStart);
      copy(w.lvl, n.closeStart, n.end);
      text += '\n';
    }
  }
  return view(text, segs, problems);
}

function view(text: string, segs: Segment[], problems: string[]): SettingsView {
  // File offsets of each segment's start: the view is in document order, so they never decrease.
  const starts = segs.map((s) => s.toOuter(s.src));
  const fromFile = (f: number): number | undefined => {
    let lo = 0;
    let hi = segs.length - 1;
    if (hi < 0 || f < starts[0]) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= f) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    // The last unit of the segment whose file offset is at or before f (toOuter never decreases).
    let a = 0;
    let b = s.len;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (s.toOuter(s.src + mid) <= f) a = mid;
      else b = mid - 1;
    }
    return s.view + a;
  };
  return {
    text,
    problems,
    fromFile,
    mapRange(r) {
      const start = fromFile(r.start);
      const end = fromFile(r.end);
      if (start === undefined || end === undefined) return undefined;
      return { start, end: Math.max(start, end) };
    },
  };
}

/** The elements of a parsed document, in document order, without recursion. */
function elements(doc: XmlDocument): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlNode[] = doc.root ? [doc.root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind !== 'element') continue;
    out.push(n);
    for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]);
  }
  return out;
}

function hasElementChild(el: XmlElement): boolean {
  return el.children.some((c) => c.kind === 'element');
}

/** Content of elements, comments or PIs with nothing but whitespace between them (and at least one of them). */
function isElementOnly(doc: XmlDocument, el: XmlElement): boolean {
  let any = false;
  for (const c of el.children) {
    if (c.kind === 'cdata') return false;
    if (c.kind === 'text') {
      if (doc.text.slice(c.start, c.end).trim() !== '') return false;
    } else any = true;
  }
  return any;
}

/**
 * The escaped text of a block for an edited view: indentation dropped, the content of `AdapterConfig`
 * and `BindingConfiguration` escaped once more when it holds markup, then the whole escaped for the
 * binding file (`&` `<` `>`, as BizTalk writes it). `problems` when the view is not well formed (nothing
 * to write then).
 */
export function encodeSettings(viewText: string): { text: string } | { problems: string[] } {
  const doc = parseXml(viewText);
  if (doc.errors.length) return { problems: doc.errors.map((e) => e.message) };
  const t = doc.text;
  // Output parts: nested content is collected into its own buffer, escaped when closed.
  const buffers: string[] = [''];
  type Work = { node: XmlNode } | { close: XmlElement; nested: boolean };
  const stack: Work[] = [];
  const pushChildren = (nodes: XmlNode[], keepText: boolean) => {
    for (let k = nodes.length - 1; k >= 0; k--) {
      const n = nodes[k];
      if ((n.kind === 'text' || n.kind === 'cdata') && !keepText) continue;
      stack.push({ node: n });
    }
  };
  pushChildren(doc.nodes, false);
  while (stack.length) {
    const w = stack.pop()!;
    if ('close' in w) {
      if (w.nested) {
        const inner = buffers.pop()!;
        buffers[buffers.length - 1] += escapeText(inner);
      }
      buffers[buffers.length - 1] += t.slice(w.close.closeStart, w.close.end);
      continue;
    }
    const n = w.node;
    if (n.kind !== 'element') {
      buffers[buffers.length - 1] += t.slice(n.start, n.end);
      continue;
    }
    if (n.selfClosing) {
      buffers[buffers.length - 1] += t.slice(n.start, n.end);
      continue;
    }
    buffers[buffers.length - 1] += t.slice(n.start, n.openEnd);
    const elementOnly = isElementOnly(doc, n);
    const nested = NESTED.has(n.name.toLowerCase()) && hasElementChild(n);
    if (!elementOnly) {
      if (nested) return { problems: [`${n.name}: text beside the nested settings`] };
      buffers[buffers.length - 1] += t.slice(n.openEnd, n.closeStart);
      buffers[buffers.length - 1] += t.slice(n.closeStart, n.end);
      continue;
    }
    if (nested) buffers.push('');
    stack.push({ close: n, nested });
    pushChildren(n.children, false);
  }
  return { text: escapeText(buffers[0]) };
}

/** Escapes text content as .NET's XmlWriter does (and BizTalk with it): `&`, `<`, `>`. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** A change to the file: replace [start, end) with `newText`. */
export interface SettingsEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * The edit that writes an edited view back into the block: none when the view is the one rendered
 * from the file (line breaks aside: an editor may change them), else the smallest replacement of the
 * block's raw text (the common start and end of the old and new escaped text are left alone), so the
 * rest of the file stays byte for byte as it was.
 */
export function settingsEdit(doc: BtsDocument, block: SettingsBlock, viewText: string): { edit: SettingsEdit | null } | { problems: string[] } {
  const current = renderSettings(doc, block);
  const norm = (s: string) => s.replace(/\r\n?/g, '\n');
  if (norm(current.text) === norm(viewText)) return { edit: null };
  if (current.problems.length) return { problems: current.problems.map((p) => `The settings in the file are not well formed (${p}); fix them in the file first.`) };
  const encoded = encodeSettings(viewText);
  if ('problems' in encoded) return encoded;
  const { start, end } = block.contentRange;
  const old = doc.text.slice(start, end);
  // The whitespace around the escaped text (an indented binding file) stays as it was.
  const lead = /^\s*/.exec(old)![0];
  const trail = old.length > lead.length ? /\s*$/.exec(old)![0] : '';
  const neu = lead + encoded.text + trail;
  if (old === neu) return { edit: null };
  let p = 0;
  const max = Math.min(old.length, neu.length);
  while (p < max && old.charCodeAt(p) === neu.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === neu.charCodeAt(neu.length - 1 - s)) s++;
  return { edit: { start: start + p, end: end - s, newText: neu.slice(p, neu.length - s) } };
}

