// lsp/edits.ts: the client's incremental edits as offsets, composed into the region the core re-parses,
// and offsets mapped between the last parse and the client's text in both directions.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compose, positionsToClient, toNew, toOld, trackedDocuments } from '../../server/src/lsp/edits';
import { LineIndex, TextChange } from '../../server/src/core';
import { mulberry32 } from '../helpers/random';

/** Applies offset changes in order. */
function apply(text: string, changes: { start: number; oldEnd: number; text: string }[]): string {
  for (const c of changes) text = text.slice(0, c.start) + c.text + text.slice(c.oldEnd);
  return text;
}

function asChanges(changes: { start: number; oldEnd: number; text: string }[]): TextChange[] {
  return changes.map((c) => ({ start: c.start, oldEnd: c.oldEnd, newEnd: c.start + c.text.length }));
}

describe('lsp/edits', () => {
  it('positionsToClient maps every position as the offsets do, line breaks of every kind typed and removed', () => {
    const rnd = mulberry32(7);
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', ' ', '<x>'];
    const pick = () => pieces[Math.floor(rnd() * pieces.length)];
    for (let run = 0; run < 300; run++) {
      let old = '';
      for (let k = 0; k < 40; k++) old += pick();
      const changes: { start: number; oldEnd: number; text: string }[] = [];
      let text = old;
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const start = Math.floor(rnd() * (text.length + 1));
        const oldEnd = Math.min(text.length, start + Math.floor(rnd() * 4));
        const inserted = rnd() < 0.3 ? '' : pick() + (rnd() < 0.5 ? pick() : '');
        changes.push({ start, oldEnd, text: inserted });
        text = apply(text, [{ start, oldEnd, text: inserted }]);
      }
      const lines = new LineIndex(old);
      const client = TextDocument.create('file:///a.xml', 'xml', 1, text);
      const told = asChanges(changes);
      const map = positionsToClient(lines, client, told);
      for (let o = 0; o <= old.length; o++) {
        for (const side of ['start', 'end'] as const) {
          // As the server mapped every position before: through its offset (a position is never inside a line break).
          const p = lines.position(o);
          assert.deepEqual(map(p, side), client.positionAt(toNew(told, lines.offset(p), side)), `${JSON.stringify(old)} -> ${JSON.stringify(text)} at ${o} (${side})`);
        }
      }
    }
  });

  it('trackedDocuments tells each incremental change in the offsets of the text it applies to', () => {
    const told: (TextChange[] | undefined)[] = [];
    const config = trackedDocuments((_u, _v, c) => told.push(c));
    let doc = config.create('file:///a.xml', 'xml', 1, 'ab\r\ncd\nef');
    doc = config.update(doc, [{ range: { start: { line: 1, character: 1 }, end: { line: 2, character: 0 } }, text: 'XY' }, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<' }], 2);
    assert.equal(doc.getText(), '<ab\r\ncXYef');
    assert.deepEqual(told[0], [
      { start: 5, oldEnd: 7, newEnd: 7 },
      { start: 0, oldEnd: 0, newEnd: 1 },
    ]);
    doc = config.update(doc, [{ text: 'whole' }], 3);
    assert.equal(doc.getText(), 'whole');
    assert.equal(told[1], undefined, 'a whole-text change is not known as a region');
    assert.ok(new TextDocuments(config));
    void TextDocument;
  });

  it('compose covers every change, and mapping agrees with the texts on random edits', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 300; round++) {
      const base = Array.from({ length: 40 + rnd(40) }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
      const raw: { start: number; oldEnd: number; text: string }[] = [];
      let text = base;
      for (let k = 0, n = 1 + rnd(4); k < n; k++) {
        const a = rnd(text.length + 1);
        const b = Math.min(text.length, a + rnd(5));
        const c = { start: a, oldEnd: b, text: 'XYZ'.slice(0, rnd(4)) };
        raw.push(c);
        text = apply(text, [c]);
      }
      const changes = asChanges(raw);
      const r = compose(changes)!;
      // Outside the composed region both texts agree.
      assert.equal(base.slice(0, r.start), text.slice(0, r.start));
      assert.equal(base.slice(r.oldEnd), text.slice(r.newEnd));
      assert.equal(base.length - r.oldEnd, text.length - r.newEnd);
      // Every character of the old text that no change touched maps to its place in the new text, and back.
      let ids = Array.from(base, (_, i) => i);
      for (const c of raw) ids = [...ids.slice(0, c.start), ...Array.from(c.text, () => -1), ...ids.slice(c.oldEnd)];
      ids.forEach((o, n) => {
        if (o < 0) return;
        assert.equal(toNew(changes, o, 'start'), n, `round ${round}: old ${o}`);
        assert.equal(toOld(changes, n), o, `round ${round}: new ${n}`);
      });
      // Old offsets before the first change and after the last stay put or move by the length change.
      assert.equal(toNew(changes, 0, 'start'), 0);
      assert.equal(toNew(changes, base.length, 'end'), text.length);
      assert.equal(toOld(changes, text.length), base.length);
    }
  });

  it('an offset inside typed text has no place in the last parse; a replaced range holds its replacement', () => {
    const changes: TextChange[] = [{ start: 10, oldEnd: 12, newEnd: 15 }];
    assert.equal(toOld(changes, 9), 9);
    assert.equal(toOld(changes, 10), undefined);
    assert.equal(toOld(changes, 11), undefined);
    assert.equal(toOld(changes, 15), 12);
    assert.equal(toOld(changes, 20), 17);
    assert.equal(toNew(changes, 11, 'start'), 10);
    assert.equal(toNew(changes, 11, 'end'), 15);
    assert.equal(toNew(changes, 12, 'start'), 15);
    assert.equal(toNew(changes, 10, 'end'), 10, 'a range that ends where the change starts keeps its end');
    assert.equal(toNew([{ start: 4, oldEnd: 4, newEnd: 6 }], 4, 'start'), 6, 'the character after an insertion moved');
    assert.equal(compose([]), undefined);
  });
});
