// btslint's language server: a thin shell over the core. It keeps the workspace's BizTalk files
// parsed (WorkspaceState), lints the whole set after every change (the core joins bindings,
// manifests and topologies, so a topology edit re-checks every binding at once and the reverse),
// and publishes diagnostics for every BizTalk file of the workspace folders, open or not.
// Started by `btslint lsp` on stdio for any LSP client, and by the VS Code extension over IPC.

import {
  CodeActionKind,
  Connection,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BtsDocument, describeModel, Finding, isCandidateName, isTopologyName, Level, lint, readDocument } from '../core';
import { workspaceOf } from '../core/model/join';
import { toDiagnostic } from './convert';
import { codeActions } from './features/codeActions';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { inSkippedFolder, readLimited, walkFolder, yieldToLoop } from './files';
import { pathKey, uriKey, uriToPath } from './paths';
import { version } from '../../../package.json';
import {
  BtslintSettings,
  DEFAULT_SETTINGS,
  LINT_WORKSPACE_REQUEST,
  LintWorkspaceResult,
  MODEL_REQUEST,
  ModelParams,
  ModelResult,
  SHOW_DOCUMENTATION_COMMAND,
  STATUS_NOTIFICATION,
  StatusParams,
} from './protocol';
import { Entry, WorkspaceState } from './workspace';

/** Quiet time after a keystroke before a burst of edits is checked. A lone edit is checked at once. */
export const DEBOUNCE_MS = 200;

/** The files btslint watches on disk (registered with the client). */
export const WATCHED_GLOBS = ['**/*.xml', '**/*.btdfproj', '**/*.adf', '**/*.topology.{yaml,yml,json}'];

const LEVELS = new Set(['off', 'info', 'warning', 'error']);

/** Settings from the client, with anything malformed replaced by the default. */
export function normaliseSettings(raw: unknown): BtslintSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof BtslintSettings, unknown>>;
  const overrides: Record<string, Level> = {};
  if (r.severityOverrides && typeof r.severityOverrides === 'object') {
    for (const [k, v] of Object.entries(r.severityOverrides as Record<string, unknown>)) if (typeof v === 'string' && LEVELS.has(v)) overrides[k] = v as Level;
  }
  const mb = Number(r.maxFileSizeMB);
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    severityOverrides: overrides,
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    maxFileSizeMB: Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_SETTINGS.maxFileSizeMB,
  };
}

interface ClientSupport {
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  configurationPull: boolean;
  codeActionLiterals: boolean;
  documentChanges: boolean;
  showDocument: boolean;
  workspaceFolders: boolean;
  snippets: boolean;
}

export class BtslintServer {
  private readonly state = new WorkspaceState();
  private readonly documents = new TextDocuments(TextDocument);
  private settings: BtslintSettings = DEFAULT_SETTINGS;
  private support!: ClientSupport;
  /** Findings of the latest check, by file key. */
  private findings = new Map<string, Finding[]>();
  /** What was last published per URI (JSON), and at which document version. */
  private readonly published = new Map<string, { json: string; version: number | null }>();
  /** Bumped by every change: a check that sees another value has gone stale and stops. */
  private generation = 0;
  private scanGeneration = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastChangeAt = 0;
  private scanning = false;
  private lastStatus: StatusParams | undefined;

  constructor(private readonly connection: Connection) {
    this.documents.listen(connection);
    connection.onInitialize((p) => this.initialize(p));
    connection.onInitialized(() => void this.initialized());
    connection.onShutdown(() => {
      if (this.timer) clearTimeout(this.timer);
      this.generation++;
      this.scanGeneration++;
    });

    // Open documents: the client's text wins over the disk.
    this.documents.onDidOpen((e) => this.onOpenOrChange(e.document, 'open'));
    this.documents.onDidChangeContent((e) => this.onOpenOrChange(e.document, 'change'));
    this.documents.onDidSave((e) => {
      if (this.settings.run === 'onSave' && this.state.get(e.document.uri)) this.schedule(`saved ${e.document.uri}`);
    });
    this.documents.onDidClose((e) => void this.onClose(e.document.uri));

    connection.onDidChangeWatchedFiles((p) => void this.onWatchedFiles(p.changes));
    connection.onDidChangeConfiguration((p) => void this.onConfiguration(p.settings));

    connection.onHover((p) => this.withDocument(p.textDocument.uri, (doc) => hover(doc, doc.lines().offset(p.position), this.workspace())));
    connection.onDefinition((p) => this.withDocument(p.textDocument.uri, (doc) => definition(doc, doc.lines().offset(p.position), this.workspace())));
    connection.onDocumentSymbol((p) => this.withDocument(p.textDocument.uri, (doc) => documentSymbols(doc)));
    connection.onCompletion((p) => {
      // Completion is for topology files only; answer others without parsing them.
      if (!isTopologyName(p.textDocument.uri)) return null;
      return this.withDocument(p.textDocument.uri, (doc) => complete(doc, doc.lines().offset(p.position), this.workspace(), this.support.snippets));
    });
    connection.onCodeAction((p) =>
      this.withDocument(p.textDocument.uri, (doc) =>
        codeActions(p, {
          findings: this.findings.get(uriKey(p.textDocument.uri)) ?? [],
          doc,
          docOf: (uri) => this.state.documentAt(uri),
          versionOf: (uri) => this.state.get(uri)?.version ?? null,
          versionedEdits: this.support.documentChanges,
        }),
      ),
    );
    connection.onExecuteCommand(async (p) => {
      if (p.command !== SHOW_DOCUMENTATION_COMMAND) return null;
      const url = String(p.arguments?.[0] ?? '');
      if (!/^https?:\/\//.test(url)) return null;
      if (this.support.showDocument) await connection.window.showDocument({ uri: url, external: true });
      else connection.window.showInformationMessage(`btslint rule documentation: ${url}`);
      return null;
    });

    connection.onRequest(MODEL_REQUEST, async (p: ModelParams): Promise<ModelResult> => {
      let doc = this.state.documentAt(p.uri);
      const fsPath = uriToPath(p.uri);
      if (!doc && fsPath && isCandidateName(fsPath)) {
        // A file outside the workspace folders: read it for this request only.
        const r = await readLimited(fsPath, this.maxBytes());
        if ('bytes' in r) doc = readDocument(p.uri, r.bytes);
      }
      if (!doc || doc.kind === 'other') return null;
      return describeModel(doc, fsPath ?? p.uri) as ModelResult;
    });
    connection.onRequest(LINT_WORKSPACE_REQUEST, async (): Promise<LintWorkspaceResult> => {
      const t0 = performance.now();
      await this.scan('btslint: Lint workspace');
      const findings = [...this.findings.values()].reduce((n, l) => n + l.length, 0);
      return { files: this.lastStatus?.files ?? 0, findings, ms: Math.round(performance.now() - t0) };
    });
  }

  listen(): void {
    this.connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const c = params.capabilities;
    this.support = {
      watchedFilesRegistration: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configurationRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
      configurationPull: !!c.workspace?.configuration,
      codeActionLiterals: !!c.textDocument?.codeAction?.codeActionLiteralSupport,
      documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
      showDocument: !!c.window?.showDocument?.support,
      workspaceFolders: !!c.workspace?.workspaceFolders,
      snippets: !!c.textDocument?.completion?.completionItem?.snippetSupport,
    };
    const folders = params.workspaceFolders?.length
      ? params.workspaceFolders.map((f) => uriToPath(f.uri))
      : params.rootUri
        ? [uriToPath(params.rootUri)]
        : params.rootPath
          ? [params.rootPath]
          : [];
    this.state.folders = folders.filter((f): f is string => !!f);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init && typeof init === 'object') this.settings = normaliseSettings(init.settings ?? init);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        documentSymbolProvider: true,
        completionProvider: { triggerCharacters: [' ', '"', "'"] },
        codeActionProvider: this.support.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix] } : true,
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'btslint', version: serverVersion() },
    };
  }

  private async initialized(): Promise<void> {
    const c = this.connection;
    if (this.support.watchedFilesRegistration) {
      await c.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete })),
      });
    }
    if (this.support.configurationRegistration) await c.client.register(DidChangeConfigurationNotification.type, { section: 'btslint' });
    if (this.support.workspaceFolders) {
      c.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = e.removed.map((f) => uriToPath(f.uri)).filter((f): f is string => !!f);
        const added = e.added.map((f) => uriToPath(f.uri)).filter((f): f is string => !!f);
        this.state.folders = [...this.state.folders.filter((f) => !removed.includes(f)), ...added];
        for (const gone of this.state.retainFolders()) this.forget(gone);
        void this.scan('workspace folders changed');
      });
    }
    if (this.support.configurationPull) await this.pullSettings();
    this.log(`btslint ${serverVersion()} serving ${this.state.folders.length} folder(s): ${this.state.folders.join(', ') || '(none)'}`);
    await this.scan('start');
  }

  private async pullSettings(): Promise<void> {
    try {
      const [s] = await this.connection.workspace.getConfiguration([{ section: 'btslint' }]);
      this.settings = normaliseSettings(s);
    } catch (e) {
      this.log(`could not read the btslint settings (${(e as Error).message}); using defaults`);
    }
  }

  private async onConfiguration(pushed: unknown): Promise<void> {
    const before = this.settings;
    if (this.support.configurationPull) await this.pullSettings();
    else this.settings = normaliseSettings((pushed as { btslint?: unknown } | undefined)?.btslint ?? pushed);
    if (!this.settings.enable) {
      this.generation++;
      this.clearAll();
      this.sendStatus({ files: 0, findings: 0, lastCheckMs: 0, at: new Date().toISOString(), state: 'disabled' });
      return;
    }
    if (before.maxFileSizeMB !== this.settings.maxFileSizeMB || !before.enable) await this.scan('settings changed');
    else this.schedule('settings changed');
  }

  private maxBytes(): number {
    return this.settings.maxFileSizeMB * 1024 * 1024;
  }

  private workspace() {
    return workspaceOf(this.state.documents());
  }

  private withDocument<T>(uri: string, f: (doc: BtsDocument) => T): T | null {
    const doc = this.state.documentAt(uri);
    if (!doc || doc.kind === 'other') return null;
    return f(doc);
  }

  private onOpenOrChange(td: TextDocument, why: 'open' | 'change'): void {
    if (!isCandidateName(td.uri) || uriToPath(td.uri) === undefined) return;
    const text = td.getText();
    if (text.length > this.maxBytes()) {
      const fsPath = uriToPath(td.uri)!;
      this.state.setSkipped(fsPath, 'over btslint.maxFileSizeMB');
      return;
    }
    const e = this.state.get(td.uri);
    if (e?.open && e.version === td.version && e.text === text) return; // onDidOpen then onDidChangeContent: one update
    if (e && e.uri !== td.uri && this.published.delete(e.uri)) void this.connection.sendDiagnostics({ uri: e.uri, diagnostics: [] });
    this.state.setOpen(td.uri, text, td.version);
    if (why === 'open' || this.settings.run === 'onType') this.schedule(`${why} ${td.uri}`);
  }

  private async onClose(uri: string): Promise<void> {
    const e = this.state.setClosed(uri);
    if (!e) return;
    await this.reread(e.path);
    this.schedule(`closed ${uri}`);
  }

  /** Re-reads a file from disk into the state (or forgets it when it is gone). */
  private async reread(fsPath: string): Promise<void> {
    const r = await readLimited(fsPath, this.maxBytes());
    const e = this.state.get(pathKey(fsPath));
    if (e?.open) return;
    if ('bytes' in r) this.state.setDisk(fsPath, r.bytes);
    else if ('skipped' in r) {
      this.state.setSkipped(fsPath, r.skipped);
      this.log(`skipped ${fsPath}: ${r.skipped}`);
    } else for (const gone of this.state.remove(fsPath)) this.forget(gone);
  }

  private async onWatchedFiles(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    let relevant = false;
    for (const ch of changes) {
      const fsPath = uriToPath(ch.uri);
      if (!fsPath) continue;
      if (this.state.folders.some((f) => inSkippedFolder(fsPath, f))) continue;
      if (ch.type === FileChangeType.Deleted) {
        const gone = this.state.remove(fsPath); // a file, or a folder and everything under it
        for (const e of gone) this.forget(e);
        relevant ||= gone.length > 0;
        continue;
      }
      if (!isCandidateName(fsPath)) continue;
      if (this.state.get(ch.uri)?.open) continue; // the editor's text wins
      await this.reread(fsPath);
      relevant = true;
    }
    if (relevant) this.schedule(`${changes.length} file(s) changed on disk`, true);
  }

  /** Forgets a file: its findings and its diagnostics. */
  private forget(e: Entry): void {
    this.findings.delete(e.key);
    if (this.published.has(e.uri)) {
      this.published.delete(e.uri);
      void this.connection.sendDiagnostics({ uri: e.uri, diagnostics: [] });
    }
  }

  private clearAll(): void {
    for (const uri of this.published.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.clear();
    this.findings.clear();
  }

  /** Reads every candidate file of the workspace folders, in chunks, then checks the whole set. */
  private async scan(why: string): Promise<void> {
    const gen = ++this.scanGeneration;
    const cancelled = () => gen !== this.scanGeneration;
    this.scanning = true;
    const t0 = performance.now();
    this.sendStatus({ files: this.lastStatus?.files ?? 0, findings: this.lastStatus?.findings ?? 0, lastCheckMs: this.lastStatus?.lastCheckMs ?? 0, at: new Date().toISOString(), state: 'scanning' });
    let read = 0;
    try {
      for (const folder of this.state.folders) {
        const files = await walkFolder(folder, cancelled);
        for (const f of files) {
          if (cancelled()) return;
          await this.reread(f);
          read++;
          // Parsing is synchronous: let pending requests through between files.
          await yieldToLoop();
        }
      }
    } finally {
      if (!cancelled()) this.scanning = false;
    }
    if (cancelled()) return;
    this.log(`read ${read} file(s) in ${Math.round(performance.now() - t0)} ms (${why})`);
    await this.check(why);
  }

  /**
   * Asks for a check. A lone change is checked at once; changes that follow within DEBOUNCE_MS are
   * coalesced into one check after the typing pauses. Every call makes a running check stale.
   */
  private schedule(why: string, immediate = false): void {
    this.generation++;
    const now = Date.now();
    const quiet = now - this.lastChangeAt > DEBOUNCE_MS && !this.timer;
    this.lastChangeAt = now;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.check(why);
      },
      quiet || immediate ? 0 : DEBOUNCE_MS,
    );
  }

  /** Lints the whole set and publishes what changed. Stops when a newer change makes it stale. */
  private async check(why: string): Promise<void> {
    if (this.scanning || !this.settings.enable) return;
    const gen = this.generation;
    const t0 = performance.now();
    const docs = this.state.documents();
    await yieldToLoop();
    if (gen !== this.generation) return;
    const findings = lint(docs, {
      levels: this.settings.severityOverrides,
      onInternalError: (id, e) => this.log(`rule ${id} failed: ${(e as Error)?.stack ?? e}`),
    });
    await yieldToLoop();
    if (gen !== this.generation) return;
    this.publish(docs, findings);
    const ms = Math.round(performance.now() - t0);
    const files = docs.length;
    this.log(`checked ${files} file(s) in ${ms} ms: ${findings.length} finding(s) (${why})`);
    this.sendStatus({ files, findings: findings.length, lastCheckMs: ms, at: new Date().toISOString(), state: 'ready' });
  }

  private publish(docs: BtsDocument[], findings: Finding[]): void {
    const byUri = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byUri.get(f.uri) ?? [];
      list.push(f);
      byUri.set(f.uri, list);
    }
    const docOf = (uri: string) => this.state.documentAt(uri);
    this.findings = new Map([...byUri].map(([uri, list]) => [uriKey(uri), list]));
    const uris = new Set([...docs.map((d) => d.uri), ...this.published.keys()]);
    for (const uri of uris) {
      const list = byUri.get(uri) ?? [];
      const diagnostics = list.map((f) => toDiagnostic(f, docOf));
      const json = JSON.stringify(diagnostics);
      const version = this.state.get(uri)?.version ?? null;
      const prev = this.published.get(uri);
      // Unchanged findings are not sent again, except to an open document whose version moved.
      if (prev ? prev.json === json && prev.version === version : diagnostics.length === 0) continue;
      const params: PublishDiagnosticsParams = { uri, diagnostics };
      if (version !== null) params.version = version;
      void this.connection.sendDiagnostics(params);
      if (diagnostics.length || version !== null) this.published.set(uri, { json, version });
      else this.published.delete(uri);
    }
  }

  private sendStatus(s: StatusParams): void {
    if (s.state !== 'scanning') this.lastStatus = s;
    void this.connection.sendNotification(STATUS_NOTIFICATION, s);
  }

  private log(message: string): void {
    this.connection.console.info(message);
  }
}

function serverVersion(): string {
  return version;
}

/**
 * Starts the server on the transport the command line names: `--node-ipc` (VS Code), `--socket=N`,
 * `--pipe=NAME`, or stdio (the default: `btslint lsp` and `btslint lsp --stdio`).
 */
export function startServer(): void {
  const argv = process.argv;
  const explicit = argv.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'));
  const connection =
    explicit && !argv.includes('--stdio')
      ? createConnection(ProposedFeatures.all)
      : createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  new BtslintServer(connection).listen();
}
