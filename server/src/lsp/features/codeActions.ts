// Code actions for btslint diagnostics: the core's fix as a quick-fix (its edit may change another
// file, e.g. add the missing declaration to the topology), "Suppress <rule> with a reason" and
// "Suppress <rule> in this file with a reason" (features/suppress.ts), and "Show documentation for
// <rule>".
// Each diagnostic carries { ruleId, nodePath } (see convert.ts); the action is built from the finding
// of the latest check, so a fix is never computed on text older than that check, and its edits
// name the document versions they apply to.

import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { BtsDocument, Finding } from '../../core';
import { docsUrl } from '../../host/docs';
import { DiagnosticData, DocLookup, isBtslintData, SOURCE, toDiagnostic, toWorkspaceEdit } from '../convert';
import { SHOW_DOCUMENTATION_COMMAND } from '../protocol';
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

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function overlaps(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  const before = (p: typeof a.start, q: typeof a.start) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function codeActions(params: CodeActionParams, env: CodeActionEnv): CodeAction[] {
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
  const fixes: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const docsShown = new Set<string>();
  const suppressionsShown = new Set<string>();
  for (const { diagnostic, data } of pairs) {
    const candidates = env.findings.filter((f) => f.ruleId === data.ruleId && f.nodePath === data.nodePath);
    const startLine = diagnostic.range.start.line;
    const finding = candidates.find((f) => env.doc.lines().position(f.range.start).line === startLine) ?? candidates[0];
    if (finding?.fix) {
      fixes.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: toWorkspaceEdit(finding.fix.edits, env.docOf, env.versionOf, env.versionedEdits),
      });
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
  // Preferred (applied by "auto fix") only when it is the one fix at the cursor.
  for (const f of fixes) f.isPreferred = fixes.length === 1;
  return [...fixes, ...suppressions, ...docs];
}
