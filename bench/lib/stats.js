'use strict';
// The figures every benchmark script reports: the median of a list of times (NaN entries, from a run
// whose hook did not write, left out) and a whole number of milliseconds, or n/a.

/** The median of the finite numbers in `xs` (the mean of the middle two for an even count); NaN for none. */
function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A figure rounded to a whole number, or n/a. */
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');

module.exports = { median, f0 };
