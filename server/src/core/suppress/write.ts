// Writing a suppression for a finding, in the syntax directives.ts reads: what the editor's
// "Suppress with a reason" quick-fix inserts. The comment goes right before the innermost element
// (XML) or map entry / list item (YAML) that starts its own line and holds the finding; a JSON
// topology gets a "$btslint-disable" item in the innermost object holding it. Without a reason the
// text carries the placeholder <<reason>>, which counts as no reason (suppression-invalid) until the
// user replaces it.

import type { BtsDocument } from '../document';
import type { Finding, TextEdit } from '../types';
import type { XmlElement } from '../xml/parser';
import type { LNode } from '../readers/yamlNode';
import { appendItem, insertKey } from '../fix/yamlEdit';
import { JSON_KEY } from './directives';

export const REASON_PLACEHOLDER = '<<reason>>';

export interface SuppressionRequest {
  /** Why the finding is accepted. Default: the <<reason>> placeholder, for the user to replace. */
  reason?: string;
  /** YYYY-MM-DD: the last day the suppression applies. */
  until?: string;
  /** `file`: a btslint-disable-file comment (or the top-level JSON key) instead of the node's. */
  scope?: 'node' | 'file';
}

/** The edit that suppresses `finding` in `doc` (the document it is reported in), or undefined. */
export function suppressionEdit(doc: BtsDocument, finding: Finding, req: SuppressionRequest = {}): TextEdit | undefined {
  if (finding.uri !== doc.uri) return undefined;
  const reason = (req.reason ?? REASON_PLACEHOLDER).replace(/[\r\n]+/g, ' ').trim() || REASON_PLACEHOLDER;
  const until = req.until ? ` until=${req.until}` : '';
  if (doc.kind === 'topology' && doc.topology) {
    if (doc.topology.isJson) return jsonEdit(doc, finding, reason, req);
    return yamlEdit(doc, finding, `btslint-disable${req.scope === 'file' ? '-file' : ''} ${finding.ruleId}${until} -- ${reason}`, req.scope === 'file');
  }
  if (doc.xml) {
    // XML forbids `--` inside a comment, so the reason follows a colon there.
    const body = `btslint-disable${req.scope === 'file' ? '-file' : ''} ${finding.ruleId}${until}: ${reason.replace(/--+/g, '-')}`;
    return xmlEdit(doc, finding, `<!-- ${body.replace(/-$/, '- ')} -->`, req.scope === 'file');
  }
  return undefined;
}

function lineStartOf(text: string, offset: number): number {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return s;
}

/** Whether only whitespace (and, for YAML list items, a `- `) stands before `offset` on its line. */
function startsLine(text: string, offset: number, allowDash: boolean): boolean {
  const before = text.slice(lineStartOf(text, offset), offset);
  return allowDash ? /^\s*(?:-\s+)*$/.test(before) : /^\s*$/.test(before);
}

function xmlEdit(doc: BtsDocument, f: Finding, comment: string, fileScope: boolean): TextEdit | undefined {
  const xml = doc.xml!;
  const root = xml.root;
  if (!root) return undefined;
  let target: XmlElement = root;
  if (!fileScope) {
    // The innermost element holding the finding that starts its own line.
    let best: XmlElement | undefined;
    for (let el: XmlElement | undefined = root; el; ) {
      if (f.range.start < el.start || f.range.start >= el.end) break;
      if (startsLine(doc.text, el.start, false)) best = el;
      el = el.children.find((c): c is XmlElement => c.kind === 'element' && f.range.start >= c.start && f.range.start < c.end);
    }
    target = best ?? root;
  }
  const at = target.start;
  const indent = doc.text.slice(lineStartOf(doc.text, at), at);
  const own = /^\s*$/.test(indent);
  return { uri: doc.uri, start: at, end: at, newText: own ? `${comment}${doc.eol}${indent}` : comment };
}

function yamlEdit(doc: BtsDocument, f: Finding, body: string, fileScope: boolean): TextEdit | undefined {
  const text = doc.text;
  const root = doc.topology!.root;
  let at = root.node ? root.range.start : 0;
  if (!fileScope) {
    // The innermost entry or item holding the finding whose line it starts.
    let node: LNode | undefined = root;
    let best = at;
    while (node) {
      const kids: LNode[] = node.isMap ? node.entries().map(([, v]) => v) : node.isSeq ? node.items() : [];
      const next: LNode | undefined = kids.find((k) => {
        const s = k.pair ? k.keyRange.start : k.range.start;
        const e = Math.max(k.range.end, k.keyRange.end);
        return f.range.start >= s && f.range.start < Math.max(e, s + 1);
      });
      if (!next) break;
      const s = next.pair ? next.keyRange.start : next.range.start;
      if (startsLine(text, s, !next.pair)) best = s;
      node = next;
    }
    at = best;
  }
  const ls = lineStartOf(text, at);
  // Indented like the line's first character (a list item's dash).
  const pad = /^[ \t]*/.exec(text.slice(ls, at))![0];
  return { uri: doc.uri, start: ls, end: ls, newText: `${pad}# ${body}${doc.eol}` };
}

function jsonEdit(doc: BtsDocument, f: Finding, reason: string, req: SuppressionRequest): TextEdit | undefined {
  const root = doc.topology!.root;
  let obj: LNode = root;
  if (req.scope !== 'file') {
    for (let node: LNode | undefined = root; node; ) {
      if (node.isMap) obj = node;
      const kids: LNode[] = node.isMap ? node.entries().map(([, v]) => v) : node.isSeq ? node.items() : [];
      node = kids.find((k) => k.node && f.range.start >= k.range.start && f.range.start < k.range.end && (k.isMap || k.isSeq));
    }
  }
  if (!obj.isMap) return undefined;
  const item: Record<string, unknown> = { rules: [f.ruleId], reason };
  if (req.until) item.until = req.until;
  const target = { uri: doc.uri, text: doc.text, isJson: true };
  const existing = obj.get(JSON_KEY);
  if (existing?.isSeq) return appendItem(target, existing, item);
  return insertKey(target, obj, JSON_KEY, [item]);
}
