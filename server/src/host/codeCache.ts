// A V8 code cache for btslint's own modules: what Node 22's `module.enableCompileCache()` does, for the
// Node 20 btslint supports, and written only when btslint is built, never when it runs.
//
// Starting the command-line tool compiles about 140 modules, and a run then compiles, function by
// function, everything it calls: on a small workspace (examples/) that is a fifth of the run. The build
// (scripts/code-cache.js, run after tsc by `npm install`, `npm run build`, `npm test` and the other
// scripts that build) lints examples/ once in a process that records each compiled module, and writes
// V8's cached data for each (its bytecode, with every function the run compiled) to out/code-cache/,
// under the V8 flags the bin sets (host/cliStart.ts), which V8 checks. The bin (server/bin/btslint.js)
// installs the reader, after those flags, before it loads anything else.
//
// Invariants:
// - The cache only ever skips compiling: a module's cached data is used only when its source is, byte
//   for byte, the one it was recorded from (a SHA-1 of the text); V8 itself refuses data from another
//   V8 version or other flags (the script then compiles as usual). Anything unexpected (no file, a
//   truncated or corrupt file, an unknown format) leaves Node's loader as it is.
// - Only modules inside btslint's own folder are read from it; nothing is written at run time; the
//   file is read once, with a size limit.
// - The modules are run as Node runs them: the same wrapper arguments (exports, require, module,
//   __filename, __dirname), `this` the exports, a `require` made by Module.createRequire.

import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { createHash } from 'crypto';
import Module from 'module';

/** btslint's folder: this file is out/server/src/host/codeCache.js. */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** The cache of this Node version and architecture (another's would be refused by V8 anyway). */
export function codeCacheFile(root = ROOT): string {
  return path.join(root, 'out', 'code-cache', `${process.version}-${process.arch}.bin`);
}

/** The first bytes of a cache file: the format. */
const MAGIC = 'btslint-code-cache-1\n';
/** A cache larger than this is not read (the recorded one is about 2 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  /** The module's path, relative to btslint's folder, with forward slashes. */
  file: string;
  /** SHA-1 (base64) of the module's source as Node read it. */
  hash: string;
  offset: number;
  length: number;
}

type CompileFn = (this: Module, content: string, filename: string) => unknown;
interface ModuleInternals {
  _compile: CompileFn;
}

function hashOf(content: string): string {
  return createHash('sha1').update(content).digest('base64');
}

/** Runs `script` (a module wrapped as Node wraps it) as Node's loader runs a module. */
function runModule(mod: Module, script: vm.Script, filename: string): unknown {
  const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  return fn.call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, path.dirname(filename));
}

/** A relative path of forward-slash-separated segments, none empty (so none starts at the root). */
const SAFE_RELATIVE = /^[^/\\:]+(?:\/[^/\\:]+)*$/;

/** Whether `file` is inside `root` (btslint's folder). */
function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Reads a cache file into a map from each module's absolute path to its entry and cached data;
 * undefined when there is none, or it is not one this version wrote.
 */
export function readCodeCache(file: string, root = ROOT): Map<string, { hash: string; data: Buffer }> | undefined {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_BYTES) return undefined;
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < MAGIC.length + 4 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  const indexLength = bytes.readUInt32LE(MAGIC.length);
  const dataStart = MAGIC.length + 4 + indexLength;
  if (dataStart > bytes.length) return undefined;
  let entries: Entry[];
  try {
    entries = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, dataStart)) as Entry[];
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries)) return undefined;
  const out = new Map<string, { hash: string; data: Buffer }>();
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  for (const e of entries) {
    if (!e || typeof e.file !== 'string' || typeof e.hash !== 'string' || !Number.isInteger(e.offset) || !Number.isInteger(e.length)) return undefined;
    const start = dataStart + e.offset;
    if (e.offset < 0 || e.length <= 0 || start + e.length > bytes.length) return undefined;
    // A path inside the folder, written with forward slashes: no empty, `.` or `..` segment, no drive
    // or backslash (the same key Node's loader gives the module, without path.join's cost per entry).
    if (!SAFE_RELATIVE.test(e.file) || e.file.split('/').some((seg) => seg === '.' || seg === '..')) continue;
    out.set(prefix + (path.sep === '/' ? e.file : e.file.split('/').join(path.sep)), { hash: e.hash, data: bytes.subarray(start, start + e.length) });
  }
  return out;
}

let installed = false;

/**
 * What the installed cache did in this process: modules compiled from it, refused by V8 (compiled as
 * usual), and changed since it was written (not read from it).
 */
export const codeCacheStats = { used: 0, rejected: 0, changed: 0 };

/**
 * Makes Node's loader use the cache for btslint's modules (the bin calls it first). Quietly does
 * nothing when there is no usable cache.
 */
export function installCodeCache(file = codeCacheFile(), root = ROOT): void {
  if (installed) return;
  const table = readCodeCache(file, root);
  if (!table || !table.size) return;
  installed = true;
  const proto = Module.prototype as unknown as ModuleInternals;
  const original = proto._compile;
  proto._compile = function (this: Module, content: string, filename: string) {
    const entry = table.get(filename);
    if (!entry) return original.call(this, content, filename);
    if (entry.hash !== hashOf(content)) {
      codeCacheStats.changed++;
      return original.call(this, content, filename);
    }
    let script: vm.Script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData: entry.data });
    } catch {
      // Not one that compiles this way: Node's loader reports it as it would.
      return original.call(this, content, filename);
    }
    if (script.cachedDataRejected) codeCacheStats.rejected++;
    else codeCacheStats.used++;
    return runModule(this, script, filename);
  };
}

/**
 * For the build (scripts/code-cache.js): compiles each of btslint's modules loaded from now on so
 * that its cached data can be written after a run; returns the function that writes the cache file.
 */
export function recordCodeCache(root = ROOT): (file?: string) => { modules: number; bytes: number } {
  const recorded: { file: string; hash: string; script: vm.Script }[] = [];
  const proto = Module.prototype as unknown as ModuleInternals;
  const original = proto._compile;
  proto._compile = function (this: Module, content: string, filename: string) {
    if (!inside(root, filename)) return original.call(this, content, filename);
    const script = new vm.Script(Module.wrap(content), { filename });
    recorded.push({ file: path.relative(root, filename).split(path.sep).join('/'), hash: hashOf(content), script });
    return runModule(this, script, filename);
  };
  return (file = codeCacheFile(root)) => {
    proto._compile = original;
    const blobs: Buffer[] = [];
    const entries: Entry[] = [];
    let offset = 0;
    for (const r of recorded) {
      const data = r.script.createCachedData();
      if (!data.length) continue;
      entries.push({ file: r.file, hash: r.hash, offset, length: data.length });
      blobs.push(data);
      offset += data.length;
    }
    const index = Buffer.from(JSON.stringify(entries), 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32LE(index.length, 0);
    const all = Buffer.concat([Buffer.from(MAGIC, 'latin1'), head, index, ...blobs]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written whole, then renamed: a run starting meanwhile reads the old file or the new one.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, all);
    fs.renameSync(tmp, file);
    return { modules: entries.length, bytes: all.length };
  };
}
