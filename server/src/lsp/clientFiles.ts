// Files read through the client: what a server with no file system (the browser's web worker on
// github.dev and vscode.dev) does for the files the user has not opened, as VS Code's own CSS and
// HTML servers do. The client answers the `btslint/fs/*` requests (protocol.ts) with
// `workspace.findFiles` and `workspace.fs`. Repository content is untrusted, so the Node server's
// budgets hold here too:
//   - only paths inside the workspace folders are asked for (the client checks again);
//   - each file at most the size limit (btslint.maxFileSizeMB): the client stats before it reads and
//     sends only the size of a larger file, and the server checks what it got;
//   - at most MAX_LISTED_FILES files per folder, MAX_WALKED_FOLDERS folders per walk;
//   - every request has a timeout: a client that does not answer makes a finding-less folder, never a
//     hung server. A client whose file system has no search provider answers findFiles with null (or
//     nothing, or times out): the server then walks the folder with readDirectory.
// Config files are read when the scan (or a watcher event) finds them, and kept: the core's
// ConfigResolver reads synchronously. A config file above the workspace folders is not seen.

import { CancellationTokenSource, Connection } from 'vscode-languageserver';
import { isCandidateName, SKIPPED_FOLDERS } from '../core';
import { EffectiveConfig, MAX_CONFIG_BYTES, topologySources } from '../core/config';
import { addConfigProblem, confineSource } from '../host/sources';
import type { FileSource, ReadResult } from './files';
import { inSkippedFolder, yieldToLoop } from './files';
import { isInside, pathToUri, uriToPath } from './paths';
import {
  FILE_TYPE,
  FIND_FILES_REQUEST,
  FindFilesParams,
  FindFilesResult,
  fromBase64,
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  ReadDirectoryResult,
  ReadFileResult,
} from './protocol';

/** At most this many files are listed per folder (findFiles' maxResults, and the walk's cap). */
export const MAX_LISTED_FILES = 20_000;
/** At most this many folders are read by one readDirectory walk. */
export const MAX_WALKED_FOLDERS = 5_000;
/** The glob of every file the server may read: candidates (bindings, manifests, topologies) and config files. */
export const CLIENT_FILES_GLOB = '**/*.{xml,XML,btdfproj,adf,yaml,yml,json,jsonc}';
/** The folders never searched (core SKIPPED_FOLDERS). */
export const SKIPPED_GLOB = `**/{${[...SKIPPED_FOLDERS].join(',')}}/**`;

export interface ClientFilesOptions {
  /** Timeout of a findFiles request (ms). */
  findTimeoutMs?: number;
  /** Timeout of one readDirectory or readFile request (ms). */
  requestTimeoutMs?: number;
}

export class ClientFileSource implements FileSource {
  private folders: readonly string[] = [];
  private readonly configs = new Map<string, Uint8Array | { refused: string }>();
  private readonly findTimeoutMs: number;
  private readonly requestTimeoutMs: number;

  constructor(
    private readonly connection: Connection,
    private readonly log: (message: string) => void,
    options: ClientFilesOptions = {},
  ) {
    this.findTimeoutMs = options.findTimeoutMs ?? 20_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  }

  setFolders(folders: readonly string[]): void {
    this.folders = folders;
  }

  /** A request with a timeout: undefined when it failed, timed out or was answered with nothing. */
  private async request<R>(method: string, params: unknown, ms: number): Promise<R | undefined> {
    const cts = new CancellationTokenSource();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof TIMEOUT>((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), ms)));
    try {
      const r = await Promise.race([this.connection.sendRequest<R>(method, params, cts.token), timeout]);
      if (r === TIMEOUT) {
        cts.cancel();
        this.log(`${method} got no answer within ${ms} ms`);
        return undefined;
      }
      return r ?? undefined;
    } catch (e) {
      this.log(`${method} failed: ${(e as Error)?.message ?? e}`);
      return undefined;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      cts.dispose();
    }
  }

  private inFolders(p: string): boolean {
    return this.folders.some((f) => isInside(p, f));
  }

  async list(folder: string, wanted: (name: string) => boolean, cancelled: () => boolean): Promise<string[]> {
    const params: FindFilesParams = { base: pathToUri(folder), include: CLIENT_FILES_GLOB, exclude: SKIPPED_GLOB, maxResults: MAX_LISTED_FILES };
    const found = await this.request<FindFilesResult>(FIND_FILES_REQUEST, params, this.findTimeoutMs);
    if (cancelled()) return [];
    let paths: string[];
    if (Array.isArray(found) && found.length) {
      paths = [];
      for (const uri of found.slice(0, MAX_LISTED_FILES)) {
        const p = typeof uri === 'string' ? uriToPath(uri) : undefined;
        if (p && isInside(p, folder) && !inSkippedFolder(p, folder) && wanted(nameOf(p))) paths.push(p);
      }
    } else {
      // No search provider (or no answer): walk the folder.
      paths = await this.walk(folder, wanted, cancelled);
    }
    return cancelled() ? [] : [...new Set(paths)].sort();
  }

  /** The readDirectory walk: skipped folders not entered, symbolic links not followed, within the caps. */
  private async walk(folder: string, wanted: (name: string) => boolean, cancelled: () => boolean): Promise<string[]> {
    const out: string[] = [];
    const stack = [folder];
    let folders = 0;
    while (stack.length) {
      if (cancelled()) return [];
      if (++folders > MAX_WALKED_FOLDERS) {
        this.log(`stopped reading ${pathToUri(folder)} after ${MAX_WALKED_FOLDERS} folders`);
        break;
      }
      const dir = stack.pop()!;
      const entries = await this.request<ReadDirectoryResult>(READ_DIRECTORY_REQUEST, { uri: pathToUri(dir) }, this.requestTimeoutMs);
      if (!Array.isArray(entries)) continue;
      for (const entry of entries) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') continue;
        const [name, type] = entry;
        if (!name || name === '.' || name === '..' || /[\\/]/.test(name) || type & FILE_TYPE.symbolicLink) continue;
        const p = `${dir.replace(/\/+$/, '')}/${name}`;
        if (type & FILE_TYPE.directory) {
          if (!SKIPPED_FOLDERS.has(name)) stack.push(p);
        } else if (type & FILE_TYPE.file && wanted(name)) {
          out.push(p);
          if (out.length >= MAX_LISTED_FILES) {
            this.log(`stopped listing ${pathToUri(folder)} at ${MAX_LISTED_FILES} files`);
            return out;
          }
        }
      }
      await yieldToLoop();
    }
    return out;
  }

  read(path: string, maxBytes: number): Promise<ReadResult> {
    if (!this.inFolders(path)) return Promise.resolve({ refused: 'it is outside the workspace' });
    return this.readAny(path, maxBytes);
  }

  async readAny(path: string, maxBytes: number): Promise<ReadResult> {
    const r = await this.request<ReadFileResult>(READ_FILE_REQUEST, { uri: pathToUri(path), maxBytes }, this.requestTimeoutMs);
    if (!r || typeof r !== 'object') return { refused: 'the editor did not send it' };
    if ('base64' in r) {
      const bytes = fromBase64(r.base64);
      if (!bytes) return { refused: 'the editor sent something that is not a file' };
      return bytes.length > maxBytes ? { tooLarge: bytes.length } : { bytes };
    }
    if ('tooLarge' in r && typeof r.tooLarge === 'number') return { tooLarge: r.tooLarge };
    if ('refused' in r && typeof r.refused === 'string') return { refused: r.refused };
    return { missing: true };
  }

  async exists(path: string): Promise<boolean> {
    const r = await this.request<ReadFileResult>(READ_FILE_REQUEST, { uri: pathToUri(path), maxBytes: 0 }, this.requestTimeoutMs);
    return !!r && typeof r === 'object' && !('missing' in r);
  }

  readConfig(path: string): Uint8Array | { refused: string } | undefined {
    return this.configs.get(path);
  }

  async loadConfigs(paths: readonly string[], present = true): Promise<void> {
    for (const p of paths) {
      if (!present) {
        // A deleted file, or a deleted folder and every config file under it.
        for (const k of [...this.configs.keys()]) if (isInside(k, p)) this.configs.delete(k);
        continue;
      }
      const r = await this.read(p, MAX_CONFIG_BYTES);
      if ('bytes' in r) this.configs.set(p, r.bytes);
      else if ('tooLarge' in r) this.configs.set(p, { refused: `This config file is larger than ${MAX_CONFIG_BYTES / 1024} KB; btslint does not read it.` });
      else if ('refused' in r) this.configs.set(p, { refused: `This config file cannot be read: ${r.refused}.` });
      else this.configs.delete(p);
    }
  }

  async namedTopologies(configs: Iterable<EffectiveConfig>, cancelled: () => boolean): Promise<string[]> {
    const out = new Set<string>();
    const resolver = { resolve: (p: string) => (this.inFolders(p) ? { real: p } : { refused: 'it is outside the workspace' }) };
    for (const cfg of configs) {
      for (const s of topologySources(cfg)) {
        const { base, problem } = confineSource(cfg, s, resolver);
        if (problem) addConfigProblem(cfg, problem);
        if (base) for (const f of await this.list(base, isCandidateName, cancelled)) if (s.matches(f) && this.inFolders(f)) out.add(f);
      }
    }
    return cancelled() ? [] : [...out].sort();
  }
}

const TIMEOUT = Symbol('timeout');

function nameOf(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
