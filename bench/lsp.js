#!/usr/bin/env node
'use strict';
// The language-server part of the benchmark, spoken over the Language Server Protocol like any editor:
// it starts `node server/bin/btslint.js lsp --stdio`, opens files, types, and times how long fresh
// diagnostics take to come back.
//   - edit latency: a one-character edit to an open binding file (a port name), timed from the
//     didChange notification to the publishDiagnostics that carries the new version; edits are spaced
//     so that each is a lone edit (checked at once, not debounced); for a 400 KB and a 15 MB binding;
//   - cross-file: a workspace of 200 bindings and a topology; an edit to the topology that changes the
//     findings of the bindings (a host renamed back and forth), timed to the last publishDiagnostics it
//     causes (the end of the burst is known by the server's btslint/status notification);
//   - memory: the server's resident set with the 15 MB file open (Linux: /proc/<pid>/status VmRSS),
//     and its peak over the session (process.resourceUsage() at exit, bench/lib/rusage.js).
// Usable alone: node bench/lsp.js [runs]   (prints the figures), or from bench/run.js.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { pathToFileURL } = require('url');
const workload = require('./workload');
const { median, f0 } = require('./lib/stats');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'server', 'bin', 'btslint.js');
const RUSAGE = path.join(__dirname, 'lib', 'rusage.js');
const TIMEOUT_MS = 120_000;

/** A minimal LSP client over a child's stdio: requests, notifications, and waits on what the server sends. */
class Client {
  constructor(cwd, usageFile) {
    // BTSLINT_BENCH_NODE_ARGS: extra node flags for the server (e.g. `--cpu-prof --cpu-prof-dir=DIR`).
    const extra = (process.env.BTSLINT_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.proc = spawn(process.execPath, [...extra, '-r', RUSAGE, BIN, 'lsp', '--stdio'], {
      cwd,
      env: { ...process.env, BTSLINT_BENCH_RUSAGE: usageFile },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.usageFile = usageFile;
    this.buf = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.stderr = '';
    this.exited = false;
    this.proc.stderr.on('data', (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    this.proc.on('exit', (code) => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`the server exited (${code}): ${this.stderr}`));
      for (const l of [...this.listeners]) l.fail?.(new Error(`the server exited (${code}): ${this.stderr}`));
    });
    this.proc.stdout.on('data', (d) => this.onData(d));
  }

  onData(d) {
    if (process.env.BTSLINT_TIMING_LOG && d.length > 60000) require('fs').appendFileSync(process.env.BTSLINT_TIMING_LOG, `${String(Date.now() % 1e6).padStart(6)} bench: read ${d.length} bytes (buffer ${this.buf.length})\n`);
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buf.subarray(0, sep).toString('ascii'));
      const len = m ? Number(m[1]) : 0;
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(sep + 4 + len);
      this.onMessage(msg, process.hrtime.bigint());
    }
  }

  onMessage(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (p) (msg.error ? p.reject(new Error(msg.error.message)) : p.resolve(msg.result));
      return;
    }
    if (msg.id !== undefined) {
      // A request from the server: configuration (defaults), registrations, progress: all accepted.
      const result = msg.method === 'workspace/configuration' ? (msg.params?.items ?? []).map(() => null) : null;
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    for (const l of [...this.listeners]) l.on(msg, at);
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with (msg, at) for the first notification `test` accepts. */
  waitFor(test, what, timeout = TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
      const l = {
        on: (msg, at) => {
          if (!test(msg)) return;
          this.listeners.delete(l);
          clearTimeout(timer);
          resolve({ msg, at });
        },
        fail: (e) => {
          this.listeners.delete(l);
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => l.fail(new Error(`timed out after ${timeout / 1000} s waiting for ${what}`)), timeout);
      this.listeners.add(l);
      if (this.exited) l.fail(new Error(`the server is not running: ${this.stderr}`));
    });
  }

  /** `settings`: btslint settings sent as initialization options (the configuration answers are null, so they stand). */
  async start(folder, settings) {
    const uri = pathToFileURL(folder).href;
    const init = await this.request('initialize', {
      processId: process.pid,
      ...(settings ? { initializationOptions: { settings } } : {}),
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      capabilities: {
        textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, synchronization: { didSave: true } },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: false },
      },
    });
    this.notify('initialized', {});
    return init;
  }

  rssMb() {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    } catch {
      return NaN; // not Linux
    }
  }

  async stop() {
    if (this.exited) return this.peak();
    const exited = new Promise((r) => this.proc.once('exit', r));
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 5000))]);
      this.notify('exit', null);
    } catch {
      /* already gone */
    }
    const t = setTimeout(() => this.proc.kill(), 10_000);
    await exited;
    clearTimeout(t);
    return this.peak();
  }

  peak() {
    try {
      return JSON.parse(fs.readFileSync(this.usageFile, 'utf8')).maxRssKb / 1024;
    } catch {
      return NaN;
    }
  }
}

const ms = (a, b) => Number(b - a) / 1e6;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

/** Position (line, character) of an offset in a text, as LSP counts (UTF-16 units). */
function positionAt(text, offset) {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** Opens a binding and times `runs` one-character edits to it. */
async function editLatency(tmp, bytes, runs, label, log) {
  const dir = path.join(tmp, `lsp-${label}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'bench.topology.yaml'), workload.topologyText());
  const file = path.join(dir, 'Edited.BindingInfo.xml');
  let text = workload.bindingOfSize(bytes);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const c = new Client(dir, path.join(tmp, `lsp-${label}-rusage.json`));
  const out = { label, bytes: Buffer.byteLength(text), edits: [], openMs: NaN, rssMb: NaN, peakMb: NaN };
  try {
    await c.start(dir);
    // The check of a version is done at its publishDiagnostics or, when its diagnostics did not change
    // (the server does not send them again), at the btslint/status that ends the check.
    const isMine = (v) => (m) => (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === v) || (v > 1 && m.method === 'btslint/status' && m.params?.state === 'ready');
    const t0 = process.hrtime.bigint();
    const opened = c.waitFor(isMine(1), `diagnostics of the opened ${label} file`);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text } });
    const { at } = await opened;
    out.openMs = ms(t0, at);
    await sleep(500);
    out.rssMb = c.rssMb();
    // Edit a port name somewhere in the middle: a different character each time.
    const anchor = text.indexOf('<ReceiveLocation Name="', text.length >> 1) + '<ReceiveLocation Name="'.length;
    const pos = positionAt(text, anchor);
    for (let k = 0; k < runs; k++) {
      const version = k + 2;
      const ch = String.fromCharCode(65 + (k % 26));
      const done = c.waitFor(isMine(version), `diagnostics of version ${version}`);
      const s = process.hrtime.bigint();
      c.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: ch }],
      });
      const { at: got } = await done;
      out.edits.push(ms(s, got));
      text = text.slice(0, anchor) + ch + text.slice(anchor + 1);
      await sleep(400); // longer than the server's debounce window: each edit is a lone edit
    }
  } finally {
    out.peakMb = await c.stop();
  }
  log(`lsp ${label}: open ${f0(out.openMs)} ms, edits ${out.edits.map(f0).join(', ')} ms, RSS ${f0(out.rssMb)} MB (peak ${f0(out.peakMb)} MB)`);
  return out;
}

/** 200 bindings and a topology; a topology edit renames a host back and forth. */
async function crossFile(tmp, runs, log) {
  const dir = path.join(tmp, 'lsp-cross');
  fs.mkdirSync(dir, { recursive: true });
  let topo = workload.topologyText();
  const topoFile = path.join(dir, 'group.topology.yaml');
  fs.writeFileSync(topoFile, topo);
  const bindings = new Set();
  for (let k = 0; k < 200; k++) {
    const f = path.join(dir, `App${k}.BindingInfo.xml`);
    fs.writeFileSync(f, workload.bindingOfSize(5000 + ((k * 7919) % 25000), k * 11));
    bindings.add(pathToFileURL(f).href);
  }
  const uri = pathToFileURL(topoFile).href;
  const c = new Client(dir, path.join(tmp, 'lsp-cross-rusage.json'));
  const out = { rechecks: [], republished: [], scanMs: NaN };
  const isStatus = (m) => m.method === 'btslint/status' && m.params?.state === 'ready';
  try {
    const t0 = process.hrtime.bigint();
    const ready = c.waitFor(isStatus, 'the first check of the workspace');
    await c.start(dir);
    await ready;
    out.scanMs = ms(t0, process.hrtime.bigint());
    await sleep(500);
    const opened = c.waitFor(isStatus, 'the check after opening the topology');
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: topo } });
    await opened;
    await sleep(500);
    const name = 'BizTalkServerApplication';
    const at = topo.indexOf(`name: ${name}`) + 'name: '.length;
    const pos = positionAt(topo, at);
    for (let k = 0; k < runs; k++) {
      const version = k + 2;
      // Renamed (every handler of that host becomes unknown), then back: each edit changes the findings of the bindings.
      const from = k % 2 === 0 ? name : `${name}X`;
      const to = k % 2 === 0 ? `${name}X` : name;
      const seen = new Set();
      let last = 0n;
      const listener = {
        on: (m, t) => {
          if (m.method === 'textDocument/publishDiagnostics' && bindings.has(m.params.uri)) {
            seen.add(m.params.uri);
            last = t;
          }
        },
      };
      c.listeners.add(listener);
      const done = c.waitFor(isStatus, `the check after topology edit ${k + 1}`);
      const s = process.hrtime.bigint();
      c.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: pos, end: { line: pos.line, character: pos.character + from.length } }, text: to }],
      });
      const { at: statusAt } = await done;
      await sleep(200); // late publishes of the same burst
      c.listeners.delete(listener);
      out.rechecks.push(ms(s, last > statusAt ? last : statusAt));
      out.republished.push(seen.size);
      topo = topo.slice(0, at) + to + topo.slice(at + from.length);
      await sleep(400);
    }
  } finally {
    await c.stop();
  }
  log(`lsp cross-file: ${out.rechecks.map(f0).join(', ')} ms; bindings republished ${out.republished.join(', ')}`);
  return out;
}

/**
 * Responsiveness during a whole-workspace re-check: the 2,000-file repository of bench/run.js, its
 * topology edited (every binding is checked again), and 20 ms into each re-check a documentSymbol
 * request, timed to its answer. Informational: no budget names it.
 */
async function responsiveness(dir, runs, log) {
  const topoFile = fs.readdirSync(dir).find((f) => /\.topology\.ya?ml$/.test(f));
  if (!topoFile) throw new Error(`no topology in ${dir}`);
  const topoPath = path.join(dir, topoFile);
  const topo = fs.readFileSync(topoPath, 'utf8');
  const uri = pathToFileURL(topoPath).href;
  const c = new Client(dir, path.join(dir, '..', 'lsp-responsive-rusage.json'));
  const out = { rechecks: [], answers: [], idle: [], scanMs: NaN };
  const isStatus = (m) => m.method === 'btslint/status' && m.params?.state === 'ready';
  try {
    const t0 = process.hrtime.bigint();
    const ready = c.waitFor(isStatus, 'the first check of the repository');
    await c.start(dir);
    await ready;
    out.scanMs = ms(t0, process.hrtime.bigint());
    const opened = c.waitFor(isStatus, 'the check after opening the topology');
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: topo } });
    await opened;
    await sleep(300);
    for (let k = 0; k < runs; k++) {
      const i0 = process.hrtime.bigint();
      await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      out.idle.push(ms(i0, process.hrtime.bigint()));
      const done = c.waitFor(isStatus, `the re-check after topology edit ${k + 1}`);
      const s0 = process.hrtime.bigint();
      c.notify('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: [{ text: `${topo}\n# edit ${k}\n` }] });
      await sleep(20);
      const r0 = process.hrtime.bigint();
      await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      out.answers.push(ms(r0, process.hrtime.bigint()));
      const { at } = await done;
      out.rechecks.push(ms(s0, at));
      await sleep(300);
    }
  } finally {
    await c.stop();
  }
  log(`lsp responsiveness: re-checks ${out.rechecks.map(f0).join(', ')} ms; requests during them answered in ${out.answers.map(f0).join(', ')} ms (idle: ${out.idle.map(f0).join(', ')} ms)`);
  return out;
}

async function measureLsp({ tmp, runs = 5, log = () => {} }) {
  const lines = [];
  const raw = [];
  const budgets = [];
  const fail = (what, e) => {
    lines.push(`- ${what}: not measured: ${String(e.message ?? e).split('\n')[0]}`);
    return undefined;
  };
  const small = await editLatency(tmp, 400_000, runs, '400 KB', log).catch((e) => fail('400 KB binding', e));
  const large = await editLatency(tmp, 15e6, runs, '15 MB', log).catch((e) => fail('15 MB binding', e));
  const huge = await require('./lsp-large').largeFile(tmp, runs, log).catch((e) => fail('large file', e));
  const cross = await crossFile(tmp, runs, log).catch((e) => fail('cross-file re-check', e));
  const repoDir = path.join(tmp, 'repo');
  const responsive = fs.existsSync(repoDir) ? await responsiveness(repoDir, runs, log).catch((e) => fail('responsiveness', e)) : undefined;
  const pf = (ok) => (ok ? '**pass**' : '**FAIL**');
  const nm = 'not measured';
  if (small) {
    const m = median(small.edits);
    budgets.push(['LSP: fresh diagnostics after an edit, 400 KB binding: at most 50 ms median', `${f0(m)} ms (${small.edits.length} edits)`, pf(m <= 50)]);
    raw.push(`lsp 400 KB: open ${f0(small.openMs)} ms; edits ${small.edits.map(f0).join(', ')} ms`);
  } else budgets.push(['LSP: fresh diagnostics after an edit, 400 KB binding: at most 50 ms median', nm, nm]);
  if (large) {
    const m = median(large.edits);
    budgets.push(['LSP: fresh diagnostics after an edit, 15 MB binding: at most 500 ms median', `${f0(m)} ms (${large.edits.length} edits)`, pf(m <= 500)]);
    budgets.push(['LSP: resident memory with the 15 MB file open: at most 300 MB', `${f0(large.rssMb)} MB resident after opening (peak over the session ${f0(large.peakMb)} MB)`, Number.isFinite(large.rssMb) ? pf(large.rssMb <= 300) : nm]);
    raw.push(`lsp 15 MB: open ${f0(large.openMs)} ms; edits ${large.edits.map(f0).join(', ')} ms; RSS ${f0(large.rssMb)} MB, peak ${f0(large.peakMb)} MB`);
  } else {
    budgets.push(['LSP: fresh diagnostics after an edit, 15 MB binding: at most 500 ms median', nm, nm]);
    budgets.push(['LSP: resident memory with the 15 MB file open: at most 300 MB', nm, nm]);
  }
  if (cross) {
    const m = median(cross.rechecks);
    budgets.push(['LSP: cross-file re-check of 200 bindings after a topology edit: at most 1 s', `${f0(m)} ms (${cross.rechecks.length} edits; ${median(cross.republished)} bindings re-published per edit)`, pf(m <= 1000)]);
    raw.push(`lsp cross-file: first check of the workspace ${f0(cross.scanMs)} ms; re-checks ${cross.rechecks.map(f0).join(', ')} ms; bindings re-published ${cross.republished.join(', ')}`);
  } else budgets.push(['LSP: cross-file re-check of 200 bindings after a topology edit: at most 1 s', nm, nm]);
  if (responsive) {
    raw.push(`lsp responsiveness (2,000 files): first check ${f0(responsive.scanMs)} ms; re-checks ${responsive.rechecks.map(f0).join(', ')} ms; requests during them ${responsive.answers.map(f0).join(', ')} ms; idle ${responsive.idle.map(f0).join(', ')} ms`);
  }
  lines.push(
    `Measured over the protocol (bench/lsp.js): \`node server/bin/btslint.js lsp --stdio\` started in a folder, files opened and edited with incremental didChange notifications as an editor sends them. Edit latency runs from the didChange to the publishDiagnostics carrying the new version; edits are ${400} ms apart, so each is checked at once rather than debounced. The cross-file re-check runs from the topology edit to the last publishDiagnostics of the bindings it changes (the server's btslint/status notification marks the end of the check).`,
  );
  if (huge) {
    lines.push('');
    lines.push(...require('./lsp-large').describe(huge));
    raw.push(`lsp large file: open ${f0(huge.openMs)} ms, ${huge.openDiagnostics} diagnostics; re-checks ${huge.edits.map(f0).join(', ')} ms; hover during them ${huge.during.hover.map(f0).join(', ')} ms; RSS ${f0(huge.rssMb)} MB, peak ${f0(huge.peakMb)} MB`);
  }
  if (responsive) {
    lines.push('');
    lines.push(
      `Responsiveness (no budget; no whole-workspace pass may block the server's message loop): with the 2,000-file repository open, each topology edit re-checks every binding; a documentSymbol request sent 20 ms into the re-check was answered in a median of ${f0(median(responsive.answers))} ms (idle: ${f0(median(responsive.idle))} ms), while the re-check took a median of ${f0(median(responsive.rechecks))} ms. The server runs the rules and publishes in slices of 15 ms (core checkSteps).`,
    );
  }
  return { budgets, lines, raw };
}

module.exports = { measureLsp, editLatency, crossFile, responsiveness, Client };

if (require.main === module) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-lsp-bench-'));
  measureLsp({ tmp, runs: Number(process.argv[2]) || 5, log: (s) => process.stderr.write(`bench: ${s}\n`) })
    .then((r) => {
      for (const [what, value, result] of r.budgets) console.log(`${what}: ${value} ${result}`);
      for (const l of r.raw) console.log(l);
      for (const l of r.lines) if (l.startsWith("- ")) console.log(l);
    })
    .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
}
