#!/usr/bin/env node
'use strict';
// btslint's benchmark suite (`npm run bench`): generated but realistic workloads and the real corpus,
// each measured IN THE SAME RUN against the floor: saxes tokenising the same bytes in a fresh process
// (node start-up included, as for the CLI), and xml2js parsing them for reference. Every figure is the
// median of at least 5 runs, and every run is kept in BENCHMARKS.md (nothing is discarded). Runs are
// interleaved (floor, reference, btslint, next workload...), so a load change on a shared machine hits
// them alike; ratios are taken per round and their median reported. CPU time (user + system, all
// threads) is recorded too, a figure a loaded machine stretches far less than wall time.
//
//   npm run bench [-- --runs 5] [--build|--no-build] [--only cli15,scale,repo,corpus,lsp] [--out BENCHMARKS.md] [--keep]
//
// With --only and an existing output file, only the rows of the workloads run are replaced (the rest
// of the file stays; a line under Budgets says which rows came from that run, when, at what load).
// Plain Node: no shell, works the same on Windows. Nothing here is a test: no exit code depends on a
// figure (budgets are reported pass/fail in the file).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const workload = require('./workload');
const { median, f0 } = require('./lib/stats');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'server', 'bin', 'btslint.js');
const FLOOR = path.join(__dirname, 'floor.js');
const RUSAGE = path.join(__dirname, 'lib', 'rusage.js');

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const RUNS = Math.max(5, Number(opt('--runs', 5)) || 5);
const ONLY = new Set(String(opt('--only', 'cli15,scale,repo,corpus,lsp')).split(','));
const OUT = path.resolve(ROOT, opt('--out', 'BENCHMARKS.md'));
/** --build: always compile first; --no-build: never; default: when out/ is missing or older than a source. */
const BUILD = argv.includes('--build') ? 'always' : argv.includes('--no-build') ? 'never' : 'when-stale';
const COMMAND = `npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}`;

const MB = 1e6;
/** 1x: 1.9 MB, so that 8x is about 15 MB. */
const UNIT = 1.9 * MB;

function log(s) {
  process.stderr.write(`bench: ${s}\n`);
}

/** Whether out/ lacks the CLI or is older than some TypeScript source of the server or the tests. */
function stale() {
  const out = path.join(ROOT, 'out', 'server', 'src', 'cli', 'main.js');
  if (!fs.existsSync(out)) return true;
  const built = fs.statSync(out).mtimeMs;
  const newer = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newer(p) : e.name.endsWith('.ts') && fs.statSync(p).mtimeMs > built;
    });
  return newer(path.join(ROOT, 'server', 'src'));
}

function build() {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
  const errors = (r.stdout || '').split('\n').filter((l) => /error TS/.test(l));
  log(`build: tsc ${r.status === 0 ? 'clean' : `reported ${errors.length} type error(s) (output still emitted)`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (!fs.existsSync(path.join(ROOT, 'out', 'server', 'src', 'cli', 'main.js'))) throw new Error('the build produced no out/server/src/cli/main.js');
  // The code cache the CLI starts with, as `npm install` and `npm run build` write it.
  const cc = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'code-cache.js')], { cwd: ROOT, encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`scripts/code-cache.js failed: ${cc.stderr}`);
  log(`build: ${cc.stderr.trim()}`);
  return { clean: r.status === 0, errors };
}

/** Runs a fresh node process with the rusage hook: wall ms (measured here), cpu ms and peak RSS (from the hook). */
function timed(args, opts = {}) {
  const usage = path.join(TMP, `rusage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const stdout = path.join(TMP, 'stdout.txt');
  const fd = fs.openSync(stdout, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', RUSAGE, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, BTSLINT_BENCH_RUSAGE: usage, NO_COLOR: '1' },
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.closeSync(fd);
  if (r.status !== 0 && !(opts.okCodes ?? [0]).includes(r.status)) {
    throw new Error(`${args.join(' ')} exited ${r.status}: ${(r.stderr || '').slice(0, 2000)}`);
  }
  let u = { cpuMs: NaN, maxRssKb: NaN };
  try {
    u = JSON.parse(fs.readFileSync(usage, 'utf8'));
    fs.rmSync(usage);
  } catch {
    /* the hook did not run: figures stay NaN and show as n/a */
  }
  return { wall, cpu: u.cpuMs, rssMb: u.maxRssKb / 1024, stdout: fs.readFileSync(stdout, 'utf8') };
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

let TMP;

async function main() {
  const started = Date.now();
  const load0 = os.loadavg();
  const cpus = os.cpus();
  const machine = {
    cpu: `${cpus.length} x ${cpus[0]?.model?.trim() ?? 'unknown CPU'}`,
    parallelism: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  };
  log(`machine: ${machine.cpu}, node ${machine.node}, load ${load0.map(f2).join(' ')}`);
  const buildInfo = BUILD === 'always' || (BUILD === 'when-stale' && stale()) ? build() : { clean: null, errors: [] };
  TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-bench-'));
  log(`workloads in ${TMP}`);
  try {
    const t0 = Date.now();
    const W = makeWorkloads();
    log(`workloads written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const results = measure(W);
    let lsp;
    if (ONLY.has('lsp')) {
      log('language server');
      lsp = await require('./lsp').measureLsp({ tmp: TMP, runs: RUNS, log });
      // The language server's own edit benchmark (bench/lsp-edit.js, its test client), as a cross-check.
      const own = path.join(__dirname, 'lsp-edit.js');
      if (fs.existsSync(own)) {
        const r = spawnSync(process.execPath, [own, '--runs', String(RUNS), '--kb', '400'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
        const out = (r.stdout || '').trim();
        lsp.lines.push('');
        lsp.lines.push(
          r.status === 0 && out
            ? `Cross-check with the language server's own script, \`node bench/lsp-edit.js --runs ${RUNS} --kb 400\` (its test client, a description edited):\n\n${out.split('\n').map((l) => `    ${l}`).join('\n')}`
            : `bench/lsp-edit.js did not run (exit ${r.status}): ${((r.stderr || '').trim().split('\n')[0] || 'no output').slice(0, 300)}`,
        );
      }
    }
    const load1 = os.loadavg();
    const md = report({ machine, load0, load1, W, results, lsp, buildInfo, seconds: (Date.now() - started) / 1000 });
    // --only with a file already there: its rows of the workloads measured are replaced (Results,
    // Budgets, Every run) and a note under Budgets says when and how they were measured; the rest of
    // the file (the other rows, the language server's section, prose) stays as it was.
    const partial = argv.includes('--only') && fs.existsSync(OUT);
    fs.writeFileSync(OUT, partial ? mergeRows(fs.readFileSync(OUT, 'utf8'), md, { load0, load1 }) : md);
    log(`wrote ${path.relative(process.cwd(), OUT) || OUT} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (!argv.includes('--keep')) fs.rmSync(TMP, { recursive: true, force: true });
  }
}

function makeWorkloads() {
  const W = [];
  if (ONLY.has('cli15')) {
    const dir = path.join(TMP, 'cli15');
    fs.mkdirSync(dir);
    const file = path.join(dir, 'Large.BindingInfo.xml');
    fs.writeFileSync(file, workload.bindingOfSize(15 * MB));
    W.push({ id: 'cli15', label: 'one 15 MB binding file (CLI budget)', target: file, floorTarget: [file], bytes: fs.statSync(file).size, files: 1 });
  }
  if (ONLY.has('scale')) {
    for (const k of [1, 2, 4, 8]) {
      const ws = workload.writeWorkspace(path.join(TMP, `scale${k}x`), UNIT * k);
      // xml2js (reference only, the slowest run) is left out at 2x and 4x to keep the suite under 5 minutes.
      W.push({ id: `scale${k}`, label: `${k}x: binding of ${(UNIT * k / MB).toFixed(1)} MB + topology + configuration export`, target: ws.dir, floorTarget: [ws.dir], bytes: ws.bytes, files: 3, factor: k, noReference: k === 2 || k === 4 });
    }
  }
  if (ONLY.has('repo')) {
    const repo = workload.writeRepository(path.join(TMP, 'repo'), 2000);
    W.push({ id: 'repo', label: 'repository: 2,000 files (1,998 bindings of 5-500 KB, topology, configuration export)', target: repo.dir, floorTarget: [repo.dir], bytes: repo.bytes, files: repo.files, repo: true });
  }
  if (ONLY.has('corpus') && fs.existsSync(workload.CORPUS)) {
    const bytes = workload.folderBytes(workload.CORPUS);
    W.push({ id: 'corpus', label: `real corpus (../shared/corpus, ${fs.readdirSync(workload.CORPUS).length - 1} files)`, target: workload.CORPUS, floorTarget: [workload.CORPUS], bytes, files: fs.readdirSync(workload.CORPUS).length });
  }
  return W;
}

/** Every run of every workload, round by round. */
function measure(W) {
  const results = new Map(W.map((w) => [w.id, { saxes: [], xml2js: [], cli: [], findings: new Set() }]));
  const report = path.join(TMP, 'report.json');
  for (let round = 1; round <= RUNS; round++) {
    log(`round ${round}/${RUNS} (load ${os.loadavg().map(f2).join(' ')})`);
    for (const w of W) {
      const r = results.get(w.id);
      r.saxes.push(timed([FLOOR, 'saxes', ...w.floorTarget]));
      if (!w.noReference) r.xml2js.push(timed([FLOOR, 'xml2js', ...w.floorTarget]));
      const cliArgs = [BIN, w.target, '--format', 'json', '--output-file', report, '--today', '2026-12-01'];
      const cli = timed(cliArgs, { okCodes: [0, 1] });
      r.findings.add(JSON.parse(fs.readFileSync(report, 'utf8')).length);
      r.cli.push(cli);
    }
  }
  return results;
}

/** Per-round ratio a/b, then the median. */
function pairedRatio(a, b, key = 'wall') {
  return median(a.map((x, k) => x[key] / b[k][key]));
}

const NOTE_START = 'Rows measured alone: ';
const NOTE_END = '; the other rows are from the run named at the top.';

/**
 * The entries of an earlier "Rows measured alone" note (`ids by \`command\` on time, load ...`), each
 * with the rows this run measures again taken out, and those left with no row dropped.
 */
function keptEntries(line) {
  if (!line) return [];
  const body = line.slice(NOTE_START.length, line.endsWith(NOTE_END) ? -NOTE_END.length : undefined);
  const out = [];
  // An entry starts with its row ids and " by `".
  for (const e of body.split(/; (?=[a-z0-9]+(?:, [a-z0-9]+)* by `)/)) {
    const by = e.indexOf(' by `');
    if (by < 0) continue;
    const ids = e.slice(0, by).split(', ').filter((id) => !ONLY.has(id));
    if (ids.length) out.push(`${ids.join(', ')}${e.slice(by)}`);
  }
  return out;
}

/**
 * The old file with the new run's table rows and run lines put in: a row replaces the row with the
 * same first cell (a Results workload or a budget), a `- id:` line under Every run the line of that
 * id. A line after the Budgets table starting with "Rows measured alone:" is written (or replaced) to
 * say which rows came from which command, when, and at what load.
 */
function mergeRows(old, fresh, { load0, load1 }) {
  // Only the generated tables' rows are replaced: the Results and Budgets tables (by their first cell)
  // and the lines of Every run (by the name before the colon). Tables elsewhere (the language server's
  // section, prose comparing builds) share first cells with generated ones and stay as written.
  const REPLACED = new Set(['## Results', '## Budgets']);
  const firstCell = (l) => (l.startsWith('| ') ? l.slice(2, l.indexOf(' |', 2)) : undefined);
  const runId = (l) => (l.startsWith('- ') && l.indexOf(':') > 2 ? l.slice(2, l.indexOf(':')) : undefined);
  const freshRows = new Map();
  const freshRuns = new Map();
  let section = '';
  for (const l of fresh.split('\n')) {
    if (l.startsWith('## ')) section = l;
    const c = firstCell(l);
    if (REPLACED.has(section) && c && !c.startsWith('---') && c !== 'workload' && c !== 'budget') freshRows.set(c, l);
    const id = section === '## Every run' ? runId(l) : undefined;
    if (id) freshRuns.set(id, l);
  }
  const entry = `${[...ONLY].join(', ')} by \`${COMMAND}\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, load average ${f2(load0[0])} at start and ${f2(load1[0])} at end`;
  // The rows an earlier --only run measured, and this one did not, keep what that run said of them.
  const earlier = keptEntries(old.split('\n').find((l) => l.startsWith(NOTE_START)));
  const note = `${NOTE_START}${[entry, ...earlier].join('; ')}${NOTE_END}`;
  const out = [];
  let budgetsDone = false;
  section = '';
  let droppedNote = false;
  for (const l of old.split('\n')) {
    if (l.startsWith('## ')) section = l;
    // The last note goes, with the blank line after it (the new note brings its own).
    if (l.startsWith(NOTE_START) || (droppedNote && l === '')) {
      droppedNote = l !== '';
      continue;
    }
    droppedNote = false;
    const c = REPLACED.has(section) ? firstCell(l) : undefined;
    const id = section === '## Every run' ? runId(l) : undefined;
    if (c && freshRows.has(c)) out.push(freshRows.get(c));
    else if (id && freshRuns.has(id)) out.push(freshRuns.get(id));
    else out.push(l);
    if (section === '## Budgets' && !budgetsDone && l === '' && out.length > 2 && out[out.length - 2].startsWith('| ')) {
      out.push(note, '');
      budgetsDone = true;
    }
  }
  return out.join('\n');
}

function report({ machine, load0, load1, W, results, lsp, buildInfo, seconds }) {
  const L = [];
  const budgets = [];
  L.push('# btslint benchmarks');
  L.push('');
  L.push(`Generated by \`${COMMAND}\` (bench/run.js) on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; the whole suite took ${seconds.toFixed(0)} s. Do not edit by hand.`);
  L.push('');
  L.push('## Machine');
  L.push('');
  L.push(`- CPU: ${machine.cpu} (available parallelism ${machine.parallelism}); memory ${machine.memory}`);
  L.push(`- ${machine.os}, Node.js ${machine.node}`);
  L.push(`- Load average (1, 5, 15 min) at start: ${load0.map(f2).join(', ')}; at end: ${load1.map(f2).join(', ')}.${load0[0] > machine.parallelism ? ` **The machine was shared and loaded** (more runnable processes than cores): wall times are stretched, which is why every figure is also given as a ratio to the floor measured in the same round, and as CPU time.` : ''}`);
  if (buildInfo.clean === false) L.push(`- The build reported ${buildInfo.errors.length} type error(s) in files being edited at the time (output still emitted).`);
  L.push('');
  L.push('## Method');
  L.push('');
  L.push(`Each workload is run ${RUNS} times in rounds: the floor, the reference, then btslint, each a fresh \`node\` process (start-up included). Floor: saxes 6 tokenising the same XML bytes (bench/floor.js; positions on, a handler per event, errors ignored). Reference: xml2js 0.6 building its object tree (not run at 2x and 4x, to keep the suite under 5 minutes). btslint: \`node server/bin/btslint.js <target> --format json --output-file <file> --today 2026-12-01\` (one thread: the worker-thread path was removed, as it measured slower on this machine). "wall" is elapsed time, "CPU" user + system time of all the process's threads (from process.resourceUsage() at exit, bench/lib/rusage.js). Medians; "x floor" is the median over rounds of btslint / saxes in that round. The YAML topology is not XML and is left out of the floor's bytes. Every run is listed at the end.`);
  L.push('');
  L.push('## Results');
  L.push('');
  L.push('| workload | MB | files | findings | saxes wall ms | xml2js wall ms | btslint wall ms | **x floor (wall)** | btslint CPU ms | x floor (CPU) | btslint MB/s | peak RSS MB |');
  L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const rowOf = (w, label, cli) => {
    const r = results.get(w.id);
    const ratio = pairedRatio(cli, r.saxes);
    const ratioCpu = pairedRatio(cli, r.saxes, 'cpu');
    const wall = median(cli.map((x) => x.wall));
    L.push(
      `| ${label} | ${f1(w.bytes / MB)} | ${w.files} | ${[...r.findings].join('/')} | ${f0(median(r.saxes.map((x) => x.wall)))} | ${r.xml2js.length ? f0(median(r.xml2js.map((x) => x.wall))) : '-'} | ${f0(wall)} | **${f2(ratio)}** | ${f0(median(cli.map((x) => x.cpu)))} | ${f2(ratioCpu)} | ${f1(w.bytes / MB / (wall / 1000))} | ${f0(median(cli.map((x) => x.rssMb)))} |`,
    );
    return { ratio, ratioCpu, wall };
  };
  const rows = {};
  for (const w of W) {
    rows[w.id] = rowOf(w, w.label, results.get(w.id).cli);
  }
  L.push('');
  L.push('## Budgets');
  L.push('');
  const pf = (ok) => (ok === undefined ? 'not measured' : ok ? '**pass**' : '**FAIL**');
  if (rows.cli15) {
    budgets.push(['CLI on one 15 MB binding, process start included: at most 2.5x the saxes floor', `${f2(rows.cli15.ratio)}x wall (${f2(rows.cli15.ratioCpu)}x CPU)`, pf(rows.cli15.ratio <= 2.5)]);
  }
  if (rows.scale1 && rows.scale8) {
    const r1 = results.get('scale1').cli;
    const r8 = results.get('scale8').cli;
    const lin = pairedRatio(r8, r1);
    const linCpu = pairedRatio(r8, r1, 'cpu');
    const floorLin = pairedRatio(results.get('scale8').saxes, results.get('scale1').saxes);
    budgets.push(['Linear scale: the 8x workload takes at most 9x the 1x', `${f2(lin)}x wall, ${f2(linCpu)}x CPU (saxes: ${f2(floorLin)}x)`, pf(lin <= 9)]);
  }
  if (rows.repo) {
    const r = results.get('repo');
    const bytes = W.find((w) => w.id === 'repo').bytes;
    const wall = median(r.cli.map((x) => x.wall));
    const mbps = bytes / MB / (wall / 1000);
    budgets.push(['2,000-file repository, process start included: at most 2.5x its saxes floor', `${f2(rows.repo.ratio)}x wall (${f2(rows.repo.ratioCpu)}x CPU)`, pf(rows.repo.ratio <= 2.5)]);
    budgets.push([
      '2,000-file repository: throughput at least 50 MB/s',
      `${f1(mbps)} MB/s (saxes floor, one thread: ${f1(bytes / MB / (median(r.saxes.map((x) => x.wall)) / 1000))} MB/s)`,
      pf(mbps >= 50),
    ]);
  }
  if (lsp) for (const b of lsp.budgets) budgets.push(b);
  L.push('| budget | measured (medians) | result |');
  L.push('|---|---|---|');
  for (const [what, value, result] of budgets) L.push(`| ${what} | ${value} | ${result} |`);
  if (lsp) {
    L.push('');
    L.push('## Language server');
    L.push('');
    L.push(...lsp.lines);
  }
  L.push('');
  L.push('## Every run');
  L.push('');
  L.push('wall ms / CPU ms / peak RSS MB, in round order.');
  L.push('');
  for (const w of W) {
    const r = results.get(w.id);
    const runs = (xs) => xs.map((x) => `${f0(x.wall)}/${f0(x.cpu)}/${f0(x.rssMb)}`).join(', ');
    L.push(`- ${w.id}: saxes ${runs(r.saxes)}; xml2js ${r.xml2js.length ? runs(r.xml2js) : 'not run'}; btslint ${runs(r.cli)}`);
  }
  if (lsp) for (const l of lsp.raw) L.push(`- ${l}`);
  L.push('');
  return L.join('\n');
}

main().catch((e) => {
  process.stderr.write(`bench: failed: ${(e && e.stack) || e}\n`);
  process.exitCode = 1;
});
