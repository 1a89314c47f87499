// Fuzzing in `npm test`: a few thousand mutated real files through the whole pipeline (see fuzzer.ts).
// The seed is fixed so a failure here is reproducible with `node scripts/fuzz.js --seed 20261201
// --case K`; scripts/fuzz.js runs many more cases with any seed.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { caseRandom, makeCase, mulberry32, runFuzz, seedFiles } from './fuzzer';

const SEED = 20261201;
const CASES = 2000;

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
    const seeds = seedFiles();
    for (const k of [0, 1, 977, CASES - 1]) {
      const x = makeCase(seeds, SEED, k);
      const y = makeCase(seeds, SEED, k);
      assert.deepEqual(x.ops, y.ops);
      assert.ok(x.bytes.equals(y.bytes));
    }
  });

  it('the seeds are the corpus and the examples, XML, YAML and JSON alike', () => {
    const names = seedFiles().map((s) => s.name);
    assert.ok(names.length >= 25, `only ${names.length} seed files`);
    assert.ok(names.some((n) => /\.topology\.yaml$/.test(n)));
    assert.ok(names.some((n) => /\.topology\.json$/.test(n)));
    assert.ok(names.some((n) => /BindingInfo\.xml$/i.test(n)));
    assert.ok(names.some((n) => /\.btdfproj$/i.test(n)));
  });

  it('every kind of mutation occurs in the run', () => {
    const seeds = seedFiles();
    const kinds = new Set<string>();
    for (let k = 0; k < CASES; k++) for (const op of makeCase(seeds, SEED, k).ops) kinds.add(op.split(/[ @×]/)[0]);
    const expected = ['truncate', 'flip', 'insert', 'random', 'shuffle', 'duplicate', 'delete', 'utf16le+bom', 'utf16le-nobom', 'utf16be+bom', 'utf8', 'eol', 'nest'];
    assert.deepEqual(expected.filter((e) => !kinds.has(e)), []);
  });

  it(`${CASES} mutated files: no throw, no hang, every range inside its document`, async (t) => {
    const r = await runFuzz({ seed: SEED, cases: CASES, workers: 2, hangMs: 5000 });
    t.diagnostic(`fuzz: ${r.cases} cases in ${(r.ms / 1000).toFixed(1)} s; slowest case ${r.slowest.index} (${r.slowest.name}) took ${r.slowest.ms} ms`);
    const report = r.failures
      .slice(0, 10)
      .map((f) => `case ${f.index} (${f.name}: ${f.ops.join(' | ')})\n  ${f.error.split('\n').join('\n  ')}\n  replay: node scripts/fuzz.js --seed ${SEED} --case ${f.index}`)
      .join('\n');
    assert.equal(r.failures.length, 0, `${r.failures.length} failing case(s):\n${report}`);
    assert.equal(r.cases, CASES);
  });
});
