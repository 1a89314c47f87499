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


/**
 * Widens `selector` in place with the schemes of `folders` it lacks (a folder added to the workspace
 * from another file system). The language client keeps the selector it was given by reference and
 * registers its features with it at each start, so a restart after a true answer takes the new
 * scheme in without a window reload. Schemes of removed folders stay until the next reload.
 */
export function widenSelector(selector: DocumentSelector, folders: readonly { uri: { scheme: string } }[] | undefined): boolean {
  const filters = selector as { scheme?: string; pattern?: string }[];
  const have = new Set(filters.map((f) => f.scheme));
  const added = (documentSelector(folders) as { scheme: string; pattern: string }[]).filter((f) => !have.has(f.scheme));
  filters.push(...added);
  return added.length > 0;
}
