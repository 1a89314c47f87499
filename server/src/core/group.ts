// Grouping without copying: one pass, each item pushed onto its group's list (the formatters and the
// report group tens of thousands of findings; copying an array per item was quadratic).

/** The items by key, in first-seen order of the keys and in list order within a group. */
export function groupBy<T, K>(list: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of list) {
    const k = keyOf(item);
    const g = out.get(k);
    if (g) g.push(item);
    else out.set(k, [item]);
  }
  return out;
}
