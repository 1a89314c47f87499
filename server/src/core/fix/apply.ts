// Applies text edits to one text. Edits are applied from the end so earlier offsets stay valid;
// overlapping edits are skipped (the first one, in offset order, wins) and counted.

import type { TextEdit } from '../types';

export interface ApplyResult {
  text: string;
  applied: number;
  skipped: number;
}

export function applyEdits(text: string, edits: TextEdit[]): ApplyResult {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let lastEnd = -1;
  let skipped = 0;
  for (const e of sorted) {
    if (e.start < lastEnd || (e.start === lastEnd && kept.length && kept[kept.length - 1].start === e.start && e.start === e.end && kept[kept.length - 1].end === e.end && kept[kept.length - 1].newText === e.newText)) {
      skipped++;
      continue;
    }
    kept.push(e);
    lastEnd = Math.max(lastEnd, e.end);
  }
  let out = text;
  for (let i = kept.length - 1; i >= 0; i--) {
    const e = kept[i];
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return { text: out, applied: kept.length, skipped };
}
