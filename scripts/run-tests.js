#!/usr/bin/env node
'use strict';
// Runs the compiled unit and integration tests (out/test/**/*.test.js) with Node's own test runner.
// Node 20's `--test` takes no globs, and given a folder it also runs helpers that live under test/,
// so the files are listed here. Extra arguments are passed through (e.g. a file filter substring).
// Tests that read the shared real-file corpus (../shared/corpus) live in *.corpus.test.ts files: they
// run with --corpus only (`npm run test:corpus`), so `npm test` passes on a clone with nothing beside it.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..', 'out', 'test');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const corpus = process.argv.includes('--corpus');
const flags = process.argv.slice(2).filter((a) => a.startsWith('-') && a !== '--corpus');
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.js') && e.name.endsWith('.corpus.test.js') === corpus && (!filters.length || filters.some((f) => p.includes(f)))) files.push(p);
  }
})(root);
files.sort();
if (!files.length) {
  console.error('run-tests: no test file found under out/test (did the build run?)');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', ...flags, ...files], { stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
