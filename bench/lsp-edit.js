#!/usr/bin/env node
'use strict';
// Benchmark (not a test): the time from a didChange of a ~400 KB binding file to its fresh
// diagnostics, over stdio against `btslint lsp --stdio`, median of N edits. The server sends a file's
// diagnostics only when they changed, so an edit is checked at the publishDiagnostics carrying its
// version or, when its findings stayed as they were, at the btslint/status ready that ends its check.
// The binding is generated from the shapes of real ones (bench/workload.js); the workspace also
// holds a topology, so every check joins the two. Run `npm run build` first.
//   node bench/lsp-edit.js [--runs 9] [--kb 400]
const fs = require('fs');
const { bindingOfSize } = require('./workload');
const { LspTestClient, makeWorkspace } = require('../out/test/lsp/lspClient.js');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('runs', 9);
const KB = arg('kb', 400);

const TOPOLOGY = `topology: 1
environment: production
hosts:
  - name: BizTalkServerApplication
    type: in-process
    instances: [BTSAPP01, BTSAPP02]
  - name: ReceiveHost_FTP
    type: in-process
    instances: [BTSAPP01]
`;

(async () => {
  const binding = bindingOfSize(KB * 1024);
  const root = makeWorkspace({ 'Bench.BindingInfo.xml': binding, 'prod.topology.yaml': TOPOLOGY });
  const c = new LspTestClient(root);
  let findings;
  try {
    await c.initialize();
    await c.waitForStatus();
    const uri = c.open('Bench.BindingInfo.xml', binding);
    await c.waitFor('first diagnostics', () => c.publishes.some((p) => p.uri === uri && p.version === 1), 60000);
    findings = c.publishes.filter((p) => p.uri === uri).pop().diagnostics.length;
    // Edit a description in the middle of the file, alternating between two texts.
    const at = binding.indexOf('<Description>', binding.length / 2) + '<Description>'.length;
    const before = binding.slice(0, at);
    const line = before.split('\n').length - 1;
    const character = at - (before.lastIndexOf('\n') + 1);
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      await new Promise((r) => setTimeout(r, 400)); // a lone edit, as after a pause in typing
      const since = c.publishes.length;
      const sinceStatus = c.notifications.length;
      const t0 = process.hrtime.bigint();
      const version = c.change(uri, [{ range: { start: { line, character }, end: { line, character: i === 0 ? character : character + 1 } }, text: i % 2 ? 'y' : 'x' }]);
      const ready = () => c.notifications.slice(sinceStatus).some((n) => n.method === 'btslint/status' && n.params && n.params.state === 'ready');
      const p = await c.waitFor('fresh diagnostics or the end of the check', () => c.publishes.slice(since).find((x) => x.uri === uri && x.version === version) || (ready() && 'unchanged'), 60000);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (p !== 'unchanged') findings = p.diagnostics.length;
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const status = c.notifications.filter((n) => n.method === 'btslint/status').pop();
    console.log(`binding: ${(Buffer.byteLength(binding) / 1024).toFixed(0)} KB, ${findings} diagnostic(s) on it; server-side check ${status && status.params.lastCheckMs} ms`);
    console.log(`didChange -> publishDiagnostics over ${RUNS} edits: median ${median.toFixed(1)} ms (min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)})`);
    console.log(`all: ${times.map((t) => t.toFixed(1)).join(' ')}`);
  } finally {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
