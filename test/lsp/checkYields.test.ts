// The check of a large document leaves the event loop free (issue 16): the re-parse of an edited
// document runs in steps (core readDocumentSteps, WorkspaceState.documentsInSteps) and the rules in
// slices, so a request that arrives while the check runs is answered before the check ends. Order
// only, no timing: over the protocol, a request sent once the server says it is checking is answered
// before the check ends; on WorkspaceState, the parse pauses with its steps in progress, a request
// gets the last parse until the tree is updated in place, then the new version, and a parse left by
// a stale check is finished by the next one.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { LspTestClient, makeWorkspace } from './lspClient';
import { LARGE_DOCUMENT, WorkspaceState } from '../../server/src/lsp/workspace';
import { pathToUri } from '../../server/src/lsp/paths';
import type { StatusParams } from '../../server/src/lsp/protocol';

function sendPort(i: number): string {
  return `    <SendPort Name="SP${i}" IsStatic="true" IsTwoWay="false">\n      <PrimaryTransport>\n        <Address>C:\\out\\${i}</Address>\n        <TransportType Name="FILE" />\n        <SendHandler Name="SendHost${i % 7}" />\n      </PrimaryTransport>\n    </SendPort>\n`;
}

function binding(size: number): string {
  const one = sendPort(0).length;
  let body = '';
  for (let i = 0; i * one < size; i++) body += sendPort(i);
  return `<?xml version="1.0" encoding="utf-8"?>\n<BindingInfo>\n  <SendPortCollection>\n${body}  </SendPortCollection>\n  <ReceivePortCollection />\n</BindingInfo>\n`;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('btslint lsp: the check of a large document yields to requests', () => {
  it('a request sent while the check runs is answered before the check publishes', async () => {
    const root = makeWorkspace({ 'Large.BindingInfo.xml': binding(2 * LARGE_DOCUMENT) });
    const c = new LspTestClient(root);
    try {
      await c.initialize();
      await c.waitForStatus();
      const uri = c.open('Large.BindingInfo.xml');
      await c.waitForDiagnostics(uri, (d) => d.length > 0);
      // A port added in the middle of the document.
      const text = c.texts.get(uri)!;
      const at = positionAt(text, text.indexOf('    <SendPort Name="SP1000"'));
      const since = c.notifications.length;
      const version = c.change(uri, [{ range: { start: at, end: at }, text: sendPort(99999) }]);
      await c.waitForStatus(since, 'checking');
      const symbols = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const publishedThen = c.publishes.filter((p) => p.uri === uri && p.version === version).length;
      const readyThen = c.notifications.slice(since).some((n) => n.method === 'btslint/status' && (n.params as StatusParams).state === 'ready');
      assert.equal(publishedThen, 0, 'answered before the diagnostics of the edited version');
      assert.equal(readyThen, false, 'answered before the check ended');
      assert.ok(symbols.some((s) => s.name === 'SP1000'));
      const ready = await c.waitForStatus(since);
      assert.ok(ready.findings > 0);
    } finally {
      await c.shutdown();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('WorkspaceState.documentsInSteps', () => {
  const uri = pathToUri(process.platform === 'win32' ? 'C:\\w\\Big.BindingInfo.xml' : '/w/Big.BindingInfo.xml');
  const edited = (s: WorkspaceState, text: string) => {
    const at = text.indexOf('Name="SP5"') + 'Name="SP5'.length;
    s.setOpen(uri, text.slice(0, at) + 'x' + text.slice(at), 2, [{ start: at, oldEnd: at, newEnd: at + 1 }]);
  };

  it('pauses between the steps of a re-parse; a request in between gets the last parse, then the new version', async () => {
    const s = new WorkspaceState();
    const text = binding(LARGE_DOCUMENT);
    s.setOpen(uri, text, 1);
    const v1 = s.documentAt(uri)!;
    edited(s, text);
    // Before the check starts: the last parse answers.
    assert.equal(s.documentForRequest(uri)!.doc, v1);
    const seen: { reading: boolean; doc: unknown; edits: number }[] = [];
    let mid: ReturnType<WorkspaceState['documentForRequest']>;
    const docs = await s.documentsInSteps(undefined, () => {
      const reading = !!s.get(uri)!.reading;
      mid = s.documentForRequest(uri);
      seen.push({ reading, doc: mid!.doc, edits: mid!.edits.length });
      return Promise.resolve(true);
    });
    // First pause: the text decoded, the last parse untouched: it answers, through the edit.
    assert.deepEqual(seen[0], { reading: true, doc: v1, edits: 1 });
    // Second pause: the tree updated in place; the request finished the parse and got the new version.
    assert.equal(seen.length, 2);
    assert.equal(seen[1].reading, true);
    assert.notEqual(seen[1].doc, v1);
    assert.equal(seen[1].edits, 0);
    assert.equal(mid!.doc.binding!.sendPorts[5].name, 'SP5x');
    assert.deepEqual(docs, [mid!.doc], 'the check goes on with the parse the request finished');
  });

  it('a parse left by a check that went stale is finished by the next one, with later edits on top', async () => {
    const s = new WorkspaceState();
    const text = binding(LARGE_DOCUMENT);
    s.setOpen(uri, text, 1);
    s.documentAt(uri);
    edited(s, text);
    assert.equal(await s.documentsInSteps(undefined, () => Promise.resolve(false)), undefined);
    // Typed while that parse was in progress: an edit of the text it reads.
    const t2 = s.get(uri)!.text!;
    const at = t2.indexOf('Name="SP7"') + 'Name="SP7'.length;
    s.setOpen(uri, t2.slice(0, at) + 'y' + t2.slice(at), 3, [{ start: at, oldEnd: at, newEnd: at + 1 }]);
    const docs = (await s.documentsInSteps(undefined, () => Promise.resolve(true)))!;
    assert.equal(docs.length, 1);
    assert.deepEqual([docs[0].binding!.sendPorts[5].name, docs[0].binding!.sendPorts[7].name], ['SP5x', 'SP7y']);
    assert.equal(docs[0].text, s.get(uri)!.text);
    assert.equal(s.documentForRequest(uri)!.doc, docs[0]);
  });
});

describe('Scheduler: an answer still being written', () => {
  it('holds the next step until the client has taken it; a client that never takes it holds the work for a bounded wait only', async () => {
    const { Scheduler, DRAIN_BUDGET_MS } = await import('../../server/src/lsp/scheduler');
    // Taken after the third look.
    let looks = 0;
    const draining = new Scheduler(() => Promise.resolve(), { pending: () => ++looks <= 3 });
    const pause = draining.slices(draining.generation);
    assert.equal(await pause(), true);
    assert.equal(looks, 4, 'the step waited until nothing was pending');
    // Never taken: once the budget is spent, the steps no longer wait (nor ask).
    let asked = 0;
    const stuck = new Scheduler(() => Promise.resolve(), { pending: () => (asked++, true) });
    const go = stuck.slices(stuck.generation);
    const t0 = Date.now();
    while (Date.now() - t0 < DRAIN_BUDGET_MS * 3) await go();
    const before = asked;
    for (let k = 0; k < 20; k++) assert.equal(await go(), true);
    assert.equal(asked, before, 'no more waiting once the budget is spent');
  });
});
