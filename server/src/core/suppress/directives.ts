// Suppression directives, read from a document's own syntax:
//
//   XML   <!-- btslint-disable RULE[, RULE...] [until=YYYY-MM-DD]: reason -->        before an element
//         <!-- btslint-disable-file RULE[, RULE...] [until=YYYY-MM-DD]: reason -->   anywhere: the file
//   YAML  # btslint-disable RULE[, RULE...] [until=YYYY-MM-DD] -- reason             on the line(s) before a node
//         # btslint-disable-file RULE[, RULE...] [until=YYYY-MM-DD] -- reason        anywhere: the file
//   JSON  "$btslint-disable": [{ "rules": ["RULE"], "reason": "...", "until": "YYYY-MM-DD" }]
//         inside the object it applies to; at the top level, for the file. (YAML topologies may use it too.)
//
// The reason follows `--` or `:`. In XML write `:`: XML forbids `--` inside a comment, and .NET's
// XmlReader (which BizTalk's binding import uses) rejects such a file, so a `--` there is reported
// with a fix that rewrites it. Directives are parsed here; applying them is in index.ts.

import { yaml } from '../lazy';
import type { BtsDocument } from '../document';
import type { OffsetRange } from '../text';
import type { Fix } from '../types';
import type { LNode } from '../readers/yamlNode';
import type { XmlComment, XmlElement, XmlNode } from '../xml/parser';
import { attrValue } from '../xml/dom';

export interface DirectiveProblem {
  message: string;
  range: OffsetRange;
  fix?: Fix;
}

export interface Suppression {
  uri: string;
  scope: 'node' | 'file';
  /** The rule ids it names, each with where it is written. */
  rules: { id: string; range: OffsetRange }[];
  reason?: string;
  /** YYYY-MM-DD: the last day the suppression applies. */
  until?: string;
  /** The comment (or JSON item) itself: where problems about the suppression are reported. */
  range: OffsetRange;
  /** The text it covers: the element or node after it, or the whole file. */
  covers: OffsetRange;
  /** A line-independent identity of what it covers, for findings about the suppression. */
  target: string;
  /** Problems that make it apply to nothing (no reason, no rule, nothing after it, a bad date). */
  invalid: DirectiveProblem[];
  /** Problems that leave it applying (an unknown rule id among others, `--` in an XML comment). */
  warnings: DirectiveProblem[];
}

const DIRECTIVE = /^\s*(btslint-(?:disable|enable)[\w-]*)(?=\s|:|$)/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
}

/** A reason says something: letters or digits outside <<placeholders>> (a quick-fix writes <<reason>>). */
function hasReason(reason: string): boolean {
  return /[\p{L}\p{N}]/u.test(reason.replace(/<<[^<>\r\n]*>>/g, ''));
}

/** Every suppression written in a document (valid or not). */
export function readSuppressions(doc: BtsDocument, knownRuleIds: ReadonlySet<string>): Suppression[] {
  if (doc.kind === 'topology' && doc.topology) {
    const out = doc.topology.isJson ? [] : yamlSuppressions(doc, knownRuleIds);
    out.push(...jsonKeySuppressions(doc, knownRuleIds));
    return out;
  }
  if (doc.xml) return xmlSuppressions(doc, knownRuleIds);
  return [];
}

/** What a directive's text says, before its target is known. */
interface Parsed {
  directive: string;
  rules: { id: string; range: OffsetRange }[];
  reason?: string;
  until?: string;
  invalid: DirectiveProblem[];
  warnings: DirectiveProblem[];
  /** Offset and length of a `--` separator (for the XML fix). */
  dashes?: { start: number; end: number };
}

/**
 * Parses the text of a comment that starts with `btslint-`. `base` is the offset of `body` in the
 * file; `whole` is the comment's range (where text-level problems are reported).
 */
function parseDirective(body: string, base: number, whole: OffsetRange, known: ReadonlySet<string>): Parsed | undefined {
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const directive = m[1];
  const out: Parsed = { directive, rules: [], invalid: [], warnings: [] };
  if (directive !== 'btslint-disable' && directive !== 'btslint-disable-file') {
    const hint = /next-line|line$/.test(directive)
      ? 'place `btslint-disable RULE -- reason` right before the element or node instead'
      : directive.startsWith('btslint-enable')
        ? 'a suppression ends with the element or node it is placed before; no enable comment is needed'
        : 'use btslint-disable or btslint-disable-file';
    out.invalid.push({ message: `Unknown directive "${directive}": ${hint}.`, range: whole });
    return out;
  }
  const afterDirective = m[0].length;
  const rest = body.slice(afterDirective);
  // The reason follows the first `--` (at a word boundary) or `:`.
  const sep = /(^|\s)--(?=\s|$)|:/.exec(rest);
  const listText = sep ? rest.slice(0, sep.index + (sep[1] ? sep[1].length : 0)) : rest;
  if (sep) {
    const sepStart = sep.index + (sep[1] ? sep[1].length : 0);
    const sepLen = sep[0].length - (sep[1] ? sep[1].length : 0);
    const reason = rest.slice(sepStart + sepLen).trim();
    if (hasReason(reason)) out.reason = reason;
    if (sep[0].trim() === '--') out.dashes = { start: base + afterDirective + sepStart, end: base + afterDirective + sepStart + 2 };
  }
  const tokenRe = /[^\s,]+/g;
  let t: RegExpExecArray | null;
  while ((t = tokenRe.exec(listText))) {
    const tok = t[0];
    const range = { start: base + afterDirective + t.index, end: base + afterDirective + t.index + tok.length };
    if (/^until=/i.test(tok)) {
      const v = tok.slice(6);
      if (!isDate(v)) {
        out.invalid.push({ message: `"${tok}" is not a date written until=YYYY-MM-DD.`, range });
      } else out.until = v;
      continue;
    }
    if (!RULE_ID.test(tok) || !known.has(tok)) {
      out.warnings.push({ message: `Unknown rule "${tok}" in a suppression: it suppresses nothing. \`btslint rules\` lists the rule ids.`, range });
      continue;
    }
    out.rules.push({ id: tok, range });
  }
  if (!out.rules.length && !out.warnings.length) out.invalid.push({ message: `${directive} names no rule: list the rule ids it suppresses, e.g. \`${directive} msgbox-not-clustered -- reason\`.`, range: whole });
  else if (!out.rules.length) out.invalid.push({ message: `${directive} names no known rule, so it suppresses nothing.`, range: whole });
  if (!out.reason && /<<[^<>\r\n]*>>/.test(rest)) {
    out.invalid.push({ message: 'Replace the <<placeholder>> with why the finding is accepted: until then this suppression suppresses nothing.', range: whole });
  } else if (!out.reason) {
    out.invalid.push({
      message: `This suppression gives no reason, so it suppresses nothing: write why after \`--\` (or \`:\`), e.g. \`${directive} ${out.rules[0]?.id ?? 'RULE'} -- single SQL node until the cluster is built\`.`,
      range: whole,
    });
  }
  return out;
}

/**
 * Whether a text may hold a suppression: every syntax of one (XML and YAML comments, JSON keys) is
 * written with `btslint-`, so a text without it holds none. The policy step searches only the
 * documents with it; a command-line read asks an XML document's comments (commentsMayHoldSuppressions).
 */
export function mayHoldSuppressions(text: string): boolean {
  return text.includes(SUPPRESSION_MARK);
}

/** What every suppression is written with. */
const SUPPRESSION_MARK = 'btslint-';

/**
 * mayHoldSuppressions for an XML document, asked of its comments alone (an XML suppression is a
 * comment): a search of a few comments instead of the whole text (on two thousand bindings, 43 MB).
 */
export function commentsMayHoldSuppressions(text: string, comments: readonly { contentStart: number; contentEnd: number }[]): boolean {
  // Each comment searched alone (a slice is a view, not a copy): a search from a comment to the end
  // of the text would read the rest of a file that holds no suppression.
  for (const c of comments) if (c.contentEnd - c.contentStart >= SUPPRESSION_MARK.length && mayHoldSuppressions(text.slice(c.contentStart, c.contentEnd))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------- XML

function xmlSuppressions(doc: BtsDocument, known: ReadonlySet<string>): Suppression[] {
  const xml = doc.xml!;
  const out: Suppression[] = [];
  if (!xml.comments.length || !mayHoldSuppressions(doc.text)) return out;
  // Each sibling list indexed once: indexOf per comment is quadratic in a file of many directives.
  const indexes = new Map<XmlNode[], Map<XmlNode, number>>();
  const indexOf = (list: XmlNode[], n: XmlNode): number => {
    let m = indexes.get(list);
    if (!m) {
      m = new Map(list.map((x, k) => [x, k]));
      indexes.set(list, m);
    }
    return m.get(n) ?? -1;
  };
  for (const c of xml.comments) {
    const body = doc.text.slice(c.contentStart, c.contentEnd);
    const whole = { start: c.start, end: c.end };
    const p = parseDirective(body, c.contentStart, whole, known);
    if (!p) continue;
    if (p.dashes) {
      p.warnings.push({
        message: 'XML does not allow `--` inside a comment: BizTalk\'s import (the .NET XmlReader) rejects this file. Write the reason after `:` instead.',
        range: p.dashes,
        fix: { kind: 'fix', title: 'Write the reason after ":"', edits: [{ uri: doc.uri, ...widenSeparator(doc.text, p.dashes), newText: ': ' }] },
      });
    }
    const s: Suppression = { uri: doc.uri, scope: 'file', rules: p.rules, reason: p.reason, until: p.until, range: whole, covers: { start: 0, end: doc.text.length }, target: 'file', invalid: p.invalid, warnings: p.warnings };
    if (p.directive === 'btslint-disable') {
      s.scope = 'node';
      const el = nextElement(doc.text, xml.nodes, c, indexOf);
      if (el) {
        s.covers = { start: el.start, end: el.end };
        s.target = elementPath(el);
      } else {
        s.covers = { start: c.end, end: c.end };
        s.target = `after:${c.parent ? elementPath(c.parent) : 'document'}`;
        s.invalid.push({ message: 'This suppression is not followed by an element, so it covers nothing: place it right before the element it is about (or use btslint-disable-file).', range: whole });
      }
    }
    out.push(s);
  }
  return out;
}

/** ` -- ` becomes `: `: the range from the space before the dashes to the space after them. */
function widenSeparator(text: string, d: { start: number; end: number }): { start: number; end: number } {
  let s = d.start;
  let e = d.end;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return { start: s, end: e };
}

/** The element right after a comment, skipping whitespace and other comments. */
function nextElement(text: string, topNodes: XmlNode[], c: XmlComment, indexOf: (list: XmlNode[], n: XmlNode) => number = (l, n) => l.indexOf(n)): XmlElement | undefined {
  const siblings = c.parent ? c.parent.children : topNodes;
  const i = indexOf(siblings, c);
  for (let k = i + 1; k < siblings.length; k++) {
    const n = siblings[k];
    if (n.kind === 'comment' || n.kind === 'pi') continue;
    if (n.kind === 'text' && text.slice(n.start, n.end).trim() === '') continue;
    if (n.kind === 'element') return n;
    return undefined; // text or CDATA first: the comment is not "right before" an element
  }
  return undefined;
}

/** `BindingInfo/SendPortCollection/SendPort[Name=X]`: the element's structural path. */
export function elementPath(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | null = el; e; e = e.parent) {
    const name = attrValue(e, 'Name') ?? attrValue(e, 'name');
    parts.push(name !== undefined ? `${e.name}[Name=${name}]` : e.name);
  }
  // push and reverse: unshift per ancestor is quadratic in a deeply nested file.
  return parts.reverse().join('/');
}

// --------------------------------------------------------------------------------------------- YAML

interface YamlComment {
  start: number;
  end: number;
  /** Whether only whitespace stands before it on its line. */
  ownLine: boolean;
}

/** The comments of a YAML text, with offsets, from the `yaml` lexer (never fooled by `#` in strings). */
function yamlComments(text: string): YamlComment[] {
  const out: YamlComment[] = [];
  let off = 0;
  for (const tok of new (yaml().Lexer)().lex(text)) {
    // The lexer interleaves one-character control tokens that are not in the source.
    if (tok.length === 1 && (tok === '\x02' || tok === '\x18' || tok === '\x1f')) continue;
    if (tok[0] === '#') {
      let s = off;
      while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
      out.push({ start: off, end: off + tok.length, ownLine: s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r' });
    }
    off += tok.length;
  }
  return out;
}

function yamlSuppressions(doc: BtsDocument, known: ReadonlySet<string>): Suppression[] {
  const text = doc.text;
  if (!/btslint-/.test(text)) return [];
  const lines = doc.lines();
  const root = doc.topology!.root;
  const comments = yamlComments(text);
  const commentLines = new Set(comments.filter((c) => c.ownLine).map((c) => lines.position(c.start).line));
  const out: Suppression[] = [];
  for (const c of comments) {
    const body = text.slice(c.start + 1, c.end);
    const whole = { start: c.start, end: c.end };
    const p = parseDirective(body, c.start + 1, whole, known);
    if (!p) continue;
    const s: Suppression = { uri: doc.uri, scope: 'file', rules: p.rules, reason: p.reason, until: p.until, range: whole, covers: { start: 0, end: text.length }, target: 'file', invalid: p.invalid, warnings: p.warnings };
    if (p.directive === 'btslint-disable') {
      s.scope = 'node';
      let line = lines.position(c.start).line + 1;
      while (line < lines.lineCount && (commentLines.has(line) || lines.lineText(line).trim() === '')) line++;
      const node = c.ownLine && line < lines.lineCount ? nodeStartingOn(root, line, lines) : undefined;
      if (node) {
        s.covers = { start: lines.lineStart(line), end: node.end };
        s.target = node.path || 'root';
      } else {
        s.covers = { start: c.end, end: c.end };
        s.target = `after:${lines.lineText(lines.position(c.start).line).trim()}`;
        s.invalid.push({
          message: c.ownLine
            ? 'This suppression is not followed by a node, so it covers nothing: place it on the line right before the key or list item it is about (or use btslint-disable-file).'
            : 'Place a suppression on its own line, right before the key or list item it is about.',
          range: whole,
        });
      }
    }
    out.push(s);
  }
  return out;
}

/** The outermost map entry or list item that starts on a line, with its end and path. */
function nodeStartingOn(root: LNode, line: number, lines: ReturnType<BtsDocument['lines']>): { end: number; path: string } | undefined {
  // Before the first key of the document: the root mapping itself, i.e. the whole document (findings
  // about a missing top-level section are reported at the root).
  if (root.node && lines.position(root.range.start).line === line) return { end: Math.max(root.range.end, lines.lineStart(lines.lineCount - 1) + lines.lineText(lines.lineCount - 1).length), path: '' };
  const stack: LNode[] = [root];
  while (stack.length) {
    const n = stack.shift()!;
    const kids: LNode[] = n.isMap ? n.entries().map(([, v]) => v) : n.isSeq ? n.items() : [];
    for (const k of kids) {
      const start = k.pair ? k.keyRange.start : k.range.start;
      const end = Math.max(k.range.end, k.keyRange.end);
      const sl = lines.position(start).line;
      if (sl === line) return { end, path: k.path };
      // Only descend into nodes whose span contains the line.
      if (sl < line && lines.position(end).line >= line) stack.push(k);
    }
  }
  return undefined;
}

// --------------------------------------------------------------------- JSON (and YAML) object keys

export const JSON_KEY = '$btslint-disable';

function jsonKeySuppressions(doc: BtsDocument, known: ReadonlySet<string>): Suppression[] {
  const root = doc.topology!.root;
  if (!doc.text.includes(JSON_KEY) || !yaml().isDocument(root.doc)) return [];
  const out: Suppression[] = [];
  const stack: LNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.isMap) {
      for (const [k, v] of n.entries()) {
        if (k === JSON_KEY) out.push(...jsonDirectives(doc, n, v, known));
        else stack.push(v);
      }
    } else if (n.isSeq) stack.push(...n.items());
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

function jsonDirectives(doc: BtsDocument, owner: LNode, list: LNode, known: ReadonlySet<string>): Suppression[] {
  const isFile = owner.parent === null;
  const covers = isFile ? { start: 0, end: doc.text.length } : { start: owner.pair ? owner.keyRange.start : owner.range.start, end: owner.range.end };
  const target = isFile ? 'file' : owner.path || 'root';
  const items = list.isSeq ? list.items() : [list];
  const out: Suppression[] = [];
  for (const item of items) {
    const whole = item.range;
    const s: Suppression = { uri: doc.uri, scope: isFile ? 'file' : 'node', rules: [], range: whole, covers, target, invalid: [], warnings: [] };
    if (!item.isMap) {
      s.invalid.push({ message: `Each item of "${JSON_KEY}" is an object: { "rules": ["rule-id"], "reason": "why", "until": "YYYY-MM-DD" }.`, range: whole });
      out.push(s);
      continue;
    }
    const rules = item.get('rules');
    const ruleNodes = rules?.isSeq ? rules.items() : rules ? [rules] : [];
    for (const r of ruleNodes) {
      const id = r.str;
      if (id && known.has(id)) s.rules.push({ id, range: r.range });
      else s.warnings.push({ message: `Unknown rule ${JSON.stringify(r.toJS())} in a suppression: it suppresses nothing. \`btslint rules\` lists the rule ids.`, range: r.range });
    }
    if (!s.rules.length) s.invalid.push({ message: `This suppression names no known rule in "rules", so it suppresses nothing.`, range: rules ? rules.range : whole });
    const reason = item.get('reason')?.str?.trim();
    if (reason && hasReason(reason)) s.reason = reason;
    else if (reason && /<<[^<>\r\n]*>>/.test(reason)) s.invalid.push({ message: 'Replace the <<placeholder>> with why the finding is accepted: until then this suppression suppresses nothing.', range: whole });
    else s.invalid.push({ message: 'This suppression gives no "reason", so it suppresses nothing: say why the finding is accepted.', range: whole });
    const until = item.get('until');
    if (until) {
      const v = until.str;
      if (v && isDate(v)) s.until = v;
      else s.invalid.push({ message: `"until" must be a date written YYYY-MM-DD.`, range: until.range });
    }
    for (const [k, v] of item.entries()) {
      if (!['rules', 'reason', 'until'].includes(k)) s.invalid.push({ message: `Unknown key "${k}" in a suppression: use rules, reason and until.`, range: v.keyRange });
    }
    out.push(s);
  }
  return out;
}
