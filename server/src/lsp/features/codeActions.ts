// Code actions for btslint diagnostics: the core's fix or declaration and its suggestions as
// quick-fixes (an edit may change another file, e.g. add the missing declaration to the topology:
// that file is then opened with its first <<placeholder>> selected, never changed unseen), "Suppress
// <rule> with a reason" and "Suppress <rule> in this file with a reason" (features/suppress.ts), "Show
// documentation for <rule>", and `source.fixAll.btslint` (editor.codeActionsOnSave): every fix of kind
// `fix` in the document. Only a `fix` may be preferred (applied by Auto Fix); declarations and
// suggestions never are, and fix-all never applies them.
// Each diagnostic carries { ruleId, nodePath } (see convert.ts); the action is built from the finding
// of the latest check, so a fix is never computed on text older than that check, and its edits
// name the document versions they apply to.

import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { BtsDocument, Finding, Fix, LineIndex, TextEdit } from '../../core';
import { docsUrl } from '../docs';
import { DiagnosticData, DocLookup, isBtslintData, SOURCE, toDiagnostic, toWorkspaceEdit } from '../convert';
import { CREATE_TOPOLOGY_COMMAND, SELECT_PLACEHOLDER_COMMAND, SHOW_DOCUMENTATION_COMMAND } from '../protocol';
import { suppressActions } from './suppress';

export interface CodeActionEnv {
  /** Findings of the latest check for the document. */
  findings: Finding[];
  doc: BtsDocument;
  docOf: DocLookup;
  versionOf: (uri: string) => number | null;
  versionedEdits: boolean;
  /** The client applies LSP 3.18 SnippetTextEdits (the suppression's reason placeholder is selected). */
  snippetEdits: boolean;
}

/** The code action kind of btslint's fix-all (`"editor.codeActionsOnSave": { "source.fixAll.btslint": "explicit" }`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.btslint`;

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function overlapping(a: TextEdit, b: TextEdit): boolean {
  if (a.uri !== b.uri) return false;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * `source.fixAll.btslint`: the document's fixes of kind `fix` whose edits stay in the document (a fix
 * that edits another file is not applied unseen on save), without overlaps, as one edit.
 */
function fixAll(env: CodeActionEnv): CodeAction[] {
  const edits: TextEdit[] = [];
  for (const f of env.findings) {
    if (f.uri !== env.doc.uri || f.fix?.kind !== 'fix' || !f.fix.edits.every((e) => e.uri === env.doc.uri)) continue;
    const fresh = f.fix.edits.filter((e) => !edits.some((x) => x.start === e.start && x.end === e.end && x.newText === e.newText));
    if (fresh.some((e) => edits.some((x) => overlapping(x, e)))) continue;
    edits.push(...fresh);
  }
  if (!edits.length) return [];
  return [{ title: 'Fix all btslint fixes (changes that alter nothing declared)', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(edits, env.docOf, env.versionOf, env.versionedEdits) }];
}

/**
 * Where to put the cursor in another file a change edits, once it is applied: its first inserted
 * <<placeholder>>, else the start of its first edit (positions in the edited text).
 */
export function selectionAfter(text: string, edits: TextEdit[]): { start: { line: number; character: number }; end: { line: number; character: number } } | undefined {
  if (!edits.length) return undefined;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = text;
  for (let i = sorted.length - 1; i >= 0; i--) out = out.slice(0, sorted[i].start) + sorted[i].newText + out.slice(sorted[i].end);
  let delta = 0;
  let first: [number, number] | undefined;
  for (const e of sorted) {
    const at = e.start + delta;
    const m = /<<[^<>\r\n]{1,80}>>/.exec(e.newText);
    if (m) {
      first = [at + m.index, at + m.index + m[0].length];
      break;
    }
    // No placeholder: the inserted text, without the line break and indentation it starts with.
    first ??= [at + /^[\r\n]*[ \t]*/.exec(e.newText)![0].length, at + e.newText.trimEnd().length];
    delta += e.newText.length - (e.end - e.start);
  }
  const lines = new LineIndex(out);
  return { start: lines.position(first![0]), end: lines.position(first![1]) };
}

function overlaps(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  const before = (p: typeof a.start, q: typeof a.start) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function codeActions(params: CodeActionParams, env: CodeActionEnv): CodeAction[] {
  // Fix-all only when asked for by kind (on save, or Source Action...), never in the light bulb.
  if (params.context.only && wants(params.context.only, FIX_ALL_KIND) && !wants(params.context.only, CodeActionKind.QuickFix)) return fixAll(env);
  if (!wants(params.context.only, CodeActionKind.QuickFix)) return [];
  // The client's btslint diagnostics at the range; clients that send none get the findings there.
  let pairs: { diagnostic: Diagnostic; data: DiagnosticData }[] = params.context.diagnostics
    .filter((d) => d.source === SOURCE && isBtslintData(d.data))
    .map((d) => ({ diagnostic: d, data: d.data as DiagnosticData }));
  if (!pairs.length) {
    pairs = env.findings
      .map((f) => toDiagnostic(f, env.docOf))
      .filter((d) => overlaps(d.range, params.range))
      .map((d) => ({ diagnostic: d, data: d.data as DiagnosticData }));
  }
  const fixes: { action: CodeAction; kind: Fix['kind'] }[] = [];
  const suggestions: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const docsShown = new Set<string>();
  const suppressionsShown = new Set<string>();
  const changeAction = (change: Fix, diagnostic: Diagnostic): CodeAction => {
    const action: CodeAction = {
      title: change.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: toWorkspaceEdit(change.edits, env.docOf, env.versionOf, env.versionedEdits),
    };
    // A change to another file (the topology): open it at the first placeholder once applied.
    const other = change.edits.find((e) => e.uri !== env.doc.uri)?.uri;
    const target = other ? env.docOf(other) : undefined;
    const selection = target ? selectionAfter(target.text, change.edits.filter((e) => e.uri === other)) : undefined;
    if (other && selection) action.command = { title: 'Show the change in the topology', command: SELECT_PLACEHOLDER_COMMAND, arguments: [other, selection] };
    return action;
  };
  for (const { diagnostic, data } of pairs) {
    const candidates = env.findings.filter((f) => f.ruleId === data.ruleId && f.nodePath === data.nodePath);
    const startLine = diagnostic.range.start.line;
    const finding = candidates.find((f) => env.doc.lines().position(f.range.start).line === startLine) ?? candidates[0];
    if (finding?.fix) fixes.push({ action: changeAction(finding.fix, diagnostic), kind: finding.fix.kind });
    for (const g of finding?.suggestions ?? []) {
      const a = changeAction(g, diagnostic);
      a.isPreferred = false;
      suggestions.push(a);
    }
    if (data.ruleId === 'no-topology') {
      // Its fix is a new file: `btslint init`, through the server's command (the client creates the file).
      const title = 'Create topology from workspace';
      // A command, not an edit: never part of "fix all".
      suggestions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: CREATE_TOPOLOGY_COMMAND } });
    }
    if (finding) {
      // One action per distinct edit: two findings of a rule in one element share their comment.
      for (const a of suppressActions(finding, env.doc, diagnostic, env)) {
        const key = `${a.title}\u0000${JSON.stringify(a.edit)}`;
        if (suppressionsShown.has(key)) continue;
        suppressionsShown.add(key);
        suppressions.push(a);
      }
    }
    if (!docsShown.has(data.ruleId)) {
      docsShown.add(data.ruleId);
      const title = `Show documentation for ${data.ruleId}`;
      docs.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [docsUrl(data.ruleId)] } });
    }
  }
  // Preferred (applied by Auto Fix) only for a `fix` (it changes nothing declared), and only when it
  // is the one fix at the cursor; declarations and suggestions never.
  const plain = fixes.filter((f) => f.kind === 'fix');
  for (const f of fixes) f.action.isPreferred = plain.length === 1 && f === plain[0];
  return [...fixes.map((f) => f.action), ...suggestions, ...suppressions, ...docs];
}
