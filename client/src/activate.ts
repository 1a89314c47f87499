// The VS Code extension, shared by its two entries: extension.ts (desktop: the Node server over IPC)
// and browser/extension.ts (VS Code for the web: the browser server in a web worker). It starts the
// language client the entry makes, answers the server's file requests (fileRequests.ts: the files the
// user has not opened, for a server with no file system), and adds what only an editor has: a status-bar item, a timed output channel, the commands
// "btslint: Lint workspace", "btslint: Show model for this file" (a read-only virtual document),
// "btslint: Open adapter settings" (the escaped settings of a transport, decoded, in a virtual
// document that saves back into the binding: adapterSettingsFs.ts) and "btslint: Create topology from
// workspace" (btslint init through the server), and the getting-started walkthrough (package.json,
// docs/walkthrough). Everything about BizTalk files lives in the server.

import * as vscode from 'vscode';
import { BaseLanguageClient, LanguageClientOptions, State } from 'vscode-languageclient';
import { registerFileRequests } from './fileRequests';
import { documentSelector, widenSelector } from './selector';
import { AdapterSettingsFs, openAdapterSettings, SETTINGS_SCHEME } from './adapterSettingsFs';
import {
  INIT_REQUEST,
  InitResult,
  LINT_WORKSPACE_REQUEST,
  LintWorkspaceResult,
  MODEL_REQUEST,
  ModelResult,
  OPEN_ADAPTER_SETTINGS_COMMAND,
  RESULT_LIMIT_NOTIFICATION,
  ResultLimitParams,
  STATUS_NOTIFICATION,
  StatusParams,
} from '../../server/src/lsp/protocol';
import { PlatformView } from './platformView';

/** What the extension exports: used by the end-to-end tests to wait for the server. */
export interface BtslintApi {
  /** The latest `btslint/status` from the server. */
  status(): StatusParams | undefined;
  /** Resolves with the first status whose state is `ready` after `since` statuses were seen. */
  whenReady(since?: number): Promise<StatusParams>;
  /** How many statuses were received so far. */
  statusCount(): number;
}

let client: BaseLanguageClient | undefined;

/** What an entry gives: how to make its language client, and a line for the log saying which server it runs. */
export interface ClientFactory {
  create(clientOptions: LanguageClientOptions): BaseLanguageClient;
  describe: string;
}

export async function activateWith(context: vscode.ExtensionContext, factory: ClientFactory): Promise<BtslintApi> {
  // A log output channel: every line gets a timestamp, and the level filter applies.
  const output = vscode.window.createOutputChannel('btslint', { log: true });
  context.subscriptions.push(output);

  const clientOptions: LanguageClientOptions = {
    // Files btslint reads: by name, whatever language VS Code gave them (binding files are plain
    // .xml), in the schemes of the workspace folders (file:, vscode-vfs: on github.dev, ...).
    documentSelector: documentSelector(vscode.workspace.workspaceFolders),
    // The server pulls the `btslint` section and is told when it changes. It may ask for the files the
    // user has not opened (clientFiles); rule pages are under the extension's folder (extensionUri).
    // Plain data: a web worker receives it by structured clone, which refuses the settings' proxies.
    // In an untrusted workspace the server reads nothing outside the workspace folders (not even a
    // btslint.config file in a folder above them); when trust is granted the server is restarted.
    initializationOptions: JSON.parse(JSON.stringify({ settings: currentSettings(), clientFiles: true, extensionUri: context.extensionUri.toString(), workspaceTrusted: vscode.workspace.isTrusted })),
    outputChannel: output,
    diagnosticCollectionName: 'btslint',
    middleware: {
      window: {
        // A rule's page (docs/rules/<id>.md, shipped in the extension) opens as a Markdown preview.
        showDocument: async (params, token, next) => {
          if (!params.external && /^[a-z][a-z0-9+.-]*:.*\/docs\/rules\/[a-z0-9-]+\.md$/.test(params.uri)) {
            await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(params.uri));
            return { success: true };
          }
          return next(params, token);
        },
      },
    },
    // The server's "Open adapter settings" CodeLens runs the client command of that name.
  };
  client = factory.create(clientOptions);
  context.subscriptions.push(registerFileRequests(client));
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      // The client keeps this object (not a copy): the restarted server is told.
      (clientOptions.initializationOptions as { workspaceTrusted?: boolean }).workspaceTrusted = true;
      void vscode.commands.executeCommand('btslint.restartServer');
    }),
    // A folder added from another file system (a vscode-vfs: repository beside file: folders): the
    // selector is widened in place and the server restarted, so its files are synchronised and checked
    // without a window reload.
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (clientOptions.documentSelector && widenSelector(clientOptions.documentSelector, vscode.workspace.workspaceFolders)) {
        output.info('btslint: a workspace folder in a new scheme was added; restarting the server');
        void vscode.commands.executeCommand('btslint.restartServer');
      }
    }),
  );

  // "Show model": read-only documents with the model a request returned.
  const MODEL_SCHEME = 'btslint-model';
  const models = new Map<string, string>();
  let modelCount = 0;
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(MODEL_SCHEME, { provideTextDocumentContent: (u) => models.get(u.toString()) ?? '' }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === MODEL_SCHEME) models.delete(d.uri.toString());
    }),
  );

  // The adapter settings views: a file system of virtual documents that save back into the binding.
  const settingsFs = new AdapterSettingsFs(client);
  context.subscriptions.push(
    settingsFs,
    vscode.workspace.registerFileSystemProvider(SETTINGS_SCHEME, settingsFs, { isCaseSensitive: true }),
  );

  // Status bar: what the server is doing, the problems of the last check, or what failed.
  const item = vscode.window.createStatusBarItem('btslint.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'btslint';
  item.command = 'btslint.showOutput';
  item.text = '$(sync~spin) btslint';
  item.tooltip = 'btslint is starting';
  item.show();
  context.subscriptions.push(item);

  let last: StatusParams | undefined;
  let count = 0;
  const waiters: { since: number; resolve: (s: StatusParams) => void }[] = [];
  const platform = new PlatformView(() => client);
  context.subscriptions.push(platform);
  const onStatus = (s: StatusParams) => {
    last = s;
    count++;
    if (s.state === 'ready') void platform.refresh().catch((e) => output.warn(`btslint: the platform view could not be redrawn: ${e}`));
    renderStatus(item, s);
    for (const w of waiters.splice(0)) {
      if (s.state === 'ready' && count > w.since) w.resolve(s);
      else waiters.push(w);
    }
  };
  context.subscriptions.push(
    client.onNotification(STATUS_NOTIFICATION, onStatus),
    // An outline or folding answer cut by btslint.maxItemsComputed (said once per file by the server):
    // a status bar message for a few seconds, never a dialog.
    client.onNotification(RESULT_LIMIT_NOTIFICATION, (p: ResultLimitParams) => {
      if (typeof p?.message === 'string') context.subscriptions.push(vscode.window.setStatusBarMessage(`$(info) btslint: ${p.message}`, 8000));
    }),
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) {
        item.text = '$(error) btslint';
        item.tooltip = 'The btslint server stopped; see the btslint output';
      }
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('btslint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('btslint.lintWorkspace', async () => {
      if (!client) return;
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'btslint: reading and checking the workspace' },
        () => client!.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST),
      );
      void vscode.window.showInformationMessage(`btslint: ${r.files} BizTalk file(s) checked in ${r.ms} ms, ${r.findings} finding(s).`);
      return r;
    }),
    vscode.commands.registerCommand('btslint.showModel', async (resource?: vscode.Uri) => {
      const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      if (!client || !uri) {
        void vscode.window.showWarningMessage('btslint: open a binding, topology or manifest file first.');
        return undefined;
      }
      const model = await client.sendRequest<ModelResult>(MODEL_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri) });
      if (!model) {
        void vscode.window.showWarningMessage(`btslint: ${vscode.workspace.asRelativePath(uri)} is not a BizTalk file btslint reads.`);
        return undefined;
      }
      // A read-only virtual document (never an Untitled buffer that asks to be saved).
      const name = uri.path.split('/').pop() ?? 'file';
      const modelUri = vscode.Uri.from({ scheme: MODEL_SCHEME, path: `/${name}.model.json`, query: new URLSearchParams({ file: uri.toString(), n: String(++modelCount) }).toString() });
      models.set(modelUri.toString(), JSON.stringify(model, null, 2) + '\n');
      const doc = await vscode.workspace.openTextDocument(modelUri);
      await vscode.languages.setTextDocumentLanguage(doc, 'json');
      await vscode.window.showTextDocument(doc, { preview: false });
      return doc;
    }),
    vscode.commands.registerCommand('btslint.showPlatform', async () => {
      if (!client) return undefined;
      return platform.show();
    }),
    vscode.commands.registerCommand(OPEN_ADAPTER_SETTINGS_COMMAND, (uri?: string, id?: string) => (client ? openAdapterSettings(client, settingsFs, uri, id) : undefined)),
    vscode.commands.registerCommand('btslint.createTopology', async (folder?: vscode.Uri) => {
      if (!client) return undefined;
      // The folder: the one given (explorer), else the active file's, else the first.
      const ws = (folder instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(folder) : undefined) ??
        (vscode.window.activeTextEditor ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) : undefined) ??
        vscode.workspace.workspaceFolders?.[0];
      if (!ws) {
        void vscode.window.showWarningMessage('btslint: open a folder with BizTalk files first.');
        return undefined;
      }
      // The server reads the workspace and asks VS Code to create the file (a workspace edit).
      const r = await client.sendRequest<InitResult>(INIT_REQUEST, { folder: client.code2ProtocolConverter.asUri(ws.uri) });
      const first = r.created[0];
      const target = first?.uri ?? r.existing[0];
      if (!target) {
        void vscode.window.showWarningMessage(`btslint: ${r.message}`);
        return r;
      }
      const doc = await vscode.workspace.openTextDocument(client.protocol2CodeConverter.asUri(target));
      if (first) await doc.save();
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      if (first?.selection) {
        const sel = client.protocol2CodeConverter.asRange(first.selection);
        editor.selection = new vscode.Selection(sel.start, sel.end);
        editor.revealRange(sel, vscode.TextEditorRevealType.InCenter);
      }
      void vscode.window.showInformationMessage(`btslint: ${r.message}`);
      return r;
    }),
    vscode.commands.registerCommand('btslint.restartServer', async () => {
      if (!client) return;
      await client.stop();
      await client.start();
    }),
  );

  await client.start();
  output.info(`btslint client started; server ${factory.describe}`);

  return {
    status: () => last,
    statusCount: () => count,
    whenReady: (since = 0) =>
      new Promise<StatusParams>((resolve) => {
        if (last && last.state === 'ready' && count > since) resolve(last);
        else waiters.push({ since, resolve });
      }),
  };
}

function currentSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('btslint');
  return {
    enable: c.get('enable'),
    severityOverrides: c.get('severityOverrides'),
    run: c.get('run'),
    maxFileSizeMB: c.get('maxFileSizeMB'),
    maxDiagnosticsPerFile: c.get('maxDiagnosticsPerFile'),
    maxItemsComputed: c.get('maxItemsComputed'),
  };
}

function renderStatus(item: vscode.StatusBarItem, s: StatusParams): void {
  item.backgroundColor = undefined;
  if (s.state === 'scanning' || s.state === 'checking') {
    item.text = `$(sync~spin) btslint: ${s.state}`;
    item.tooltip = s.state === 'scanning' ? 'btslint is reading the workspace. Click to show the btslint output.' : 'btslint is checking. Click to show the btslint output.';
    return;
  }
  if (s.state === 'disabled') {
    item.text = '$(circle-slash) btslint';
    item.tooltip = 'btslint is disabled (btslint.enable)';
    return;
  }
  if (s.state === 'error') {
    item.text = '$(error) btslint: error';
    item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    item.tooltip = new vscode.MarkdownString(`**btslint**: ${s.error ?? 'a step failed'}.\n\nThe diagnostics of the last good check stay. Click to show the btslint output.`);
    return;
  }
  const at = new Date(s.at);
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  item.text = `$(checklist) btslint: ${s.findings} problem${s.findings === 1 ? '' : 's'}`;
  item.tooltip = new vscode.MarkdownString(
    `**btslint** checked ${s.files} BizTalk file(s) at ${time} in ${s.lastCheckMs} ms: ${s.findings} finding(s).\n\nClick to show the btslint output.`,
  );
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
