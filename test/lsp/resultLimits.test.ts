// btslint.maxItemsComputed (issue 16): at most that many document symbols, counted breadth-first
// (top-level entries in document order, then their children level by level), and folding ranges (the
// first in document order) per answer; 0 is no limit. A cut answer is said once per file and session
// (`btslint/resultLimitReached`). And the setting's normalisation.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver/node';
import { LspTestClient, withServer } from './lspClient';
import { normaliseSettings, SettingsStore } from '../../server/src/lsp/settings';
import { DEFAULT_SETTINGS, RESULT_LIMIT_NOTIFICATION } from '../../server/src/lsp/protocol';

/** Four send ports, then three receive ports with two locations each: 13 symbols, 7 of them top-level. */
function binding(): string {
  const sp = (i: number) =>
    `    <SendPort Name="SP${i}" IsStatic="true" IsTwoWay="false">\n      <PrimaryTransport>\n        <Address>C:\\out\\${i}</Address>\n        <TransportType Name="FILE" />\n        <SendHandler Name="SendHost" />\n      </PrimaryTransport>\n    </SendPort>\n`;
  const rl = (name: string) => `        <ReceiveLocation Name="${name}">\n          <Address>C:\\in\\${name}</Address>\n          <ReceiveHandler Name="ReceiveHost" />\n          <ReceiveLocationTransportType Name="FILE" />\n        </ReceiveLocation>\n`;
  const rp = (i: number) => `    <ReceivePort Name="RP${i}" IsTwoWay="false">\n      <ReceiveLocations>\n${rl(`RL${i}a`)}${rl(`RL${i}b`)}      </ReceiveLocations>\n    </ReceivePort>\n`;
  return `<?xml version="1.0" encoding="utf-8"?>\n<BindingInfo>\n  <SendPortCollection>\n${[0, 1, 2, 3].map(sp).join('')}  </SendPortCollection>\n  <ReceivePortCollection>\n${[0, 1, 2].map(rp).join('')}  </ReceivePortCollection>\n</BindingInfo>\n`;
}

type Shape = [string, Shape[]?];
const shape = (list: DocumentSymbol[]): Shape[] => list.map((s) => (s.children ? [s.name, shape(s.children)] : [s.name]));

async function ask(c: LspTestClient, uri: string) {
  const symbols = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const folds = await c.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  return { symbols, folds };
}

const limitNotes = (c: LspTestClient) => c.notifications.filter((n) => n.method === RESULT_LIMIT_NOTIFICATION).map((n) => n.params);

describe('btslint lsp: btslint.maxItemsComputed', () => {
  it('0: every symbol and folding range, and nothing said', async () => {
    await withServer({ 'Ports.BindingInfo.xml': binding() }, { settings: { maxItemsComputed: 0 } }, async (c) => {
      await c.waitForStatus();
      const uri = c.open('Ports.BindingInfo.xml');
      const { symbols, folds } = await ask(c, uri);
      const ab = (i: number): Shape => [`RP${i}`, [[`RL${i}a`], [`RL${i}b`]]];
      assert.deepEqual(shape(symbols), [['SP0'], ['SP1'], ['SP2'], ['SP3'], ab(0), ab(1), ab(2)]);
      // Every multi-line element: the root, two collections, 4 send ports with their transports, 3
      // receive ports with their location lists and 6 locations.
      assert.equal(folds.length, 1 + 2 + 4 * 2 + 3 * 2 + 6);
      assert.deepEqual(limitNotes(c), []);
    });
  });

  it('10: the first ten symbols breadth-first, the first ten folding ranges, said once for the file', async () => {
    const text = binding();
    let all: FoldingRange[] = [];
    await withServer({ 'Ports.BindingInfo.xml': text }, { settings: { maxItemsComputed: 0 } }, async (c) => {
      await c.waitForStatus();
      all = (await ask(c, c.open('Ports.BindingInfo.xml'))).folds;
    });
    await withServer({ 'Ports.BindingInfo.xml': text }, { settings: { maxItemsComputed: 10 } }, async (c) => {
      await c.waitForStatus();
      const uri = c.open('Ports.BindingInfo.xml');
      const first = await ask(c, uri);
      // The seven top-level entries, then RP0's two locations, then RP1's first.
      assert.deepEqual(shape(first.symbols), [['SP0'], ['SP1'], ['SP2'], ['SP3'], ['RP0', [['RL0a'], ['RL0b']]], ['RP1', [['RL1a']]], ['RP2', []]]);
      // The kept symbols keep their ranges.
      assert.deepEqual(first.symbols[5].children![0].range.start, { line: text.split('\n').findIndex((l) => l.includes('<ReceiveLocation Name="RL1a"')), character: 8 });
      const sorted = [...all].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
      assert.deepEqual(first.folds, sorted.slice(0, 10));
      // Asked again (as editors do): the same answers, and still one notification for the file.
      const again = await ask(c, uri);
      assert.deepEqual(again, first);
      await c.waitFor('the limit notification', () => limitNotes(c).length > 0);
      assert.deepEqual(limitNotes(c), [{ uri, message: 'Ports.BindingInfo.xml: the outline shows the first 10 of 13 symbols (btslint.maxItemsComputed).' }]);
    });
  });

  it('settings: an integer of 0 or more, per folder, from initialization options, kept over a null answer', () => {
    assert.equal(DEFAULT_SETTINGS.maxItemsComputed, 5000);
    assert.equal(normaliseSettings({}).maxItemsComputed, 5000);
    assert.equal(normaliseSettings({ maxItemsComputed: 0 }).maxItemsComputed, 0);
    assert.equal(normaliseSettings({ maxItemsComputed: 200 }).maxItemsComputed, 200);
    for (const bad of [-1, 2.5, 'many', null]) assert.equal(normaliseSettings({ maxItemsComputed: bad }).maxItemsComputed, 5000, String(bad));
    const store = new SettingsStore();
    store.setInitializationOptions({ settings: { maxItemsComputed: 300 } });
    store.setAnswers(['/w/a', '/w/b'], [null, null, { maxItemsComputed: 0 }]);
    assert.equal(store.global.maxItemsComputed, 300);
    assert.equal(store.forPath('/w/a/x.BindingInfo.xml').maxItemsComputed, 300);
    assert.equal(store.forPath('/w/b/x.BindingInfo.xml').maxItemsComputed, 0);
  });
});
