// Baselines, for teams adopting btslint on an existing estate: record today's findings, then report
// only what is new. A finding's identity is its rule, its file (relative to the baseline file's folder,
// forward slashes, compared case-insensitively) and its structural nodePath (e.g.
// `sqlInstances[name=SQL1]:BizTalkMsgBoxDb`), never a line number, so it survives unrelated edits and
// line shifts. Several findings with one identity are counted. The fingerprint is the first 32 hex
// digits of SHA-256 over those three parts: the same value SARIF's partialFingerprints carry.

import type { Finding } from '../types';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  rule: string;
  /** Relative to the baseline file's folder, forward slashes. */
  file: string;
  nodePath: string;
  fingerprint: string;
  /** How many findings share this identity. */
  count: number;
}

export interface Baseline {
  version: number;
  tool: 'btslint';
  /** Informational: the findings' messages are not part of the identity. */
  entries: BaselineEntry[];
}

export interface BaselineMatch {
  /** Findings not in the baseline: the ones to report. */
  fresh: Finding[];
  /** Findings the baseline records. */
  unchanged: Finding[];
  /** Baseline entries (with the count left over) that no finding matched any more. */
  absent: BaselineEntry[];
}

/** The identity of a finding, given its file path relative to the baseline's folder. */
export function fingerprint(ruleId: string, relativeFile: string, nodePath: string): string {
  return sha256Hex(`${ruleId}\u0000${relativeFile.replace(/\\/g, '/').toLowerCase()}\u0000${nodePath}`).slice(0, 32);
}

/** Records findings. `relative` gives a finding's file relative to the baseline file's folder. */
export function createBaseline(findings: Finding[], relative: (uri: string) => string): Baseline {
  const byPrint = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const file = relative(f.uri).replace(/\\/g, '/');
    const fp = fingerprint(f.ruleId, file, f.nodePath);
    const e = byPrint.get(fp);
    if (e) e.count++;
    else byPrint.set(fp, { rule: f.ruleId, file, nodePath: f.nodePath, fingerprint: fp, count: 1 });
  }
  const entries = [...byPrint.values()].sort((a, b) => cmp(a.file.toLowerCase(), b.file.toLowerCase()) || cmp(a.rule, b.rule) || cmp(a.nodePath, b.nodePath));
  return { version: BASELINE_VERSION, tool: 'btslint', entries };
}

export function serializeBaseline(b: Baseline): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** Reads a baseline file's text; throws an Error with a readable message when it is not one. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`the baseline is not JSON (${(e as Error).message})`, { cause: e });
  }
  const b = data as Partial<Baseline>;
  if (!b || typeof b !== 'object' || !Array.isArray(b.entries)) throw new Error('the baseline has no "entries" list; write one with --write-baseline');
  if (b.version !== BASELINE_VERSION) throw new Error(`the baseline has version ${JSON.stringify(b.version)}; this btslint reads version ${BASELINE_VERSION}`);
  const entries: BaselineEntry[] = [];
  for (const e of b.entries as Partial<BaselineEntry>[]) {
    if (!e || typeof e.rule !== 'string' || typeof e.file !== 'string' || typeof e.nodePath !== 'string') throw new Error('a baseline entry lacks rule, file or nodePath');
    // The fingerprint is recomputed, so a hand-edited entry still matches what it says.
    const fp = fingerprint(e.rule, e.file, e.nodePath);
    entries.push({ rule: e.rule, file: e.file, nodePath: e.nodePath, fingerprint: fp, count: typeof e.count === 'number' && e.count > 0 ? Math.floor(e.count) : 1 });
  }
  return { version: BASELINE_VERSION, tool: 'btslint', entries };
}

/** Splits findings into new and recorded ones; what is left of the baseline no longer matches. */
export function matchBaseline(findings: Finding[], baseline: Baseline, relative: (uri: string) => string): BaselineMatch {
  const left = new Map<string, number>();
  for (const e of baseline.entries) left.set(e.fingerprint, (left.get(e.fingerprint) ?? 0) + e.count);
  const fresh: Finding[] = [];
  const unchanged: Finding[] = [];
  for (const f of findings) {
    const fp = fingerprint(f.ruleId, relative(f.uri), f.nodePath);
    const n = left.get(fp) ?? 0;
    if (n > 0) {
      left.set(fp, n - 1);
      unchanged.push(f);
    } else fresh.push(f);
  }
  const absent: BaselineEntry[] = [];
  const seen = new Set<string>();
  for (const e of baseline.entries) {
    if (seen.has(e.fingerprint)) continue;
    seen.add(e.fingerprint);
    const n = left.get(e.fingerprint) ?? 0;
    if (n > 0) absent.push({ ...e, count: n });
  }
  return { fresh, unchanged, absent };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// SHA-256 (FIPS 180-4) over the UTF-8 bytes of a string, in plain TypeScript: the core has no
// `crypto` module (it also runs in a web worker), and the inputs are a few hundred bytes.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export function sha256Hex(input: string): string {
  const bytes = new TextEncoder().encode(input);
  const bitLen = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLen / 0x100000000));
  view.setUint32(padded.length - 4, bitLen >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}
