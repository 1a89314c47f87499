// btslint's language server: a thin shell over the core. It keeps the workspace's BizTalk files
// parsed (WorkspaceState), lints the whole set after every change (the core joins bindings,
// manifests and topologies, so a topology edit re-checks every binding at once and the reverse),
// and publishes diagnostics for every BizTalk file of the workspace folders, open or not, through the
// same policy as the CLI (btslint.config files, suppressions: policy.ts), then the editor's overrides.
// Started by `btslint lsp` on stdio for any LSP client, and by the VS Code extension over IPC.
//
// This file composes the parts, one job each: capabilities.ts (what client and server can do),
// settings.ts (the btslint settings, per folder), diskSync.ts (scan, watcher, re-reads), scheduler.ts
// (when checks run, time slices), publisher.ts (what is sent), routing.ts (the requests). What stays
// here: the document events, the check itself, the status, and the error boundary every
// asynchronous handler runs in (a failure is logged, the status says so, the last good diagnostics
// stay, and the server goes on).

import {
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  WatchKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules, BtsDocument, Finding, isCandidateName, Level, Rule, TextChange } from '../core';
import { timed, timingOn } from './timing';
import { trackedDocuments } from './edits';
import { check as checkOnce, checkSteps } from '../core/pipeline';
import { environmentRuns } from '../core/environments';
import { workspaceOf } from '../core/model/join';
import { ClientSupport, clientSupport, serverCapabilities } from './capabilities';
import { toDiagnostic } from './convert';
import { DiskSync } from './diskSync';
import { FileSource, yieldToLoop } from './files';
import { pathToUri, uriKey, uriToPath } from './paths';
import { EditorPolicy, withOverrides } from './policy';
import { version } from '../../../package.json';
import { LintWorkspaceResult, RESULT_LIMIT_NOTIFICATION, ResultLimitParams, STATUS_NOTIFICATION, StatusParams } from './protocol';
import { limitFindings, moreDiagnostic, Publisher } from './publisher';
import { route } from './routing';
import { createTopology } from './init';
import { LARGE_SETTLE_MS, Output, Scheduler } from './scheduler';
import { normaliseSettings, SettingsStore } from './settings';
import { Entry, isSkipped, LARGE_DOCUMENT, WorkspaceState } from './workspace';

export { normaliseSettings };
export { DEBOUNCE_MS } from './scheduler';

/** The files btslint watches on disk (registered with the client). */
export const WATCHED_GLOBS = ['**/*.xml', '**/*.btdfproj', '**/*.adf', '**/*.topology.{yaml,yml,json}', '**/btslint.config.{json,jsonc,yaml,yml}'];

/**
 * Test-only fault injection (BTSLINT_TEST_FAULTS=read,policy,...): the survival tests make a step throw.
 * `config-content` throws only on a config file whose text holds `btslint-test-fault` (a failure mid-run).
 */
function fault(step: string): void {
  const f = faults();
  if (f && f.split(',').includes(step)) throw new Error(`injected fault in ${step}`);
}

function faults(): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.BTSLINT_TEST_FAULTS;
}

export class BtslintServer {
  readonly state = new WorkspaceState();
  /** The client's last incremental edits, as offsets (edits.ts), until the change event that follows takes them. */
  private lastEdits: { uri: string; version: number; changes: TextChange[] | undefined } | undefined;
  private readonly documents = new TextDocuments(trackedDocuments((uri, version, changes) => (this.lastEdits = { uri, version, changes })));
  /** btslint.config files (nearest wins), suppressions: the CLI's policy. */
  readonly policy = new EditorPolicy((p) => {
    // In an untrusted workspace no config file above or beside the workspace folders is read.
    if (!this.mayRead(p)) return undefined;
    fault('config');
    const bytes = this.files.readConfig(p);
    if (faults() && bytes instanceof Uint8Array && new TextDecoder().decode(bytes).includes('btslint-test-fault')) fault('config-content');
    return bytes;
  });
  private readonly settings = new SettingsStore();
  private support!: ClientSupport;
  private readonly publisher: Publisher;
  private readonly scheduler: Scheduler;
  private readonly disk: DiskSync;
  /** Findings of the latest check, by file key. */
  private findings = new Map<string, Finding[]>();
  /**
   * The documents (and client versions) the latest check read, by file key: code actions are built on
   * them, not on newer text, so their edits name the version they were computed for and a client
   * refuses them once the text moved on, instead of misapplying them.
   */
  private checked = new Map<string, { doc: BtsDocument; version: number | null }>();
  /**
   * False when the client says the workspace is not trusted (initializationOptions.workspaceTrusted,
   * VS Code's workspace trust): then nothing outside the workspace folders is read, not even a config
   * file in a folder above them or a file the user asks the model of (mayRead).
   */
  private trusted = true;
  private scanGeneration = 0;
  private scanning = false;
  private lastStatus: StatusParams | undefined;
  /** Files whose outline or folding was cut by btslint.maxItemsComputed and the user was told (once per session). */
  private readonly limitsSaid = new Set<string>();

  /**
   * `files`: where the files the user has not opened are read from (the Node entry: the disk, and the
   * client for folders that are not on disk; the browser entry: the client).
   */
  constructor(
    readonly connection: Connection,
    private readonly files: FileSource,
    /**
     * `initialize`: the entry's look at the initialize request (the browser reads the extension's URI
     * there); `output`: the transport's pending messages (scheduler.ts Output).
     */
    private readonly hooks: { initialize?(params: InitializeParams): void; output?: Output } = {},
  ) {
    this.publisher = new Publisher(connection);
    this.scheduler = new Scheduler((why) => this.guard('check', () => this.check(why), undefined, true), hooks.output);
    this.disk = new DiskSync({
      state: this.state,
      policy: this.policy,
      files,
      forget: (e) => this.forget(e),
      log: (m) => this.log(m),
    });
    this.state.maxFileSizeOf = (p) => this.settings.forPath(p).maxFileSizeMB * 1024 * 1024;
    this.documents.listen(connection);
    connection.onInitialize((p) => this.initialize(p));
    connection.onInitialized(() => void this.guard('start', () => this.initialized(), undefined, true));
    connection.onShutdown(() => {
      this.scheduler.cancel();
      this.scanGeneration++;
    });

    // Open documents: the client's text wins over the disk.
    this.documents.onDidOpen((e) => void this.guard('open', () => this.onOpenOrChange(e.document, 'open'), undefined));
    this.documents.onDidChangeContent((e) => void this.guard('change', () => this.onOpenOrChange(e.document, 'change'), undefined));
    this.documents.onDidSave((e) => {
      if (this.settings.forUri(e.document.uri).run === 'onSave' && this.state.get(e.document.uri)) this.scheduler.request(`saved ${e.document.uri}`);
    });
    this.documents.onDidClose((e) => void this.guard('close', () => this.onClose(e.document.uri), undefined, true));

    connection.onDidChangeWatchedFiles(
      (p) =>
        void this.guard(
          'file watcher',
          async () => {
            if (await this.disk.onWatchedFiles(p?.changes)) this.scheduler.request(`${Array.isArray(p?.changes) ? p.changes.length : 0} file(s) changed on disk`, true);
          },
          undefined,
          true,
        ),
    );
    connection.onDidChangeConfiguration((p) => void this.guard('settings', () => this.onConfiguration(p.settings), undefined, true));

    route({
      connection,
      files,
      state: this.state,
      policy: this.policy,
      support: () => this.support,
      findingsOf: (uri) => this.findings.get(uriKey(uri)) ?? [],
      checkedOf: (uri) => this.checked.get(uriKey(uri)),
      docOf: (uri) => this.docOf(uri),
      workspace: () => this.workspace(),
      judgesOf: (doc) => this.judgesOf(doc),
      lintWorkspace: () => this.lintWorkspace(),
      lastCheck: () => ({ docs: [...this.checked.values()].map((c) => c.doc), findings: [...this.findings.values()].flat() }),
      createTopology: (p) =>
        createTopology(
          {
            connection,
            state: this.state,
            policy: this.policy,
            files,
            canCreateFiles: () => this.support.createFiles,
            lintedDocuments: () =>
              this.state.all().flatMap((e) => {
                const doc = this.isLinted(e) ? this.state.document(e) : undefined;
                return doc && doc.kind !== 'other' ? [{ doc, path: e.path }] : [];
              }),
          },
          p,
        ),
      clientDocument: (uri) => this.documents.get(uri),
      mayRead: (p) => this.mayRead(p),
      maxItemsOf: (uri) => this.settings.forUri(uri).maxItemsComputed,
      resultLimitReached: (uri, message) => {
        const key = uriKey(uri);
        if (this.limitsSaid.has(key)) return;
        this.limitsSaid.add(key);
        this.log(message);
        void this.connection.sendNotification(RESULT_LIMIT_NOTIFICATION, { uri, message } satisfies ResultLimitParams).catch(() => undefined);
      },
      guard: (what, f, fallback) => this.guard(what, f, fallback),
    });
  }

  listen(): void {
    this.connection.listen();
  }

  /**
   * The error boundary of every asynchronous handler: a throw is logged with its stack and answered
   * with `fallback`; with `visible`, the status item says what failed. The last good diagnostics stay
   * (nothing is published from a failed step), and the server goes on.
   */
  async guard<T>(what: string, f: () => T | Promise<T>, fallback: T, visible = false): Promise<T> {
    const t0 = performance.now();
    try {
      const r = f();
      // The timing log (timing.ts): a request's own work (what runs before its first await).
      timed(what, t0);
      return await r;
    } catch (e) {
      const err = e as Error;
      this.log(`btslint: ${what} failed: ${err?.stack ?? String(e)}`, 'error');
      if (visible) {
        const s = this.lastStatus;
        this.sendStatus({ files: s?.files ?? 0, findings: s?.findings ?? 0, lastCheckMs: s?.lastCheckMs ?? 0, at: new Date().toISOString(), state: 'error', error: `${what} failed: ${oneLine(err?.message ?? String(e))}` });
      }
      return fallback;
    }
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.support = clientSupport(params.capabilities);
    this.hooks.initialize?.(params);
    const folders = params.workspaceFolders?.length
      ? params.workspaceFolders.map((f) => uriToPath(f.uri))
      : params.rootUri
        ? [uriToPath(params.rootUri)]
        : params.rootPath
          ? [params.rootPath]
          : [];
    this.state.folders = folders.filter((f): f is string => !!f);
    this.settings.setInitializationOptions(params.initializationOptions);
    this.trusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
    return { capabilities: serverCapabilities(this.support), serverInfo: { name: 'btslint', version: serverVersion() } };
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
      c.workspace.onDidChangeWorkspaceFolders(
        (e) =>
          void this.guard(
            'workspace folders',
            async () => {
              const removed = e.removed.map((f) => uriToPath(f.uri)).filter((f): f is string => !!f);
              const added = e.added.map((f) => uriToPath(f.uri)).filter((f): f is string => !!f);
              this.state.folders = [...this.state.folders.filter((f) => !removed.includes(f)), ...added];
              for (const gone of this.state.retainFolders()) this.forget(gone);
              if (this.support.configurationPull) await this.pullSettings();
              await this.scan('workspace folders changed');
            },
            undefined,
            true,
          ),
      );
    }
    if (this.support.configurationPull) await this.pullSettings();
    this.log(`btslint ${serverVersion()} serving ${this.state.folders.length} folder(s): ${this.state.folders.join(', ') || '(none)'}`);
    await this.scan('start');
  }

  /** Asks the client for the window's settings and each folder's (a null answer keeps the initialization options). */
  private async pullSettings(): Promise<void> {
    const folders = [...this.state.folders];
    try {
      const answers = await this.connection.workspace.getConfiguration(this.settings.items(folders));
      this.settings.setAnswers(folders, Array.isArray(answers) ? answers : []);
    } catch (e) {
      this.log(`could not read the btslint settings (${(e as Error).message}); using the initialization options or the defaults`);
    }
  }

  private async onConfiguration(pushed: unknown): Promise<void> {
    const before = this.settings.all().map((s) => `${s.enable}:${s.maxFileSizeMB}`).join();
    if (this.support.configurationPull) await this.pullSettings();
    else this.settings.setPushed(pushed);
    if (!this.enabledAnywhere()) {
      this.scheduler.cancel();
      this.clearAll();
      this.sendStatus({ files: 0, findings: 0, lastCheckMs: 0, at: new Date().toISOString(), state: 'disabled' });
      return;
    }
    const after = this.settings.all().map((s) => `${s.enable}:${s.maxFileSizeMB}`).join();
    if (before !== after) await this.scan('settings changed');
    else this.scheduler.request('settings changed');
  }

  private enabledAnywhere(): boolean {
    return this.settings.all().some((s) => s.enable);
  }

  /**
   * The workspace requests are answered with: a large open document whose newest version waits for
   * its check is in it at its last parse (WorkspaceState.documentForRequest), so no request parses it.
   */
  private workspace() {
    return workspaceOf(this.state.documents((e) => this.isLinted(e), true));
  }

  /** The topologies (URIs) of a document's environments, as the pipeline decides them (core/environments.ts). */
  private judgesOf(doc: BtsDocument): string[] | undefined {
    const docs = this.state.documents((e) => this.isLinted(e), true);
    return environmentRuns(docs, { configFor: (uri) => this.policy.configFor(uri), pathOf: uriToPath }).membership.get(doc)?.topologies;
  }

  /**
   * Whether the server may read a file beyond the workspace scan: always when the workspace is trusted;
   * otherwise only inside the workspace folders, every symlink resolved (host/confine.ts). The scan,
   * re-reads and the topologies config files name are confined to the folders in any case.
   */
  private mayRead(fsPath: string): boolean {
    if (this.trusted) return true;
    return this.state.inFolders(fsPath) && (this.files.inside?.(fsPath) ?? true);
  }

  /** A document by URI: a BizTalk file of the state, or a config file with problems. */
  private docOf(uri: string): BtsDocument | undefined {
    return this.state.documentAt(uri) ?? this.policy.configDocument(uri);
  }

  /**
   * Whether a file is checked with the workspace: in a workspace folder where btslint is enabled and
   * its config's include and exclude leave it in, or a config names it as a topology.
   */
  private isLinted(e: Entry): boolean {
    if (this.disk.isExtraTopology(e.key)) return true;
    if (!this.state.inFolders(e.path)) return false;
    return this.settings.forPath(e.path).enable && this.policy.isLinted(e.path);
  }

  /** An open file outside the workspace folders: checked on its own, against the workspace's topologies. */
  private isOutside(e: Entry): boolean {
    return e.open && !this.state.inFolders(e.path) && !this.disk.isExtraTopology(e.key) && this.settings.global.enable;
  }

  private onOpenOrChange(td: TextDocument, why: 'open' | 'change'): void {
    const edits = this.lastEdits;
    this.lastEdits = undefined;
    if (!isCandidateName(td.uri) || uriToPath(td.uri) === undefined) return;
    // An open document over the size limit is handed to the core like any other: readDocument
    // turns it into the file-too-large stand-in without parsing it.
    const text = td.getText();
    const e = this.state.get(td.uri);
    if (e?.open && e.version === td.version && e.text === text) return; // onDidOpen then onDidChangeContent: one update
    if (e && e.uri !== td.uri) this.publisher.clear(e.uri);
    if (why === 'open') this.publisher.noteOpened(td.uri);
    // The client document's line offsets are computed on first use, the first edit's (a scan of the
    // whole text: about 40 ms on 15 MB, in the middle of the first keystroke's requests); for a large
    // document they are computed now, on a turn of the event loop of their own.
    if (why === 'open' && text.length > LARGE_DOCUMENT) setTimeout(() => this.documents.get(td.uri)?.offsetAt({ line: 0, character: 0 }), 0);
    const changes = why === 'change' && edits?.uri === td.uri && edits.version === td.version ? edits.changes : undefined;
    this.state.setOpen(td.uri, text, td.version, changes);
    if (why === 'open' || this.settings.forUri(td.uri).run === 'onType') this.scheduler.request(`${why} ${td.uri}`, false, why === 'change' && text.length > LARGE_DOCUMENT ? LARGE_SETTLE_MS : 0);
  }

  private async onClose(uri: string): Promise<void> {
    const e = this.state.setClosed(uri);
    if (!e) return;
    if (!this.state.inFolders(e.path) && !this.disk.isExtraTopology(e.key)) {
      // A file from outside the workspace: it leaves with its tab.
      this.state.drop(e);
      this.forget(e);
      return;
    }
    fault('read');
    await this.disk.reread(e.path);
    this.scheduler.request(`closed ${uri}`);
  }

  /** Forgets a file: its findings and its diagnostics. */
  private forget(e: Entry): void {
    this.findings.delete(e.key);
    this.checked.delete(e.key);
    this.publisher.clear(e.uri);
  }

  private clearAll(): void {
    this.publisher.clearAll();
    this.findings.clear();
    this.checked.clear();
  }

  private async lintWorkspace(): Promise<LintWorkspaceResult> {
    const t0 = performance.now();
    await this.guard('btslint: Lint workspace', () => this.scan('btslint: Lint workspace'), undefined, true);
    const findings = [...this.findings.values()].reduce((n, l) => n + l.length, 0);
    return { files: this.lastStatus?.files ?? 0, findings, ms: Math.round(performance.now() - t0) };
  }

  /** Reads every candidate file of the workspace folders, in chunks, then checks the whole set. */
  private async scan(why: string): Promise<void> {
    const gen = ++this.scanGeneration;
    const cancelled = () => gen !== this.scanGeneration;
    this.scanning = true;
    const t0 = performance.now();
    this.sendProgress('scanning');
    let read: number | undefined;
    try {
      read = await this.disk.readFolders(cancelled);
    } finally {
      if (!cancelled()) this.scanning = false;
    }
    if (read === undefined) return;
    this.log(`read ${read} file(s) in ${Math.round(performance.now() - t0)} ms (${why})`);
    await this.check(why);
  }

  /** Lints the whole set and publishes what changed. Stops when a newer change makes it stale. */
  private async check(why: string): Promise<void> {
    if (this.scanning) return;
    if (!this.enabledAnywhere()) return;
    const gen = this.scheduler.generation;
    const t0 = performance.now();
    this.sendProgress('checking');
    // The files the config files' include and exclude leave in (excluded ones are not parsed), parsed
    // in steps with the event loop in between (a re-parse of megabytes does not hold requests up).
    const pause = this.scheduler.slices(gen);
    // An answer still being written (a large outline) goes out before the first piece.
    if (!(await pause('before the check'))) return;
    const docs = await this.state.documentsInSteps((e) => this.isLinted(e), pause);
    const outside = docs && (await this.state.documentsInSteps((e) => this.isOutside(e), pause));
    if (!docs || !outside) return;
    await yieldToLoop();
    if (gen !== this.scheduler.generation) return;
    const now = new Date();
    // The CLI's pipeline (core/pipeline.ts: environments, rules, config levels, suppressions,
    // config-invalid) in steps, back to the event loop whenever a slice has run SLICE_MS, so requests
    // are answered during a whole-workspace check; a newer change drops it.
    const onInternalError = (id: string, e: unknown) => this.log(`rule ${id} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`, 'error');
    const options = {
      now,
      configFor: (uri: string) => this.policy.configFor(uri),
      configs: () => this.policy.configs(),
      configUri: pathToUri,
      pathOf: uriToPath,
      onInternalError,
    };
    // The timing log (timing.ts) names each rule's step.
    let ran = 'reader problems';
    const rules = timingOn() ? allRules.map((r) => (r.check ? { ...r, check: (ctx: Parameters<NonNullable<Rule['check']>>[0]) => ((ran = `rule ${r.meta.id}`), r.check(ctx)) } : r)) : undefined;
    const steps = checkSteps(docs, rules ? { ...options, rules } : options);
    let step = steps.next();
    let tp = performance.now();
    while (!step.done) {
      if (!(await pause(ran))) return;
      tp = performance.now();
      ran = 'no rule (reader problems, environments, policy)';
      step = steps.next();
    }
    fault('policy');
    this.policy.noteConfigDocuments();
    const checked = [...step.value.findings];
    // A file opened from outside the workspace is checked on its own by the same pipeline, with the
    // workspace's topologies (a topology from outside never judges the workspace's files).
    const topologies = docs.filter((d) => d.topology);
    for (const o of outside) {
      if (!(await pause())) return;
      checked.push(...checkOnce(o.topology ? [o] : [o, ...topologies], { ...options, configs: () => [] }).findings.filter((f) => f.uri === o.uri));
    }
    const all = [...docs, ...outside];
    // The editor's btslint.severityOverrides of each file's folder, last.
    const findings = this.withFolderOverrides(checked);
    timed('the last policy step, outside files and overrides', tp, 5);
    await yieldToLoop();
    if (gen !== this.scheduler.generation) return;
    if (!(await this.publish(all, findings, gen))) return;
    const ms = Math.round(performance.now() - t0);
    const files = all.filter((d) => !isSkipped(d)).length;
    this.log(`checked ${files} file(s) in ${ms} ms: ${findings.length} finding(s) (${why})`);
    this.sendStatus({ files, findings: findings.length, lastCheckMs: ms, at: new Date().toISOString(), state: 'ready' });
  }

  /** btslint.severityOverrides, per the folder of each finding's file (the policy's order kept). */
  private withFolderOverrides(findings: Finding[]): Finding[] {
    if (this.settings.all().every((s) => !Object.keys(s.severityOverrides).length)) return findings;
    const byUri = new Map<string, Record<string, Level>>();
    const out: Finding[] = [];
    for (const f of findings) {
      let o = byUri.get(f.uri);
      if (!o) byUri.set(f.uri, (o = this.settings.forUri(f.uri).severityOverrides));
      out.push(...withOverrides([f], o));
    }
    return out;
  }

  /**
   * Sends the diagnostics that changed, in slices with the event loop in between; false when a newer
   * change stopped it: the files not yet sent are the next check's to send (the publisher holds what
   * was really sent).
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
    const uris = new Set([...docs.map((d) => d.uri), ...byUri.keys(), ...this.publisher.uris()]);
    const pause = this.scheduler.slices(gen);
    for (const uri of uris) {
      if (!(await pause('publish'))) return false;
      const list = byUri.get(uri) ?? [];
      const fsPath = uriToPath(uri);
      const settings = this.settings.forPath(fsPath);
      const folder = fsPath ? this.state.folders.find((f) => fsPath.startsWith(f)) : undefined;
      const { kept, more } = limitFindings(list, settings.maxDiagnosticsPerFile);
      const diagnostics = kept.map((f) => toDiagnostic(f, docOf, manyTopologies));
      if (more) diagnostics.push(moreDiagnostic(uri, more, settings.maxDiagnosticsPerFile, folder));
      this.publisher.send(uri, diagnostics, this.state.get(uri)?.version ?? null);
    }
    return true;
  }

  private sendProgress(state: 'scanning' | 'checking'): void {
    const s = this.lastStatus;
    this.sendStatus({ files: s?.files ?? 0, findings: s?.findings ?? 0, lastCheckMs: s?.lastCheckMs ?? 0, at: new Date().toISOString(), state });
  }

  private sendStatus(s: StatusParams): void {
    if (s.state !== 'scanning' && s.state !== 'checking') this.lastStatus = s;
    void this.connection.sendNotification(STATUS_NOTIFICATION, s).catch(() => undefined);
  }

  private log(message: string, level: 'info' | 'error' = 'info'): void {
    try {
      if (level === 'error') this.connection.console.error(message);
      else this.connection.console.info(message);
    } catch {
      // the connection is gone: nothing to tell
    }
  }
}

function oneLine(s: string): string {
  const l = s.split(/\r?\n/)[0];
  return l.length > 200 ? `${l.slice(0, 200)}…` : l;
}

function serverVersion(): string {
  return version;
}
