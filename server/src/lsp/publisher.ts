// Publishing diagnostics: what was last sent per URI, so unchanged diagnostics are never sent again
// (a 15 MB binding's list would otherwise cross the pipe after every keystroke); the per-file limit
// (btslint.maxDiagnosticsPerFile), whose last diagnostic says how many more there are and how to list
// them all; and clearing a file's diagnostics when it is forgotten.

import { Connection, Diagnostic, DiagnosticSeverity, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Finding } from '../core';
import { SOURCE } from './convert';
import { uriToPath } from './paths';

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

/**
 * At most `limit` findings (0: all), the most severe first (in their order otherwise), and how many
 * were left out. Done on findings, before they are converted, so a file with 10,000 findings costs
 * the conversion of the ones shown.
 */
export function limitFindings(findings: Finding[], limit: number): { kept: Finding[]; more: number } {
  if (!limit || findings.length <= limit) return { kept: findings, more: 0 };
  const kept = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (RANK[a.f.severity] ?? 1) - (RANK[b.f.severity] ?? 1) || a.i - b.i)
    .slice(0, limit)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
  return { kept, more: findings.length - limit };
}

/** The diagnostic that closes a limited list: how many more, and the command line that lists them all. */
export function moreDiagnostic(uri: string, more: number, limit: number, folder?: string): Diagnostic {
  const p = uriToPath(uri);
  const rel = p && folder ? relativeTo(folder, p) : (p ?? uri);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `${more} more finding(s) in this file are not shown (btslint.maxDiagnosticsPerFile is ${limit}). List them all with: npx btslint "${rel}"`,
  };
}

function relativeTo(folder: string, p: string): string {
  const f = folder.replace(/[\\/]+$/, '');
  return p.toLowerCase().startsWith(f.toLowerCase()) && /[\\/]/.test(p[f.length] ?? '') ? p.slice(f.length + 1) : p;
}

export class Publisher {
  /** What was last published per URI (JSON), and at which document version. */
  private readonly published = new Map<string, { json: string; version: number | null }>();

  /** Documents opened since their last publish: they are told their diagnostics once, at their version. */
  private readonly opened = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** A document was opened in the client: its next diagnostics are sent even when unchanged. */
  noteOpened(uri: string): void {
    this.opened.add(uri);
  }

  has(uri: string): boolean {
    return this.published.has(uri);
  }

  uris(): string[] {
    return [...this.published.keys()];
  }

  /**
   * Sends a file's diagnostics unless they are what was last sent (the same list is not sent again,
   * whatever the document's version, except to a document opened since: it is told once, at its
   * version).
   */
  send(uri: string, diagnostics: Diagnostic[], version: number | null): void {
    const json = JSON.stringify(diagnostics);
    const prev = this.published.get(uri);
    const opened = version !== null && this.opened.delete(uri);
    if (prev ? prev.json === json && !opened : diagnostics.length === 0 && !opened) return;
    const params: PublishDiagnosticsParams = { uri, diagnostics };
    if (version !== null) params.version = version;
    void this.connection.sendDiagnostics(params).catch(() => undefined);
    if (diagnostics.length || version !== null) this.published.set(uri, { json, version });
    else this.published.delete(uri);
  }

  /** Clears a file's diagnostics (it is gone or no longer checked). */
  clear(uri: string): void {
    if (!this.published.delete(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  clearAll(): void {
    for (const uri of [...this.published.keys()]) this.clear(uri);
  }
}
