// The client's edits as offsets: what changed between the last parse of an open document and the text
// the client has now. With them the server (a) tells the core where the text changed, so an edit of a
// large file is re-parsed without comparing both texts (core ReadOptions.change), and (b) answers a
// request from the last parse while the newest version waits for its check, with positions mapped
// through the edits in both directions (a position inside text typed since is not answered).

import type { Position, TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LineIndex, TextChange } from '../core';

/**
 * The TextDocuments configuration of the server: vscode-languageserver-textdocument's documents, with
 * each incremental change told as offsets in the text it applies to (before it is applied). A change
 * that replaces the whole text is told as `undefined` (unknown).
 */
export function trackedDocuments(onChanges: (uri: string, version: number, changes: TextChange[] | undefined) => void): TextDocumentsConfiguration<TextDocument> {
  return {
    create: TextDocument.create,
    update(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
      let told: TextChange[] | undefined = [];
      for (const c of changes) {
        if ('range' in c && c.range) {
          const a = doc.offsetAt(c.range.start);
          const b = doc.offsetAt(c.range.end);
          const start = Math.min(a, b);
          told?.push({ start, oldEnd: Math.max(a, b), newEnd: start + c.text.length });
        } else told = undefined;
        // One change at a time: each one's range is in the text the previous ones left.
        doc = TextDocument.update(doc, [c], version);
      }
      onChanges(doc.uri, version, told);
      return doc;
    },
  };
}

/** One region that covers a sequence of changes (each in the text the previous ones left), or undefined for none. */
export function compose(changes: readonly TextChange[]): TextChange | undefined {
  let r: TextChange | undefined;
  for (const c of changes) {
    if (!r) {
      r = { ...c };
      continue;
    }
    // Both in the text before `c`: r covers [r.start, r.newEnd) there, c replaces [c.start, c.oldEnd).
    const start = Math.min(r.start, c.start);
    const end = Math.max(r.newEnd, c.oldEnd);
    r = { start, oldEnd: end - (r.newEnd - r.oldEnd), newEnd: end + (c.newEnd - c.oldEnd) };
  }
  return r;
}

/**
 * The character at an offset of the newest text, at its offset in the text before the changes;
 * undefined for a character the changes wrote.
 */
export function toOld(changes: readonly TextChange[], offset: number): number | undefined {
  let o = offset;
  for (let k = changes.length - 1; k >= 0; k--) {
    const c = changes[k];
    if (o >= c.newEnd) o -= c.newEnd - c.oldEnd;
    else if (o >= c.start) return undefined;
  }
  return o;
}

/**
 * An offset of the text before the changes in the newest text: a range's `start` (the character at
 * it) or `end` (exclusive). Inside replaced text it goes to the start of what replaced it (`start`)
 * or its end (`end`), so a range that held a change holds what replaced it.
 */
export function toNew(changes: readonly TextChange[], offset: number, side: 'start' | 'end'): number {
  let o = offset;
  for (const c of changes) {
    if (side === 'start' ? o < c.start : o <= c.start) continue;
    if (o >= c.oldEnd) o += c.newEnd - c.oldEnd;
    else o = side === 'start' ? c.start : c.newEnd;
  }
  return o;
}

/**
 * Positions of the last parse (`lines`) in the client's text (`client`), through the changes since
 * (toNew for `side`). Before the region the changes cover, a position is the same; on a line after it,
 * it moves by the lines the changes added; only positions on the changed lines go through offsets. A
 * 15 MB binding's outline (thousands of ranges) is mapped without two binary searches per position.
 */
export function positionsToClient(lines: LineIndex, client: Pick<TextDocument, 'positionAt'>, changes: readonly TextChange[]): (p: Position, side: 'start' | 'end') => Position {
  const exact = (p: Position, side: 'start' | 'end') => client.positionAt(toNew(changes, lines.offset(p), side));
  const c = compose(changes);
  if (!c) return exact;
  const first = lines.position(c.start);
  const last = lines.position(c.oldEnd);
  const moved = client.positionAt(c.newEnd).line - last.line;
  return (p, side) => {
    if (p.line < first.line || (p.line === first.line && p.character < first.character) || p.line > last.line) {
      // A character past the line's text (its line break) stands at the line's end, as offsets have it.
      const character = lines.offset(p) - lines.offset({ line: p.line, character: 0 });
      return { line: p.line > last.line ? p.line + moved : p.line, character };
    }
    return exact(p, side);
  };
}
