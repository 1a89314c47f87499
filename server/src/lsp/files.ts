// How the server reads the workspace, whatever holds it: the `FileSource` the entry gives the shared
// server. The Node entry reads `file:` URIs from disk (node/diskFiles.ts: the CLI's walk, every read
// through host/confine.ts); the browser entry, and the Node entry for folders that are not on disk
// (`vscode-vfs:` on github.dev, ...), read through the client (clientFiles.ts). Paths are the
// server's paths (paths.ts): a file-system path for `file:`, a virtual path for the other schemes.
// No Node module here: this file runs in the browser's web worker too.

import { relativeInside } from '../core/config';
import type { EffectiveConfig } from '../core/config';
import { SKIPPED_FOLDERS } from '../core';

export type ReadResult = { bytes: Uint8Array } | { tooLarge: number } | { refused: string } | { missing: true };

export interface FileSource {
  /** The workspace folders: what the source may read (renewed when they change). */
  setFolders(folders: readonly string[]): void;
  /**
   * The files under `folder` whose names `wanted` accepts, sorted, never through a skipped folder
   * (core SKIPPED_FOLDERS) or a symbolic link; [] when `cancelled()` turns true.
   */
  list(folder: string, wanted: (name: string) => boolean, cancelled: () => boolean): Promise<string[]>;
  /** A file inside the workspace folders, unless it is larger than `maxBytes` (then only its size is known). */
  read(path: string, maxBytes: number): Promise<ReadResult>;
  /** A file the user asked about (the model request), wherever it is; size-limited. */
  readAny(path: string, maxBytes: number): Promise<ReadResult>;
  /**
   * Whether `path`, every symbolic link on it resolved, lies inside the workspace folders (an untrusted
   * workspace reads nothing else). A source without symbolic links leaves it out: then being under a
   * folder is enough.
   */
  inside?(path: string): boolean;
  /** Whether something (a file, a folder, a link) is at `path`: btslint/init never replaces it. */
  exists(path: string): Promise<boolean>;
  /**
   * A btslint config file's bytes for the core's ConfigResolver, synchronously (its contract): undefined
   * when there is none; a refusal is reported as config-invalid.
   */
  readConfig(path: string): Uint8Array | { refused: string } | undefined;
  /**
   * Makes config files readable by readConfig (a source that reads asynchronously reads them here);
   * with `present` false, the files (or folders) were deleted: whatever was kept under them is dropped.
   */
  loadConfigs(paths: readonly string[], present?: boolean): Promise<void>;
  /**
   * The topology files the configs name (`topologies`, `environments.<env>.topology`) inside the
   * workspace folders; a source that reaches outside is a config-invalid problem added to its config.
   */
  namedTopologies(configs: Iterable<EffectiveConfig>, cancelled: () => boolean): Promise<string[]>;
}

/**
 * Yields to the event loop, so pending LSP messages are handled between chunks of work:
 * `setImmediate` twice in Node, a message-channel round trip in a web worker (a `setTimeout(0)` is
 * clamped to 4 ms there). Twice: a message read while the work ran is handed to its handler by an
 * immediate the connection queues when it reads it, after the work's own (queued when it yielded);
 * with one, the work's next piece ran first and a request waited for two pieces, not one.
 */
export function yieldToLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') return new Promise((resolve) => immediate(() => immediate(resolve)));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const port = channel.port1 as unknown as { onmessage: (() => void) | null; close(): void };
    port.onmessage = () => {
      port.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Whether a path goes through a folder the walker skips (for file-watcher events). */
export function inSkippedFolder(fsPath: string, root: string): boolean {
  const rel = relativeInside(root, fsPath);
  if (!rel) return false;
  return rel.split('/').slice(0, -1).some((seg) => SKIPPED_FOLDERS.has(seg));
}
