// btslint's language server: a thin shell over the core. It keeps the workspace's BizTalk files
// parsed (WorkspaceState), lints the whole set after every change (the core joins bindings,
// manifests and topologies, so a topology edit re-checks every binding at once and the reverse),
// and publishes diagnostics for every BizTalk file of the workspace folders, open or not, through the
// same policy as the CLI (btslint.config files, suppressions: policy.ts), then the editor's overrides.
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
import * as path from 'path';
import { BtsDocument, describeModel, Finding, isCandidateName, isTopologyName, Level, readDocument } from '../core';
import { isConfigFileName } from '../core/config';
import { checkSteps } from '../core/pipeline';
import { environmentRuns } from '../core/environments';
import { namedTopologiesAsync } from '../host/topologies';
import { workspaceOf } from '../core/model/join';
import { platformsOf } from '../core/model/platform';
import { PAGE_CSS, platformSection } from '../render/report';
import { PLATFORM_CSS } from '../render/platformSvg';
import { toDiagnostic } from './convert';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { complete } from './features/completion';
import { definition } from './features/definition';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { inSkippedFolder, readConfigFile, readLimited, walkFolder, yieldToLoop } from './files';
import { isInside, pathKey, pathToUri, uriKey, uriToPath } from './paths';
import { EditorPolicy, withOverrides } from './policy';
import { version } from '../../../package.json';
import {
  BtslintSettings,
  DEFAULT_SETTINGS,
  LINT_WORKSPACE_REQUEST,
  LintWorkspaceResult,
  MODEL_REQUEST,
  ModelParams,
  ModelResult,
  PLATFORM_REQUEST,
  PlatformResult,
  SELECT_PLACEHOLDER_COMMAND,
  SHOW_DOCUMENTATION_COMMAND,
  STATUS_NOTIFICATION,
  StatusParams,
} from './protocol';
import { Entry, isSkipped, WorkspaceState } from './workspace';

/** How long a check runs before it lets the event loop answer waiting requests (then it goes on). */
const SLICE_MS = 15;

/** Quiet time after a keystroke before a burst of edits is checked. A lone edit is checked at once. */
export const DEBOUNCE_MS = 200;

/** The files btslint watches on disk (registered with the client). */
export const WATCHED_GLOBS = ['**/*.xml', '**/*.btdfproj', '**/*.adf', '**/*.topology.{yaml,yml,json}', '**/btslint.config.{json,jsonc,yaml,yml}'];

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
  /** LSP 3.18 SnippetTextEdit in workspace edits. */
  snippetEdits: boolean;
}

export class BtslintServer {
  private readonly state = new WorkspaceState();
  private readonly documents = new TextDocuments(TextDocument);
  /** btslint.config files (nearest wins), suppressions: the CLI's policy. */
  private readonly policy = new EditorPolicy(readConfigFile);
  /** Topology files that config files point at (`topologies`) outside the workspace folders, by path key. */
  private extraTopologies = new Map<string, string>();
  private settings: BtslintSettings = DEFAULT_SETTINGS;
  private support!: ClientSupport;
  /** Findings of the latest check, by file key. */
  private findings = new Map<string, Finding[]>();
  /**
   * The documents (and client versions) the latest check read, by file key: code actions are built on
   * them, not on newer text, so their edits name the version they were computed for and a client
   * refuses them once the text moved on, instead of misapplying them.
   */
  private checked = new Map<string, { doc: BtsDocument; version: number | null }>();
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

    connection.onHover((p) =>
      this.withDocument(p.textDocument.uri, (doc) => {
        const ws = this.workspace();
        // With more than one topology, the hover over a finding names its environment.
        const findings = ws.topologies.length > 1 ? this.findings.get(uriKey(p.textDocument.uri)) : undefined;
        return hover(doc, doc.lines().offset(p.position), ws, { judges: this.judgesOf(doc), findings });
      }),
    );
    connection.onDefinition((p) => this.withDocument(p.textDocument.uri, (doc) => definition(doc, doc.lines().offset(p.position), this.workspace())));
    connection.onDocumentSymbol((p) => this.withDocument(p.textDocument.uri, (doc) => documentSymbols(doc)));
    connection.onCompletion((p) => {
      // Completion is for topology files only; answer others without parsing them.
      if (!isTopologyName(p.textDocument.uri)) return null;
      return this.withDocument(p.textDocument.uri, (doc) => complete(doc, doc.lines().offset(p.position), this.workspace(), this.support.snippets));
    });
    connection.onCodeAction((p) => {
      // The document as the latest check read it; a config file's config-invalid findings get their
      // documentation action too.
      const checked = this.checked.get(uriKey(p.textDocument.uri))?.doc ?? this.state.documentAt(p.textDocument.uri);
      // A newer version was already read in place of the checked one: its findings are about to be
      // replaced, and its tree no longer matches them. The client asks again after the next publish.
      if (checked?.superseded) return null;
      const doc = checked && checked.kind !== 'other' ? checked : this.policy.configDocument(p.textDocument.uri);
      if (!doc) return null;
      return codeActions(p, {
        findings: this.findings.get(uriKey(p.textDocument.uri)) ?? [],
        doc,
        docOf: (uri) => {
          const c = this.checked.get(uriKey(uri))?.doc;
          return c && !c.superseded ? c : this.docOf(uri);
        },
        versionOf: (uri) => {
          const c = this.checked.get(uriKey(uri));
          return c ? c.version : (this.state.get(uri)?.version ?? null);
        },
        versionedEdits: this.support.documentChanges,
        snippetEdits: this.support.snippetEdits && this.support.documentChanges,
      });
    });
    connection.onExecuteCommand(async (p) => {
      if (p.command === SELECT_PLACEHOLDER_COMMAND) {
        // After a suppression edit without snippets: put the cursor on the <<reason>> placeholder.
        const [uri, selection] = (p.arguments ?? []) as [string, import('vscode-languageserver/node').Range];
        if (this.support.showDocument && typeof uri === 'string' && selection?.start) await connection.window.showDocument({ uri, selection, takeFocus: true });
        return null;
      }
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
    connection.onRequest(PLATFORM_REQUEST, (): PlatformResult => {
      // The documents and findings of the last check: the picture matches the Problems panel.
      const docs = [...this.checked.values()].map((c) => c.doc);
      const findings = [...this.findings.values()].flat();
      const byUri = new Map(docs.map((d) => [d.uri, d] as const));
      const position = (uri: string, offset: number) => byUri.get(uri)?.lines().position(offset) ?? { line: 0, character: 0 };
      const display = (uri: string) => {
        const p = uriToPath(uri);
        const root = p && this.state.folders.find((f) => isInside(p, f));
        return p ? (root ? path.relative(root, p) : p) : uri;
      };
      const platforms = platformsOf(docs, findings);
      const html = platforms
        .map((p) => {
          const section = platformSection(p, {
            display,
            line: (uri, offset) => position(uri, offset).line,
            data: (el) => {
              const at = position(el.uri, el.range.start);
              return { uri: el.uri, line: at.line, character: at.character };
            },
          });
          return `<section class="env">${section}</section>`;
        })
        .join('\n');
      return { css: PAGE_CSS + PLATFORM_CSS, html, environments: platforms.length };
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
      snippetEdits: !!(c.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport,
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
    this.state.maxFileSize = this.maxBytes();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        documentSymbolProvider: true,
        completionProvider: { triggerCharacters: [' ', '"', "'"] },
        codeActionProvider: this.support.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND, SELECT_PLACEHOLDER_COMMAND] },
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
      this.state.maxFileSize = this.maxBytes();
    } catch (e) {
      this.log(`could not read the btslint settings (${(e as Error).message}); using defaults`);
    }
  }

  private async onConfiguration(pushed: unknown): Promise<void> {
    const before = this.settings;
    if (this.support.configurationPull) await this.pullSettings();
    else this.settings = normaliseSettings((pushed as { btslint?: unknown } | undefined)?.btslint ?? pushed);
    this.state.maxFileSize = this.maxBytes();
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
    return workspaceOf(this.state.documents((e) => this.isLinted(e)));
  }

  /** The topologies (URIs) of a document's environments, as the pipeline decides them (core/environments.ts). */
  private judgesOf(doc: BtsDocument): string[] | undefined {
    const docs = this.state.documents((e) => this.isLinted(e));
    return environmentRuns(docs, { configFor: (uri) => this.policy.configFor(uri), pathOf: uriToPath }).membership.get(doc)?.topologies;
  }

  /** A document by URI: a BizTalk file of the state, or a config file with problems. */
  private docOf(uri: string): BtsDocument | undefined {
    return this.state.documentAt(uri) ?? this.policy.configDocument(uri);
  }

  /** Whether a file is checked: its config's include and exclude say so, or a config names it as a topology. */
  private isLinted(e: Entry): boolean {
    return this.extraTopologies.has(e.key) || this.policy.isLinted(e.path);
  }

  private withDocument<T>(uri: string, f: (doc: BtsDocument) => T): T | null {
    const doc = this.state.documentAt(uri);
    if (!doc || doc.kind === 'other') return null;
    return f(doc);
  }

  private onOpenOrChange(td: TextDocument, why: 'open' | 'change'): void {
    if (!isCandidateName(td.uri) || uriToPath(td.uri) === undefined) return;
    // An open document over the size limit is handed to the core like any other: readDocument
    // turns it into the file-too-large stand-in without parsing it.
    const text = td.getText();
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
    else if ('tooLarge' in r) {
      const entry = this.state.setSkipped(fsPath, r.tooLarge);
      this.log(`skipped ${fsPath}: ${entry.skipped}`);
    } else for (const gone of this.state.remove(fsPath)) this.forget(gone);
  }

  private async onWatchedFiles(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    let relevant = false;
    let configChanged = false;
    for (const ch of changes) {
      const fsPath = uriToPath(ch.uri);
      if (!fsPath) continue;
      if (this.state.folders.some((f) => inSkippedFolder(fsPath, f))) continue;
      if (isConfigFileName(path.basename(fsPath))) {
        // A config file created, changed or deleted: every file under its folder may change.
        this.policy.noteConfigFile(fsPath, ch.type !== FileChangeType.Deleted);
        configChanged = true;
        continue;
      }
      if (ch.type === FileChangeType.Deleted) {
        configChanged = this.policy.forgetConfigFilesUnder(fsPath) || configChanged;
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
    if (configChanged) {
      this.policy.reset();
      this.log('a btslint config file changed: settings re-read');
      await this.refreshExtraTopologies(() => false);
      relevant = true;
    }
    if (relevant) this.schedule(`${changes.length} file(s) changed on disk`, true);
  }

  /**
   * Reads the topology files that the config files of the workspace point at (`topologies`), as the
   * CLI does, wherever they are; forgets the ones no longer named. They are checked whatever the
   * include and exclude globs say.
   */
  private async refreshExtraTopologies(cancelled: () => boolean): Promise<void> {
    for (const e of this.state.all()) this.policy.configForPath(e.path);
    const found = new Map<string, string>();
    for (const f of await namedTopologiesAsync(this.policy.configs(), cancelled)) found.set(pathKey(f), f);
    if (cancelled()) return;
    const inFolders = (p: string) => this.state.folders.some((f) => isInside(p, f));
    for (const [key, p] of this.extraTopologies) {
      if (!found.has(key) && !inFolders(p)) for (const gone of this.state.remove(p)) this.forget(gone);
    }
    for (const [key, p] of found) if (!this.extraTopologies.has(key) || !this.state.get(key)) await this.reread(p);
    this.extraTopologies = found;
  }

  /** Forgets a file: its findings and its diagnostics. */
  private forget(e: Entry): void {
    this.findings.delete(e.key);
    this.checked.delete(e.key);
    if (this.published.has(e.uri)) {
      this.published.delete(e.uri);
      void this.connection.sendDiagnostics({ uri: e.uri, diagnostics: [] });
    }
  }

  private clearAll(): void {
    for (const uri of this.published.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.clear();
    this.findings.clear();
    this.checked.clear();
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
      // Config files are read again too (the resolver caches them).
      this.policy.reset();
      for (const folder of this.state.folders) {
        const files = await walkFolder(folder, cancelled, (n) => isCandidateName(n) || isConfigFileName(n));
        for (const f of files) {
          if (cancelled()) return;
          if (isConfigFileName(path.basename(f))) {
            this.policy.noteConfigFile(f);
            continue;
          }
          await this.reread(f);
          read++;
          // Parsing is synchronous: let pending requests through between files.
          await yieldToLoop();
        }
      }
      await this.refreshExtraTopologies(cancelled);
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
    // The files the config files' include and exclude leave in (excluded ones are not parsed).
    const docs = this.state.documents((e) => this.isLinted(e));
    await yieldToLoop();
    if (gen !== this.generation) return;
    const now = new Date();
    // The CLI's pipeline (core/pipeline.ts: environments, rules, config levels, suppressions,
    // config-invalid) in steps, back to the event loop whenever a slice has run SLICE_MS, so requests
    // are answered during a whole-workspace check; a newer change drops it.
    const steps = checkSteps(docs, {
      now,
      configFor: (uri) => this.policy.configFor(uri),
      configs: () => this.policy.configs(),
      configUri: pathToUri,
      pathOf: uriToPath,
      onInternalError: (id, e) => this.log(`rule ${id} failed: ${(e as Error)?.stack ?? e}`),
    });
    const pause = this.slices(gen);
    let step = steps.next();
    while (!step.done) {
      if (!(await pause())) return;
      step = steps.next();
    }
    this.policy.noteConfigDocuments();
    // The editor's btslint.severityOverrides, last.
    const findings = withOverrides(step.value.findings, this.settings.severityOverrides);
    await yieldToLoop();
    if (gen !== this.generation) return;
    if (!(await this.publish(docs, findings, gen))) return;
    const ms = Math.round(performance.now() - t0);
    const files = docs.filter((d) => !isSkipped(d)).length;
    this.log(`checked ${files} file(s) in ${ms} ms: ${findings.length} finding(s) (${why})`);
    this.sendStatus({ files, findings: findings.length, lastCheckMs: ms, at: new Date().toISOString(), state: 'ready' });
  }

  /**
   * A checkpoint for work on the message loop, called between steps: once SLICE_MS have run since the
   * last pause, it goes back to the event loop (waiting requests are answered), then tells whether the
   * work is still current (false: a newer change moved the generation on from `gen`).
   */
  private slices(gen: number): () => Promise<boolean> {
    let sliceStart = performance.now();
    return async () => {
      if (performance.now() - sliceStart <= SLICE_MS) return true;
      await yieldToLoop();
      sliceStart = performance.now();
      return gen === this.generation;
    };
  }

  /**
   * Sends the diagnostics that changed, in slices of SLICE_MS with the event loop in between; false
   * when a newer change (generation `gen` moved on) stopped it: the files not yet sent are the next
   * check's to send (`published` holds what was really sent).
   */
  private async publish(docs: BtsDocument[], findings: Finding[], gen: number): Promise<boolean> {
    const byUri = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byUri.get(f.uri) ?? [];
      list.push(f);
      byUri.set(f.uri, list);
    }
    this.findings = new Map([...byUri].map(([uri, list]) => [uriKey(uri), list]));
    this.checked = new Map(docs.map((d) => [uriKey(d.uri), { doc: d, version: this.state.get(d.uri)?.version ?? null }]));
    const docOf = (uri: string) => this.checked.get(uriKey(uri))?.doc ?? this.docOf(uri);
    // With more than one topology, each diagnostic names its environment (related information).
    const manyTopologies = docs.filter((d) => d.kind === 'topology').length > 1;
    // Config files' findings are published under their own URIs (they are not in `docs`).
    const uris = new Set([...docs.map((d) => d.uri), ...byUri.keys(), ...this.published.keys()]);
    const pause = this.slices(gen);
    for (const uri of uris) {
      if (!(await pause())) return false;
      const list = byUri.get(uri) ?? [];
      const diagnostics = list.map((f) => toDiagnostic(f, docOf, manyTopologies));
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
    return true;
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
