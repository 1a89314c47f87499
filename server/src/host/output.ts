// Every file the CLI writes as output goes through writeOutputFile: the report of -o/--output-file,
// the baseline of --write-baseline, and any other report file. (Source files rewritten by --fix go
// through cli/fix.ts, which keeps their encoding and refuses files changed meanwhile.) It is the one
// place that decides where btslint may write:
//   - never through a symbolic link: neither the file itself nor a folder on its way inside the
//     workspace (a repository may hold `reports -> /somewhere/else`);
//   - missing folders are created (`-o reports/btslint.sarif` works in a fresh clone);
//   - every foreseeable file-system problem (a path under a file, a folder where the file should be,
//     permission denied, a read-only disk, no space) is an OutputError with a one-line message.
// writeReport sends a report to that file or to stdout; a closed stdout (EPIPE, e.g.
// `btslint big-folder | head -1`) ends the output quietly: the rest is dropped, the exit code stays.

import * as fs from 'fs';
import * as path from 'path';

/** A problem writing an output file, said in one line (the CLI prints it and exits 2). */
export class OutputError extends Error {}

/** Why a file-system operation failed, in words, from its error code. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOENT':
      return 'no such file or folder';
    case 'EEXIST':
      return 'it already exists';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    case 'ELOOP':
      return 'it is a symbolic link';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EIO':
      return 'input/output error';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'the file is in use';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return code ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
}

function lstatOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

/** Whether `p` is `root` or inside it (both absolute). */
function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!!rel && !rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Writes `content` to `file` (relative to `cwd`), creating missing folders. `workspace` (default: `cwd`)
 * is the folder whose contents may come from a repository: no folder between it and the file may be
 * a symbolic link, and the file itself never is one. Returns the absolute path written. Throws an
 * OutputError with a one-line message for every problem.
 */
export function writeOutputFile(file: string, content: string | Uint8Array, cwd: string, workspace: string = cwd, options: { exclusive?: boolean } = {}): string {
  const target = path.resolve(cwd, file);
  const shown = file;
  const fail = (why: string): never => {
    throw new OutputError(`cannot write ${shown}: ${why}`);
  };
  // The folders on the way, from the workspace down (or, outside it, just the file's own folder).
  const root = path.resolve(cwd, workspace);
  const dir = path.dirname(target);
  const chain: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    if (isInside(d, root) && d !== root) chain.unshift(d);
    else break;
  }
  if (!isInside(dir, root)) chain.push(dir);
  for (const d of chain) {
    const st = lstatOrUndefined(d);
    if (!st) break; // created below
    if (st.isSymbolicLink()) fail(`${path.relative(cwd, d) || d} is a symbolic link (btslint does not write through links)`);
    if (!st.isDirectory()) fail(`${path.relative(cwd, d) || d} is a file, not a folder`);
  }
  const existing = lstatOrUndefined(target);
  if (existing?.isSymbolicLink()) fail('it is a symbolic link (btslint does not write through links)');
  if (existing?.isDirectory()) fail('it is a folder');
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    fail(`cannot create its folder (${fsReason(e)})`);
  }
  // O_NOFOLLOW (POSIX) closes the gap between the check above and the open; Windows has no such flag.
  const noFollow = fs.constants.O_NOFOLLOW ?? 0;
  let fd: number | undefined;
  try {
    // exclusive: never replace a file that exists (btslint init without --force).
    fd = fs.openSync(target, fs.constants.O_WRONLY | fs.constants.O_CREAT | (options.exclusive ? fs.constants.O_EXCL : fs.constants.O_TRUNC) | noFollow, 0o666);
    fs.writeFileSync(fd, content);
  } catch (e) {
    fail(fsReason(e));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return target;
}

let stdoutClosed = false;
let stdoutWatched = false;

/** Whether stdout was closed by its reader (EPIPE): what is still to print is dropped. */
export function isStdoutClosed(): boolean {
  return stdoutClosed;
}

/**
 * Makes a closed stdout (EPIPE: the reader of a pipe went away) end the output quietly instead of
 * crashing with an unhandled 'error' event. Installed once; the language server never calls it
 * (its stdout is the protocol channel, and vscode-languageserver handles a closed stream).
 */
export function quietOnClosedStdout(): void {
  if (stdoutWatched) return;
  stdoutWatched = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || e.code === 'ERR_STREAM_WRITE_AFTER_END') {
      stdoutClosed = true;
      return;
    }
    throw e;
  });
}

/** Text to stdout, dropped once stdout is closed (see quietOnClosedStdout). */
export function writeStdout(text: string): void {
  if (stdoutClosed) return;
  quietOnClosedStdout();
  try {
    process.stdout.write(text);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') stdoutClosed = true;
    else throw e;
  }
}

/** A report: to `outputFile` (through writeOutputFile) when one is given, else to stdout. */
export function writeReport(text: string, outputFile: string | undefined, cwd: string): void {
  if (outputFile) writeOutputFile(outputFile, text, cwd);
  else writeStdout(text);
}
