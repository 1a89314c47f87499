'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { EXTENSION_ID, api } = require('./helpers');

describe('btslint extension: activation', () => {
  it('is installed from the .vsix and activates on a workspace with BizTalk files', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    const a = await api();
    assert.ok(ext.isActive);
    const status = await a.whenReady();
    // The prepared workspace: one real binding file and one topology.
    assert.strictEqual(status.files, 2);
    assert.ok(status.findings > 0);
    console.log(`btslint: ${status.files} files checked in ${status.lastCheckMs} ms, ${status.findings} findings; VS Code ${vscode.version}`);
  });

  it('contributes its commands and settings', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['btslint.lintWorkspace', 'btslint.showModel', 'btslint.showPlatform', 'btslint.showOutput', 'btslint.restartServer', 'btslint.createTopology']) assert.ok(commands.includes(c), c);
    const cfg = vscode.workspace.getConfiguration('btslint');
    assert.strictEqual(cfg.get('enable'), true);
    assert.strictEqual(cfg.get('run'), 'onType');
    assert.strictEqual(cfg.get('maxFileSizeMB'), 50);
    assert.deepStrictEqual(cfg.get('severityOverrides'), {});
  });

  it('contributes the getting-started walkthrough, its pages shipped in the .vsix', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const [w] = ext.packageJSON.contributes.walkthroughs;
    assert.deepStrictEqual(w.steps.map((s) => s.id), ['createTopology', 'fillPlaceholders', 'addToPipeline']);
    for (const s of w.steps) assert.ok(require('fs').existsSync(require('path').join(ext.extensionPath, s.media.markdown)), s.media.markdown);
  });
});
