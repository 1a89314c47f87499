// The CLI's only contact with the file system: finding candidate files under the given paths and
// reading their bytes. The core receives bytes and never reads files itself.

import * as fs from 'fs';
import * as path from 'path';
import { isCandidateName, SKIPPED_FOLDERS } from '../core';

export interface FoundFile {
  absolute: string;
  /** Given explicitly on the command line (read whatever its name). */
  explicit: boolean;
}

export function findFiles(inputs: string[], cwd: string): { files: FoundFile[]; missing: string[] } {
  const files: FoundFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (abs: string, explicit: boolean) => {
    const key = process.platform === 'win32' ? abs.toLowerCase() : abs;
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ absolute: abs, explicit });
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      missing.push(input);
      continue;
    }
    if (st.isFile()) {
      add(abs, true);
      continue;
    }
    const stack = [abs];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const p = path.join(dir, e.name);
        // A symlink's Dirent is neither a directory nor a file: symlinks are never followed, so the walk
        // cannot leave the tree (test/robustness/sandbox.test.ts). A path given explicitly is read as given.
        if (e.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(e.name)) stack.push(p);
        } else if (e.isFile() && isCandidateName(e.name)) add(p, false);
      }
    }
  }
  files.sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
  return { files, missing };
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  // Outside means `..` or `../x`; a folder named `..drafts` inside cwd is still inside.
  const outside = rel === '..' || rel.startsWith('..' + path.sep) || rel.startsWith('../');
  return rel && !outside && !path.isAbsolute(rel) ? rel : abs;
}
