// A worker thread of the fuzzer (see fuzzer.ts): receives case indexes, runs each case through the
// pipeline and answers with its time and what went wrong. The main thread watches for hangs.
import { parentPort, workerData } from 'worker_threads';
import { performance } from 'perf_hooks';
import { companions, makeCase, runCase, seedFiles } from './fuzzer';

const seeds = seedFiles();
const comp = companions(seeds);
const seed = (workerData as { seed: number }).seed;

parentPort!.on('message', (index: number) => {
  const c = makeCase(seeds, seed, index);
  const t0 = performance.now();
  const error = runCase(c, comp);
  parentPort!.postMessage({ type: 'done', index, ms: Math.round(performance.now() - t0), error, name: c.name, ops: c.ops });
});
parentPort!.postMessage({ type: 'ready' });
