'use strict';
// End to end, in a real VS Code: the FTP-host finding on the binding with its rule id
// and docs link; the MessageBox finding on the topology; its quick-fix (applied through
// vscode.commands) clears it; marking the host clustered in the topology clears the binding's
// finding without touching the binding.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { api, fileUri, ruleOf, waitForDiagnostics, has, lacks, snapshotWorkspace } = require('./helpers');

/** The rule's page shipped in the installed extension (docs/rules), where diagnostics link to. */
function docsPage(id) {
  const ext = vscode.extensions.all.find((e) => e.packageJSON && e.packageJSON.name === 'btslint');
  return vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', `${id}.md`);
}

async function quickFixes(uri, range) {
  // The code action command needs the document's model: open it (opening does not edit it).
  await vscode.workspace.openTextDocument(uri);
  return vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
}

describe('btslint extension: diagnostics and quick-fixes', () => {
  const binding = () => fileUri('bindings/Bindings.xml');
  const topology = () => fileUri('prod.topology.yaml');

  let restore;
  before(async () => {
    await (await api()).whenReady();
    restore = snapshotWorkspace();
  });
  after(async () => {
    await restore();
  });

  it('shows the FTP-host finding on the binding (a file not opened) with its rule id and docs link', async () => {
    const list = await waitForDiagnostics(binding(), has('ftp-sftp-receive-not-clustered'));
    const d = list.find((x) => ruleOf(x) === 'ftp-sftp-receive-not-clustered');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(d.source, 'btslint');
    assert.strictEqual(d.code.target.fsPath, docsPage('ftp-sftp-receive-not-clustered').fsPath);
    assert.ok(fs.existsSync(d.code.target.fsPath), `${d.code.target} does not open`);
    assert.match(d.message, /FtpReceiveLocation/);
    assert.ok(d.relatedInformation && d.relatedInformation[0].location.uri.fsPath.endsWith('prod.topology.yaml'));
    assert.ok(!vscode.workspace.textDocuments.some((t) => t.uri.toString() === binding().toString()), 'the binding is not open');
  });

  it('a whole-file finding (no dr section) sits on environment:, not on the topology: format version', async () => {
    const list = await waitForDiagnostics(topology(), has('no-log-shipping-destination'));
    const d = list.find((x) => ruleOf(x) === 'no-log-shipping-destination');
    const doc = await vscode.workspace.openTextDocument(topology());
    assert.strictEqual(doc.getText(d.range), 'environment');
    assert.ok(!list.some((x) => doc.lineAt(x.range.start.line).text.startsWith('topology:')), 'nothing on the format version line');
  });

  it('shows the MessageBox finding on the topology; its suggestion (never preferred) clears it', async () => {
    const list = await waitForDiagnostics(topology(), has('msgbox-not-clustered'));
    const d = list.find((x) => ruleOf(x) === 'msgbox-not-clustered');
    const actions = await quickFixes(topology(), d.range);
    const fix = actions.find((a) => a.title === 'SQLBTS\\BTS is now a failover cluster instance: declare it with its nodes');
    assert.ok(fix, `quick-fixes: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(!fix.isPreferred, 'a suggestion is never preferred');
    assert.ok(actions.some((a) => a.title === 'Show documentation for msgbox-not-clustered' && a.command));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(topology(), lacks('msgbox-not-clustered'), 'the MessageBox finding to clear');
    const doc = vscode.workspace.textDocuments.find((t) => t.uri.toString() === topology().toString());
    assert.match(doc.getText(), /failoverCluster:/);
  });

  it('marking the host clustered in the topology clears the binding\'s finding without touching the binding', async () => {
    const before = fs.readFileSync(binding().fsPath);
    const d = (await waitForDiagnostics(binding(), has('ftp-sftp-receive-not-clustered'))).find((x) => ruleOf(x) === 'ftp-sftp-receive-not-clustered');
    const actions = await quickFixes(binding(), d.range);
    const fix = actions.find((a) => a.title === 'Host BizTalkServerApplication is now clustered (one active instance at a time): declare it');
    assert.ok(fix, `quick-fixes: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(!fix.isPreferred, 'a suggestion is never preferred');
    assert.ok(fix.command, 'the change to the topology comes with the command that shows it');
    assert.deepStrictEqual(fix.edit.entries().map(([u]) => u.fsPath), [topology().fsPath], 'the fix edits only the topology');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(binding(), lacks('ftp-sftp-receive-not-clustered'), 'the FTP finding to clear');
    assert.deepStrictEqual(fs.readFileSync(binding().fsPath), before);
    const bindingDoc = vscode.workspace.textDocuments.find((t) => t.uri.toString() === binding().toString());
    assert.ok(!bindingDoc || !bindingDoc.isDirty, 'the binding was not edited');
  });

  it('restoring the topology brings both findings back', async () => {
    await restore();
  });
});
