// Requests on a large open document whose newest version is not parsed yet (issue 16): they are
// answered from the last parse, with positions mapped through the client's edits since, in both
// directions, so every answer is in the client's text. With btslint.run "onSave" no check follows an
// edit, so the newest version stays unparsed and the last parse answers for certain; the same
// requests after a check (the newest version parsed) give the same answers.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import type { DocumentSymbol, FoldingRange, Hover, Range } from 'vscode-languageserver/node';
import { LspTestClient, makeWorkspace } from './lspClient';
import { LARGE_DOCUMENT } from '../../server/src/lsp/workspace';

function sendPort(i: number): string {
  return `    <SendPort Name="SP${i}" IsStatic="true" IsTwoWay="false">\n      <PrimaryTransport>\n        <Address>C:\\out\\${i}</Address>\n        <TransportType Name="FILE" />\n        <TransportTypeData>&lt;CustomProps&gt;&lt;AllowCacheOnWrite vt="11"&gt;0&lt;/AllowCacheOnWrite&gt;&lt;/CustomProps&gt;</TransportTypeData>\n        <SendHandler Name="SendHost${i % 7}" />\n      </PrimaryTransport>\n    </SendPort>\n`;
}

function binding(): string {
  const one = sendPort(0).length;
  let body = '';
  for (let i = 0; i * one < LARGE_DOCUMENT + 50_000; i++) body += sendPort(i);
  return `<?xml version="1.0" encoding="utf-8"?>\n<BindingInfo>\n  <SendPortCollection>\n${body}  </SendPortCollection>\n  <ReceivePortCollection />\n</BindingInfo>\n`;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function textAt(text: string, r: Range): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(off(r.start), off(r.end));
}

function find(symbols: DocumentSymbol[], name: string): DocumentSymbol | undefined {
  return symbols.find((s) => s.name === name);
}

describe('btslint lsp: requests on a large document while its new version waits', () => {
  it('hover, symbols, folding and code lenses from the last parse, in the positions of the client text', async () => {
    const root = makeWorkspace({ 'Large.BindingInfo.xml': binding() });
    const c = new LspTestClient(root, { settings: { run: 'onSave' } });
    try {
      await c.initialize();
      await c.waitForStatus();
      const uri = c.open('Large.BindingInfo.xml');
      await c.waitForDiagnostics(uri, (d) => d.length > 0);
      const ask = async () => {
        const text = c.texts.get(uri)!;
        const host = text.indexOf('SendHost3"', text.indexOf('Name="SP2000"'));
        const hover = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, host + 2) });
        const symbols = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const folds = await c.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
        const lenses = await c.conn.sendRequest<{ range: Range }[]>('textDocument/codeLens', { textDocument: { uri } });
        return { text, host, hover, symbols, folds, lenses };
      };
      const check = (r: Awaited<ReturnType<typeof ask>>, label: string) => {
        assert.ok(r.hover, `${label}: a hover on the handler`);
        assert.equal(textAt(r.text, r.hover.range!), 'SendHost3', `${label}: the hover's range`);
        for (const name of ['SP0', 'SP2000', 'SP2500']) {
          const s = find(r.symbols, name)!;
          assert.ok(s, `${label}: symbol ${name}`);
          assert.equal(textAt(r.text, s.selectionRange), name, `${label}: ${name}'s selection range`);
          assert.match(textAt(r.text, s.range), new RegExp(`^<SendPort Name="${name}"[^]*</SendPort>$`), `${label}: ${name}'s range`);
        }
        const sp = positionAt(r.text, r.text.indexOf('<SendPort Name="SP2000"')).line;
        assert.ok(r.folds.some((f) => f.startLine === sp), `${label}: SP2000 folds from its line`);
        const lens = r.lenses.find((l) => l.range.start.line === sp + 4);
        assert.ok(lens, `${label}: the adapter settings lens on SP2000's TransportTypeData`);
      };
      check(await ask(), 'before any edit');
      // Lines inserted near the top and a name lengthened in the middle: everything after moves.
      const text = c.texts.get(uri)!;
      const top = positionAt(text, text.indexOf('    <SendPort Name="SP1"'));
      const mid = positionAt(text, text.indexOf('Name="SP1000"') + 'Name="SP1000'.length);
      c.change(uri, [
        { range: { start: mid, end: mid }, text: 'x' },
        { range: { start: top, end: top }, text: '    <!-- reviewed -->\n    <!-- twice -->\n' },
      ]);
      const stale = await ask();
      check(stale, 'answered from the last parse');
      assert.ok(find(stale.symbols, 'SP1000'), 'the last parse still names SP1000 (its edit is not parsed yet)');
      // Inside the text typed since the last parse there is nothing to answer from it.
      const inside = positionAt(stale.text, stale.text.indexOf('<!-- twice') + 3);
      assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: inside }), null);
      // More edits, one notification each (typing): still the last parse, mapped through all of them.
      for (const piece of ['a', 'b', '\n']) {
        const t = c.texts.get(uri)!;
        const at = positionAt(t, t.indexOf('<SendPort Name="SP500"'));
        c.change(uri, [{ range: { start: at, end: at }, text: piece }]);
      }
      const typed = await ask();
      check(typed, 'after a burst of edits');
      assert.ok(find(typed.symbols, 'SP1000'), 'still the last parse');
      // Saved: checked, so parsed at the newest version; the same answers, and the new name.
      const n = c.notifications.length;
      void c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
      await c.waitForStatus(n);
      const fresh = await ask();
      check(fresh, 'after the check');
      assert.ok(find(fresh.symbols, 'SP1000x'));
      assert.deepEqual(find(fresh.symbols, 'SP2400'), find(typed.symbols, 'SP2400'));
      // A change that replaces the whole text: its edits are not known, so a request parses it.
      const whole = c.texts.get(uri)!.replace('Name="SP7"', 'Name="SP7z"');
      c.change(uri, { text: whole });
      const replaced = await ask();
      check(replaced, 'after a whole-text change');
      assert.ok(find(replaced.symbols, 'SP7z'), 'parsed at the newest version');
    } finally {
      await c.shutdown();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
