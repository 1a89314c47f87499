#!/usr/bin/env node
'use strict';
// Runs the compiled tests (out/test/**/*.test.js) with Node's own test runner.
//
//   node scripts/run-tests.js [filter...]            every *.test.js except *.corpus.test.js (npm test)
//   node scripts/run-tests.js --corpus [filter...]   only *.corpus.test.js (npm run test:corpus): the
//                                                    tests over the real files in ../shared/corpus
//
// A filter is a substring of the file's path. Other arguments starting with "-" go to `node --test`.
// Node 20's `--test` takes no globs, and given a folder it also runs helpers that live under test/,
// so the files are listed here. No test may hang: every test gets --test-timeout (a generous limit,
// overridable by passing your own --test-timeout=...), and the whole run is killed after RUN_LIMIT_MS.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const TEST_TIMEOUT_MS = 300_000; // per test (a whole describe block counts as one): 5 minutes
const RUN_LIMIT_MS = 40 * 60_000; // the whole run

const repo = path.join(__dirname, '..');
const root = path.join(repo, 'out', 'test');
const args = process.argv.slice(2);
const corpus = args.includes('--corpus');
const filters = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-') && a !== '--corpus');
if (!flags.some((f) => f.startsWith('--test-timeout'))) flags.push(`--test-timeout=${TEST_TIMEOUT_MS}`);

if (corpus) {
  const dir = path.resolve(repo, '..', 'shared', 'corpus');
  if (!fs.existsSync(path.join(dir, 'SOURCES.md'))) {
    console.error(`test:corpus: the real-file corpus is missing (expected ${dir} with SOURCES.md beside the clone; CI checks it out as ../shared)`);
    process.exit(1);
  }
}

// tsc never deletes outputs: a compiled test whose .ts was renamed or removed is stale, not run.
const hasSource = (js) => fs.existsSync(path.join(repo, path.relative(path.join(repo, 'out'), js)).replace(/\.js$/, '.ts'));

const files = [];
(function walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.js') && e.name.endsWith('.corpus.test.js') === corpus && (!filters.length || filters.some((f) => p.includes(f))) && hasSource(p)) files.push(p);
  }
})(root);
files.sort();
if (!files.length) {
  console.error(`run-tests: no ${corpus ? '*.corpus.test.js' : 'test'} file${filters.length ? ` matching ${filters.join(', ')}` : ''} under out/test (did the build run?)`);
  process.exit(1);
}
// Its own process group (on POSIX), so a run past the limit is stopped with every test process it started.
const child = spawn(process.execPath, ['--test', ...flags, ...files], { stdio: 'inherit', detached: process.platform !== 'win32' });
const limit = setTimeout(() => {
  console.error(`run-tests: the run was stopped after ${RUN_LIMIT_MS / 60_000} minutes`);
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}, RUN_LIMIT_MS);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => {
  clearTimeout(limit);
  process.exit(code === null ? 1 : code);
});
