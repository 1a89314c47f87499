// "Open adapter settings": the escaped settings of one transport, decoded and indented, as a virtual
// document (`btslint-settings:` URIs) that can be edited and saved. Reading asks the server for the
// view (`btslint/adapterSettings`), with the binding's diagnostics that lie in the settings mapped
// into it; saving asks the server for the edit that writes the view back escaped as BizTalk expects
// (`btslint/applyAdapterSettings`), applies it to the binding, and saves the binding when it had no
// other unsaved change. The server refuses a view that is not well formed or that was read before
// the binding changed; the save then fails with its reason.

import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  ADAPTER_SETTINGS_REQUEST,
  AdapterSettingsResult,
  APPLY_ADAPTER_SETTINGS_REQUEST,
  ApplyAdapterSettingsResult,
} from '../../server/src/lsp/protocol';

export const SETTINGS_SCHEME = 'btslint-settings';

interface Target {
  /** The binding's URI, as the server knows it. */
  file: string;
  id: string;
}

function targetOf(uri: vscode.Uri): Target {
  const q = new URLSearchParams(uri.query);
  const file = q.get('file');
  const id = q.get('id');
  if (!file || !id) throw vscode.FileSystemError.FileNotFound(uri);
  return { file, id };
}

/** The view's URI: `btslint-settings:/<binding file>/<label>.xml?file=..&id=..` (a .xml path, for XML highlighting). */
export function settingsUri(file: string, id: string, label: string): vscode.Uri {
  const name = vscode.Uri.parse(file).path.split('/').pop() ?? 'binding.xml';
  const safe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'settings';
  return vscode.Uri.from({ scheme: SETTINGS_SCHEME, path: `/${safe(name)}/${safe(label)}.xml`, query: new URLSearchParams({ file, id }).toString() });
}

export class AdapterSettingsFs implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** The view text as last read or written, per view URI: the base a save is checked against. */
  private readonly base = new Map<string, string>();
  private readonly mtimes = new Map<string, number>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('btslint-settings');
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: LanguageClient) {
    // The binding's diagnostics changed: refresh those of its open views.
    this.subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      const files = new Set(e.uris.map((u) => u.toString()));
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.uri.scheme !== SETTINGS_SCHEME) continue;
        const t = targetOf(doc.uri);
        if (files.has(vscode.Uri.parse(t.file).toString())) void this.refreshDiagnostics(doc.uri, t);
      }
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }

  private async view(uri: vscode.Uri, t: Target): Promise<NonNullable<AdapterSettingsResult['view']>> {
    const r = await this.client.sendRequest<AdapterSettingsResult>(ADAPTER_SETTINGS_REQUEST, { uri: t.file, id: t.id });
    if (!r.view) throw vscode.FileSystemError.FileNotFound(uri);
    return r.view;
  }

  private async refreshDiagnostics(uri: vscode.Uri, t: Target): Promise<void> {
    try {
      const v = await this.view(uri, t);
      this.setDiagnostics(uri, v.diagnostics);
    } catch {
      this.diagnostics.delete(uri);
    }
  }

  private setDiagnostics(uri: vscode.Uri, diagnostics: unknown[]): void {
    void this.client.protocol2CodeConverter.asDiagnostics(diagnostics as never).then((ds) => this.diagnostics.set(uri, ds));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const key = uri.toString();
    if (!this.mtimes.has(key)) this.mtimes.set(key, Date.now());
    return { type: vscode.FileType.File, ctime: 0, mtime: this.mtimes.get(key)!, size: this.base.get(key)?.length ?? 0 };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const t = targetOf(uri);
    const v = await this.view(uri, t);
    this.base.set(uri.toString(), v.text);
    this.setDiagnostics(uri, v.diagnostics);
    return new TextEncoder().encode(v.text);
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const t = targetOf(uri);
    const text = new TextDecoder().decode(content);
    const r = await this.client.sendRequest<ApplyAdapterSettingsResult>(APPLY_ADAPTER_SETTINGS_REQUEST, { uri: t.file, id: t.id, text, baseText: this.base.get(uri.toString()) });
    if ('problems' in r) throw vscode.FileSystemError.NoPermissions(`btslint cannot write these settings back: ${r.problems.join('; ')}`);
    if (r.edit) {
      const fileUri = vscode.Uri.parse(t.file);
      const wasDirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === fileUri.toString() && d.isDirty);
      const edit = await this.client.protocol2CodeConverter.asWorkspaceEdit(r.edit as Parameters<LanguageClient['protocol2CodeConverter']['asWorkspaceEdit']>[0]);
      if (!edit || !(await vscode.workspace.applyEdit(edit))) throw vscode.FileSystemError.Unavailable('the binding changed while the settings were saved; open them again');
      // Written to disk unless the binding holds other unsaved changes (those stay the user's to save).
      if (!wasDirty) await (await vscode.workspace.openTextDocument(fileUri)).save();
    }
    this.base.set(uri.toString(), text);
    this.mtimes.set(uri.toString(), Date.now());
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('adapter settings views have no folders');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('adapter settings cannot be deleted from here');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('adapter settings cannot be renamed');
  }
}

/**
 * Opens the settings of a transport: the one named (CodeLens), else the one at the cursor of the
 * active binding, else one picked from the list.
 */
export async function openAdapterSettings(client: LanguageClient, _fs: AdapterSettingsFs, file?: string, id?: string): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  const fileUri = file ?? (editor ? client.code2ProtocolConverter.asUri(editor.document.uri) : undefined);
  if (!fileUri) {
    void vscode.window.showWarningMessage('btslint: open a binding file first.');
    return undefined;
  }
  const r = await client.sendRequest<AdapterSettingsResult>(ADAPTER_SETTINGS_REQUEST, { uri: fileUri });
  if (!r.blocks.length) {
    void vscode.window.showWarningMessage('btslint: this file has no escaped adapter settings.');
    return undefined;
  }
  let block = id !== undefined ? r.blocks.find((b) => b.id === id) : undefined;
  if (!block && id === undefined && editor && client.code2ProtocolConverter.asUri(editor.document.uri) === fileUri) {
    const line = editor.selection.active.line;
    block = r.blocks.find((b) => b.range.start.line <= line && line <= b.range.end.line);
  }
  if (!block) {
    const pick = await vscode.window.showQuickPick(
      r.blocks.map((b) => ({ label: b.label, description: b.adapter ?? undefined, block: b })),
      { placeHolder: 'Adapter settings of which transport?' },
    );
    block = pick?.block;
  }
  if (!block) return undefined;
  const doc = await vscode.workspace.openTextDocument(settingsUri(fileUri, block.id, `${block.label}${block.adapter ? ` ${block.adapter}` : ''}`));
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
