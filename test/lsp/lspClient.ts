// A minimal LSP client for protocol tests: starts `node server/bin/btslint.js lsp --stdio` as a child
// process and talks JSON-RPC over its stdio with vscode-jsonrpc, as an editor would. It records
// published diagnostics and notifications, answers the server's requests (configuration, capability
// registration, showDocument) and waits for diagnostics that satisfy a condition.

import { ChildProcess, spawn } from 'child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { pathToUri } from '../../server/src/lsp/paths';
import type { StatusParams } from '../../server/src/lsp/protocol';

export const REPO = path.join(__dirname, '..', '..', '..');
/** The binding the protocol tests lint: FTP in and out, both in BizTalkServerApplication (test/fixtures). */
export const FTP_BINDING = path.join(REPO, 'test', 'fixtures', 'bindings', 'FtpRelay.BindingInfo.xml');
export const BIN = path.join(REPO, 'server', 'bin', 'btslint.js');

export interface ClientOptions {
  /** Settings answered to workspace/configuration (and sent as initializationOptions). */
  settings?: Record<string, unknown>;
  /** Advertise workspace/configuration (pull) support. */
  configurationPull?: boolean;
  /** Advertise LSP 3.18 snippet edits in workspace edits (`workspaceEdit.snippetEditSupport`). */
  snippetEdits?: boolean;
  /** Advertise window/showDocument support (default true). */
  showDocument?: boolean;
  /** Answer workspace/configuration with this (per item) instead of `settings`: e.g. null, as Neovim does. */
  configurationAnswer?: (item: { section?: string; scopeUri?: string }) => unknown;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
  /** Sent as initializationOptions.workspaceTrusted (VS Code's workspace trust); not sent when undefined. */
  workspaceTrusted?: boolean;
  /** The workspace folders, relative to the root (default: the root alone). */
  workspaceFolders?: string[];
  /**
   * The workspace as a file system the server cannot read (`memfs://ws/...` for the root): the client
   * advertises `clientFiles` and answers the btslint/fs/* requests from the root on disk, as VS Code
   * for the web does. findFiles: 'answer' (default), 'null' (no search provider), 'silent' (never answers).
   */
  clientFiles?: { findFiles?: 'answer' | 'null' | 'silent' };
}

/** The root of a clientFiles workspace. */
export const MEMFS_ROOT = 'memfs://ws';

export class LspTestClient {
  readonly child: ChildProcess;
  readonly conn: MessageConnection;
  /** Latest diagnostics per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** Every publishDiagnostics, in order. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly shownDocuments: unknown[] = [];
  /** workspace/applyEdit requests from the server (applied as an editor does; createFile writes an empty file). */
  readonly appliedEdits: WorkspaceEdit[] = [];
  stderr = '';
  /** The btslint/fs/* requests the server sent (method and URI). */
  readonly fsRequests: { method: string; uri: string }[] = [];
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  /** The text of each document the client has open. */
  readonly texts = new Map<string, string>();

  constructor(readonly root: string, private readonly options: ClientOptions = {}) {
    this.child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publishes.push(p);
      this.wake();
    });
    this.conn.onNotification((method, params) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) =>
      p.items.map((item) => (options.configurationAnswer ? options.configurationAnswer(item) : (options.settings ?? {}))),
    );
    this.conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onRequest('window/showDocument', (p: unknown) => {
      this.shownDocuments.push(p);
      this.wake();
      return { success: true };
    });
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.appliedEdits.push(p.edit);
      for (const dc of p.edit.documentChanges ?? []) {
        if ('kind' in dc && dc.kind === 'create') {
          const file = fileURLToPath(dc.uri);
          if (!fs.existsSync(file)) this.writeFile(path.relative(this.root, file), '', true);
        }
      }
      this.applyEdit(p.edit);
      this.wake();
      return { applied: true };
    });
    if (options.clientFiles) this.answerFileRequests(options.clientFiles.findFiles ?? 'answer');
    this.conn.listen();
  }

  /** The file on disk behind a memfs: URI (undefined outside the root). */
  private memfsFile(uri: unknown): string | undefined {
    if (typeof uri !== 'string' || !uri.startsWith(MEMFS_ROOT + '/')) return undefined;
    const rel = decodeURIComponent(uri.slice(MEMFS_ROOT.length + 1));
    if (rel.split('/').includes('..')) return undefined;
    return path.join(this.root, ...rel.split('/'));
  }

  private answerFileRequests(findFiles: 'answer' | 'null' | 'silent'): void {
    const toUri = (file: string) => `${MEMFS_ROOT}/${path.relative(this.root, file).split(path.sep).map(encodeURIComponent).join('/')}`;
    this.conn.onRequest('btslint/fs/findFiles', (p: { base: string; maxResults: number }) => {
      this.fsRequests.push({ method: 'findFiles', uri: p.base });
      if (findFiles === 'null') return null;
      if (findFiles === 'silent') return new Promise(() => undefined);
      const base = this.memfsFile(p.base) ?? (p.base === MEMFS_ROOT ? this.root : undefined);
      if (!base) return [];
      const out: string[] = [];
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const f = path.join(dir, e.name);
          if (e.isDirectory()) walk(f);
          else if (/\.(xml|btdfproj|adf|ya?ml|jsonc?)$/i.test(e.name)) out.push(toUri(f));
        }
      };
      walk(base);
      return out.slice(0, p.maxResults);
    });
    this.conn.onRequest('btslint/fs/readDirectory', (p: { uri: string }) => {
      this.fsRequests.push({ method: 'readDirectory', uri: p.uri });
      const dir = this.memfsFile(p.uri) ?? (p.uri === MEMFS_ROOT ? this.root : undefined);
      if (!dir || !fs.existsSync(dir)) return null;
      return fs.readdirSync(dir, { withFileTypes: true }).map((e) => [e.name, e.isSymbolicLink() ? 64 : e.isDirectory() ? 2 : 1]);
    });
    this.conn.onRequest('btslint/fs/readFile', (p: { uri: string; maxBytes: number }): unknown => {
      this.fsRequests.push({ method: 'readFile', uri: p.uri });
      const file = this.memfsFile(p.uri);
      if (!file || !fs.existsSync(file)) return { missing: true };
      const st = fs.lstatSync(file);
      if (!st.isFile()) return { refused: 'it is not a regular file' };
      if (st.size > p.maxBytes) return { tooLarge: st.size };
      return { base64: fs.readFileSync(file).toString('base64') };
    });
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  uri(rel: string): string {
    if (this.options.clientFiles) return `${MEMFS_ROOT}/${rel.split(/[\\/]/).map(encodeURIComponent).join('/')}`;
    return pathToUri(path.join(this.root, rel));
  }

  async initialize(): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: this.options.clientFiles ? MEMFS_ROOT : pathToUri(this.root),
      workspaceFolders: this.options.clientFiles
        ? [{ uri: MEMFS_ROOT, name: 'ws' }]
        : (this.options.workspaceFolders ?? ['.']).map((rel) => ({ uri: pathToUri(path.join(this.root, rel)), name: path.basename(path.join(this.root, rel)) })),
      initializationOptions: this.options.clientFiles
        ? { settings: this.options.settings, clientFiles: true }
        : this.options.settings || this.options.workspaceTrusted !== undefined
          ? { ...(this.options.settings ? { settings: this.options.settings } : {}), ...(this.options.workspaceTrusted !== undefined ? { workspaceTrusted: this.options.workspaceTrusted } : {}) }
          : undefined,
      capabilities: {
        workspace: {
          configuration: !!this.options.configurationPull,
          didChangeWatchedFiles: { dynamicRegistration: true },
          applyEdit: true,
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'], ...(this.options.snippetEdits ? { snippetEditSupport: true } : {}) },
          workspaceFolders: true,
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
        window: { showDocument: { support: this.options.showDocument !== false } },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Waits until `cond()` holds, re-checking after each message from the server. */
  async waitFor<T>(what: string, cond: () => T | undefined | false, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = cond();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr}\nlast diagnostics:\n${this.dump()}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for diagnostics of `uri` that satisfy `cond`, published after `since` publishes. */
  waitForDiagnostics(uri: string, cond: (d: Diagnostic[]) => boolean, since = 0, what = 'diagnostics'): Promise<Diagnostic[]> {
    return this.waitFor(`${what} of ${uri}`, () => {
      for (let i = this.publishes.length - 1; i >= since; i--) {
        if (this.publishes[i].uri === uri) return cond(this.publishes[i].diagnostics) ? this.publishes[i].diagnostics : undefined;
      }
      return undefined;
    });
  }

  /** Waits for the first `btslint/status` with state ready (or `state`) after `since` notifications. */
  waitForStatus(since = 0, state: StatusParams['state'] = 'ready', timeoutMs = 15000): Promise<StatusParams> {
    return this.waitFor<StatusParams>(`btslint/status ${state}`, () => {
      for (let i = since; i < this.notifications.length; i++) {
        const n = this.notifications[i];
        if (n.method === 'btslint/status' && (n.params as StatusParams).state === state) return n.params as StatusParams;
      }
      return undefined;
    }, timeoutMs);
  }

  dump(): string {
    return [...this.diagnostics].map(([u, ds]) => `${u}\n${ds.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${String(d.message).slice(0, 100)}`).join('\n')}`).join('\n');
  }

  open(rel: string, text?: string, languageId = rel.endsWith('.xml') ? 'xml' : rel.endsWith('.json') ? 'json' : 'yaml'): string {
    const uri = this.uri(rel);
    const content = text ?? fs.readFileSync(path.join(this.root, rel), 'utf8');
    this.versions.set(uri, 1);
    this.texts.set(uri, content);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: content } });
    return uri;
  }

  /** Sends a whole-document change (or ranged edits) and returns the new version. */
  change(uri: string, change: { text: string } | { range: TextEdit['range']; text: string }[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const contentChanges = Array.isArray(change) ? change : [change];
    this.texts.set(uri, Array.isArray(change) ? applyTextEdits(this.texts.get(uri) ?? '', change.map((c) => ({ range: c.range, newText: c.text }))) : change.text);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Applies a workspace edit as an editor does: open documents get a change, others are written to disk. */
  applyEdit(edit: WorkspaceEdit): void {
    const uris = new Set([...(edit.documentChanges ?? []).map((d) => ('textDocument' in d ? d.textDocument.uri : '')), ...Object.keys(edit.changes ?? {})]);
    for (const uri of uris) {
      if (!uri) continue;
      const edits = editsFor(edit, uri);
      const open = this.texts.get(uri);
      if (open !== undefined) this.change(uri, { text: applyTextEdits(open, edits) });
      else {
        const rel = path.relative(this.root, fileURLToPath(uri));
        this.writeFile(rel, applyTextEdits(fs.readFileSync(path.join(this.root, rel), 'utf8'), edits));
      }
    }
  }

  close(uri: string): void {
    this.texts.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Writes a file on disk and tells the server, as a file watcher would. */
  writeFile(rel: string, text: string, created = false): string {
    fs.writeFileSync(path.join(this.root, rel), text);
    const uri = this.uri(rel);
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: created ? 1 : 2 }] });
    return uri;
  }

  deleteFile(rel: string): string {
    fs.rmSync(path.join(this.root, rel));
    const uri = this.uri(rel);
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    return uri;
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      const t = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }
}

/** Applies LSP text edits to a text (edits given in the text's own positions). */
/** The LSP position of the first `needle` in `text`, moved by `delta` units (line breaks \n or \r\n). */
export function pos(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not found`);
  const before = text.slice(0, at + delta);
  return { line: before.split('\n').length - 1, character: at + delta - (before.lastIndexOf('\n') + 1) };
}

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') lineStarts.push(i + 1);
    else if (text[i] === '\r' && text[i + 1] !== '\n') lineStarts.push(i + 1);
  }
  const off = (p: { line: number; character: number }) => Math.min((lineStarts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/**
 * The edits a WorkspaceEdit makes to one URI (documentChanges or changes). A snippet edit (LSP 3.18)
 * becomes the text an editor inserts before the user types: each placeholder's default text.
 */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) {
    if (!('textDocument' in dc) || dc.textDocument.uri !== uri) continue;
    for (const e of dc.edits as (TextEdit | { range: TextEdit['range']; snippet: { value: string } })[]) {
      out.push('snippet' in e ? { range: e.range, newText: snippetText(e.snippet.value) } : e);
    }
  }
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

/** The text a snippet inserts: `${1:default}` -> default, `$1`/`$0` -> nothing, `\$` -> `$`. */
export function snippetText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i];
    if (ch === '\\' && i + 1 < snippet.length) out += snippet[++i];
    else if (ch === '$' && snippet[i + 1] === '{') {
      const m = /^\$\{\d+:/.exec(snippet.slice(i));
      if (!m) throw new Error(`unsupported snippet syntax at ${i}: ${snippet}`);
      i += m[0].length - 1; // the default text follows; its closing brace is skipped below
    } else if (ch === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (ch === '}') continue; // closes a placeholder (a literal one is escaped)
    else out += ch;
  }
  return out;
}

/** Every file of the repository's examples/ folder, as makeWorkspace copies (relative path -> source). */
export function exampleFiles(): Record<string, { copy: string }> {
  const root = path.join(REPO, 'examples');
  const files: Record<string, { copy: string }> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files[path.relative(root, p)] = { copy: p };
    }
  };
  walk(root);
  return files;
}

/** A small binding: one SFTP receive location, Orders.In.SFTP, in host ReceiveHost_SFTP. */
export const SFTP_BINDING = `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection />
  <ReceivePortCollection>
    <ReceivePort Name="Orders.In" IsTwoWay="false">
      <ReceiveLocations>
        <ReceiveLocation Name="Orders.In.SFTP">
          <Address>sftp://partner/orders/*.xml</Address>
          <ReceiveHandler Name="ReceiveHost_SFTP" />
          <ReceiveLocationTransportType Name="SFTP" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;

/** A production topology that declares only ReceiveHost_SFTP, on two servers: eight findings of its own (backups, SSO, MessageBox, DR...), four of them errors. */
export const SFTP_TOPOLOGY = ['topology: 1', 'environment: production', 'hosts:', '  - name: ReceiveHost_SFTP', '    type: in-process', '    instances: [BTS01, BTS02]', ''].join('\n');

/** A language server on a new workspace of `files`, initialized; then shut down and the workspace removed. */
export async function withServer(
  files: Record<string, string>,
  options: ClientOptions,
  f: (c: LspTestClient, root: string) => Promise<void>,
): Promise<void> {
  const root = makeWorkspace(files);
  const c = new LspTestClient(root, options);
  try {
    await c.initialize();
    await f(c, root);
  } finally {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** A fresh workspace folder in the OS temp folder, with the given files (text or a path to copy). */
export function makeWorkspace(files: Record<string, string | { copy: string }>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-lsp-')));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    if (typeof content === 'string') fs.writeFileSync(p, content);
    else fs.copyFileSync(content.copy, p);
  }
  return root;
}
