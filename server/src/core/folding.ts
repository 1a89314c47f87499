// Folding for BizTalk XML files: every element and comment that spans lines, and the escaped adapter
// settings of a transport as a region of their own (when written over several lines). Offsets; the
// shells turn them into lines. An editor gets no indentation folding once a server answers, so the
// elements are folded here too.

import type { BtsDocument } from './document';
import { settingsBlocks } from './adapterSettings';
import { walk } from './xml/dom';

export interface FoldRange {
  /** Where the fold starts (its first line stays visible). */
  start: number;
  /** Where the text that folds away ends (the closing tag's line stays visible). */
  end: number;
  kind?: 'comment' | 'region';
}

/** At most this many ranges (VS Code keeps 5,000 of a file). */
export const MAX_FOLDS = 5000;

export function foldingRanges(doc: BtsDocument): FoldRange[] {
  const xml = doc.xml;
  if (!xml || !xml.root || doc.kind === 'other') return [];
  const out: FoldRange[] = [];
  const text = doc.text;
  const multiLine = (a: number, b: number) => {
    const i = text.indexOf('\n', a);
    return i >= 0 && i < b;
  };
  walk(xml.root, (el) => {
    if (out.length >= MAX_FOLDS) return false;
    if (!el.selfClosing && multiLine(el.start, el.closeStart)) out.push({ start: el.start, end: el.closeStart });
    return true;
  });
  for (const c of xml.comments) if (out.length < MAX_FOLDS && multiLine(c.start, c.end)) out.push({ start: c.start, end: c.end, kind: 'comment' });
  for (const b of settingsBlocks(doc)) {
    const s = b.contentRange;
    if (out.length < MAX_FOLDS && multiLine(s.start, s.end)) out.push({ start: s.start, end: s.end, kind: 'region' });
  }
  return out;
}
