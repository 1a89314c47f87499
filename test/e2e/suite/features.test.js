'use strict';
// Hover, go to definition, outline, completion and the two commands, through the VS Code API (the
// same providers the editor calls).
const assert = require('assert');
const vscode = require('vscode');
const { api, fileUri, revert, snapshotWorkspace } = require('./helpers');

function hoverText(hovers) {
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')).join('\n---\n');
}

describe('btslint extension: hover, definition, outline, completion, commands', () => {
  const binding = () => fileUri('bindings/Bindings.xml');
  const topology = () => fileUri('prod.topology.yaml');
  let bindingDoc;
  let restore;

  before(async () => {
    await (await api()).whenReady();
    restore = snapshotWorkspace();
    bindingDoc = await vscode.workspace.openTextDocument(binding());
  });
  after(async () => {
    await restore();
  });

  const hostPosition = () => bindingDoc.positionAt(bindingDoc.getText().indexOf('<ReceiveHandler Name="BizTalkServerApplication"') + '<ReceiveHandler Name="'.length + 4);

  it('hover on a binding\'s handler host shows what the topology says of it', async () => {
    const text = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', binding(), hostPosition()));
    assert.match(text, /Host BizTalkServerApplication/);
    assert.match(text, /clustered: not declared/);
    assert.match(text, /instances: BTSAPP01, BTSAPP02 \(2\)/);
  });

  it('go to definition from the host name opens the topology entry', async () => {
    const locs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', binding(), hostPosition());
    assert.strictEqual(locs.length, 1);
    const loc = locs[0];
    const uri = loc.uri || loc.targetUri;
    const range = loc.range || loc.targetRange;
    assert.strictEqual(uri.fsPath, topology().fsPath);
    const topoDoc = await vscode.workspace.openTextDocument(topology());
    assert.strictEqual(topoDoc.getText(range), 'BizTalkServerApplication');
  });

  it('outlines the binding: receive ports with their locations, send ports', async () => {
    const syms = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', binding());
    assert.deepStrictEqual(syms.map((s) => s.name), ['FtpSendport', 'FtpReceivePort']);
    assert.deepStrictEqual(syms[1].children.map((c) => `${c.name}: ${c.detail}`), ['FtpReceiveLocation: FTP · host BizTalkServerApplication']);
  });

  it('completes topology keys and values from the schema and the workspace', async () => {
    const doc = await vscode.workspace.openTextDocument(topology());
    const end = doc.positionAt(doc.getText().length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(topology(), end, '  - name: Other\n    type: ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const pos = doc.positionAt(doc.getText().length);
    const values = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', topology(), pos);
    const labels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('in-process') && labels.includes('isolated'), labels.join(', '));
    const keys = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', topology(), new vscode.Position(pos.line, 4));
    const keyLabels = keys.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(keyLabels.includes('clustered'), keyLabels.join(', '));
    await revert(topology());
  });

  it('"btslint: Lint workspace" re-reads and checks every file', async () => {
    const r = await vscode.commands.executeCommand('btslint.lintWorkspace');
    assert.strictEqual(r.files, 2);
    assert.ok(r.findings > 0);
  });

  it('"btslint: Show model for this file" opens the model as JSON in a read-only document', async () => {
    await vscode.window.showTextDocument(bindingDoc);
    const doc = await vscode.commands.executeCommand('btslint.showModel');
    assert.ok(doc, 'a document was opened');
    assert.strictEqual(doc.languageId, 'json');
    assert.strictEqual(doc.uri.scheme, 'btslint-model');
    assert.ok(!doc.isUntitled, 'not an Untitled buffer that asks to be saved');
    assert.ok(!doc.isDirty);
    const model = JSON.parse(doc.getText());
    assert.strictEqual(model.kind, 'binding');
    assert.deepStrictEqual(model.sendPorts.map((s) => s.name), ['FtpSendport']);
    assert.strictEqual(vscode.window.activeTextEditor.document, doc);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('"btslint: Show platform" opens a webview with the picture, under a strict content security policy', async () => {
    const panel = await vscode.commands.executeCommand('btslint.showPlatform');
    assert.ok(panel, 'a webview panel was opened');
    try {
      const html = panel.webview.html;
      assert.match(html, /content="default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+'"/);
      assert.match(html, /<svg [^>]*class="platform"/);
      assert.match(html, /data-name="BizTalkServerApplication" data-uri="[^"]*prod\.topology\.yaml" data-line="\d+"/);
    } finally {
      panel.dispose();
    }
  });
});
