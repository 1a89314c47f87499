#!/usr/bin/env node
'use strict';
// A/B of two builds of the CLI on one target, alternated in the same minutes (the machine is shared:
// only runs taken side by side compare):
//
//   node bench/ab.js <other-checkout> <target> [rounds]
//
// Each round runs both checkouts' `server/bin/btslint.js <target> --format json` in a fresh process
// (the order flips every round), from this checkout's folder as bench/run.js does; prints the median
// and the lowest wall and CPU time of each (CPU: user + system of all threads, bench/lib/rusage.js)
// and the load average. Build both first (`npm run build`: tsc, then the code cache of
// scripts/code-cache.js). Plain Node, no shell.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { median } = require('./lib/stats');

const ROOT = path.join(__dirname, '..');
const [other, target, roundsArg] = process.argv.slice(2);
if (!other || !target) {
  process.stderr.write('usage: node bench/ab.js <other-checkout> <target> [rounds]\n');
  process.exit(2);
}
const rounds = Math.max(1, Number(roundsArg) || 9);
const bins = { other: path.join(path.resolve(other), 'server', 'bin', 'btslint.js'), this: path.join(ROOT, 'server', 'bin', 'btslint.js') };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-ab-'));
const res = { other: [], this: [] };
const load0 = os.loadavg()[0];
try {
  for (let i = 0; i < rounds; i++) {
    for (const k of i % 2 ? ['this', 'other'] : ['other', 'this']) {
      const usage = path.join(tmp, 'rusage.json');
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'lib', 'rusage.js'), bins[k], path.resolve(target), '--format', 'json', '--output-file', path.join(tmp, 'out.json'), '--today', '2026-12-01'], {
        cwd: ROOT,
        env: { ...process.env, BTSLINT_BENCH_RUSAGE: usage },
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
      });
      if (r.status !== 0 && r.status !== 1) throw new Error(`${k} exited ${r.status}: ${r.stderr}`);
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      res[k].push({ wall, cpu: JSON.parse(fs.readFileSync(usage, 'utf8')).cpuMs });
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
const line = (k) => {
  const w = res[k].map((x) => x.wall);
  const c = res[k].map((x) => x.cpu);
  return `${k === 'this' ? 'this checkout ' : `${other} `}: wall median ${median(w).toFixed(0)} ms (lowest ${Math.min(...w).toFixed(0)}), CPU median ${median(c).toFixed(0)} ms (lowest ${Math.min(...c).toFixed(0)})`;
};
process.stdout.write(`${rounds} rounds on ${target}, load average ${load0.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end\n${line('other')}\n${line('this')}\n`);
