// The server's contact with the file system: an asynchronous walk of the workspace folders (so the
// message loop keeps answering while a large workspace is read) and size-limited reads. Same
// candidate names and skipped folders as the CLI's walker (cli/files.ts), which is synchronous.

import { promises as fsp } from 'fs';
import * as path from 'path';
import { isCandidateName } from '../core';

/** Folders never worth walking into (as the CLI's walker). */
export const SKIP_DIRS = new Set(['node_modules', '.git', '.svn', '.hg', 'bin', 'obj', '.vs', '.vscode-test', 'out', '.e2e']);

/** Yields to the event loop, so pending LSP messages are handled between chunks of work. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Lists the candidate files (bindings, manifests, topologies by name) under `root`, in a stable
 * order. Stops early when `cancelled()` turns true.
 */
export async function walkFolder(root: string, cancelled: () => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    if (cancelled()) break;
    const dir = stack.pop()!;
    let entries: import('fs').Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(p);
      } else if (e.isFile() && isCandidateName(e.name)) out.push(p);
    }
  }
  out.sort();
  return out;
}

/** Whether a path goes through a folder the walker skips (for file-watcher events). */
export function inSkippedFolder(fsPath: string, root: string): boolean {
  const rel = path.relative(root, fsPath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return rel.split(/[\\/]/).slice(0, -1).some((seg) => SKIP_DIRS.has(seg));
}

export type ReadResult = { bytes: Buffer } | { skipped: string } | { missing: true };

/** Reads a file unless it is larger than `maxBytes`. */
export async function readLimited(fsPath: string, maxBytes: number): Promise<ReadResult> {
  try {
    const st = await fsp.stat(fsPath);
    if (!st.isFile()) return { missing: true };
    if (st.size > maxBytes) return { skipped: `${(st.size / 1048576).toFixed(1)} MB is over btslint.maxFileSizeMB (${(maxBytes / 1048576).toFixed(0)} MB)` };
    return { bytes: await fsp.readFile(fsPath) };
  } catch {
    return { missing: true };
  }
}
