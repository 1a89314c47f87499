// The CLI's file finding: the candidate files under the given paths (the walk the language server
// does too, host/walk.ts), and their display paths. It reads no file: every read goes through
// host/confine.ts (the one read gate: roots, no symlink, no FIFO, size and byte budget), and every write
// through host/output.ts (reports, baselines) or cli/fix.ts (--fix). The core receives bytes and never
// touches the file system.

import * as fs from 'fs';
import * as path from 'path';
import { walkSync } from '../host/walk';
import { safeText } from '../core/sanitize';

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
    // Symlinks are never followed, so the walk cannot leave the tree (test/robustness/sandbox.test.ts);
    // a path given explicitly is read as given.
    for (const p of walkSync(abs)) add(p, false);
  }
  files.sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
  return { files, missing };
}

/**
 * The path shown for a file: relative to `cwd` when inside it, else absolute; made safe to print
 * (core/sanitize.ts: a file name can hold ESC, CR or `##vso[`).
 */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  // Outside means `..` or `../x`; a folder named `..drafts` inside cwd is still inside.
  const outside = rel === '..' || rel.startsWith('..' + path.sep) || rel.startsWith('../');
  return safeText(rel && !outside && !path.isAbsolute(rel) ? rel : abs);
}
