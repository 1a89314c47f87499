'use strict';
// The team's decisions in a real VS Code: "Suppress <rule> with a reason" through vscode.commands
// (vscode.executeCodeActionProvider, then vscode.workspace.applyEdit), the <<reason>> placeholder
// selected by the snippet edit, a reason typed, and the finding gone; and a btslint.config.json
// written on disk, seen by the file watcher the server registers, turning a rule off and back on.
const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');
const { api, fileUri, ruleOf, waitForDiagnostics, has, lacks, snapshotWorkspace } = require('./helpers');

const FTP = 'ftp-sftp-receive-not-clustered';

/** Resolves once `cond()` holds (checked every 50 ms), or rejects after `ms`. */
async function until(what, cond, ms = 10000) {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('btslint extension: suppressions and config files', () => {
  const binding = () => fileUri('bindings/Bindings.xml');
  const config = () => fileUri('btslint.config.json');

  let restore;
  before(async () => {
    await (await api()).whenReady();
    restore = snapshotWorkspace();
  });
  after(async () => {
    if (fs.existsSync(config().fsPath)) fs.rmSync(config().fsPath);
    await restore();
  });

  it('"Suppress ... with a reason": the placeholder is selected, and the finding disappears once a reason is typed', async () => {
    const doc = await vscode.workspace.openTextDocument(binding());
    const editor = await vscode.window.showTextDocument(doc);
    const d = (await waitForDiagnostics(binding(), has(FTP))).find((x) => ruleOf(x) === FTP);
    // Ask until the answer is there, as the light bulb asks again: VS Code returns no code actions
    // when its request is cancelled (the document model changed under it), and an empty answer was
    // seen once in five full runs, right after the previous suite closed and saved its editors.
    let actions = [];
    let suppress;
    for (let attempt = 1; attempt <= 20 && !suppress; attempt++) {
      if (attempt > 1) await new Promise((r) => setTimeout(r, 250));
      actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', binding(), d.range, vscode.CodeActionKind.QuickFix.value);
      suppress = actions.find((a) => a.title === `Suppress ${FTP} with a reason`);
      if (!suppress) console.log(`btslint e2e: attempt ${attempt}: quick-fixes: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    }
    const titles = actions.map((a) => a.title);
    assert.ok(suppress, `quick-fixes: ${titles.join(' | ')}`);
    assert.ok(titles.includes(`Suppress ${FTP} in this file with a reason`), titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(suppress.edit));

    // The snippet edit selects the placeholder in the editor: typing replaces it.
    await until('the <<reason>> placeholder to be selected', () => doc.getText(editor.selection) === '<<reason>>');
    const line = editor.selection.start.line;
    const comment = doc.lineAt(line).text;
    assert.match(comment, new RegExp(`^\\s*<!-- btslint-disable ${FTP}: <<reason>> -->$`));
    // Written before the element, indented like it (the snippet keeps the file's indentation).
    const next = doc.lineAt(line + 1).text;
    assert.match(next, /^\s*<ReceiveHandler Name="BizTalkServerApplication"/);
    assert.strictEqual(/^\s*/.exec(comment)[0], /^\s*/.exec(next)[0]);
    // Until a reason is written, the suppression suppresses nothing and is reported at the comment.
    const invalid = await waitForDiagnostics(binding(), (l) => has('suppression-invalid')(l) && has(FTP)(l), 'suppression-invalid');
    assert.strictEqual(invalid.find((x) => ruleOf(x) === 'suppression-invalid').range.start.line, line);

    await vscode.commands.executeCommand('type', { text: 'the partner allows one FTP connection' });
    assert.match(doc.lineAt(line).text, new RegExp(`<!-- btslint-disable ${FTP}: the partner allows one FTP connection -->$`));
    await waitForDiagnostics(binding(), (l) => lacks(FTP)(l) && lacks('suppression-invalid')(l), 'the FTP finding to disappear');
    assert.ok(doc.isDirty, 'the edit is in the editor, not yet saved');
    await restore();
  });

  it('a btslint.config.json written on disk turns the rule off; deleting it brings the finding back', async () => {
    await waitForDiagnostics(binding(), has(FTP));
    fs.writeFileSync(config().fsPath, `{\n  // the partner's FTP server allows one connection\n  "rules": { "${FTP}": "off" }\n}\n`);
    await waitForDiagnostics(binding(), lacks(FTP), 'the config file to turn the rule off');
    fs.rmSync(config().fsPath);
    await waitForDiagnostics(binding(), has(FTP), 'the finding to come back');
  });

  it('a config file with an unknown key shows config-invalid on the config file', async () => {
    fs.writeFileSync(config().fsPath, '{ "rulez": {} }\n');
    const list = await waitForDiagnostics(config(), has('config-invalid'), 'config-invalid');
    assert.match(list[0].message, /Unknown key "rulez".*did you mean "rules"\?/);
    assert.strictEqual(list[0].severity, vscode.DiagnosticSeverity.Error);
    fs.rmSync(config().fsPath);
    await waitForDiagnostics(config(), (l) => l.length === 0, 'config-invalid to clear');
  });
});
