'use strict';
// The escaped adapter settings in a real VS Code: the "Open adapter settings" CodeLens, the view opened
// by its command (decoded, indented, a btslint-settings: document), saving an edited view writes the
// binding (escaped twice for the FTP AdapterConfig, the rest of the file byte for byte), saving it
// unchanged writes nothing; and the per-file diagnostics limit.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { api, fileUri, btslintDiagnostics, waitForDiagnostics, has, snapshotWorkspace } = require('./helpers');

describe('btslint extension: adapter settings view and limits', () => {
  const binding = () => fileUri('bindings/Bindings.xml');
  let restore;
  before(async () => {
    await (await api()).whenReady();
    restore = snapshotWorkspace();
  });
  after(async () => {
    await restore();
  });

  it('a CodeLens "Open adapter settings (FTP)" stands on each transport\'s settings', async () => {
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', binding());
    const titles = lenses.map((l) => l.command && l.command.title);
    assert.deepStrictEqual(titles, ['Open adapter settings (FTP)', 'Open adapter settings (FTP)']);
    assert.strictEqual(lenses[0].command.command, 'btslint.openAdapterSettings');
  });

  it('the view shows the FTP settings decoded and indented; an edit saved goes back escaped twice', async () => {
    const before = fs.readFileSync(binding().fsPath, 'utf8');
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', binding());
    const editor = await vscode.commands.executeCommand(lenses[0].command.command, ...lenses[0].command.arguments);
    const view = editor.document;
    assert.strictEqual(view.uri.scheme, 'btslint-settings');
    assert.match(view.getText(), /^<CustomProps>\n {2}<AdapterConfig vt="8">\n {4}<Config /);
    assert.match(view.getText(), /\n {6}<serverAddress>127\.0\.0\.1<\/serverAddress>\n/);
    // Saved unchanged: the binding is not touched.
    await view.save();
    assert.strictEqual(fs.readFileSync(binding().fsPath, 'utf8'), before);
    // Edited and saved: the binding gets the value, escaped twice, and nothing else changes.
    const at = view.getText().indexOf('<serverAddress>127.0.0.1') + '<serverAddress>'.length;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(view.uri, new vscode.Range(view.positionAt(at), view.positionAt(at + '127.0.0.1'.length)), 'ftp.contoso.com');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await view.save(), 'the view was saved');
    const after = fs.readFileSync(binding().fsPath, 'utf8');
    const i = before.indexOf('&amp;lt;serverAddress&amp;gt;127.0.0.1&amp;lt;/serverAddress&amp;gt;');
    assert.ok(i > 0);
    assert.strictEqual(after, before.slice(0, i) + '&amp;lt;serverAddress&amp;gt;ftp.contoso.com&amp;lt;/serverAddress&amp;gt;' + before.slice(i + '&amp;lt;serverAddress&amp;gt;127.0.0.1&amp;lt;/serverAddress&amp;gt;'.length));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('btslint.maxDiagnosticsPerFile: at most that many per file, then a note with the count', async () => {
    const topology = fileUri('prod.topology.yaml');
    const full = await waitForDiagnostics(topology, has('msgbox-not-clustered'));
    assert.ok(full.length > 2, `${full.length} diagnostics`);
    const cfg = vscode.workspace.getConfiguration('btslint');
    await cfg.update('maxDiagnosticsPerFile', 2, vscode.ConfigurationTarget.Workspace);
    try {
      const limited = await waitForDiagnostics(topology, (l) => l.length === 3, 'the limited diagnostics');
      assert.match(limited[2].message, new RegExp(`^${full.length - 2} more finding\\(s\\) in this file are not shown \\(btslint\\.maxDiagnosticsPerFile is 2\\)\\. List them all with: npx btslint "prod\\.topology\\.yaml"$`));
      assert.strictEqual(limited[2].severity, vscode.DiagnosticSeverity.Information);
      // The most severe are the ones kept.
      const rank = (d) => d.severity;
      assert.ok(Math.max(...limited.slice(0, 2).map(rank)) <= Math.min(...full.map(rank).sort((a, b) => a - b).slice(2)), 'the kept ones are the most severe');
    } finally {
      await cfg.update('maxDiagnosticsPerFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(topology, (l) => l.length === full.length, 'all diagnostics again');
    assert.ok(btslintDiagnostics(topology).length === full.length);
  });
});
