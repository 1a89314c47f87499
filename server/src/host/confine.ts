// The one place that decides what btslint may read. Repository content is untrusted: a config's
// `topologies` glob, a symlink committed in the repository or a file swapped for a FIFO must not make
// btslint read outside the workspace, or hang. Both shells read through here:
//   - `Confinement`: the roots (the workspace folders, the folders named on the command line, the
//     current folder), resolved with realpath; a path is allowed when its realpath (every symlink
//     resolved) is one of them or inside one (`insideRoots`, a pure check of realpath results);
//   - `readConfined` / `readConfinedAsync`: the read itself, by the resolved path, opened without
//     following a symlink (O_NOFOLLOW) and without blocking (O_NONBLOCK: a FIFO opens at once), then
//     `fstat` on the open file: only a regular file under the size limit and the run's byte budget
//     is read, and only the size fstat gave;
//   - `readNamedFile`: a file named on the command line (--baseline), by its realpath, as readFileAt;
//   - `readConfigBytes`: a btslint.config.* file (never through a symlink, at most MAX_CONFIG_BYTES + 1
//     bytes: the core reports a larger one);
//   - `confineSource` (host/sources.ts, no Node module: the browser's server uses it too): a config's
//     `topologies` glob or `environments.<env>.topology` checked before host/topologies.ts walks it
//     (each file found is checked again); refused ones are config-invalid.
// Output files are written by host/output.ts (never through a symlink); `--fix` writes in cli/fix.ts.

import * as fs from 'fs';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { MAX_CONFIG_BYTES } from '../core/config';
export { addConfigProblem, confineSource } from './sources';
import { BtsDocument, overBudgetDocument, readDocument, skippedDocument } from '../core/document';

const win = process.platform === 'win32';

/**
 * Test-only: with BTSLINT_TEST_READ_LOG set to a file, every content read and folder listing that goes
 * through here or the walk (host/walk.ts) is appended to it (`read <path>`, `list <path>`), so the
 * protocol tests can assert that nothing outside the workspace was read (test/lsp/trust.test.ts).
 */
export function noteRead(kind: 'read' | 'list', p: string): void {
  const log = process.env.BTSLINT_TEST_READ_LOG;
  if (log) fs.appendFileSync(log, `${kind} ${p}\n`);
}
/** O_NOFOLLOW and O_NONBLOCK where the platform has them (not on Windows, which has no FIFOs to open). */
export const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Whether `real` (a realpath) is one of `roots` (realpaths) or inside one. Pure: case-insensitive on
 * Windows, exact elsewhere; a sibling whose name starts with a root's name (`/ws-evil` for `/ws`) is
 * outside.
 */
export function insideRoots(real: string, roots: readonly string[], windows = win): boolean {
  const sep = windows ? '\\' : '/';
  const norm = (p: string) => {
    let s = windows ? p.replace(/\//g, '\\').toLowerCase() : p;
    if (s.length > 1 && s.endsWith(sep) && !/^[a-z]:\\$/i.test(s)) s = s.replace(/[\\/]+$/, '');
    return s;
  };
  const r = norm(real);
  return roots.some((root) => {
    const q = norm(root);
    return r === q || r.startsWith(q.endsWith(sep) ? q : q + sep);
  });
}

export type ReadOutcome =
  | { bytes: Buffer }
  /** Larger than the per-file limit. */
  | { tooLarge: number }
  /** Within the per-file limit, but the run's byte budget is spent. */
  | { overBudget: number }
  /** Outside the roots, a symlink, or not a regular file (a FIFO, a device, a folder). */
  | { refused: string }
  | { missing: true };

/** What is left of a run's byte budget (every file read takes its size from it). */
export interface ByteBudget {
  remaining: number;
}

/**
 * The bytes of one run: all files read together stay under this. Measured: a 22.5 MB binding file
 * takes the CLI to 812 MB of memory (about 36 times its size: its tree, its model and its findings
 * stay alive until the report), and Node's heap is about 4 GB on a 24 GB machine, less on a small CI
 * runner; three 49 MB files aborted the run. 96 MB keeps a run near 3.5 GB at worst.
 */
export const DEFAULT_RUN_BYTE_BUDGET = 96 * 1024 * 1024;

/** A run's byte budget: DEFAULT_RUN_BYTE_BUDGET, or the size limit of one file when that is higher (--max-file-size). */
export function runBudget(maxFileSize: number): ByteBudget {
  return { remaining: Math.max(DEFAULT_RUN_BYTE_BUDGET, maxFileSize) };
}

/** Why a path whose last component is a symbolic link is not opened (O_NOFOLLOW). */
const A_LINK = 'it is a symbolic link';

export class Confinement {
  /** The roots, as realpaths. */
  readonly roots: string[];
  /**
   * A command-line run's realpaths of the folders it reads from (null: missing), each resolved once;
   * see read(). Not kept by the language server, whose folders may change while it runs.
   */
  private folders?: Map<string, string | null>;

  constructor(roots: readonly string[]) {
    const out: string[] = [];
    for (const r of roots) {
      const real = realOrUndefined(path.resolve(r));
      if (real && !out.includes(real)) out.push(real);
    }
    this.roots = out;
  }

  /**
   * The roots of a command-line run: the current folder, the repository it is in (the nearest folder
   * above it that holds `.git`), every path named (a file names itself) and the folder of --config.
   */
  static forCommandLine(cwd: string, named: readonly string[], configFile?: string): Confinement {
    const roots = [cwd, ...named.map((p) => path.resolve(cwd, p))];
    const repo = repositoryRoot(cwd);
    if (repo) roots.push(repo);
    if (configFile) roots.push(path.dirname(path.resolve(cwd, configFile)));
    const c = new Confinement(roots);
    // Where a file can be opened without following a link, its folder's realpath serves all its files.
    if (OPEN_FLAGS & (fs.constants.O_NOFOLLOW ?? 0)) c.folders = new Map();
    return c;
  }

  /** The realpath of `p` when it is allowed, or why not (missing, or outside every root). */
  resolve(p: string): { real: string } | { refused: string } | { missing: true } {
    const real = realOrUndefined(p);
    if (real === undefined) return { missing: true };
    if (!insideRoots(real, this.roots)) return { refused: outsideMessage(p, real) };
    return { real };
  }

  async resolveAsync(p: string): Promise<{ real: string } | { refused: string } | { missing: true }> {
    let real: string;
    try {
      real = await fsp.realpath(p);
    } catch {
      return { missing: true };
    }
    if (!insideRoots(real, this.roots)) return { refused: outsideMessage(p, real) };
    return { real };
  }

  allows(p: string): boolean {
    return 'real' in this.resolve(p);
  }

  /** Reads a file (see the header): never through a symlink out of the roots, never a FIFO, never over a limit. */
  read(p: string, maxBytes: number, budget?: ByteBudget): ReadOutcome {
    if (this.folders) {
      // The file in its folder's realpath, opened without following a link: when it is not a link, that
      // is its realpath (what resolve() gives, one realpath per folder instead of one per file, each of
      // which reads every folder on the way); when it is, resolve() follows it as for any other file.
      const dir = path.dirname(p);
      let realDir = this.folders.get(dir);
      if (realDir === undefined) this.folders.set(dir, (realDir = realOrUndefined(dir) ?? null));
      const real = realDir === null ? undefined : path.join(realDir, path.basename(p));
      if (real !== undefined && insideRoots(real, this.roots)) {
        const out = readFileAt(real, maxBytes, budget);
        if (!('refused' in out && out.refused === A_LINK)) return out;
      }
    }
    const r = this.resolve(p);
    if (!('real' in r)) return r;
    return readFileAt(r.real, maxBytes, budget);
  }

  async readAsync(p: string, maxBytes: number, budget?: ByteBudget): Promise<ReadOutcome> {
    const r = await this.resolveAsync(p);
    if (!('real' in r)) return r;
    return readFileAtAsync(r.real, maxBytes, budget);
  }
}

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree). */
export function repositoryRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; ) {
    try {
      fs.lstatSync(path.join(d, '.git'));
      return d;
    } catch {
      // not here
    }
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

function outsideMessage(p: string, real: string): string {
  return real === p ? 'it is outside the workspace' : `it leads outside the workspace (to ${real})`;
}

function realOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return undefined;
  }
}

function openError(e: unknown): ReadOutcome {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
  if (code === 'ELOOP' || code === 'EMLINK') return { refused: A_LINK };
  return { refused: `it cannot be read (${code ?? (e as Error)?.message ?? e})` };
}

function checkStat(st: fs.Stats, maxBytes: number, budget?: ByteBudget): ReadOutcome | undefined {
  if (!st.isFile()) return { refused: 'it is not a regular file' };
  if (st.size > maxBytes) return { tooLarge: st.size };
  if (budget && st.size > budget.remaining) return { overBudget: st.size };
  return undefined;
}

/** Reads a regular file by a path already checked, without following a final symlink or blocking. */
export function readFileAt(file: string, maxBytes: number, budget?: ByteBudget): ReadOutcome {
  noteRead('read', file);
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return openError(e);
  }
  try {
    const st = fs.fstatSync(fd);
    const bad = checkStat(st, maxBytes, budget);
    if (bad) return bad;
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < st.size) {
      const got = fs.readSync(fd, buf, n, st.size - n, n);
      if (got === 0) break;
      n += got;
    }
    if (budget) budget.remaining -= n;
    return { bytes: n === st.size ? buf : buf.subarray(0, n) };
  } catch (e) {
    return openError(e);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A file the user named on the command line (a --baseline): read as readFileAt reads (a regular file,
 * without blocking, at most `maxBytes`), by its realpath, since a link the user names is theirs to follow.
 */
export function readNamedFile(file: string, maxBytes: number): ReadOutcome {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (e) {
    return openError(e);
  }
  return readFileAt(real, maxBytes);
}

export async function readFileAtAsync(file: string, maxBytes: number, budget?: ByteBudget): Promise<ReadOutcome> {
  noteRead('read', file);
  let h: fsp.FileHandle;
  try {
    h = await fsp.open(file, OPEN_FLAGS);
  } catch (e) {
    return openError(e);
  }
  try {
    const st = await h.stat();
    const bad = checkStat(st, maxBytes, budget);
    if (bad) return bad;
    const buf = Buffer.allocUnsafe(st.size);
    let n = 0;
    while (n < st.size) {
      const { bytesRead } = await h.read(buf, n, st.size - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (budget) budget.remaining -= n;
    return { bytes: n === st.size ? buf : buf.subarray(0, n) };
  } catch (e) {
    return openError(e);
  } finally {
    await h.close();
  }
}

/**
 * A btslint config file's bytes for the core's ConfigResolver: undefined when there is none; a refusal
 * (reported as config-invalid) when it is a symlink or not a regular file. At most
 * MAX_CONFIG_BYTES + 1 bytes are read: the core reports a larger file without reading it.
 */
export function readConfigBytes(p: string): Uint8Array | { refused: string } | undefined {
  noteRead('read', p);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(p);
  } catch {
    return undefined;
  }
  if (st.isSymbolicLink()) return { refused: 'This config file is a symbolic link; btslint does not follow it. Replace it with the file itself.' };
  if (st.isDirectory()) return undefined;
  let fd: number;
  try {
    fd = fs.openSync(p, OPEN_FLAGS);
  } catch (e) {
    const r = openError(e);
    return 'refused' in r ? { refused: `This config file cannot be read: ${r.refused}.` } : undefined;
  }
  try {
    const fst = fs.fstatSync(fd);
    if (!fst.isFile()) return { refused: 'This config file is not a regular file; btslint does not read it.' };
    const want = Math.min(fst.size, MAX_CONFIG_BYTES + 1);
    const buf = Buffer.allocUnsafe(want);
    let n = 0;
    while (n < want) {
      const got = fs.readSync(fd, buf, n, want - n, n);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } catch (e) {
    return { refused: `This config file cannot be read: ${(e as Error).message}.` };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * One file read through the confinement and handed to the core: its document (a file-too-large
 * stand-in when it is over the size limit or the run's budget), or why it was not read.
 */
export function readAsDocument(
  confinement: Confinement,
  file: string,
  options: { maxFileSize: number; budget?: ByteBudget; budgetTotal?: number; topologySchema?: boolean; sizeLimitHint?: string },
): BtsDocument | { notRead: string } {
  return outcomeToDocument(confinement.read(file, options.maxFileSize, options.budget), file, options);
}

export function outcomeToDocument(
  r: ReadOutcome,
  file: string,
  options: { maxFileSize: number; budgetTotal?: number; topologySchema?: boolean; sizeLimitHint?: string; shortLived?: boolean },
): BtsDocument | { notRead: string } {
  if ('bytes' in r) return readDocument(file, r.bytes, { maxFileSize: options.maxFileSize, topologySchema: options.topologySchema, sizeLimitHint: options.sizeLimitHint, shortLived: options.shortLived });
  if ('tooLarge' in r) return skippedDocument(file, r.tooLarge, options.maxFileSize, options.sizeLimitHint);
  if ('overBudget' in r) return overBudgetDocument(file, r.overBudget, options.budgetTotal ?? DEFAULT_RUN_BYTE_BUDGET);
  if ('refused' in r) return { notRead: r.refused };
  return { notRead: 'it no longer exists' };
}
