// "Suppress <rule> with a reason" and "Suppress <rule> in this file with a reason": the core's
// suppressionEdit writes the comment in the file's own syntax (an XML comment before the element, a
// YAML `#` comment before the node, the JSON "$btslint-disable" key) with the <<reason>> placeholder,
// which counts as no reason (suppression-invalid) until the user replaces it. The cursor goes to it:
//
// - clients with LSP 3.18 snippet edits (`workspace.workspaceEdit.snippetEditSupport`, e.g. VS Code
//   through vscode-languageclient 10+): the edit is a SnippetTextEdit whose one placeholder is
//   `<<reason>>`, so the editor selects it and typing replaces it;
// - other clients: the literal text, plus the command btslint.server.selectPlaceholder, which the
//   client runs after applying the edit and which asks it (window/showDocument) to select the
//   placeholder. The placeholder's range (in the text after the edit) is also in the action's `data`.

import { CodeAction, CodeActionKind, Diagnostic, OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { BtsDocument, Finding, REASON_PLACEHOLDER, suppressionEdit, TextEdit } from '../../core';
import { SUPPRESSION_RULES } from '../../core/suppress';
import { DocLookup, toWorkspaceEdit } from '../convert';
import { SELECT_PLACEHOLDER_COMMAND } from '../protocol';

export interface SuppressEnv {
  docOf: DocLookup;
  versionOf: (uri: string) => number | null;
  versionedEdits: boolean;
  /** The client applies SnippetTextEdits (and TextDocumentEdits). */
  snippetEdits: boolean;
}

/** What a fallback (non-snippet) suppression action carries in `data`: where the placeholder lands. */
export interface SuppressActionData {
  placeholder: { uri: string; range: Range };
}

/** Escapes text for a snippet (`$`, `}` and `\` are snippet syntax). */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function lineStartOf(text: string, offset: number): number {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return s;
}

/**
 * The core's edit as a snippet whose placeholder is <<reason>>. The snippet starts at the start of its
 * line (the text before the edit on that line is written again): VS Code indents every line of a
 * snippet after the first like the text before its start, so from column 0 the file's own
 * indentation stays as the core wrote it.
 */
export function snippetOf(doc: BtsDocument, edit: TextEdit): { range: Range; snippet: string } | undefined {
  const at = edit.newText.indexOf(REASON_PLACEHOLDER);
  if (at < 0) return undefined;
  const ls = lineStartOf(doc.text, edit.start);
  const text = doc.text.slice(ls, edit.start) + edit.newText;
  const k = edit.start - ls + at;
  const snippet = `${escapeSnippet(text.slice(0, k))}\${1:${escapeSnippet(REASON_PLACEHOLDER)}}${escapeSnippet(text.slice(k + REASON_PLACEHOLDER.length))}`;
  return { range: doc.lines().range({ start: ls, end: edit.end }), snippet };
}

/** Where the placeholder is once the edit is applied (positions in the edited text). */
export function placeholderRange(doc: BtsDocument, edit: TextEdit): Range | undefined {
  const at = edit.newText.indexOf(REASON_PLACEHOLDER);
  if (at < 0) return undefined;
  const start = doc.lines().position(edit.start);
  const lines = edit.newText.slice(0, at).split(/\r\n|\r|\n/);
  const line = start.line + lines.length - 1;
  const character = (lines.length === 1 ? start.character : 0) + lines[lines.length - 1].length;
  return { start: { line, character }, end: { line, character: character + REASON_PLACEHOLDER.length } };
}

/** The two suppression actions for one finding of `doc` (none for findings about suppressions). */
export function suppressActions(finding: Finding, doc: BtsDocument, diagnostic: Diagnostic, env: SuppressEnv): CodeAction[] {
  if (SUPPRESSION_RULES.has(finding.ruleId) || finding.uri !== doc.uri) return [];
  const out: CodeAction[] = [];
  for (const scope of ['node', 'file'] as const) {
    const edit = suppressionEdit(doc, finding, { scope });
    if (!edit) continue;
    const title = scope === 'node' ? `Suppress ${finding.ruleId} with a reason` : `Suppress ${finding.ruleId} in this file with a reason`;
    const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
    const snippet = env.snippetEdits ? snippetOf(doc, edit) : undefined;
    if (snippet) {
      const we: WorkspaceEdit = {
        documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(doc.uri, env.versionOf(doc.uri)), [{ range: snippet.range, snippet: { kind: 'snippet', value: snippet.snippet } }])],
      };
      action.edit = we;
    } else {
      action.edit = toWorkspaceEdit([edit], env.docOf, env.versionOf, env.versionedEdits);
      const range = placeholderRange(doc, edit);
      if (range) {
        const data: SuppressActionData = { placeholder: { uri: doc.uri, range } };
        action.data = data;
        action.command = { title: 'Select the reason placeholder', command: SELECT_PLACEHOLDER_COMMAND, arguments: [doc.uri, range] };
      }
    }
    out.push(action);
  }
  return out;
}
