#!/usr/bin/env node
'use strict';
// The long fuzz run (npm test runs a few thousand cases of the same fuzzer over the fixtures:
// test/robustness/fuzz.test.ts; npm run test:corpus over the real corpus: fuzz.corpus.test.ts).
//
//   node scripts/fuzz.js [--source corpus|fixtures] [--cases 100000] [--seed N] [--from K] [--workers W] [--hang-ms 5000]
//   node scripts/fuzz.js [--source ...] --seed N --case K [--dump file]   replay one case (and write its bytes)
//
// --source: the seed files (default: the corpus when ../shared/corpus is there, else the fixtures).
//
// Build first (`npx tsc -p .`). Prints the number of cases, the run time and each failure with the
// seed and case index that reproduce it. Exit code 1 when a case fails (throws, hangs, or yields a
// finding whose range is outside its document).
const fs = require('fs');
const path = require('path');

let fuzzer;
try {
  fuzzer = require(path.join(__dirname, '..', 'out', 'test', 'robustness', 'fuzzer.js'));
} catch (e) {
  console.error(`fuzz: cannot load the compiled fuzzer (run "npx tsc -p ." first): ${e.message}`);
  process.exit(2);
}

function parse(argv) {
  const o = { source: fs.existsSync(path.join(__dirname, '..', '..', 'shared', 'corpus', 'SOURCES.md')) ? 'corpus' : 'fixtures', cases: 100000, seed: Date.now() % 100000, from: 0, workers: undefined, hangMs: 5000, case: undefined, dump: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    const num = (x) => {
      if (!/^\d+$/.test(x)) throw new Error(`${a} needs a whole number, not "${x}"`);
      return Number(x);
    };
    if (a === '--source') {
      o.source = v();
      if (o.source !== 'corpus' && o.source !== 'fixtures') throw new Error(`--source is corpus or fixtures, not "${o.source}"`);
    } else if (a === '--cases') o.cases = num(v());
    else if (a === '--seed') o.seed = num(v());
    else if (a === '--from') o.from = num(v());
    else if (a === '--workers') o.workers = num(v());
    else if (a === '--hang-ms') o.hangMs = num(v());
    else if (a === '--case') o.case = num(v());
    else if (a === '--dump') o.dump = v();
    else if (a === '-h' || a === '--help') {
      console.log(fs.readFileSync(__filename, 'utf8').split('\n').slice(2, 12).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

async function main() {
  let o;
  try {
    o = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`fuzz: ${e.message}`);
    return 2;
  }
  if (o.case !== undefined) {
    const seeds = fuzzer.seedFiles(o.source);
    const c = fuzzer.makeCase(seeds, o.seed, o.case);
    console.log(`case ${o.case} of seed ${o.seed}: ${c.name}, ${c.bytes.length} bytes, ${c.ops.join(' | ')}`);
    if (o.dump) {
      fs.writeFileSync(o.dump, c.bytes);
      console.log(`bytes written to ${o.dump}`);
    }
    const t0 = Date.now();
    const error = fuzzer.runCase(c, fuzzer.companions(seeds));
    console.log(error ? `FAIL (${Date.now() - t0} ms): ${error}` : `ok (${Date.now() - t0} ms)`);
    return error ? 1 : 0;
  }
  console.log(`fuzz: ${o.source}, seed ${o.seed}, cases ${o.from}..${o.from + o.cases - 1}`);
  let last = 0;
  const r = await fuzzer.runFuzz({
    source: o.source,
    seed: o.seed,
    cases: o.cases,
    from: o.from,
    workers: o.workers,
    hangMs: o.hangMs,
    onProgress: (done) => {
      if (process.stderr.isTTY && Date.now() - last > 500) {
        last = Date.now();
        process.stderr.write(`\rfuzz: ${done}/${o.cases}`);
      }
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(`fuzz: ${r.cases} cases in ${(r.ms / 1000).toFixed(1)} s (${(r.ms / Math.max(1, r.cases)).toFixed(2)} ms/case); slowest: case ${r.slowest.index} (${r.slowest.name}, ${r.slowest.ms} ms)`);
  for (const f of r.failures) {
    console.log(`\nFAIL case ${f.index} (${f.name}: ${f.ops.join(' | ')})\n  ${f.error.split('\n').join('\n  ')}\n  replay: node scripts/fuzz.js --source ${o.source} --seed ${o.seed} --case ${f.index} --dump case.bin`);
  }
  console.log(r.failures.length ? `fuzz: ${r.failures.length} failing case(s)` : 'fuzz: no failure');
  return r.failures.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`fuzz: ${e.stack || e}`);
    process.exitCode = 2;
  },
);
