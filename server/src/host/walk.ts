// The folder walk both shells use (the command line synchronously, the language server asynchronously,
// so that its message loop keeps answering): one walking logic, two drivers. Candidate files are found
// by name, the core's SKIPPED_FOLDERS are never entered, symlinks are never followed (a symlink's
// Dirent is neither a directory nor a file), and the result is sorted, so both shells see the same
// files in the same order. This folder (`host/`) holds what the shells share of the file system; the
// core never reads files.

import * as fs from 'fs';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { isCandidateName, SKIPPED_FOLDERS } from '../core';
import { noteRead } from './confine';

/**
 * The walk itself: yields each folder to read and is given back its entries (undefined when the folder
 * cannot be read); returns the wanted files under `root`, sorted.
 */
export function* walkSteps(root: string, wanted: (name: string) => boolean = isCandidateName): Generator<string, string[], fs.Dirent[] | undefined> {
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    const entries = yield dir;
    if (!entries) continue;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) stack.push(p);
      } else if (e.isFile() && wanted(e.name)) out.push(p);
    }
  }
  out.sort();
  return out;
}

/** The wanted files under `root`, read synchronously (the command line). */
export function walkSync(root: string, wanted?: (name: string) => boolean): string[] {
  const steps = walkSteps(root, wanted);
  let step = steps.next();
  while (!step.done) {
    let entries: fs.Dirent[] | undefined;
    try {
      noteRead('list', step.value);
      entries = fs.readdirSync(step.value, { withFileTypes: true });
    } catch {
      entries = undefined;
    }
    step = steps.next(entries);
  }
  return step.value;
}

/**
 * The wanted files under `root`, read asynchronously (the language server); what was found so far when
 * `cancelled()` turns true.
 */
export async function walkAsync(root: string, cancelled: () => boolean = () => false, wanted?: (name: string) => boolean): Promise<string[]> {
  const steps = walkSteps(root, wanted);
  let step = steps.next();
  while (!step.done) {
    if (cancelled()) return []; // the callers drop a cancelled walk's result
    let entries: fs.Dirent[] | undefined;
    try {
      noteRead('list', step.value);
      entries = await fsp.readdir(step.value, { withFileTypes: true });
    } catch {
      entries = undefined;
    }
    step = steps.next(entries);
  }
  return step.value;
}
