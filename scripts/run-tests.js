#!/usr/bin/env node
'use strict';
// Runs the compiled unit and integration tests (out/test/**/*.test.js) with Node's own test runner.
// Node 20's `--test` takes no globs, and given a folder it also runs helpers that live under test/,
// so the files are listed here. Extra arguments are passed through (e.g. a file filter substring).
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..', 'out', 'test');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.js') && (!filters.length || filters.some((f) => p.includes(f)))) files.push(p);
  }
})(root);
files.sort();
if (!files.length) {
  console.error('run-tests: no test file found under out/test (did the build run?)');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', ...flags, ...files], { stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
