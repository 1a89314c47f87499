// Applies text edits to one text, in offset order (every offset is in the original text);
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
  // One pass from the start, joined once: slicing the whole text per edit would be quadratic.
  const parts: string[] = [];
  let at = 0;
  for (const e of kept) {
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied: kept.length, skipped };
}
