// Fuzzing in `npm test`: a thousand mutated fixtures and examples through the whole pipeline (see
// fuzzer.ts; fuzz.corpus.test.ts does the same over the real corpus). The seed is fixed so a failure
// here is reproducible with `node scripts/fuzz.js --source fixtures --seed 20261201 --case K`;
// scripts/fuzz.js runs many more cases with any seed. A worker that cannot start fails the run once.

import { describe, it } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as assert from 'node:assert/strict';
import { caseRandom, makeCase, mulberry32, runFuzz, seedFiles } from './fuzzer';

const SEED = 20261201;
const CASES = 1000;

describe('fuzzer', () => {
  it('mulberry32 is deterministic and spreads over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10000 }, () => a());
    assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    const buckets = new Array(10).fill(0);
    for (const x of xs) buckets[Math.floor(x * 10)]++;
    for (const n of buckets) assert.ok(n > 800 && n < 1200, `bucket of ${n} in 10,000 draws`);
    assert.notEqual(caseRandom(1, 0)(), caseRandom(1, 1)(), 'neighbouring cases get different streams');
  });

  it('a case replays byte for byte from (seed, index)', () => {
    const seeds = seedFiles('fixtures');
    for (const k of [0, 1, 977, CASES - 1]) {
      const x = makeCase(seeds, SEED, k);
      const y = makeCase(seeds, SEED, k);
      assert.deepEqual(x.ops, y.ops);
      assert.ok(x.bytes.equals(y.bytes));
    }
  });

  it('the seeds are the fixtures and the examples, XML, YAML and JSON alike', () => {
    const names = seedFiles('fixtures').map((s) => s.name);
    assert.ok(names.length >= 11, `only ${names.length} seed files`);
    assert.ok(names.some((n) => /\.topology\.yaml$/.test(n)));
    assert.ok(names.some((n) => /\.topology\.json$/.test(n)));
    assert.ok(names.some((n) => /BindingInfo\.xml$/i.test(n)));
    assert.ok(names.some((n) => /\.btdfproj$/i.test(n)));
  });

  it('every kind of mutation occurs in the run', () => {
    const seeds = seedFiles('fixtures');
    const kinds = new Set<string>();
    for (let k = 0; k < CASES; k++) for (const op of makeCase(seeds, SEED, k).ops) kinds.add(op.split(/[ @×]/)[0]);
    const expected = ['truncate', 'flip', 'insert', 'random', 'shuffle', 'duplicate', 'delete', 'utf16le+bom', 'utf16le-nobom', 'utf16be+bom', 'utf8', 'eol', 'nest'];
    assert.deepEqual(expected.filter((e) => !kinds.has(e)), []);
  });

  it(`${CASES} mutated files: no throw, no hang, every range inside its document`, async (t) => {
    const r = await runFuzz({ source: 'fixtures', seed: SEED, cases: CASES, workers: 2, hangMs: 5000 });
    t.diagnostic(`fuzz: ${r.cases} cases in ${(r.ms / 1000).toFixed(1)} s; slowest case ${r.slowest.index} (${r.slowest.name}) took ${r.slowest.ms} ms`);
    const report = r.failures
      .slice(0, 10)
      .map((f) => `case ${f.index} (${f.name}: ${f.ops.join(' | ')})\n  ${f.error.split('\n').join('\n  ')}\n  replay: node scripts/fuzz.js --source fixtures --seed ${SEED} --case ${f.index}`)
      .join('\n');
    assert.equal(r.failures.length, 0, `${r.failures.length} failing case(s):\n${report}`);
    assert.equal(r.cases, CASES);
  });

  it('a worker that fails while loading fails the run once, and is not relaunched', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-fuzz-'));
    try {
      const counter = path.join(dir, 'starts.txt');
      const broken = path.join(dir, 'broken.js');
      fs.writeFileSync(broken, `require('fs').appendFileSync(${JSON.stringify(counter)}, 'x'); throw new Error('broken on load');\n`);
      const t0 = Date.now();
      await assert.rejects(runFuzz({ source: 'fixtures', seed: SEED, cases: 50, workers: 2, workerScript: broken }), /while loading: Error: broken on load/);
      assert.ok(Date.now() - t0 < 30_000, 'ended promptly');
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(fs.readFileSync(counter, 'utf8').length <= 2, 'each of the 2 workers started once, none relaunched');
      // A worker that exits before it is ready (no error event) fails the run too.
      const quitter = path.join(dir, 'quitter.js');
      fs.writeFileSync(quitter, 'process.exit(3);\n');
      await assert.rejects(runFuzz({ source: 'fixtures', seed: SEED, cases: 10, workers: 1, workerScript: quitter }), /exited \(code 3\) before it was ready/);
      // A script that does not exist.
      await assert.rejects(runFuzz({ source: 'fixtures', seed: SEED, cases: 10, workers: 1, workerScript: path.join(dir, 'missing.js') }), /fuzz worker/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
