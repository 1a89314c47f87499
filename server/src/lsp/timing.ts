// A timing log of the server's work on its message loop, off unless the Node entry sets a sink
// (BTSLINT_TIMING_LOG=<file>, lsp/node/start.ts): each piece of a check between two returns to the
// event loop, each request, and (the entry's own watch) the loop blocked and garbage collections.
// For finding what holds requests up on large files; nothing is measured when it is off.

let sink: ((line: string) => void) | undefined;

/** Sends the timing lines to `s` (undefined: off). */
export function setTimingSink(s: ((line: string) => void) | undefined): void {
  sink = s;
}

export function timingOn(): boolean {
  return sink !== undefined;
}

/** Logs `label` as work that ran from `t0` (performance.now()) until now, when it took `min` ms or more. */
export function timed(label: string, t0: number, min = 0): void {
  if (!sink) return;
  const d = performance.now() - t0;
  if (d >= min) sink(`${stamp(t0)} ${d.toFixed(1).padStart(6)} ms ${label}`);
}

/** A time of performance.now() as milliseconds of the wall clock, modulo 1,000 s (to match a client's log). */
export function stamp(t: number): string {
  return ((performance.timeOrigin + t) % 1e6).toFixed(0).padStart(6);
}

/** A free-form line of the timing log. */
export function timingNote(line: string): void {
  sink?.(`${stamp(performance.now())} ${line}`);
}
