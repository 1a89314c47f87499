#!/usr/bin/env node
'use strict';
// Output at scale: N synthetic findings (default 50,000) in one file and spread over 500 files, through
// every formatter and the --fix planner (one insertion per finding). Prints one JSON line of
// milliseconds. Build first (npx tsc -p tsconfig.json); run: node bench/formatters.js [N]
const path = require('path');
const out = path.join(__dirname, '..', 'out', 'server', 'src');
const { FORMATTERS } = require(path.join(out, 'cli', 'format', 'index.js'));
const { planFixes } = require(path.join(out, 'cli', 'fix.js'));
// The same findings and documents as test/ci/outputAtScale.test.ts.
const { syntheticDocuments, syntheticFindings, syntheticInput } = require(path.join(out, '..', '..', 'test', 'helpers', 'outputAtScale.js'));

const n = Number(process.argv[2] || 50000);

const result = { findings: n };
for (const files of [1, 500]) {
  const list = syntheticFindings(n, files);
  const input = syntheticInput(list);
  for (const [name, format] of Object.entries(FORMATTERS)) {
    const t = process.hrtime.bigint();
    format(input);
    result[`${name}/${files}`] = Number((process.hrtime.bigint() - t) / 1000000n);
  }
  const docs = syntheticDocuments(input.files, n, files);
  const originals = new Map(docs.map((d) => [d.uri, Buffer.from(d.text)]));
  let first = true;
  const t = process.hrtime.bigint();
  planFixes(docs, originals, () => (first ? ((first = false), list) : []));
  result[`fix-planner/${files}`] = Number((process.hrtime.bigint() - t) / 1000000n);
}
console.log(JSON.stringify(result));
