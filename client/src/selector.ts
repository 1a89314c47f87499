// The client's document selector: btslint's file names in the schemes of the workspace folders
// (file: on the desktop, vscode-vfs: on github.dev, ...). No `vscode` import (tested in Node).

import type { DocumentSelector } from 'vscode-languageclient';

/** The names of the files btslint reads (whatever language VS Code gave them: binding files are plain .xml). */
export const FILE_PATTERNS = ['**/*.xml', '**/*.btdfproj', '**/*.adf', '**/*.topology.{yaml,yml,json}'];

/** btslint's files in `file:` and in the scheme of every workspace folder. */
export function documentSelector(folders: readonly { uri: { scheme: string } }[] | undefined): DocumentSelector {
  const schemes = [...new Set(['file', ...(folders ?? []).map((f) => f.uri.scheme)])];
  return schemes.flatMap((scheme) => FILE_PATTERNS.map((pattern) => ({ scheme, pattern })));
}

