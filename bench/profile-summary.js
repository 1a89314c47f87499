#!/usr/bin/env node
'use strict';
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time and total (inclusive) time per
// function, top N of each, so a profile can be read without DevTools.
// Usage: node bench/profile-summary.js <file.cpuprofile> [N]
const fs = require('fs');
const path = require('path');

function summarise(file, top = 25) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time per sample: the delta to the next sample.
  const self = new Map();
  const deltas = prof.timeDeltas;
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = deltas[i + 1] ?? 0;
    self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + dt);
  }
  const label = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  const selfBy = new Map();
  const totalBy = new Map();
  let all = 0;
  for (const [id, t] of self) {
    all += t;
    const n = byId.get(id);
    selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + t);
    // Inclusive time: every distinct function on the stack gets the sample once.
    const onStack = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) onStack.add(label(byId.get(cur)));
    for (const l of onStack) totalBy.set(l, (totalBy.get(l) ?? 0) + t);
  }
  const fmt = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([l, t]) => `${(t / 1000).toFixed(1).padStart(9)} ms ${((100 * t) / all).toFixed(1).padStart(5)}%  ${l}`)
      .join('\n');
  return `profile ${path.basename(file)}: ${(all / 1000).toFixed(0)} ms sampled\n\nself time\n${fmt(selfBy)}\n\ntotal time\n${fmt(totalBy)}\n`;
}

if (require.main === module) {
  const [file, n] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/profile-summary.js <file.cpuprofile> [N]');
    process.exit(2);
  }
  process.stdout.write(summarise(file, n ? Number(n) : 25));
}

module.exports = { summarise };
