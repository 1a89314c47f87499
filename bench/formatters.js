#!/usr/bin/env node
'use strict';
// Output at scale: N synthetic findings (default 50,000) in one file and spread over 500 files, through
// every formatter and the --fix planner (one insertion per finding). Prints one JSON line of
// milliseconds. Build first (npx tsc -p tsconfig.json); run: node bench/formatters.js [N]
const path = require('path');
const out = path.join(__dirname, '..', 'out', 'server', 'src');
const { FORMATTERS } = require(path.join(out, 'cli', 'format', 'index.js'));
const { planFixes } = require(path.join(out, 'cli', 'fix.js'));
const { readDocument } = require(path.join(out, 'core', 'document.js'));

const n = Number(process.argv[2] || 50000);

function findings(files) {
  const list = [];
  for (let i = 0; i < n; i++) {
    const uri = `file:///w/f${i % files}.xml`;
    const at = 100 + Math.floor(i / files) * 10;
    list.push({
      ruleId: i % 2 ? 'no-offsite-copy' : 'restore-not-tested',
      severity: i % 3 ? 'warning' : 'error',
      message: `finding ${i}`,
      uri,
      range: { start: at, end: at + 5 },
      nodePath: `A[Name=x${i}]`,
      environment: i % 4 ? 'production' : 'test',
      topology: 'file:///w/prod.topology.yaml',
      fix: { kind: 'fix', title: `fix ${i}`, edits: [{ uri, start: at, end: at, newText: 'x' }] },
    });
  }
  return list;
}

const result = { findings: n };
for (const files of [1, 500]) {
  const list = findings(files);
  const input = {
    findings: list,
    display: (u) => u.slice('file:///w/'.length),
    position: (_u, off) => ({ line: Math.floor(off / 80), character: off % 80 }),
    color: false,
    cwd: '/w',
    version: '0.0.0',
    files: [...new Set(list.map((f) => f.uri))],
  };
  for (const [name, format] of Object.entries(FORMATTERS)) {
    const t = process.hrtime.bigint();
    format(input);
    result[`${name}/${files}`] = Number((process.hrtime.bigint() - t) / 1000000n);
  }
  const docs = input.files.map((u) => readDocument(u, '<a>' + ' '.repeat(100 + Math.ceil(n / files) * 10 + 10) + '</a>'));
  const originals = new Map(docs.map((d) => [d.uri, Buffer.from(d.text)]));
  let first = true;
  const t = process.hrtime.bigint();
  planFixes(docs, originals, () => (first ? ((first = false), list) : []));
  result[`fix-planner/${files}`] = Number((process.hrtime.bigint() - t) / 1000000n);
}
console.log(JSON.stringify(result));
