'use strict';
// Preloaded (`node -r bench/lib/rusage.js ...`) into every process the benchmark times: at exit it
// writes the process's own CPU time (user + system, all threads: main, workers, GC, compiler) and
// peak resident memory to the file named by BTSLINT_BENCH_RUSAGE. The parent measures wall time
// itself; CPU time is the load-robust companion figure (a loaded machine stretches wall time, much
// less CPU time). Costs nothing measurable: one listener, one small write at exit.
const fs = require('fs');

const target = process.env.BTSLINT_BENCH_RUSAGE;
if (target) {
  process.on('exit', () => {
    const r = process.resourceUsage();
    fs.writeFileSync(target, JSON.stringify({ cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000, userMs: r.userCPUTime / 1000, maxRssKb: r.maxRSS }));
  });
}
