// Core values to LSP values, at the edge: offsets become positions through each document's
// LineIndex, findings become diagnostics (the diagnostic contract lives here), fixes become
// workspace edits.

import {
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { BtsDocument, Finding, OffsetRange, Severity, TextEdit } from '../core';
import { docsUrl } from './docs';

/** What a btslint diagnostic carries for its code actions: enough to find the finding again. */
export interface DiagnosticData {
  ruleId: string;
  /** The finding's structural identity (stable across edits elsewhere in the file). */
  nodePath: string;
  /** The title of the core's fix, when the finding has one. */
  fix?: string;
}

export const SOURCE = 'btslint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export type DocLookup = (uri: string) => BtsDocument | undefined;

function lspRange(doc: BtsDocument | undefined, r: OffsetRange) {
  if (!doc) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return doc.lines().range(r);
}

/**
 * The diagnostic contract: source btslint, code = rule id, codeDescription = the rule's docs page.
 * With `environments` (the workspace has more than one topology), the environment the finding was
 * found in, and its topology, are related information.
 */
export function toDiagnostic(f: Finding, docOf: DocLookup, environments = false): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId, nodePath: f.nodePath, fix: f.fix?.title };
  const d: Diagnostic = {
    range: lspRange(docOf(f.uri), f.range),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: docsUrl(f.ruleId) },
    message: f.message,
    data,
  };
  const related: DiagnosticRelatedInformation[] = (f.related ?? []).map((r) => ({ location: { uri: r.uri, range: lspRange(docOf(r.uri), r.range) }, message: r.message }));
  // The environment it was found in: the topology file's `environment` key, as related information.
  const envs = !environments ? [] : f.environments ? f.environments.map((e, i) => ({ environment: e, topology: f.topologies?.[i] })) : f.environment ? [{ environment: f.environment, topology: f.topology }] : [];
  for (const { environment, topology } of envs) {
    if (!topology || topology === f.uri) continue;
    const t = docOf(topology);
    const at = t?.topology?.root.get('environment')?.range ?? { start: 0, end: 0 };
    const message = f.environments ? `The same in environment ${environment} (this topology)` : `Found in environment ${environment}, checked against this topology`;
    related.push({ location: { uri: topology, range: lspRange(t, at) }, message });
  }
  if (related.length) d.relatedInformation = related;
  return d;
}

export function isBtslintData(d: unknown): d is DiagnosticData {
  return !!d && typeof d === 'object' && typeof (d as DiagnosticData).ruleId === 'string' && typeof (d as DiagnosticData).nodePath === 'string';
}

/**
 * The core's edits as a WorkspaceEdit. With `versioned`, edits are TextDocumentEdits that name the
 * document version they were computed for, so a client refuses a fix computed on stale text.
 */
export function toWorkspaceEdit(edits: TextEdit[], docOf: DocLookup, versionOf: (uri: string) => number | null, versioned: boolean): WorkspaceEdit {
  const byUri = new Map<string, LspTextEdit[]>();
  for (const e of edits) {
    const list = byUri.get(e.uri) ?? [];
    list.push({ range: lspRange(docOf(e.uri), { start: e.start, end: e.end }), newText: e.newText });
    byUri.set(e.uri, list);
  }
  if (versioned) {
    return {
      documentChanges: [...byUri].map(([uri, list]) =>
        TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, versionOf(uri)), list),
      ),
    };
  }
  return { changes: Object.fromEntries(byUri) };
}
