// When checks run: a lone change is checked at once; changes that follow within DEBOUNCE_MS are
// coalesced into one check after the typing pauses. Every request bumps a generation counter, and work
// on the message loop checks it between time slices (`slices`): a check that sees another value has
// gone stale and stops.

import { yieldToLoop } from './files';
import { timed } from './timing';

/** How long work runs before it lets the event loop answer waiting requests (then it goes on). */
export const SLICE_MS = 15;

/** Quiet time after a keystroke before a burst of edits is checked. A lone edit is checked at once. */
export const DEBOUNCE_MS = 200;

/**
 * How long a lone edit of a large document (workspace.ts LARGE_DOCUMENT) waits before its check: the
 * requests an editor sends right after an edit (code actions at the cursor, symbols, folding) are
 * answered from the last parse meanwhile, instead of waiting for the parse of the new version.
 */
export const LARGE_SETTLE_MS = 50;

/**
 * The transport's outgoing messages not yet taken by the client (the Node entry's stdout): a large
 * answer (a 15 MB binding's outline is 1.4 MB of JSON) is written a pipe's buffer (64 KB) at a time,
 * each time the event loop polls, so between 15 ms slices it took hundreds of milliseconds to reach
 * the client.
 */
export interface Output {
  /** Whether written messages wait to be taken. */
  pending(): boolean;
}

/** How long a slice waits for the client to take a pending answer before the work goes on. */
export const DRAIN_MS = 50;

/** How long one piece of work (a check) waits for the client in all: a client that stops reading does not slow it further. */
export const DRAIN_BUDGET_MS = 200;

export class Scheduler {
  /** Bumped by every change: work that sees another value has gone stale and stops. */
  generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastChangeAt = 0;

  /**
   * `run` does the check; it must not throw (the server wraps it in its error boundary). `output`:
   * the transport's pending messages, flushed between steps (Output).
   */
  constructor(
    private readonly run: (why: string) => Promise<void>,
    private readonly output?: Output,
  ) {}

  /**
   * Asks for a check. Every call makes a running check stale. `settleMs`: how long a lone change waits
   * (a large document's: the requests an editor sends right after an edit are answered first, from
   * the last parse, instead of waiting for the parse of the new version).
   */
  request(why: string, immediate = false, settleMs = 0): void {
    this.generation++;
    const now = Date.now();
    const quiet = now - this.lastChangeAt > DEBOUNCE_MS && !this.timer;
    this.lastChangeAt = now;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.run(why);
      },
      immediate ? 0 : quiet ? settleMs : DEBOUNCE_MS,
    );
  }

  /** Stops what is planned and makes running work stale. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
  }

  /**
   * A checkpoint for work on the message loop, called between steps: once SLICE_MS have run since the
   * last pause, it goes back to the event loop (waiting requests are answered), then tells whether the
   * work is still current (false: a newer change moved the generation on from `gen`). `step` names the
   * step that just ran, for the timing log.
   */
  slices(gen: number): (step?: string) => Promise<boolean> {
    let sliceStart = performance.now();
    let stepStart = sliceStart;
    let waited = 0;
    return async (step?: string) => {
      // The timing log (off by default, timing.ts): the step that just ran, when it took 5 ms or more.
      timed(step ?? 'step', stepStart, 5);
      if (waited < DRAIN_BUDGET_MS && this.output?.pending()) {
        // An answer is still being written: the next step waits until the client has taken it (the
        // event loop writes more each time it polls), DRAIN_MS at most, DRAIN_BUDGET_MS in all.
        const t0 = performance.now();
        do await new Promise((r) => setTimeout(r, 1));
        while (this.output.pending() && performance.now() - t0 < DRAIN_MS);
        waited += performance.now() - t0;
        timed('waiting for the client to take an answer', t0, 1);
      } else if (performance.now() - sliceStart <= SLICE_MS) {
        stepStart = performance.now();
        return gen === this.generation;
      } else await yieldToLoop();
      sliceStart = stepStart = performance.now();
      return gen === this.generation;
    };
  }
}
