// Linting many files on all cores, with worker threads, giving exactly the findings of the single-
// threaded run (run.ts), only faster. Used by `btslint` when it pays (many files or many megabytes,
// and 4 cores or more: see AUTO_MIN_CORES) or when asked (--concurrency N), unless a flag needs every
// document in the main thread (--fix, --fix-dry-run).
//
// The split follows where a finding stands:
// - A finding in a BINDING file depends on that binding and on the workspace's other, non-binding
//   files (topologies, configuration exports, Deployment Framework files: few and small), never on
//   another binding. So the binding files are sharded across threads (the main thread takes one
//   shard, each worker another); every thread also reads every non-binding file, lints its bindings
//   in batches of about 2 MB against them (a batch is dropped before the next is read, so the heap
//   stays small and most garbage dies young), keeps the findings that stand in its own bindings,
//   applies the policy step to them (config levels and suppressions are per file), and computes
//   their line/column positions, since only it has the text.
// - A finding in a NON-BINDING file may depend on every binding at once (host-single-instance counts
//   a host's handlers across all bindings; platform-backup-missing looks for isolated hosts in all of
//   them). Those are computed in the main thread, by the same lint() over the real non-binding
//   documents plus a stand-in for each binding: its BindingModel (ports, locations, transports with
//   adapter, address, host, and every range) sent back by its worker without the XML tree, with the
//   positions of all its ranges. The binding-located findings of that pass are dropped (the workers
//   have them).
// Which files are bindings is decided by content, as everywhere: the main thread reads the first
// 4 KB of each file and parses them; a file whose root element is not certainly BindingInfo within
// them is treated as non-binding (read by everyone), which costs time, never correctness.
//
// The contract this relies on, for rule writers: a finding located in a binding may use that binding
// and the non-binding files; a finding located elsewhere may use of the bindings only their
// BindingModel data (not their text, XML tree or adapter settings, which stand-ins do not carry).
// test/cli/parallel.test.ts compares both paths on a generated multi-file workspace.

import * as fs from 'fs';
import * as os from 'os';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import { BtsDocument, decode, Finding, isTopologyName, lint, LineIndex, Position, readDocument, skippedDocument } from '../core';
import { applyPolicy, EffectiveConfig, sortFindings } from '../core/config';
import type { BindingModel, Transport } from '../core/readers/binding';
import { parseXml } from '../core/xml/parser';
import { displayPath } from './files';

export type Concurrency = number | 'auto' | 'off';

export interface ParallelOptions {
  /** Worker threads: a number, `auto` (all cores, when it pays) or `off`. */
  concurrency?: Concurrency;
  fix?: boolean;
  fixDryRun?: boolean;
  maxFileSize: number;
  now: Date;
  /** The --config file, when one is given for every file. */
  config?: string;
  ignoreSuppressions?: boolean;
  cwd: string;
}

export interface ParallelResult {
  /** Every read file, in the given order: the non-binding ones read for real, bindings as stand-ins. */
  docs: BtsDocument[];
  /** lint() and the policy step over all files, as the single-threaded run gives them. */
  findings: Finding[];
}

/** `auto` uses workers from this many files on, or from AUTO_MIN_BYTES in total... */
export const AUTO_MIN_FILES = 64;
export const AUTO_MIN_BYTES = 8 * 1024 * 1024;
/**
 * ...and from this many cores on. With two, the single-threaded run already keeps both busy (V8's own
 * garbage collection and compiler threads take the second core: measured, about as much CPU time as
 * the main thread on a 2,000-file repository), and a second isolate costs about 40% more CPU time in
 * all (its own compilation and collection, the main thread's pass over the stand-ins), so it was not
 * faster on a 2-core machine (BENCHMARKS.md). `--concurrency 2` still forces it.
 */
export const AUTO_MIN_CORES = 4;
/** Bindings are linted in batches of about this many bytes, each dropped before the next is read. */
const BATCH_BYTES = 2 * 1024 * 1024;
/**
 * A worker's young generation: large enough that a batch's parse trees die young (a scavenge costs
 * what survives it), instead of being promoted and collected by the far costlier full collections.
 */
const WORKER_YOUNG_MB = 64;
/** How much of each file the main thread reads to tell a binding file from the others. */
const SNIFF_BYTES = 4096;
/**
 * BOM, whitespace, an XML declaration without '>' inside, whitespace, then a start tag whose ASCII
 * name ends within the text: nothing before it can be an element, so it is the root parseXml finds.
 */
const USUAL_START = /^\uFEFF?[ \t\r\n]*(?:<\?xml[^>]*\?>[ \t\r\n]*)?<([A-Za-z_:][A-Za-z0-9_:.-]*)[ \t\r\n/>]/;

/** Parses `--concurrency`: a whole number of workers, `auto` or `off`; undefined when invalid. */
export function parseConcurrency(v: string): Concurrency | undefined {
  if (v === 'auto' || v === 'off') return v;
  return /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : undefined;
}

/** The number of workers for a run over files of these sizes; 0 for the single-threaded path. */
export function workerCount(sizes: number[], options: Pick<ParallelOptions, 'concurrency' | 'fix' | 'fixDryRun'>): number {
  const c = options.concurrency ?? 'auto';
  if (c === 'off' || options.fix || options.fixDryRun || sizes.length < 2) return 0;
  if (typeof c === 'number') return c >= 2 ? Math.min(c, sizes.length) : 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const total = sizes.reduce((s, n) => s + n, 0);
  if (cores < AUTO_MIN_CORES || (sizes.length < AUTO_MIN_FILES && total < AUTO_MIN_BYTES)) return 0;
  return Math.min(cores, sizes.length);
}

/**
 * Lints `files` (absolute paths, in the order the single-threaded run reads them) on `workers`
 * threads. Undefined when the files hold fewer than two bindings to share out, or when a worker
 * failed: the caller then runs single-threaded. Problems reading a file are written to stderr and the
 * file is left out, as the single-threaded run does.
 */
export async function lintInWorkers(files: string[], workers: number, options: ParallelOptions): Promise<ParallelResult | undefined> {
  trace('start');
  // Workers start loading the core while this thread tells bindings from the rest.
  // The main thread takes a shard too: `workers` threads in all, one isolate fewer to start, to
  // compile the hot code for and to collect garbage in.
  const pool = Array.from(
    { length: workers - 1 },
    () => new Worker(__filename, { workerData: { btslintParallelWorker: true }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }),
  );
  const stopAll = () => Promise.all(pool.map((w) => w.terminate()));
  try {
    const bindings: { file: string; size: number }[] = [];
    const shared: string[] = [];
    for (const file of files) {
      const size = sizeOf(file);
      if (size !== undefined && size <= options.maxFileSize && sniffBinding(file, size)) bindings.push({ file, size });
      else shared.push(file);
    }
    trace(`sniffed ${files.length} files: ${bindings.length} bindings`);
    if (bindings.length < 2) {
      await stopAll();
      return undefined;
    }
    const shards = shard(bindings, Math.min(workers, bindings.length));
    const jobOptions = { maxFileSize: options.maxFileSize, config: options.config, ignoreSuppressions: options.ignoreSuppressions, cwd: options.cwd, now: options.now.toISOString() };
    const jobs = pool.slice(0, shards.length - 1).map((w, k) => run(w, { shard: shards[k + 1], shared, options: jobOptions }));
    pool.slice(shards.length - 1).forEach((w) => void w.terminate());

    // Meanwhile, the non-binding files, read for real.
    const sharedDocs = new Map<string, BtsDocument>();
    for (const file of shared) {
      const doc = readFile(file, options.maxFileSize, options.cwd, (m) => process.stderr.write(m));
      if (doc) sharedDocs.set(file, doc);
    }

    trace(`read ${sharedDocs.size} non-binding files`);
    // This thread's own shard, with the non-binding documents it has just read.
    const mine = work({ shard: shards[0], shared: [], options: jobOptions }, [...sharedDocs.values()]);
    trace('own shard done');
    const results = [mine, ...(await Promise.all(jobs))];
    trace('results received');
    const standIns = new Map<string, BtsDocument>();
    const workerFindings: Finding[] = [];
    const internal: Finding[] = [];
    for (const r of results) {
      for (const m of r.messages) process.stderr.write(m);
      for (const d of r.docs) standIns.set(d.uri, standIn(d));
      workerFindings.push(...r.findings);
      internal.push(...r.internal);
    }
    const docs: BtsDocument[] = [];
    for (const file of files) {
      const d = sharedDocs.get(file) ?? standIns.get(file);
      if (d) docs.push(d);
    }

    // The findings that stand in non-binding files, with every binding joined in (as stand-ins).
    trace('stand-ins built');
    const raw = lint(docs, {
      now: options.now,
      onInternalError: (ruleId, e) => process.stderr.write(`btslint: rule ${ruleId} failed: ${(e as Error)?.stack ?? e}\n`),
    });
    const seen = new Set<string>();
    const own: Finding[] = [];
    for (const f of [...raw, ...internal]) {
      // no-topology stands in the workspace's first BizTalk file, often a binding: only this pass,
      // which sees every file, knows which one (the workers drop theirs).
      if (!sharedDocs.has(f.uri) && f.ruleId !== 'internal-error' && f.ruleId !== 'no-topology') continue;
      const k = `${f.ruleId}\u0000${f.uri}\u0000${f.range.start}\u0000${f.range.end}\u0000${f.message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      own.push(f);
    }
    trace('main-thread lint done');
    const configFor = configSourceFor(options);
    const policy = applyPolicy(own, [...sharedDocs.values()], { now: options.now, configFor, suppressions: !options.ignoreSuppressions });
    const findings = sortFindings([...policy.findings, ...workerFindings]);
    trace('merged');
    return { docs, findings };
  } catch (e) {
    // A worker that could not finish (out of memory, say) must not cost the user the run: said on
    // stderr, then the caller lints on one thread.
    await stopAll();
    process.stderr.write(`btslint: the worker threads failed (${(e as Error)?.message ?? e}); linting on one thread instead.\n`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// Shared by both sides.

/** BTSLINT_TRACE_PARALLEL=1: when each step of a parallel run ends, on stderr (for profiling). */
const T0 = Date.now();
function trace(step: string): void {
  if (process.env.BTSLINT_TRACE_PARALLEL) process.stderr.write(`btslint: parallel ${isMainThread ? 'main' : `worker ${(workerData as { index?: number })?.index ?? ''}`.trim()} +${Date.now() - T0} ms: ${step}\n`);
}

function sizeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch {
    return undefined;
  }
}

/** As run.ts reads a file: over the size limit a stand-in with a finding; unreadable: a message, no document. */
function readFile(file: string, maxFileSize: number, cwd: string, warn: (m: string) => void, topologySchema = true): BtsDocument | undefined {
  try {
    const size = fs.statSync(file).size;
    if (size > maxFileSize) return skippedDocument(file, size, maxFileSize);
    return readDocument(file, fs.readFileSync(file), { maxFileSize, topologySchema });
  } catch (e) {
    warn(`btslint: cannot read ${displayPath(file, cwd)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped\n`);
    return undefined;
  }
}

/** The config source of the run, as run.ts builds it (--config for every file, or discovery). */
function configSourceFor(options: Pick<ParallelOptions, 'config' | 'cwd'>): (file: string) => EffectiveConfig {
  // Loaded here, not at the top: run.ts loads this module.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { configSource } = require('./run') as typeof import('./run');
  return configSource({ config: options.config } as import('./run').RunArgs, options.cwd).configFor;
}

// ---------------------------------------------------------------------------------------------------
// Main thread.

/** Whether the first bytes of the file certainly hold a BindingInfo root element. */
function sniffBinding(file: string, size: number): boolean {
  if (isTopologyName(file)) return false;
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
      head = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
  const text = decode(head).text;
  // The usual start (optional BOM, XML declaration, then the root's start tag) read without parsing;
  // anything else is parsed as far as it was read.
  const usual = USUAL_START.exec(text);
  if (usual) return usual[1].replace(/^.*:/, '') === 'BindingInfo';
  const root = parseXml(text, { maxErrors: 0 }).root;
  // The root's name must end inside what was read (else it may go on), unless the whole file was read.
  return !!root && (root.nameEnd < text.length || head.length === size) && root.name.replace(/^.*:/, '') === 'BindingInfo';
}

/** Files into `n` shards of about equal bytes (largest first, each to the lightest shard), each in the given order. */
function shard(files: { file: string; size: number }[], n: number): string[][] {
  const order = new Map(files.map((f, k) => [f.file, k]));
  const bins = Array.from({ length: n }, () => ({ bytes: 0, files: [] as string[] }));
  for (const f of [...files].sort((a, b) => b.size - a.size)) {
    let min = bins[0];
    for (const b of bins) if (b.bytes < min.bytes) min = b;
    min.bytes += f.size;
    min.files.push(f.file);
  }
  return bins.map((b) => b.files.sort((x, y) => order.get(x)! - order.get(y)!));
}

interface Job {
  shard: string[];
  shared: string[];
  options: Pick<ParallelOptions, 'maxFileSize' | 'config' | 'ignoreSuppressions' | 'cwd'> & { now: string };
}

interface StandInData {
  uri: string;
  kind: BtsDocument['kind'];
  encoding: BtsDocument['encoding'];
  eol: BtsDocument['eol'];
  binding?: BindingModel;
  /** [offset, line, character] triples: every offset a finding or the binding model refers to. */
  positions: number[];
  /** Whether the file has syntax problems (no-topology prefers a readable file to stand in). */
  broken: boolean;
}

interface JobResult {
  docs: StandInData[];
  findings: Finding[];
  /** internal-error findings that stand outside the shard (the main thread de-duplicates them). */
  internal: Finding[];
  /** Lines for stderr (unreadable files, rule failures). */
  messages: string[];
}

function run(worker: Worker, job: Job): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    let done = false;
    worker.once('message', (m: { result?: JobResult; error?: string }) => {
      done = true;
      void worker.terminate();
      if (m.result) resolve(m.result);
      else reject(new Error(`a worker thread failed: ${m.error}`));
    });
    worker.once('error', (e) => {
      done = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`a worker thread stopped (exit code ${code}) before it finished`));
    });
    worker.postMessage(job);
  });
}

/** A binding document as the main thread's lint() sees it: the model and positions, no text or tree. */
function standIn(d: StandInData): BtsDocument {
  const table = new Map<number, Position>();
  for (let k = 0; k + 2 < d.positions.length; k += 3) table.set(d.positions[k], { line: d.positions[k + 1], character: d.positions[k + 2] });
  const lines = {
    position(offset: number): Position {
      const p = table.get(offset);
      if (!p) throw new Error(`no position was computed for offset ${offset} of ${d.uri} (parallel run)`);
      return p;
    },
  } as unknown as LineIndex;
  if (d.binding) {
    const noSettings = (t: Transport | undefined) => {
      if (!t) return;
      t.settings = () => undefined;
      t.settingsErrors = () => [];
    };
    for (const sp of d.binding.sendPorts) {
      noSettings(sp.primary);
      noSettings(sp.secondary);
    }
    for (const rl of d.binding.receiveLocations) noSettings(rl.transport);
  }
  // A broken file's problems are its worker's to report; one stands in so that no-topology, which
  // prefers a readable file, picks the same file as a single-threaded run.
  const problems: BtsDocument['problems'] = d.broken ? [{ kind: 'parse', message: 'stand-in', range: { start: 0, end: 0 } }] : [];
  return { uri: d.uri, text: '', encoding: d.encoding, eol: d.eol, kind: d.kind, binding: d.binding, problems, lines: () => lines };
}

// ---------------------------------------------------------------------------------------------------
// Worker thread.

/** Lints a shard; `known` are non-binding documents already read (the main thread's). */
function work(job: Job, known: BtsDocument[] = []): JobResult {
  trace('job received');
  const now = new Date(job.options.now);
  const messages: string[] = [];
  const warn = (m: string) => messages.push(m);
  const configFor = configSourceFor(job.options);
  const sharedDocs: BtsDocument[] = [...known];
  for (const f of job.shared) {
    // Problems of these files (unreadable, syntax, schema) are the main thread's to report: no schema
    // validation here (it would compile the schema once more per worker).
    const d = readFile(f, job.options.maxFileSize, job.options.cwd, () => undefined, false);
    if (d) sharedDocs.push(d);
  }
  trace(`read ${sharedDocs.length} non-binding files`);
  const result: JobResult = { docs: [], findings: [], internal: [], messages };
  for (const batch of batches(job.shard)) {
    const docs: BtsDocument[] = [];
    for (const f of batch) {
      const d = readFile(f, job.options.maxFileSize, job.options.cwd, warn);
      if (d) docs.push(d);
    }
    const mine = new Set(docs.map((d) => d.uri));
    const raw = lint([...sharedDocs, ...docs], {
      now,
      onInternalError: (ruleId, e) => warn(`btslint: rule ${ruleId} failed: ${(e as Error)?.stack ?? e}\n`),
    });
    const own = raw.filter((f) => mine.has(f.uri) && f.ruleId !== 'no-topology');
    result.internal.push(...raw.filter((f) => f.ruleId === 'internal-error' && !mine.has(f.uri)));
    const { findings } = applyPolicy(own, docs, { now, configFor, suppressions: !job.options.ignoreSuppressions });
    result.findings.push(...findings);
    // Offset 0 always: where no-topology stands when the main thread places it in a binding.
    const offsets = new Map<string, Set<number>>(docs.map((d) => [d.uri, new Set<number>([0])]));
    const note = (uri: string, start: number, end: number) => {
      const set = offsets.get(uri);
      if (set) set.add(start).add(end);
    };
    for (const f of findings) {
      note(f.uri, f.range.start, f.range.end);
      for (const r of f.related ?? []) note(r.uri, r.range.start, r.range.end);
      for (const e of f.fix?.edits ?? []) note(e.uri, e.start, e.end);
    }
    for (const d of docs) {
      const set = offsets.get(d.uri)!;
      const binding = d.binding ? modelOnly(d.binding, (r) => set.add(r.start).add(r.end)) : undefined;
      const positions: number[] = [];
      const lines = d.lines();
      for (const o of set) {
        const p = lines.position(o);
        positions.push(o, p.line, p.character);
      }
      result.docs.push({ uri: d.uri, kind: d.kind, encoding: d.encoding, eol: d.eol, binding, positions, broken: d.problems.some((p) => p.kind === 'parse') });
    }
    trace(`batch of ${docs.length} files done`);
  }
  return result;
}

/** The shard in batches of about BATCH_BYTES (a larger file is a batch of its own). */
function batches(files: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let bytes = 0;
  for (const f of files) {
    const size = sizeOf(f) ?? 0;
    if (cur.length && bytes + size > BATCH_BYTES) {
      out.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(f);
    bytes += size;
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Makes a binding model structured-clone-able in place (its document is dropped right after): XML
 * elements and functions become undefined, everything else (plain data, shared objects kept shared)
 * is sent as it is. Each offset range is reported to `range`, so its positions travel too.
 */
function modelOnly(model: BindingModel, range: (r: { start: number; end: number }) => void): BindingModel {
  const seen = new Set<object>();
  const stack: object[] = [model];
  while (stack.length) {
    const o = stack.pop() as Record<string, unknown>;
    if (seen.has(o)) continue;
    seen.add(o);
    if (Array.isArray(o)) {
      for (const x of o) if (x !== null && typeof x === 'object') stack.push(x);
      continue;
    }
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'function') o[k] = undefined;
      else if (x !== null && typeof x === 'object') {
        const e = x as { kind?: unknown; children?: unknown };
        if (e.kind === 'element' && Array.isArray(e.children)) o[k] = undefined; // an XmlElement
        else stack.push(x);
      }
    }
    if (typeof o.start === 'number' && typeof o.end === 'number') range(o as { start: number; end: number });
  }
  return model;
}

if (!isMainThread && (workerData as { btslintParallelWorker?: boolean } | null)?.btslintParallelWorker && parentPort) {
  const port = parentPort;
  port.once('message', (job: Job) => {
    try {
      port.postMessage({ result: work(job) });
    } catch (e) {
      port.postMessage({ error: (e as Error)?.stack ?? String(e) });
    }
  });
}
