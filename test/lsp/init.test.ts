// The language server's btslint/init request and the no-topology code action: the topology is
// created through the client (workspace/applyEdit with createFile), is the core's text, then lints
// with no no-topology, topology-schema or unknown-host diagnostic; an existing file is left alone.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction } from 'vscode-languageserver/node';
import { readDocument } from '../../server/src/core';
import { initTopologies } from '../../server/src/core/init';
import { CREATE_TOPOLOGY_COMMAND, INIT_REQUEST, InitResult } from '../../server/src/lsp/protocol';
import { LspTestClient, makeWorkspace, REPO } from './lspClient';

const BINDING = path.join(REPO, 'examples', 'bindings', 'Contoso.Orders.BindingInfo.xml');
const EXPORT = path.join(REPO, 'examples', 'config', 'BizTalkConfiguration.xml');

describe('btslint/init (language server)', () => {
  let root: string;
  let c: LspTestClient;
  before(async () => {
    root = makeWorkspace({ 'bindings/Contoso.Orders.BindingInfo.xml': { copy: BINDING }, 'config/BizTalkConfiguration.xml': { copy: EXPORT } });
    c = new LspTestClient(root);
    await c.initialize();
    await c.waitForStatus();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('before: one no-topology diagnostic for the workspace, with the "Create topology from workspace" action', async () => {
    const binding = c.uri('bindings/Contoso.Orders.BindingInfo.xml');
    const diags = await c.waitForDiagnostics(binding, (d) => d.some((x) => x.code === 'no-topology'));
    const all = [...c.diagnostics.values()].flat();
    assert.equal(all.filter((d) => d.code === 'no-topology').length, 1);
    assert.equal(all.filter((d) => d.code === 'handler-host-unknown').length, 0);
    const d = diags.find((x) => x.code === 'no-topology')!;
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: binding }, range: d.range, context: { diagnostics: [d] } });
    const create = actions.find((a) => a.title === 'Create topology from workspace');
    assert.ok(create, actions.map((a) => a.title).join('; '));
    assert.deepEqual(create.command, { title: 'Create topology from workspace', command: CREATE_TOPOLOGY_COMMAND });
  });

  it('creates the topology through the client, with the core\'s text, and returns its first placeholder', async () => {
    const r = await c.conn.sendRequest<InitResult>(INIT_REQUEST, {});
    assert.equal(r.created.length, 1, r.message);
    const target = path.join(root, 'btslint.topology.yaml');
    assert.equal(r.created[0].uri, c.uri('btslint.topology.yaml'));
    assert.equal(c.appliedEdits.length, 1);
    const kinds = (c.appliedEdits[0].documentChanges ?? []).map((d) => ('kind' in d ? d.kind : 'edit'));
    assert.deepEqual(kinds, ['create', 'edit']);
    const text = fs.readFileSync(target, 'utf8');
    const docs = ['bindings/Contoso.Orders.BindingInfo.xml', 'config/BizTalkConfiguration.xml'].map((f) => readDocument(path.join(root, f), fs.readFileSync(path.join(root, f))));
    assert.equal(text, initTopologies(docs, { display: (u) => path.relative(root, u).replace(/\\/g, '/') })[0].text);
    const sel = r.created[0].selection!;
    const line = text.split('\n')[sel.start.line];
    assert.equal(line.slice(sel.start.character, sel.end.character), '<<BizTalk version: 2020, 2016, 2013R2, ...>>');
    assert.match(r.message, /^Created btslint\.topology\.yaml: fill in \d+ <<placeholders>>/);
    // The new file joins the workspace: no-topology goes, the placeholders are what is left.
    const topo = c.uri('btslint.topology.yaml');
    const diags = await c.waitForDiagnostics(topo, (d) => d.some((x) => x.code === 'unfilled-placeholder'));
    assert.equal(diags.filter((x) => x.code === 'unfilled-placeholder').length, r.created[0].placeholders);
    await c.waitForDiagnostics(c.uri('bindings/Contoso.Orders.BindingInfo.xml'), (d) => !d.some((x) => x.code === 'no-topology'));
    const all = [...c.diagnostics.values()].flat();
    assert.deepEqual(all.filter((d) => ['no-topology', 'topology-schema', 'handler-host-unknown'].includes(String(d.code))).map((d) => d.message), []);
  });

  it('never replaces an existing topology: nothing applied, the file untouched', async () => {
    const before = fs.readFileSync(path.join(root, 'btslint.topology.yaml'), 'utf8');
    const r = await c.conn.sendRequest<InitResult>(INIT_REQUEST, {});
    assert.deepEqual(r.created, []);
    assert.deepEqual(r.existing, [c.uri('btslint.topology.yaml')]);
    assert.equal(r.message, 'btslint.topology.yaml already exists; btslint leaves it as it is.');
    assert.equal(c.appliedEdits.length, 1);
    assert.equal(fs.readFileSync(path.join(root, 'btslint.topology.yaml'), 'utf8'), before);
  });
});

describe('the no-topology code action\'s command', () => {
  it('creates the topology and shows it with the first placeholder selected', async () => {
    const root = makeWorkspace({ 'Orders_Prod.BindingInfo.xml': { copy: BINDING } });
    const c = new LspTestClient(root);
    try {
      await c.initialize();
      await c.waitForStatus();
      const r = await c.conn.sendRequest<InitResult>('workspace/executeCommand', { command: CREATE_TOPOLOGY_COMMAND, arguments: [] });
      assert.equal(r.created[0].uri, c.uri('production.topology.yaml'));
      const shown = (await c.waitFor('showDocument', () => c.shownDocuments[0])) as { uri: string; selection: unknown; takeFocus: boolean };
      assert.deepEqual(shown, { uri: c.uri('production.topology.yaml'), selection: r.created[0].selection, takeFocus: true });
      assert.match(fs.readFileSync(path.join(root, 'production.topology.yaml'), 'utf8'), /environment: production {2}# from Orders_Prod\.BindingInfo\.xml/);
    } finally {
      await c.shutdown();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
