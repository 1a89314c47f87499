// A preload for child processes of the robustness tests (`node --require out/test/robustness/probe.js`):
// it records every file the process touches through `fs` (open, read, list, stat, write), and records
// and blocks every socket, HTTP request, DNS lookup, fetch and child process. Worker threads (btslint
// starts none; the tests assert that any would run btslint's own scripts) are allowed and recorded:
// Node preloads this file in each of them too, so their file accesses are recorded as well. Each thread appends what it sees, as it happens,
// to BTSLINT_PROBE_LOG plus `.<threadId>.jsonl` (a terminated worker gets no exit event), and at exit
// the main thread writes the process's memory (RSS at start and end, and the peak) as JSON to
// BTSLINT_PROBE_LOG. Without the variable it does nothing.
//
// Patching the public modules is enough: btslint only reaches the file system and the network through
// them (Node's own module loader reads through `fs` too, which is how reads of the install folder show).

// require, not import: the compiled `import * as` yields a copy with getters, and the patches must
// land on the modules themselves.
const fs = require('fs') as typeof import('fs');
const path = require('path') as typeof import('path');
const { fileURLToPath } = require('url') as typeof import('url');

const { isMainThread, threadId } = require('worker_threads') as typeof import('worker_threads');
const LOG = process.env.BTSLINT_PROBE_LOG;

if (LOG) {
  const rssStart = process.memoryUsage().rss;
  const realpath = fs.realpathSync.native;
  const writeFileSync = fs.writeFileSync;
  // The thread's log, opened once with the original functions (fs.appendFileSync goes through the
  // patched writeFileSync, which would record itself forever).
  const fd = fs.openSync(`${LOG}.${threadId}.jsonl`, 'a');
  const writeSync = fs.writeSync;
  const emit = (entry: Record<string, unknown>) => writeSync(fd, JSON.stringify(entry) + '\n');

  const asPath = (p: unknown): string | undefined => {
    if (typeof p === 'string') return path.resolve(p);
    if (Buffer.isBuffer(p)) return path.resolve(p.toString('utf8'));
    if (p instanceof URL) return p.protocol === 'file:' ? fileURLToPath(p) : p.href;
    return undefined; // a file descriptor: its open was recorded
  };
  const record = (op: string, p: unknown) => {
    const abs = asPath(p);
    if (abs === undefined) return;
    let real: string | undefined;
    try {
      real = realpath(abs);
    } catch {
      real = undefined;
    }
    emit({ kind: 'file', op, path: abs, real });
  };

  const wrap = (obj: any, name: string, label: string) => {
    const orig = obj?.[name];
    if (typeof orig !== 'function') return;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      record(label, args[0]);
      return orig.apply(this, args);
    };
    Object.defineProperties(wrapped, Object.getOwnPropertyDescriptors(orig));
    obj[name] = wrapped;
  };
  const block = (obj: any, name: string, label: string) => {
    const orig = obj?.[name];
    if (typeof orig !== 'function') return;
    obj[name] = function (...args: unknown[]) {
      let detail: string;
      try {
        detail = JSON.stringify(args, (_k, v) => (typeof v === 'function' ? '[function]' : v)) ?? '';
      } catch {
        detail = String(args[0]);
      }
      emit({ kind: 'forbidden', op: label, detail: detail.slice(0, 300) });
      throw new Error(`btslint probe: ${label} is not allowed`);
    };
  };

  const readOps = ['open', 'openSync', 'readFile', 'readFileSync', 'createReadStream', 'readdir', 'readdirSync', 'opendir', 'opendirSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'exists', 'existsSync', 'access', 'accessSync', 'realpath', 'realpathSync', 'readlink', 'readlinkSync'];
  const writeOps = ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'rename', 'renameSync', 'rm', 'rmSync', 'unlink', 'unlinkSync', 'copyFile', 'copyFileSync', 'symlink', 'symlinkSync', 'truncate', 'truncateSync'];
  for (const op of readOps) wrap(fs, op, op.replace(/Sync$/, ''));
  for (const op of writeOps) wrap(fs, op, `write:${op.replace(/Sync$/, '')}`);
  for (const op of ['open', 'readFile', 'readdir', 'opendir', 'stat', 'lstat', 'access', 'realpath', 'readlink']) wrap(fs.promises, op, op);
  for (const op of ['writeFile', 'appendFile', 'mkdir', 'rename', 'rm', 'unlink', 'copyFile', 'symlink', 'truncate']) wrap(fs.promises, op, `write:${op}`);

  const net = require('net');
  const tls = require('tls');
  const http = require('http');
  const https = require('https');
  const http2 = require('http2');
  const dgram = require('dgram');
  const dns = require('dns');
  const cp = require('child_process');
  const wt = require('worker_threads');
  for (const n of ['connect', 'createConnection']) block(net, n, `net.${n}`);
  block(net.Socket.prototype, 'connect', 'net.Socket.connect');
  block(tls, 'connect', 'tls.connect');
  for (const n of ['request', 'get']) {
    block(http, n, `http.${n}`);
    block(https, n, `https.${n}`);
  }
  block(http2, 'connect', 'http2.connect');
  block(dgram, 'createSocket', 'dgram.createSocket');
  for (const n of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) block(dns, n, `dns.${n}`);
  for (const n of ['lookup', 'resolve']) block(dns.promises, n, `dns.promises.${n}`);
  if (typeof (globalThis as any).fetch === 'function') block(globalThis, 'fetch', 'fetch');
  for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) block(cp, n, `child_process.${n}`);
  // A worker runs a script: recorded, so the test can check it is btslint's own.
  const OrigWorker = wt.Worker;
  wt.Worker = class extends OrigWorker {
    constructor(filename: string | URL, options?: { eval?: boolean }) {
      emit({ kind: 'worker', script: options?.eval ? `eval:${String(filename).slice(0, 200)}` : (asPath(filename) ?? String(filename)) });
      super(filename, options);
    }
  };

  if (isMainThread) {
    process.on('exit', () => {
      const rssEnd = process.memoryUsage().rss;
      const maxRss = process.resourceUsage().maxRSS * 1024;
      writeFileSync(LOG, JSON.stringify({ rssStart, rssEnd, maxRss }));
    });
  }
}

export {};
