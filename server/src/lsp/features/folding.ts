// Folding ranges from the core (core/folding.ts) as lines: an element folds from its start tag's line
// to the line before its end tag, so the end tag stays visible.

import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { BtsDocument } from '../../core';
import { foldingRanges } from '../../core/folding';

export function folding(doc: BtsDocument): FoldingRange[] | null {
  const ranges = foldingRanges(doc);
  if (!ranges.length) return null;
  const lines = doc.lines();
  const out: FoldingRange[] = [];
  for (const r of ranges) {
    const startLine = lines.position(r.start).line;
    const endPos = lines.position(r.end);
    // An element's end tag, or a block's last line, stays visible unless it is a comment's own end.
    const endLine = r.kind === 'comment' ? endPos.line : endPos.line - 1;
    if (endLine <= startLine) continue;
    const f: FoldingRange = { startLine, endLine };
    if (r.kind === 'comment') f.kind = FoldingRangeKind.Comment;
    else if (r.kind === 'region') f.kind = FoldingRangeKind.Region;
    out.push(f);
  }
  return out.length ? out : null;
}
