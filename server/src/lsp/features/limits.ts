// btslint.maxItemsComputed: at most that many document symbols and folding ranges in an answer (0: no
// limit), as VS Code's JSON language server and yaml-language-server cap theirs (maxItemsComputed,
// 5000). The answer costs about 275 bytes of JSON per symbol, serialised, sent and parsed on every
// request (the generated 15 MB binding: 5,141 symbols, 1.4 MB), for a list no one scrolls to its end. Symbols are kept breadth-first (the top-level entries in
// document order, then their children level by level, as vscode-json-languageservice does); folding
// ranges in document order.

import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import { safeText } from '../../core/sanitize';

/** How many symbols a list holds, children included (per cached list: the outline is cached per document version). */
const totals = new WeakMap<DocumentSymbol[], number>();

export function countSymbols(list: DocumentSymbol[]): number {
  let n = totals.get(list);
  if (n === undefined) {
    n = 0;
    const stack = [list];
    while (stack.length) {
      const l = stack.pop()!;
      n += l.length;
      for (const s of l) if (s.children?.length) stack.push(s.children);
    }
    totals.set(list, n);
  }
  return n;
}

/** The last cut per cached list: editors ask for the same outline again and again. */
const cuts = new WeakMap<DocumentSymbol[], { limit: number; kept: DocumentSymbol[] }>();

/**
 * At most `limit` symbols (0: all), the first `limit` in breadth-first order, and the total. The list
 * is returned as it is when it fits; otherwise only the kept symbols are copied (with their kept
 * children); the cached list is never changed.
 */
export function limitSymbols(list: DocumentSymbol[], limit: number): { symbols: DocumentSymbol[]; total: number } {
  const total = countSymbols(list);
  if (!limit || total <= limit) return { symbols: list, total };
  const cut = cuts.get(list);
  if (cut && cut.limit === limit) return { symbols: cut.kept, total };
  // Breadth-first: how many of each kept symbol's children are kept (a prefix of them, as the queue
  // takes children in order), and how many top-level entries.
  const keptChildren = new Map<DocumentSymbol, number>();
  let top = 0;
  let left = limit;
  let level: DocumentSymbol[][] = [list];
  let levelParents: (DocumentSymbol | undefined)[] = [undefined];
  while (left > 0 && level.length) {
    const next: DocumentSymbol[][] = [];
    const nextParents: DocumentSymbol[] = [];
    for (let i = 0; i < level.length && left > 0; i++) {
      const siblings = level[i];
      const take = Math.min(siblings.length, left);
      left -= take;
      const parent = levelParents[i];
      if (parent) keptChildren.set(parent, take);
      else top = take;
      for (let k = 0; k < take; k++) {
        const s = siblings[k];
        if (s.children?.length) {
          next.push(s.children);
          nextParents.push(s);
        }
      }
    }
    level = next;
    levelParents = nextParents;
  }
  const copy = (s: DocumentSymbol): DocumentSymbol => {
    if (!s.children) return s;
    const k = keptChildren.get(s) ?? 0;
    return { ...s, children: s.children.slice(0, k).map(copy) };
  };
  const kept = list.slice(0, top).map(copy);
  cuts.set(list, { limit, kept });
  return { symbols: kept, total };
}

/** At most `limit` folding ranges (0: all), the first in document order, and the total. */
export function limitFolding(ranges: FoldingRange[], limit: number): { ranges: FoldingRange[]; total: number } {
  const total = ranges.length;
  if (!limit || total <= limit) return { ranges, total };
  const sorted = ranges.every((r, i) => i === 0 || ranges[i - 1].startLine <= r.startLine) ? ranges : [...ranges].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return { ranges: sorted.slice(0, limit), total };
}

/** The one line that says an answer was cut (the `btslint/resultLimitReached` notification, and the log). */
export function limitMessage(uri: string, what: 'outline' | 'folding', shown: number, total: number): string {
  const last = uri.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() || uri;
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // not percent-encoded as a URI should be: shown as it is
  }
  const items = what === 'outline' ? `the outline shows the first ${shown} of ${total} symbols` : `folding offers the first ${shown} of ${total} ranges`;
  // A file name is repository content: made safe for the log and the status bar.
  return `${safeText(name, 200)}: ${items} (btslint.maxItemsComputed).`;
}
