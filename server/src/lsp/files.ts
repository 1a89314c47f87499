// The server's contact with the file system: an asynchronous walk of the workspace folders (so the
// message loop keeps answering while a large workspace is read; the walk is the CLI's, host/walk.ts),
// size-limited reads, and the reads of btslint config files.

import * as path from 'path';
import { isCandidateName, SKIPPED_FOLDERS } from '../core';
import { walkAsync } from '../host/walk';
import { readConfigBytes, readFileAtAsync } from '../host/confine';

/** Yields to the event loop, so pending LSP messages are handled between chunks of work. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Lists the candidate files (bindings, manifests, topologies by name; or the names `wanted` accepts)
 * under `root`, in a stable order: the walk the CLI does too (host/walk.ts), asynchronously. Stops
 * early when `cancelled()` turns true.
 */
export function walkFolder(root: string, cancelled: () => boolean = () => false, wanted: (name: string) => boolean = isCandidateName): Promise<string[]> {
  return walkAsync(root, cancelled, wanted);
}

/** Whether a path goes through a folder the walker skips (for file-watcher events). */
export function inSkippedFolder(fsPath: string, root: string): boolean {
  const rel = path.relative(root, fsPath);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return rel.split(/[\\/]/).slice(0, -1).some((seg) => SKIPPED_FOLDERS.has(seg));
}

export type ReadResult = { bytes: Buffer } | { tooLarge: number } | { missing: true };

/**
 * Reads a file unless it is larger than `maxBytes` (then only its size is known), without following a
 * final symlink or blocking on a FIFO (host/confine.ts). For a file the user asked about (the model
 * request); files of the workspace are read through the server's Confinement.
 */
export async function readLimited(fsPath: string, maxBytes: number): Promise<ReadResult> {
  const r = await readFileAtAsync(fsPath, maxBytes);
  if ('bytes' in r) return { bytes: r.bytes };
  if ('tooLarge' in r) return { tooLarge: r.tooLarge };
  return { missing: true };
}

/**
 * A config file's bytes for the core's ConfigResolver (host/confine.ts readConfigBytes: never through
 * a symlink, size-limited, a refusal reported as config-invalid). Synchronous (the resolver's
 * contract): config files are small and each folder is looked up once per resolver, which the server
 * renews only when a config file changes.
 */
export const readConfigFile = readConfigBytes;
