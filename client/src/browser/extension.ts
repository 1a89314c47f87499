// The web entry of the VS Code extension (`browser`, bundled as dist/browser/extension.js) for VS Code
// for the web (github.dev, vscode.dev): the browser server (dist/browser/server.js) in a web worker.
// It has no file system: it reads the files the user has not opened through this client
// (fileRequests.ts). Everything else is activate.ts, shared with the desktop entry.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, BtslintApi } from '../activate';

export { BtslintApi, deactivate } from '../activate';

export function activate(context: vscode.ExtensionContext): Promise<BtslintApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  return activateWith(context, {
    create: (clientOptions) => new LanguageClient('btslint', 'btslint', new Worker(serverMain.toString(true)), clientOptions),
    describe: `${serverMain.toString(true)} (web worker)`,
  });
}
