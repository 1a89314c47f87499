// "btslint: Show platform": a webview with the picture of each environment's platform, drawn by the
// renderer `btslint --format html` uses (the server answers `btslint/platform`). Redrawn after every
// check (a check follows every change of a topology, binding or manifest). Clicking an element (or
// Enter on it) reveals its declaration. Strict CSP: nothing but the nonce'd style and script.

import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { PLATFORM_REQUEST, PlatformResult } from '../../server/src/lsp/protocol';

export class PlatformView {
  private panel: vscode.WebviewPanel | undefined;
  private refreshing: Promise<void> | undefined;
  private again = false;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Opens (or shows) the panel and draws the current picture. */
  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      this.panel = vscode.window.createWebviewPanel('btslint.platform', 'btslint: platform', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m) => void this.reveal(m));
    }
    await this.refresh();
    return this.panel;
  }

  /** Redraws the open panel (after a check); one request at a time, the latest wins. */
  refresh(): Promise<void> {
    if (!this.panel) return Promise.resolve();
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        const c = this.client();
        if (!c || !this.panel) return;
        const r = await c.sendRequest<PlatformResult>(PLATFORM_REQUEST);
        if (this.panel) this.panel.webview.html = page(r);
      } while (this.again);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async reveal(m: unknown): Promise<void> {
    const c = this.client();
    if (!c || !m || typeof m !== 'object') return;
    const { type, uri, line, character } = m as Record<string, unknown>;
    if (type !== 'reveal' || typeof uri !== 'string' || !Number.isInteger(line) || !Number.isInteger(character)) return;
    const target = c.protocol2CodeConverter.asUri(uri);
    // A file, or a file of the workspace (vscode-vfs: on github.dev): never another scheme a page could name.
    if (target.scheme !== 'file' && !vscode.workspace.getWorkspaceFolder(target)) return;
    const at = new vscode.Position(line as number, character as number);
    await vscode.window.showTextDocument(target, { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.One });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function page(r: PlatformResult): string {
  // Web Crypto: the desktop's and the web's extension hosts both have it.
  const nonce = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const body = r.environments ? r.html : '<p class="none">No topology file in the workspace: there is no platform to draw. Declare one (*.topology.yaml).</p>';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'">
<style nonce="${nonce}">${r.css}
body { background: #fafafa; color: #1b1b1b; } main { padding: 0 12px 24px; }
svg.platform g.el { cursor: pointer; } svg.platform g.el:focus { outline: none; } svg.platform g.el:focus .box { stroke-width: 3; }
</style></head><body><main>${body}</main>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
function reveal(t) {
  const g = t && t.closest ? t.closest('g.el') : null;
  if (g) vscode.postMessage({ type: 'reveal', uri: g.dataset.uri, line: Number(g.dataset.line), character: Number(g.dataset.character) });
}
document.addEventListener('click', (e) => reveal(e.target));
document.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(e.target); } });
</script></body></html>`;
}
