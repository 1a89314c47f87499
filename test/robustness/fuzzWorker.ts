// A worker thread of the fuzzer (see fuzzer.ts): receives case indexes, runs each case through the
// pipeline and answers with its time and what went wrong. The main thread watches for hangs.
import { parentPort, workerData } from 'worker_threads';
import { performance } from 'perf_hooks';
import { companions, makeCase, runCase, SeedSource, seedFiles } from './fuzzer';

const { seed, source } = workerData as { seed: number; source: SeedSource };
const seeds = seedFiles(source);
const comp = companions(seeds);

parentPort!.on('message', (index: number) => {
  const c = makeCase(seeds, seed, index);
  const t0 = performance.now();
  const error = runCase(c, comp);
  parentPort!.postMessage({ type: 'done', index, ms: Math.round(performance.now() - t0), error, name: c.name, ops: c.ops });
});
parentPort!.postMessage({ type: 'ready' });
