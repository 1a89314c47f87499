// The fuzzer shared by test/robustness/fuzz.test.ts (a few thousand cases over the fixtures in
// `npm test`), fuzz.corpus.test.ts (over the real corpus, `npm run test:corpus`) and scripts/fuzz.js
// (as many as asked). Each case takes a seed file (the fixtures of test/fixtures or the shared corpus,
// with the examples workspace and a JSON copy of the example topology), mutates its bytes (truncations, byte flips,
// insertions of markup characters and random bytes, shuffled lines, duplicated chunks, re-encodings)
// and runs the whole pipeline on it: readDocument, lint with every rule (together with a sound
// companion file so the cross-file joins run), describeModel. A case fails when anything throws or a
// finding, related location or fix edit has a range outside its document.
//
// Every case is reproducible on its own: its PRNG is seeded from (seed, case index), so
// `node scripts/fuzz.js --seed S --case K --dump case.bin` writes the exact input of a failure.
//
// Cases run in worker threads watched by the main thread: a case that does not finish within the
// hang limit is a hang even when it never returns (the worker is terminated and the case reported,
// and a new worker takes the remaining cases). A worker that fails to start or fails while loading
// (or outside a case) ends the run once with that error: it is never relaunched.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { parseDocument } from 'yaml';
import { BtsDocument, describeModel, Finding, lint, readDocument } from '../../server/src/core';
import { corpusFiles, fixtureFiles, repoRoot } from '../helpers/paths';
import { mulberry32 } from '../helpers/random';

export { mulberry32 };

/** The PRNG of one case: independent of every other case, so any case replays alone. */
export function caseRandom(seed: number, index: number): () => number {
  const r = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  r(); // the first output of mulberry32 correlates with the seed; drop it
  return r;
}

export interface SeedFile {
  /** The name the mutated file gets: it decides how btslint classifies it. */
  name: string;
  bytes: Buffer;
  /** From the examples workspace (a sound file that can stand beside a mutated one). */
  example?: boolean;
}

/** Where the seed files come from: the fixtures of test/fixtures, or the shared real-file corpus. */
export type SeedSource = 'fixtures' | 'corpus';

/** The seed files: the fixtures or the shared corpus, the examples workspace, and a JSON copy of its topology. */
export function seedFiles(source: SeedSource): SeedFile[] {
  const out: SeedFile[] = (source === 'corpus' ? corpusFiles() : fixtureFiles()).map((f) => ({ name: path.basename(f), bytes: fs.readFileSync(f) }));
  const examples = path.join(repoRoot(), 'examples');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ name: e.name, bytes: fs.readFileSync(p), example: true });
    }
  };
  walk(examples);
  const topo = out.find((s) => s.example && /\.topology\.ya?ml$/i.test(s.name));
  if (topo) {
    const json = JSON.stringify(parseDocument(topo.bytes.toString('utf8')).toJS(), null, 2);
    out.push({ name: topo.name.replace(/\.ya?ml$/i, '.json'), bytes: Buffer.from(json + '\n') });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const MARKUP = ['<', '&', '"', "'", ']]>', '>', '/>', '</', '<!--', '-->', '<![CDATA[', '<?', '?>', '&amp;', '&lt;', '&#x10FFFF;', '&#xD800;', '&#0;', '&unknown;', '=', '\u0000', '\uFEFF', '\uFFFD'];
const YAMLISH = [':', '- ', '[', ']', '{', '}', ',', '#', '&a ', '*a', '!!binary ', '? ', '|', '>', '"', "'", '\t', '---\n', '...\n', '%YAML 1.2\n', '<<: *a\n'];

export interface MutatedCase {
  index: number;
  name: string;
  seedName: string;
  ops: string[];
  bytes: Buffer;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function int(r: () => number, max: number): number {
  return Math.floor(r() * max);
}

function insertAt(b: Buffer, at: number, piece: Buffer): Buffer {
  return Buffer.concat([b.subarray(0, at), piece, b.subarray(at)]);
}

/** One mutation of the bytes; returns the new bytes and a short label. */
function mutateOnce(r: () => number, b: Buffer): [Buffer, string] {
  const n = b.length;
  const at = int(r, n + 1);
  switch (int(r, 12)) {
    case 0: {
      const len = int(r, n + 1);
      return [b.subarray(0, len), `truncate@${len}`];
    }
    case 1: {
      const out = Buffer.from(b);
      const flips = 1 + int(r, 8);
      for (let k = 0; k < flips && n; k++) out[int(r, n)] ^= 1 << int(r, 8);
      return [out, `flip×${flips}`];
    }
    case 2:
    case 3: {
      const piece = pick(r, MARKUP);
      const times = r() < 0.2 ? 1 + int(r, 50) : 1;
      return [insertAt(b, at, Buffer.from(piece.repeat(times), 'utf8')), `insert ${JSON.stringify(piece)}×${times}@${at}`];
    }
    case 4: {
      const piece = pick(r, YAMLISH);
      return [insertAt(b, at, Buffer.from(piece, 'utf8')), `insert ${JSON.stringify(piece)}@${at}`];
    }
    case 5: {
      const len = 1 + int(r, 64);
      const rnd = Buffer.alloc(len);
      for (let k = 0; k < len; k++) rnd[k] = int(r, 256);
      return [insertAt(b, at, rnd), `random ${len}B@${at}`];
    }
    case 6: {
      // Shuffle a window of lines (Fisher-Yates on up to 20 consecutive lines).
      const lines = b.toString('latin1').split(/(?<=\n)/);
      const start = int(r, lines.length);
      const end = Math.min(lines.length, start + 2 + int(r, 19));
      for (let k = end - 1; k > start; k--) {
        const j = start + int(r, k - start + 1);
        [lines[k], lines[j]] = [lines[j], lines[k]];
      }
      return [Buffer.from(lines.join(''), 'latin1'), `shuffle lines ${start}..${end}`];
    }
    case 7: {
      const from = int(r, n + 1);
      const len = int(r, Math.min(4096, n - from) + 1);
      const times = 1 + int(r, 3);
      const chunk = b.subarray(from, from + len);
      return [insertAt(b, at, Buffer.concat(Array(times).fill(chunk))), `duplicate ${len}B×${times} from ${from}@${at}`];
    }
    case 8: {
      const from = int(r, n + 1);
      const len = int(r, Math.min(2048, n - from) + 1);
      return [Buffer.concat([b.subarray(0, from), b.subarray(from + len)]), `delete ${len}B@${from}`];
    }
    case 9: {
      // Re-encode: the decoders and the offset arithmetic of UTF-16 and BOMs.
      const text = b.toString('utf8');
      const kind = int(r, 4);
      if (kind === 0) return [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf16le+bom'];
      if (kind === 1) return [Buffer.from(text, 'utf16le'), 'utf16le-nobom'];
      if (kind === 2) {
        const le = Buffer.from(text, 'utf16le');
        for (let k = 0; k + 1 < le.length; k += 2) [le[k], le[k + 1]] = [le[k + 1], le[k]];
        return [Buffer.concat([Buffer.from([0xfe, 0xff]), le]), 'utf16be+bom'];
      }
      return [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]), 'utf8 bom'];
    }
    case 10: {
      // Line endings: LF to CRLF or to lone CR.
      const to = r() < 0.5 ? '\r\n' : '\r';
      return [Buffer.from(b.toString('latin1').replace(/\r?\n/g, to), 'latin1'), `eol ${JSON.stringify(to)}`];
    }
    default: {
      // Deep nesting in a small space.
      const piece = pick(r, ['<a>', '<a b="', '[', '{a: ', '- ', '&lt;a&gt;']);
      const times = 10 + int(r, 2000);
      return [insertAt(b, at, Buffer.from(piece.repeat(times), 'utf8')), `nest ${JSON.stringify(piece)}×${times}@${at}`];
    }
  }
}

/** Case `index` of run `seed`: a seed file and one to four mutations of it. */
export function makeCase(seeds: SeedFile[], seed: number, index: number): MutatedCase {
  const r = caseRandom(seed, index);
  const s = seeds[int(r, seeds.length)];
  let bytes = s.bytes;
  const ops: string[] = [];
  const count = 1 + int(r, 4);
  for (let k = 0; k < count; k++) {
    const [next, op] = mutateOnce(r, bytes);
    bytes = next;
    ops.push(op);
  }
  return { index, name: s.name, seedName: s.name, ops, bytes };
}

export interface CaseFailure {
  index: number;
  name: string;
  ops: string[];
  error: string;
}

function checkRange(what: string, r: { start: number; end: number } | undefined, doc: BtsDocument | undefined, problems: string[]) {
  if (!doc) {
    problems.push(`${what}: its uri is no document of the run`);
    return;
  }
  const len = doc.text.length;
  if (!r || !Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start < 0 || r.start > r.end || r.end > len) {
    problems.push(`${what}: range ${JSON.stringify(r)} is outside 0..${len}`);
  }
}

/** Whether every finding's range, related location and fix edit lies inside its document. */
export function rangeProblems(findings: Finding[], docs: BtsDocument[]): string[] {
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  const problems: string[] = [];
  for (const f of findings) {
    const label = `${f.ruleId} "${f.message.slice(0, 80)}"`;
    checkRange(label, f.range, byUri.get(f.uri), problems);
    for (const rel of f.related ?? []) checkRange(`${label} related`, rel.range, byUri.get(rel.uri), problems);
    for (const e of f.fix?.edits ?? []) checkRange(`${label} fix edit`, e, byUri.get(e.uri), problems);
    if (typeof f.message !== 'string' || !f.message) problems.push(`${f.ruleId}: empty message`);
  }
  return problems;
}

/** Sound companions, so the joins between bindings, exports and the topology run on mutated files. */
export function companions(seeds: SeedFile[]): { forXml: BtsDocument[]; forTopology: BtsDocument[] } {
  const examples = seeds.filter((s) => s.example);
  const topo = examples.find((s) => /\.topology\.ya?ml$/i.test(s.name));
  const binding = examples.find((s) => /Bind/i.test(s.name));
  const config = examples.find((s) => /Configuration\.xml$/i.test(s.name));
  const read = (s: SeedFile | undefined, dir: string) => (s ? [readDocument(`companion/${dir}/${s.name}`, s.bytes)] : []);
  return { forXml: read(topo, 't'), forTopology: [...read(binding, 'b'), ...read(config, 'c')] };
}

/** Runs one case through the pipeline; returns what went wrong, or undefined. */
export function runCase(c: MutatedCase, comp: { forXml: BtsDocument[]; forTopology: BtsDocument[] }): string | undefined {
  try {
    const doc = readDocument(`case/${c.name}`, c.bytes);
    const docs = [doc, ...(doc.kind === 'topology' ? comp.forTopology : comp.forXml)];
    const findings = lint(docs, { now: new Date('2026-12-01T00:00:00Z') });
    const problems = rangeProblems(findings, docs);
    const described = describeModel(doc);
    JSON.stringify(described);
    // The edges convert every range to positions; that must hold too.
    for (const f of findings) if (f.uri === doc.uri) doc.lines().range(f.range);
    return problems.length ? problems.slice(0, 5).join('\n') : undefined;
  } catch (e) {
    return `threw: ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
  }
}

export interface FuzzOptions {
  /** The seed files (see seedFiles). */
  source: SeedSource;
  seed: number;
  cases: number;
  /** The first case index (default 0). */
  from?: number;
  workers?: number;
  /** A case running longer than this is a hang (default 5000 ms). */
  hangMs?: number;
  /** A worker not ready (seed files read) within this is a failure to start (default 60000 ms). */
  startMs?: number;
  /** The worker script (default: the compiled fuzzWorker.js beside this file); tests give a broken one. */
  workerScript?: string;
  onProgress?: (done: number) => void;
}

export interface FuzzResult {
  cases: number;
  ms: number;
  failures: CaseFailure[];
  slowest: { index: number; name: string; ms: number; ops: string[] };
}

interface WorkerMessage {
  type: 'start' | 'done' | 'ready';
  index?: number;
  ms?: number;
  error?: string;
  name?: string;
  ops?: string[];
}

/**
 * Runs the cases [from, from + cases) in worker threads, each case watched for hangs. Rejects, once,
 * when a worker fails to start, fails while loading or dies outside a case: the other workers are
 * stopped and nothing is relaunched.
 */
export function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const from = options.from ?? 0;
  const hangMs = options.hangMs ?? 5000;
  const startMs = options.startMs ?? 60_000;
  const workers = Math.max(1, Math.min(options.workers ?? Math.min(4, Math.max(1, os.availableParallelism() - 1)), options.cases));
  const started = Date.now();
  const failures: CaseFailure[] = [];
  let slowest = { index: -1, name: '', ms: -1, ops: [] as string[] };
  let done = 0;
  let next = from;
  const end = from + options.cases;
  const script = options.workerScript ?? path.join(__dirname, 'fuzzWorker.js');
  let seeds: SeedFile[] | undefined;
  const caseOf = (index: number) => makeCase((seeds ??= seedFiles(options.source)), options.seed, index);

  return new Promise((resolve, reject) => {
    let running = 0;
    let fatal: Error | undefined;
    const live = new Set<Worker>();
    const fail = (e: Error) => {
      if (fatal) return;
      fatal = e;
      next = end;
      for (const w of live) void w.terminate();
    };
    const launch = () => {
      running++;
      let w: Worker;
      try {
        w = new Worker(script, { workerData: { seed: options.seed, source: options.source } });
      } catch (e) {
        running--;
        fail(new Error(`a fuzz worker could not be started: ${(e as Error).message}`));
        if (running === 0) reject(fatal!);
        return;
      }
      live.add(w);
      let ready = false;
      let hung = false;
      const since = Date.now();
      let current: { index: number; since: number } | undefined;
      const timer = setInterval(() => {
        if (!ready && Date.now() - since > startMs) {
          fail(new Error(`a fuzz worker was not ready after ${startMs} ms (it did not finish loading)`));
          return;
        }
        if (current && Date.now() - current.since > hangMs) {
          const c = current;
          current = undefined;
          const mc = caseOf(c.index);
          failures.push({ index: c.index, name: mc.name, ops: mc.ops, error: `hang: no result after ${hangMs} ms (worker terminated)` });
          done++;
          hung = true;
          void w.terminate();
        }
      }, 100);
      const feed = () => {
        if (next >= end) {
          current = undefined;
          void w.terminate();
          return;
        }
        const index = next++;
        current = { index, since: Date.now() };
        w.postMessage(index);
      };
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'ready') {
          ready = true;
          return feed();
        }
        if (m.type !== 'done' || !current || m.index !== current.index) return;
        current = undefined;
        done++;
        if (m.ms! > slowest.ms) slowest = { index: m.index, name: m.name!, ms: m.ms!, ops: m.ops! };
        if (m.error) failures.push({ index: m.index, name: m.name!, ops: m.ops!, error: m.error });
        options.onProgress?.(done);
        feed();
      });
      w.on('error', (e) => fail(new Error(`a fuzz worker failed${ready ? '' : ' while loading'}: ${e?.stack ?? e}`)));
      w.on('exit', (code) => {
        clearInterval(timer);
        live.delete(w);
        running--;
        // Ended on its own (not terminated by us for a hang or at the end): a failure, never relaunched.
        if (!hung && !fatal && (current || !ready || next < end)) fail(new Error(`a fuzz worker exited (code ${code}) ${ready ? 'during a run' : 'before it was ready'}`));
        if (fatal) {
          if (running === 0) reject(fatal);
          return;
        }
        // A worker terminated for a hang is replaced while cases remain.
        if (hung && next < end) launch();
        else if (running === 0) resolve({ cases: done, ms: Date.now() - started, failures: failures.sort((a, b) => a.index - b.index), slowest });
      });
    };
    for (let k = 0; k < workers && !fatal; k++) launch();
  });
}
