// The desktop entry of the VS Code extension (`main`, bundled as dist/extension.js): the bundled Node
// server (dist/server.js, the same code as `btslint lsp`) over IPC. Everything else is activate.ts,
// shared with the web entry (browser/extension.ts).

import * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateWith, BtslintApi } from './activate';

export { BtslintApi, deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<BtslintApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  return activateWith(context, { create: (clientOptions) => new LanguageClient('btslint', 'btslint', serverOptions, clientOptions), describe: serverModule });
}
