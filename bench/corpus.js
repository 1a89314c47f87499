#!/usr/bin/env node
'use strict';
// How long btslint takes to read and lint the whole real-file corpus (../shared/corpus beside the
// repository): the CLI as users run it (process start included), and the same work in-process
// (readDocument + lint, no start-up), each repeated to give min and median. A measurement to read,
// not a test: nothing here fails on a number.
//
//   npx tsc -p . && node bench/corpus.js [runs]
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');
const BIN = path.join(ROOT, 'server', 'bin', 'btslint.js');
const RUNS = Math.max(1, Number(process.argv[2]) || 7);

if (!fs.existsSync(CORPUS)) {
  console.error(`bench/corpus: no corpus at ${CORPUS}`);
  process.exit(2);
}
const core = require(path.join(ROOT, 'out', 'server', 'src', 'core'));

const files = fs
  .readdirSync(CORPUS)
  .filter((f) => f !== 'SOURCES.md')
  .map((f) => path.join(CORPUS, f));
const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const fmt = (x) => `${x.toFixed(1)} ms`;

// 1. The CLI: node start-up, file walk, read, lint, SARIF-free json report to a file.
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-bench-')), 'report.json');
const cli = [];
let findings = 0;
for (let k = 0; k < RUNS; k++) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, CORPUS, '--format', 'json', '--output-file', out], { encoding: 'utf8' });
  cli.push(ms(t0));
  if (r.status !== 0 && r.status !== 1) {
    console.error(`btslint exited ${r.status}: ${r.stderr}`);
    process.exit(2);
  }
  findings = JSON.parse(fs.readFileSync(out, 'utf8')).length;
}
fs.rmSync(path.dirname(out), { recursive: true, force: true });

// 2. The same in-process: bytes already in memory, then decode + parse + read models + lint.
const contents = files.map((f) => [f, fs.readFileSync(f)]);
const inProcess = [];
for (let k = 0; k < RUNS + 3; k++) {
  const t0 = process.hrtime.bigint();
  const docs = contents.map(([f, b]) => core.readDocument(f, b));
  // Escaped adapter settings are parsed lazily; lint touches them through the parse-error pass.
  core.lint(docs, { now: new Date('2026-01-01T00:00:00Z') });
  if (k >= 3) inProcess.push(ms(t0)); // the first runs warm the JIT
}

// 3. A bare node start-up, to tell btslint's own time from the runtime's.
const bare = [];
for (let k = 0; k < RUNS; k++) {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  bare.push(ms(t0));
}

const c = stats(cli);
const p = stats(inProcess);
const b = stats(bare);
console.log(`corpus: ${files.length} files, ${bytes} bytes (${(bytes / 1024).toFixed(0)} KiB), ${findings} findings; ${RUNS} runs; node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
console.log(`CLI read+lint (btslint <corpus> -f json -o file): min ${fmt(c.min)}, median ${fmt(c.median)}, max ${fmt(c.max)}`);
console.log(`  of which bare node start-up:                  min ${fmt(b.min)}, median ${fmt(b.median)}`);
console.log(`in-process read+lint (warm):                    min ${fmt(p.min)}, median ${fmt(p.median)} (${((bytes / 1024 / 1024) / (p.median / 1000)).toFixed(1)} MiB/s)`);
