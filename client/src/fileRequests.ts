// The client's side of the files a server with no file system reads (server/src/lsp/clientFiles.ts):
// the `btslint/fs/*` requests answered with `workspace.findFiles` and `workspace.fs`, as VS Code's own
// CSS and HTML servers do, for URIs inside a workspace folder only. A file is stat'ed before it is
// read: a symbolic link or a folder is refused, a file over the server's size limit is answered with
// its size alone.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FIND_FILES_REQUEST,
  FindFilesParams,
  FindFilesResult,
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  ReadDirectoryParams,
  ReadDirectoryResult,
  ReadFileParams,
  ReadFileResult,
  toBase64,
} from '../../server/src/lsp/protocol';

/** The largest `maxResults` the client passes to findFiles, whatever the server asks. */
const MAX_FIND_RESULTS = 20_000;

export function registerFileRequests(client: BaseLanguageClient): vscode.Disposable {
  const inWorkspace = (uri: vscode.Uri) => vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  const parse = (u: unknown) => {
    if (typeof u !== 'string') return undefined;
    try {
      return client.protocol2CodeConverter.asUri(u);
    } catch {
      return undefined;
    }
  };
  const disposables = [
    client.onRequest(FIND_FILES_REQUEST, async (p: FindFilesParams, token: vscode.CancellationToken): Promise<FindFilesResult> => {
      const base = parse(p?.base);
      if (!base || !inWorkspace(base) || typeof p.include !== 'string') return [];
      try {
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(base, p.include), typeof p.exclude === 'string' ? p.exclude : undefined, Math.min(Number(p.maxResults) || MAX_FIND_RESULTS, MAX_FIND_RESULTS), token);
        return found.map((u) => client.code2ProtocolConverter.asUri(u));
      } catch {
        // No search provider for this file system: the server walks it with readDirectory.
        return null;
      }
    }),
    client.onRequest(READ_DIRECTORY_REQUEST, async (p: ReadDirectoryParams): Promise<ReadDirectoryResult> => {
      const uri = parse(p?.uri);
      if (!uri || !inWorkspace(uri)) return null;
      try {
        return (await vscode.workspace.fs.readDirectory(uri)).map(([name, type]) => [name, type]);
      } catch {
        return null;
      }
    }),
    client.onRequest(READ_FILE_REQUEST, async (p: ReadFileParams): Promise<ReadFileResult> => {
      const uri = parse(p?.uri);
      if (!uri) return { refused: 'it is not a URI' };
      if (!inWorkspace(uri)) return { refused: 'it is outside the workspace' };
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(uri);
      } catch {
        return { missing: true };
      }
      if (stat.type & vscode.FileType.SymbolicLink) return { refused: 'it is a symbolic link' };
      if (!(stat.type & vscode.FileType.File)) return { refused: 'it is not a regular file' };
      const max = Number(p.maxBytes);
      if (!(stat.size <= max)) return { tooLarge: stat.size };
      try {
        const bytes = await vscode.workspace.fs.readFile(uri);
        return bytes.length > max ? { tooLarge: bytes.length } : { base64: toBase64(bytes) };
      } catch {
        return { missing: true };
      }
    }),
  ];
  return vscode.Disposable.from(...disposables);
}
