// What the client can do (read once from `initialize`) and what the server offers in return.

import { ClientCapabilities, CodeActionKind, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver';
import { FIX_ALL_KIND } from './features/codeActions';
import { CREATE_TOPOLOGY_COMMAND, SELECT_PLACEHOLDER_COMMAND, SHOW_DOCUMENTATION_COMMAND } from './protocol';

export interface ClientSupport {
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
  /** workspace/applyEdit with createFile (btslint/init). */
  createFiles: boolean;
}

export function clientSupport(c: ClientCapabilities): ClientSupport {
  return {
    watchedFilesRegistration: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    configurationPull: !!c.workspace?.configuration,
    codeActionLiterals: !!c.textDocument?.codeAction?.codeActionLiteralSupport,
    documentChanges: !!c.workspace?.workspaceEdit?.documentChanges,
    showDocument: !!c.window?.showDocument?.support,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    snippets: !!c.textDocument?.completion?.completionItem?.snippetSupport,
    snippetEdits: !!(c.workspace?.workspaceEdit)?.snippetEditSupport,
    createFiles: !!c.workspace?.applyEdit && !!c.workspace?.workspaceEdit?.documentChanges && !!c.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
  };
}

export function serverCapabilities(support: ClientSupport): InitializeResult['capabilities'] {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    hoverProvider: true,
    definitionProvider: true,
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    codeLensProvider: { resolveProvider: false },
    completionProvider: { triggerCharacters: [' ', '"', "'"] },
    codeActionProvider: support.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
    executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND, SELECT_PLACEHOLDER_COMMAND, CREATE_TOPOLOGY_COMMAND] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
