// A small, error-tolerant XML parser that keeps exact source offsets for every element, attribute,
// text run and comment. Why not xml2js or saxes: xml2js keeps no positions; saxes stops being useful
// after the first well-formedness error and reports line/column, not offsets into the decoded text.
// Diagnostics, quick-fixes and suppressions all need offsets, and malformed files must still yield
// what could be read. See ARCHITECTURE.md ("The XML reader").
//
// Invariants:
// - parseXml never throws; every problem becomes an XmlError with an offset range.
// - It is iterative (an explicit stack), so 200,000 levels of nesting cannot overflow the JS stack.
// - Entities are never expanded beyond the five predefined ones and character references; a DOCTYPE is
//   skipped and reported, so external entities are never resolved and entity bombs cannot expand.

export interface XmlAttr {
  name: string;
  /** The value with entities decoded. */
  value: string;
  nameStart: number;
  nameEnd: number;
  /** The raw value's range, inside the quotes. */
  valueStart: number;
  valueEnd: number;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  /** Offset of '<'. */
  start: number;
  /** Offset just after the element's last '>' (the end tag's, or the start tag's when self-closing). */
  end: number;
  nameStart: number;
  nameEnd: number;
  /** Offset just after the start tag's '>'. */
  openEnd: number;
  /** Offset of the end tag's '<', or `end` when self-closing or unclosed. */
  closeStart: number;
  selfClosing: boolean;
  attrs: XmlAttr[];
  /**
   * Child nodes in document order. Whitespace-only text is not a node: between two children (and
   * between the start tag and the first, the last and the end tag) the text is either nothing, or
   * whitespace that was text (no node), or markup the parser skipped (a stray end tag, an unknown
   * declaration; any whitespace beside such markup stays a text node). `withSpace` in dom.ts gives the
   * content's text with those whitespace runs.
   */
  children: XmlNode[];
  parent: XmlElement | null;
  /**
   * How many incremental re-parses (xml/incremental.ts) changed this element's content in place;
   * absent for none. A cache keyed by an element compares it, since such an element keeps its identity.
   */
  edits?: number;
}

export interface XmlText {
  kind: 'text' | 'cdata';
  /** Range of the raw content (for CDATA: inside `<![CDATA[` and `]]>`). */
  start: number;
  end: number;
}

export interface XmlComment {
  kind: 'comment';
  /** Offset of '<!--'. */
  start: number;
  /** Offset after '-->'. */
  end: number;
  /** Range of the content between '<!--' and '-->'. */
  contentStart: number;
  contentEnd: number;
  parent: XmlElement | null;
}

export interface XmlPI {
  kind: 'pi';
  target: string;
  start: number;
  end: number;
}

export type XmlNode = XmlElement | XmlText | XmlComment | XmlPI;

export type XmlErrorCode =
  | 'syntax'
  | 'unclosed-element'
  | 'mismatched-tag'
  | 'unknown-entity'
  | 'doctype'
  | 'multiple-roots'
  | 'text-outside-root'
  | 'no-root'
  | 'duplicate-attribute';

export interface XmlError {
  code: XmlErrorCode;
  message: string;
  start: number;
  end: number;
}

export interface XmlDocument {
  text: string;
  root: XmlElement | null;
  /** Top-level nodes (comments, PIs, the root). */
  nodes: XmlNode[];
  /** Every comment in document order, wherever it stands. */
  comments: XmlComment[];
  errors: XmlError[];
  /** The range of a DOCTYPE declaration, when there is one (never processed). */
  doctype?: { start: number; end: number };
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const EQ = 61;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QM = 63;

/**
 * A string of its own. V8 keeps a slice of 13 or more units as a view into the whole text, so one name
 * kept from an old version would keep that version's whole text alive: an incremental re-parse
 * (incremental.ts) keeps the untouched elements, and with them, every text they were sliced from.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Element and attribute names: few and repeated, so one string each, of its own (see `own`). */
const NAMES = new Map<string, string>();
/**
 * The last name seen per hash of (length, first and last unit): a repeated name is matched in place,
 * without slicing a new string for the lookup.
 */
const RECENT: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);
function nameOf(text: string, start: number, end: number): string {
  const len = end - start;
  const h = (len * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & 1023;
  const recent = RECENT[h];
  if (recent !== undefined && recent.length === len && text.startsWith(recent, start)) return recent;
  const n = internedName(text, start, end);
  RECENT[h] = n;
  return n;
}

function internedName(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  let n = NAMES.get(s);
  if (n === undefined) {
    if (NAMES.size >= 4096) NAMES.clear();
    n = own(s);
    NAMES.set(n, n);
  }
  return n;
}

/**
 * Gives a closed element's child list its exact size. An array grown by push keeps room for about 17
 * entries, and most elements have one to three children: the spare room was a third of a parsed
 * binding's heap, copied by every garbage collection that moved the tree (a 15 MB binding: 25 MB of
 * child lists before, 7 MB after). The copy is made once, when the element closes; the grown array
 * dies young.
 */
function fit(el: XmlElement): void {
  const c = el.children;
  if (c.length > 1 && c !== NO_CHILDREN) el.children = c.slice();
}

/**
 * Adds a child node. An element's child list is made on its first child (most elements of a binding
 * hold one text node or nothing once whitespace is not a node), with exactly one entry's room.
 */
function addChild(el: XmlElement, node: XmlNode): void {
  if (el.children === NO_CHILDREN) el.children = [node];
  else el.children.push(node);
}

/**
 * From this many attributes on one tag, the duplicate-attribute check keeps their names in a Set (a
 * scan of the earlier names per attribute is quadratic on a hostile tag); xml/wellFormed.ts too.
 */
export const MANY_ATTRIBUTES = 16;

/** Whether text[start, end) is all XML whitespace. */
function allSpace(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * The attribute list of every element without attributes, and the child list of every self-closing
 * element: one shared, frozen empty array instead of one each (a 15 MB binding has about 150,000
 * elements, most without attributes), which the garbage collector would otherwise copy and mark.
 */
const NO_ATTRS: XmlAttr[] = Object.freeze([]) as unknown as XmlAttr[];
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

/** ASCII name characters: 1 may start a name, 2 may only continue one. Above 127 every unit may do both. */
const NAME_CLASS = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58) t[c] = 1;
    else if ((c >= 48 && c <= 57) || c === 45 || c === 46) t[c] = 2;
  }
  return t;
})();

export function isNameStart(c: number): boolean {
  return c > 127 || (c >= 0 && NAME_CLASS[c] === 1);
}

export function isNameChar(c: number): boolean {
  return c > 127 || (c >= 0 && NAME_CLASS[c] !== 0);
}

/** What isNameChar accepts, as a sticky pattern: a name's rest matched natively, not a call per unit. */
const NAME_REST = /[A-Za-z0-9_:.\u0080-\uffff-]*/y;

/** The end of the name whose first unit is at `start` (the units from `start + 1` that isNameChar accepts). */
export function nameRestEnd(text: string, start: number): number {
  NAME_REST.lastIndex = start + 1;
  NAME_REST.test(text);
  return NAME_REST.lastIndex;
}

export interface ParseOptions {
  /** Stop recording errors after this many (the parse itself goes on). */
  maxErrors?: number;
  /**
   * The tree will not outlive the text (a command-line run keeps both to its end, and never parses a
   * next version): attribute values of 13 or more units are then views into the text, as V8 slices
   * them, not copies of their own (`own`). Default false: an editor's tree is updated in place across
   * versions (incremental.ts), and a view would keep each old text alive.
   */
  shortLived?: boolean;
  /**
   * Which elements are made nodes (all when absent), for a reader that reads a few elements of a large
   * file and then lets the tree go (readers/binding.ts BINDING_READS): asked for each element whose
   * parent was kept (`parent` null for the root). Every element is still read, and every problem
   * reported, as without it; an element not kept is not in its parent's children, nor anything in it.
   */
  keep?: KeepElement;
}

/** 0: the element is not made a node (nor anything in it); 1: it is, and each child is asked about; 2: it is, and everything in it. */
export type KeepElement = (parent: string | null, name: string) => 0 | 1 | 2;

export function parseXml(text: string, options: ParseOptions = {}): XmlDocument {
  return parse(text, options.maxErrors ?? DEFAULT_MAX_ERRORS, undefined, options.shortLived === true, options.keep).doc;
}

/** How many errors parseXml records by default (the parse itself goes on). */
export const DEFAULT_MAX_ERRORS = 200;

/** What parseFragment read: the new children of the parent, and the comments and errors among them. */
export interface Fragment {
  /** True when the range parsed on its own exactly as it does inside the whole document. */
  ok: boolean;
  children: XmlNode[];
  comments: XmlComment[];
  /** In the order a whole parse records them, at most DEFAULT_MAX_ERRORS. */
  errors: XmlError[];
  /**
   * Where, in `errors`, those of the elements the parent's end tag closes begin (a whole parse records
   * the end tag's own syntax error, if any, before them).
   */
  closedAt: number;
}

/**
 * Parses text[from, to) as the content of `parent` (whose start tag ends at `from` and whose end tag,
 * closing it, starts at `to`), for an incremental re-parse. Errors are allowed where they stay inside
 * the range: elements left open there are closed by the parent's end tag, with the errors a whole parse
 * gives. `ok` is false, and the result must not be used, when the range does not stand alone: a
 * construct that runs past `to` (an unclosed comment, CDATA section or declaration), an end tag that
 * closes `parent`, or an element left open with the parent's name (the parent's end tag would close
 * that one instead). `parent` itself is left untouched.
 */
export function parseFragment(text: string, from: number, to: number, parent: XmlElement): Fragment {
  // The parse may close `parent` (an end tag with its name, which makes the result not ok): what it
  // changes of the parent is put back.
  const { children, end, closeStart } = parent;
  parent.children = [];
  try {
    const r = parse(text, DEFAULT_MAX_ERRORS, { from, to, parent });
    return { ok: r.ok, children: parent.children, comments: r.doc.comments, errors: r.doc.errors, closedAt: r.closedAt ?? r.doc.errors.length };
  } finally {
    parent.children = children;
    parent.end = end;
    parent.closeStart = closeStart;
  }
}

/**
 * The element written at text[start, end), parsed on its own with the file's offsets (its parent is
 * null): for a reader that kept where an element is and let the tree go (readers/binding.ts
 * withoutTree). Undefined when the range does not hold exactly one element closed by its own end tag
 * (or self-closing): such an element parses alone as it did in the whole document, since nothing
 * outside it took part in its parse.
 */
export function parseElementAt(text: string, start: number, end: number): XmlElement | undefined {
  // The range is parsed as the content of a stand-in parent that no end tag can close.
  const holder: XmlElement = { kind: 'element', name: '', start, end, nameStart: start, nameEnd: start, openEnd: start, closeStart: end, selfClosing: false, attrs: NO_ATTRS, children: NO_CHILDREN, parent: null };
  const f = parseFragment(text, start, end, holder);
  const el = f.children.length === 1 ? f.children[0] : undefined;
  if (!f.ok || !el || el.kind !== 'element' || el.start !== start || el.end !== end) return undefined;
  // Closed by its own end tag (or self-closing): an element the document left open was closed by
  // something outside it, which a parse of its range alone does not see.
  if (!el.selfClosing && el.closeStart >= el.end) return undefined;
  el.parent = null;
  return el;
}

function parse(
  text: string,
  maxErrors: number,
  fragment: { from: number; to: number; parent: XmlElement } | undefined,
  shortLived = false,
  keep?: KeepElement,
): { doc: XmlDocument; ok: boolean; closedAt?: number } {
  const doc: XmlDocument = { text, root: null, nodes: [], comments: [], errors: [] };
  const n = fragment ? fragment.to : text.length;
  const stack: XmlElement[] = fragment ? [fragment.parent] : [];
  // How many elements of each name are open: an end tag that matches none is known at once, without
  // scanning the stack (which would be quadratic on a long run of stray end tags in a deep document).
  // Kept only from the first end tag that does not close the innermost element on: until then (in
  // every well-formed file) an end tag is matched against the top of the stack alone.
  let openByName: Map<string, number> | undefined;
  const push = (el: XmlElement) => {
    stack.push(el);
    if (openByName) openByName.set(el.name, (openByName.get(el.name) ?? 0) + 1);
  };
  // With `keep`: the stack index of the outermost open element not kept (everything in it is not
  // either), and of the outermost one kept with everything in it; -1 for none.
  let prunedFrom = -1;
  let allFrom = -1;
  const pop = (): XmlElement => {
    const el = stack.pop()!;
    if (openByName) openByName.set(el.name, openByName.get(el.name)! - 1);
    if (stack.length === prunedFrom) prunedFrom = -1;
    if (stack.length === allFrom) allFrom = -1;
    fit(el);
    return el;
  };
  /** Whether nodes go into the innermost open element (false inside an element not kept). */
  const kept = () => prunedFrom < 0;
  const pool: XmlElement[] = [];
  const reusedElement = (depth: number, name: string, start: number, nameStart: number, nameEnd: number, end: number): XmlElement => {
    let el = pool[depth];
    if (!el) pool[depth] = el = { kind: 'element', name, start, end, nameStart, nameEnd, openEnd: end, closeStart: end, selfClosing: false, attrs: NO_ATTRS, children: NO_CHILDREN, parent: null };
    else {
      el.name = name;
      el.start = start;
      el.end = end;
      el.nameStart = nameStart;
      el.nameEnd = nameEnd;
      el.openEnd = end;
      el.closeStart = end;
      el.selfClosing = false;
    }
    return el;
  };
  // The attribute names of a start tag not kept (no attribute node is made), for the duplicate check.
  const prunedNames: string[] = [];
  const countOpen = (): Map<string, number> => {
    const m = new Map<string, number>();
    for (const el of stack) m.set(el.name, (m.get(el.name) ?? 0) + 1);
    return m;
  };
  // The next '<', '&' and quote of each kind at or after a position, found with indexOf and remembered
  // while positions move forward past them (they only move forward): the text between them is skipped
  // natively and no search is repeated, so many attributes or references in a row stay linear even on
  // hostile input.
  const nextLtFrom = nextOf(text, '<');
  const nextAmp = nextOf(text, '&');
  const nextDoubleQuote = nextOf(text, '"');
  const nextSingleQuote = nextOf(text, "'");
  const nextQuote = (q: number, pos: number): number => (q === QUOT ? nextDoubleQuote(pos) : nextSingleQuote(pos));
  let i = fragment ? fragment.from : 0;
  // Set when a construct is not closed before the end of the text, or is a DOCTYPE, or (in a fragment)
  // an end tag names an element the fragment's parent is inside: in the whole document it would run
  // past the fragment's end, or close that element and the parent with it.
  let runsPast = false;
  let ancestorNames: Set<string> | undefined;
  const closesAncestor = (name: string): boolean => {
    if (!ancestorNames) {
      ancestorNames = new Set();
      for (let a = fragment?.parent.parent ?? null; a; a = a.parent) ancestorNames.add(a.name);
    }
    return ancestorNames.has(name);
  };

  const error = (code: XmlErrorCode, message: string, start: number, end: number) => {
    if (doc.errors.length < maxErrors) doc.errors.push({ code, message, start, end: Math.max(start, end) });
  };
  const append = (node: XmlNode) => {
    const top = stack.length ? stack[stack.length - 1] : null;
    if (!top) doc.nodes.push(node);
    else if (kept()) addChild(top, node);
  };
  // Whitespace-only text inside an element is not a node (a third of a binding's nodes), except right
  // before and after markup the parser skips without a node (a stray end tag, an unknown declaration,
  // a DOCTYPE), so that every stretch of content no node covers is either all whitespace text or all
  // skipped markup (see XmlElement.children). `spaceStart`/`spaceEnd`: the last whitespace run not
  // made a node; `keepSpace`: the text run that follows skipped markup is kept whatever it holds.
  let spaceStart = -1;
  let spaceEnd = -1;
  let keepSpace = false;
  /** Called where skipped markup starts at `at`, inside an element. */
  const skipped = (at: number) => {
    if (!stack.length) return;
    if (spaceEnd === at && kept()) addChild(stack[stack.length - 1], { kind: 'text', start: spaceStart, end: spaceEnd });
    keepSpace = true;
  };

  while (i < n) {
    let lt = text.indexOf('<', i);
    if (lt >= n) lt = -1; // a fragment ends where its parent's end tag starts
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (stack.length) {
        const amp = nextAmp(i);
        const refs = amp >= 0 && amp < textEnd;
        if (!kept()) {
          // inside an element not kept: no node, the references still checked
        } else if (refs || keepSpace || !allSpace(text, i, textEnd)) addChild(stack[stack.length - 1], { kind: 'text', start: i, end: textEnd });
        else {
          spaceStart = i;
          spaceEnd = textEnd;
        }
        if (refs) checkEntities(text, amp, textEnd, error);
      } else {
        let j = i;
        // A U+FEFF left at the very start (text that kept its byte order mark) is not content.
        if (j === 0 && text.charCodeAt(0) === 0xfeff) j++;
        while (j < textEnd && isSpace(text.charCodeAt(j))) j++;
        if (j < textEnd) {
          let k = textEnd;
          while (k > j && isSpace(text.charCodeAt(k - 1))) k--;
          error('text-outside-root', 'Text outside the root element.', j, k);
        }
      }
    }
    if (lt < 0) {
      i = n;
      break;
    }
    i = lt;
    keepSpace = false;
    const c1 = text.charCodeAt(i + 1);
    if (c1 === BANG) {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        const end = close < 0 ? n : close + 3;
        if (close < 0) {
          error('syntax', 'Comment is not closed with "-->".', i, Math.min(n, i + 4));
          runsPast = true;
        }
        const comment: XmlComment = {
          kind: 'comment',
          start: i,
          end,
          contentStart: i + 4,
          contentEnd: close < 0 ? n : close,
          parent: stack.length && kept() ? stack[stack.length - 1] : null,
        };
        append(comment);
        doc.comments.push(comment);
        i = end;
        continue;
      }
      if (text.startsWith('<![CDATA[', i)) {
        const close = text.indexOf(']]>', i + 9);
        if (close < 0) {
          error('syntax', 'CDATA section is not closed with "]]>".', i, i + 9);
          runsPast = true;
        }
        if (stack.length) {
          if (kept()) addChild(stack[stack.length - 1], { kind: 'cdata', start: i + 9, end: close < 0 ? n : close });
        } else {
          error('text-outside-root', 'CDATA outside the root element.', i, close < 0 ? n : close + 3);
        }
        i = close < 0 ? n : close + 3;
        continue;
      }
      if (text.startsWith('<!DOCTYPE', i)) {
        const end = skipDoctype(text, i);
        skipped(i);
        runsPast = true; // a fragment cannot record a DOCTYPE for the whole document
        doc.doctype = { start: i, end };
        error(
          'doctype',
          'DOCTYPE declaration: btslint never processes DTDs or entity declarations (BizTalk files do not use them); entities it declares are left unexpanded.',
          i,
          end,
        );
        i = end;
        continue;
      }
      const end = text.indexOf('>', i);
      skipped(i);
      error('syntax', 'Unknown markup declaration.', i, end < 0 ? n : end + 1);
      if (end < 0) runsPast = true;
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c1 === QM) {
      const close = text.indexOf('?>', i + 2);
      const end = close < 0 ? n : close + 2;
      if (close < 0) {
        error('syntax', 'Processing instruction is not closed with "?>".', i, Math.min(n, i + 2));
        runsPast = true;
      }
      let t = i + 2;
      while (t < n && isNameChar(text.charCodeAt(t))) t++;
      append({ kind: 'pi', target: nameOf(text, i + 2, t), start: i, end });
      i = end;
      continue;
    }
    if (c1 === SLASH) {
      // End tag.
      let j = i + 2;
      const nameStart = j;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const nameEnd = j;
      // The innermost open element's name, when the end tag spells it (every end tag of a well-formed
      // file): compared in place, without slicing a string per end tag.
      const top = stack.length ? stack[stack.length - 1].name : undefined;
      const name = top !== undefined && top.length === nameEnd - nameStart && text.startsWith(top, nameStart) ? top : text.slice(nameStart, nameEnd);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      let end: number;
      if (j < n && text.charCodeAt(j) === GT) end = j + 1;
      else {
        error('syntax', `End tag "</${name}" is not closed with ">".`, i, j);
        end = j;
      }
      let depth = -1;
      if (stack.length && stack[stack.length - 1].name === name) depth = stack.length - 1;
      else {
        openByName ??= countOpen();
        for (let s = (openByName.get(name) ?? 0) > 0 ? stack.length - 1 : -1; s >= 0; s--) {
          if (stack[s].name === name) {
            depth = s;
            break;
          }
        }
      }
      if (depth < 0 && fragment && closesAncestor(name)) runsPast = true;
      if (depth < 0) {
        skipped(i);
        error('mismatched-tag', name ? `End tag </${name}> has no matching start tag.` : 'Empty end tag.', i, end);
      } else {
        while (stack.length - 1 > depth) {
          const open = pop();
          open.end = i;
          open.closeStart = i;
          error('unclosed-element', `<${open.name}> is not closed before </${name}>.`, open.start, open.nameEnd);
        }
        const el = pop();
        el.closeStart = i;
        el.end = end;
      }
      i = end;
      continue;
    }
    if (!isNameStart(c1)) {
      error('syntax', 'A "<" that does not start a tag: write it as "&lt;".', i, i + 1);
      if (stack.length && kept()) addChild(stack[stack.length - 1], { kind: 'text', start: i, end: i + 1 });
      i++;
      continue;
    }
    // Start tag.
    let j = i + 1;
    const nameStart = j;
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    const tagName = nameOf(text, nameStart, j);
    const parent = stack.length ? stack[stack.length - 1] : null;
    // Whether this element is made a node (ParseOptions.keep); the root always is.
    let mode: 0 | 1 | 2 = 2;
    if (prunedFrom >= 0) mode = 0;
    else if (keep && allFrom < 0) mode = parent ? keep(parent.name, tagName) : keep(null, tagName) || 1;
    const pruned = mode === 0;
    // An element not kept is on the stack only while open, and nothing refers to it after (no node,
    // and a comment inside it has no parent): one object per depth serves them all.
    const el: XmlElement = pruned
      ? reusedElement(stack.length, tagName, i, nameStart, j, n)
      : { kind: 'element', name: tagName, start: i, end: n, nameStart, nameEnd: j, openEnd: n, closeStart: n, selfClosing: false, attrs: NO_ATTRS, children: NO_CHILDREN, parent };
    if (pruned && prunedNames.length) prunedNames.length = 0;
    let closed = false;
    let attrNames: Set<string> | undefined;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isSpace(c)) {
        j++;
        continue;
      }
      if (c === GT) {
        j++;
        closed = true;
        break;
      }
      if (c === SLASH && text.charCodeAt(j + 1) === GT) {
        j += 2;
        el.selfClosing = true;
        closed = true;
        break;
      }
      if (c === LT) break; // a new tag starts: this one was never closed
      if (!isNameStart(c)) {
        error('syntax', `Unexpected character "${text[j]}" in <${el.name}>.`, j, j + 1);
        j++;
        continue;
      }
      const an = j;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const attrName = nameOf(text, an, j);
      const anEnd = j;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQ) {
        error('syntax', `Attribute "${attrName}" has no value.`, an, anEnd);
        if (pruned) {
          prunedNames.push(attrName);
          continue;
        }
        const a: XmlAttr = { name: attrName, value: '', nameStart: an, nameEnd: anEnd, valueStart: anEnd, valueEnd: anEnd };
        if (el.attrs === NO_ATTRS) el.attrs = [a];
        else el.attrs.push(a);
        continue;
      }
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      let vs: number;
      let ve: number;
      if (q === QUOT || q === APOS) {
        vs = j + 1;
        // The closing quote is only looked for up to the next '<' (which a value cannot hold): an
        // unbounded search per attribute is quadratic on a file full of unclosed quotes.
        const nextLt = nextLtFrom(vs);
        let close = nextQuote(q, vs);
        if (nextLt >= 0 && close > nextLt) close = -1;
        if (close < 0) {
          const stop = nextLt >= 0 ? nextLt : n;
          error('syntax', `The value of attribute "${attrName}" is not closed with a quote.`, an, stop);
          ve = stop;
          j = stop;
        } else {
          ve = close;
          j = close + 1;
        }
      } else {
        vs = j;
        // Stops before "/>" too, so `<a x=1/>` stays self-closing.
        while (
          j < n &&
          !isSpace(text.charCodeAt(j)) &&
          text.charCodeAt(j) !== GT &&
          text.charCodeAt(j) !== LT &&
          !(text.charCodeAt(j) === SLASH && text.charCodeAt(j + 1) === GT)
        )
          j++;
        ve = j;
        error('syntax', `The value of attribute "${attrName}" must be quoted.`, an, ve);
      }
      const amp = nextAmp(vs);
      const refs = amp >= 0 && amp < ve;
      if (refs) checkEntities(text, amp, ve, error);
      // A Set once the tag has many attributes: a linear scan per attribute is quadratic on a hostile tag.
      const names = pruned ? prunedNames : el.attrs;
      if (!attrNames && names.length >= MANY_ATTRIBUTES) attrNames = new Set(pruned ? prunedNames : el.attrs.map((a) => a.name));
      if (attrNames ? attrNames.has(attrName) : pruned ? prunedNames.includes(attrName) : el.attrs.some((a) => a.name === attrName)) {
        error('duplicate-attribute', `Attribute "${attrName}" is given twice.`, an, anEnd);
      }
      if (pruned) {
        prunedNames.push(attrName);
        attrNames?.add(attrName);
        continue;
      }
      const value = refs ? decodeEntities(text, vs, ve) : text.slice(vs, ve);
      const a: XmlAttr = { name: attrName, value: shortLived ? value : own(value), nameStart: an, nameEnd: anEnd, valueStart: vs, valueEnd: ve };
      // As the child lists (addChild, fit): made with room for one, and given its exact size below.
      if (el.attrs === NO_ATTRS) el.attrs = [a];
      else el.attrs.push(a);
      attrNames?.add(attrName);
    }
    if (el.attrs.length > 1) el.attrs = el.attrs.slice();
    if (!closed) {
      error('syntax', `Start tag <${el.name}> is not closed with ">".`, i, j);
    }
    el.openEnd = j;
    if (!stack.length) {
      if (doc.root) error('multiple-roots', `A second root element <${el.name}>: an XML file has exactly one.`, el.start, el.nameEnd);
      else doc.root = el;
    }
    if (!pruned) append(el);
    // Pushed below (unless self-closing) at index stack.length: from there, nothing is kept, or everything.
    if (!el.selfClosing) {
      if (pruned) {
        if (prunedFrom < 0) prunedFrom = stack.length;
      } else if (mode === 2 && keep && allFrom < 0) allFrom = stack.length;
    }
    if (el.selfClosing || !closed) {
      if (el.selfClosing) el.children = NO_CHILDREN;
      el.end = j;
      el.closeStart = j;
      if (!closed && !el.selfClosing) {
        // Treat as open so its would-be children still land under it.
        el.selfClosing = false;
        push(el);
      }
    } else {
      push(el);
    }
    i = j;
  }
  if (fragment) {
    const parent = fragment.parent;
    if (runsPast || i !== n || !stack.length || stack[0] !== parent) return { doc, ok: false };
    for (let k = 1; k < stack.length; k++) if (stack[k].name === parent.name) return { doc, ok: false };
    // What the parent's end tag does to the elements still open inside it (see the end-tag case above).
    const closedAt = doc.errors.length;
    while (stack.length > 1) {
      const open = pop();
      open.end = n;
      open.closeStart = n;
      error('unclosed-element', `<${open.name}> is not closed before </${parent.name}>.`, open.start, open.nameEnd);
    }
    return { doc, ok: true, closedAt };
  }
  while (stack.length) {
    const open = stack.pop()!;
    fit(open);
    open.end = n;
    open.closeStart = n;
    error('unclosed-element', `<${open.name}> is not closed: the file ends first.`, open.start, open.nameEnd);
  }
  if (!doc.root) error('no-root', 'No root element: the file holds no XML element.', 0, Math.min(n, 1));
  return { doc, ok: doc.errors.length === 0 };
}

/** `text.indexOf(ch, pos)` for positions that never move backwards, each search done once. */
function nextOf(text: string, ch: string): (pos: number) => number {
  let from = -1;
  let at = -1;
  return (pos) => {
    if (from >= 0 && pos >= from && (at < 0 || pos <= at)) return at;
    from = pos;
    return (at = text.indexOf(ch, pos));
  };
}

function skipDoctype(text: string, i: number): number {
  // Skip '<!DOCTYPE ... [ internal subset ] >' without interpreting anything inside.
  let j = i + 9;
  const n = text.length;
  let inSubset = false;
  let quote = 0;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === QUOT || c === APOS) quote = c;
    else if (c === 91) inSubset = true; // [
    else if (c === 93) inSubset = false; // ]
    else if (c === GT && !inSubset) return j + 1;
    j++;
  }
  return n;
}

// No prototype: `&constructor;` or `&toString;` must not find Object.prototype's members.
const NAMED: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });

/** What may stand between '&' and ';' in a reference: a name or a character number. */
const REF_NAME = /^(?:[A-Za-z_:\u0080-\uffff][\w.:\-\u0080-\uffff]*|#[0-9]+|#[xX][0-9a-fA-F]+)$/;

/**
 * indexOf bounded to [from, to): -1 when absent. Searches here are bounded by the range they concern;
 * an unbounded indexOf repeated for every '&' or attribute is quadratic on hostile input.
 */
function find(text: string, c: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === c) return k;
  return -1;
}

const AMP = 38;
const SEMI = 59;
/** A reference is at most this long from '&' to ';' (`&#x10FFFF;` and the named ones fit). */
const MAX_REF = 12;

/**
 * The offset after a reference parseXml accepts without a problem, starting at the '&' at `a` and
 * ending by `end`: `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;`, `&#38;` or `&#x26;` (lowercase x);
 * -1 for anything else. Recognised without slicing a name (xml/wellFormed.ts's fast path uses it too).
 */
export function referenceEnd(text: string, a: number, end: number): number {
  const c1 = text.charCodeAt(a + 1);
  if (c1 === 35) {
    // Reads past the end are avoided: charCodeAt out of bounds deoptimises the hot loops.
    let k = a + 2;
    const hex = k < end && text.charCodeAt(k) === 120;
    if (hex) k++;
    const digits = k;
    while (k < end) {
      const c = text.charCodeAt(k);
      if ((c >= 48 && c <= 57) || (hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)))) k++;
      else break;
    }
    return k === digits || k >= end || text.charCodeAt(k) !== SEMI || k - a > MAX_REF ? -1 : k + 1;
  }
  let k = -1;
  if (c1 === 108 || c1 === 103) k = text.charCodeAt(a + 2) === 116 ? a + 3 : -1; // lt, gt
  else if (c1 === 97) k = text.startsWith('mp;', a + 2) ? a + 4 : text.startsWith('pos;', a + 2) ? a + 5 : -1; // amp, apos
  else if (c1 === 113) k = text.startsWith('uot;', a + 2) ? a + 5 : -1; // quot
  return k > 0 && k < end && text.charCodeAt(k) === SEMI ? k + 1 : -1;
}

function checkEntities(text: string, start: number, end: number, error: (c: XmlErrorCode, m: string, s: number, e: number) => void) {
  let a = find(text, AMP, start, end);
  while (a >= 0) {
    const known = referenceEnd(text, a, end);
    if (known > 0) {
      a = find(text, AMP, known, end);
      continue;
    }
    const semi = find(text, SEMI, a + 1, Math.min(end, a + MAX_REF + 1));
    if (semi < 0 || !REF_NAME.test(text.slice(a + 1, semi))) {
      // `AT&T &amp;` is a bare '&' followed by text, not an entity named "T &amp".
      error('syntax', 'A bare "&": write it as "&amp;".', a, a + 1);
    } else {
      const name = text.slice(a + 1, semi);
      if (!(name in NAMED) && !/^#(?:[0-9]+|x[0-9a-fA-F]+)$/.test(name)) {
        error('unknown-entity', `Unknown entity "&${name};" (left as it is; btslint expands no declared entities).`, a, semi + 1);
      }
    }
    a = find(text, AMP, a + 1, end);
  }
}

/** The text a reference stands for (`lt`, `#38`, `#x26`), or undefined when it is not one btslint expands. */
export function decodeEntity(name: string): string | undefined {
  const named = NAMED[name];
  if (named !== undefined) return named;
  if (name.charCodeAt(0) === 35) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff && /^#(?:[0-9]+|[xX][0-9a-fA-F]+)$/.test(name)) {
      return String.fromCodePoint(code);
    }
  }
  return undefined;
}

/** Decodes entity and character references in text[start, end). Unknown references stay as written. */
export function decodeEntities(text: string, start: number, end: number): string {
  if (find(text, AMP, start, end) < 0) return text.slice(start, end);
  return decodeNamed(text, start, end) ?? decodeWithMap(text, start, end, null);
}

/** The length of the named reference at `a` (`&lt;` `&gt;` 4, `&amp;` 5, `&quot;` `&apos;` 6; `c`: the unit after '&'), or 0. */
export function namedRefLength(s: string, a: number, c: number): number {
  if (c === 108) return s.startsWith('lt;', a + 1) ? 4 : 0;
  if (c === 103) return s.startsWith('gt;', a + 1) ? 4 : 0;
  if (c === 113) return s.startsWith('quot;', a + 1) ? 6 : 0;
  if (c === 97) return s.startsWith('amp;', a + 1) ? 5 : s.startsWith('apos;', a + 1) ? 6 : 0;
  return 0;
}

/** The character of a named reference of length `len` (namedRefLength) whose first letter is `c`. */
export function namedRefChar(len: number, c: number): string {
  return len === 4 ? (c === 108 ? '<' : '>') : len === 5 ? '&' : c === 113 ? '"' : "'";
}

/**
 * text[start, end) with the five named references decoded, any other '&' left as written, or
 * undefined at the first character reference (`&#`: decodeWithMap decodes those). What decodeWithMap
 * gives, since no reference contains an '&' and so none can hide another. The runs between references
 * are sliced and joined: about twice as fast as a replace with a callback per reference, on escaped
 * adapter settings, where references are most of the text.
 */
function decodeNamed(text: string, start: number, end: number): string | undefined {
  // A view of the range (V8 slices without copying): indexOf in it stops at its end.
  const raw = text.slice(start, end);
  const n = raw.length;
  let out = '';
  let i = 0;
  for (;;) {
    const a = raw.indexOf('&', i);
    if (a < 0) return i === 0 ? raw : out + raw.slice(i);
    if (a > i) out += raw.slice(i, a);
    const c = raw.charCodeAt(a + 1);
    if (c === 35 && a + 1 < n) return undefined;
    const len = namedRefLength(raw, a, c);
    if (len === 0) {
      out += '&';
      i = a + 1;
    } else {
      out += namedRefChar(len, c);
      i = a + len;
    }
  }
}

/**
 * Decodes text[start, end) and, when `map` is given, pushes for every decoded UTF-16 unit the source
 * offset it came from (an entity's units all map to the '&' that starts it). One extra entry, the end
 * offset, is pushed at the end by the caller.
 */
export function decodeWithMap(text: string, start: number, end: number, map: number[] | null): string {
  let out = '';
  let i = start;
  while (i < end) {
    const a = find(text, AMP, i, end);
    const stop = a < 0 ? end : a;
    if (stop > i) {
      out += text.slice(i, stop);
      if (map) for (let k = i; k < stop; k++) map.push(k);
    }
    if (stop >= end) break;
    const semi = find(text, SEMI, stop + 1, Math.min(end, stop + MAX_REF + 1));
    const decoded = semi > 0 ? decodeEntity(text.slice(stop + 1, semi)) : undefined;
    if (decoded === undefined) {
      out += '&';
      if (map) map.push(stop);
      i = stop + 1;
    } else {
      out += decoded;
      if (map) for (let k = 0; k < decoded.length; k++) map.push(stop);
      i = semi + 1;
    }
  }
  return out;
}
