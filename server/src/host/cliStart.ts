// What the command line sets up before it loads anything else (server/bin/btslint.js): V8's
// optimising compiler tuned for a batch run, then the code cache of btslint's modules (codeCache.ts).
//
// V8 optimises a function once it has run for a while: three times its interrupt budget of bytecode
// executed, 67,584 bytes by default in Node 20's V8, tuned for pages and servers that run for
// minutes. A lint run lasts from a fifth of a second to a few seconds: at the default, a run over
// 2,000 bindings made 264 optimising compilations (92 now), of functions that had only warmed up, some
// again after a deoptimisation, on the compiler thread that competes with the garbage collector for
// the second core of a CI machine. With a budget
// of 400,000 (about six times; measured in BENCHMARKS.md), a run over 2,000 bindings takes a fifth
// less CPU time and less wall time; small and single-file runs are unchanged or faster. Only when code
// is optimised changes, never what it does.
//
// The flags are part of what V8's cached data is checked against: the build (scripts/code-cache.js)
// sets the same ones before it records the cache, or V8 would refuse it.

import * as v8 from 'v8';
import { installCodeCache } from './codeCache';

/** The V8 flags of a command-line run. */
export const CLI_V8_FLAGS: readonly string[] = ['--interrupt-budget=400000'];

let applied = false;

/** Sets CLI_V8_FLAGS (once). */
export function applyCliFlags(): void {
  if (applied) return;
  applied = true;
  for (const f of CLI_V8_FLAGS) v8.setFlagsFromString(f);
}

/** The bin's first step: the flags, then the code cache. */
export function prepareCli(): void {
  applyCliFlags();
  installCodeCache();
}
