'use strict';
// Editing an open binding: diagnostics follow the text as it is typed, and come back on revert.
const assert = require('assert');
const vscode = require('vscode');
const { api, fileUri, waitForDiagnostics, has, lacks, revert, ruleOf, snapshotWorkspace } = require('./helpers');

describe('btslint extension: editing', () => {
  const binding = () => fileUri('bindings/Bindings.xml');

  let restore;
  before(async () => {
    await (await api()).whenReady();
    restore = snapshotWorkspace();
  });
  after(async () => {
    await restore();
  });

  it('changing the receive adapter from FTP to FILE in the editor clears the FTP finding', async () => {
    const doc = await vscode.workspace.openTextDocument(binding());
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(binding(), has('ftp-sftp-receive-not-clustered'));
    const at = doc.getText().indexOf('<ReceiveLocationTransportType Name="FTP"') + '<ReceiveLocationTransportType Name="'.length;
    assert.ok(at > 100);
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + 3));
    assert.ok(await editor.edit((e) => e.replace(range, 'FILE')));
    await waitForDiagnostics(binding(), lacks('ftp-sftp-receive-not-clustered'), 'the FTP finding to clear');
    assert.ok(doc.isDirty);
  });

  it('reverting the edit brings the finding back at the same place', async () => {
    await revert(binding());
    const list = await waitForDiagnostics(binding(), has('ftp-sftp-receive-not-clustered'));
    const d = list.find((x) => ruleOf(x) === 'ftp-sftp-receive-not-clustered');
    const doc = await vscode.workspace.openTextDocument(binding());
    assert.strictEqual(doc.getText(d.range), 'BizTalkServerApplication');
  });
});
