// Seeded randomness for the differential and fuzz tests: a failure reproduces from its seed.

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A document with a few seeded edits: a piece inserted, a few characters deleted, or one replaced by a
 * piece, `minEdits` to `minEdits + 2` times (for the differential tests of the XML readers).
 */
export function mutate(doc: string, rnd: () => number, pieces: readonly string[], { minEdits = 1, insert = 0.45 }: { minEdits?: number; insert?: number } = {}): string {
  let out = doc;
  const edits = minEdits + Math.floor(rnd() * 3);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const op = rnd();
    if (op < insert) out = out.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + out.slice(at);
    else if (op < 0.75) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 4));
    else out = out.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + out.slice(at + 1);
  }
  return out;
}
