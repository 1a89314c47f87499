'use strict';
// Shared by the suites: the extension, the workspace files, and waiting for btslint's diagnostics
// (other extensions' diagnostics are filtered out by source).
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

const EXTENSION_ID = 'btslint.btslint';

function folder() {
  const f = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!f) throw new Error('no workspace folder is open');
  return f.uri;
}

function fileUri(rel) {
  return vscode.Uri.joinPath(folder(), ...rel.split('/'));
}

/** The activated extension's API (status of the server). */
async function api() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

function btslintDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'btslint');
}

function ruleOf(d) {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

/** Resolves with btslint's diagnostics of `uri` once `cond(list)` holds. */
function waitForDiagnostics(uri, cond, what = 'diagnostics', timeoutMs = 30000) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const list = btslintDiagnostics(uri);
      if (cond(list)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(list);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const now = btslintDiagnostics(uri).map((d) => `${ruleOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1}`);
      reject(new Error(`timed out waiting for ${what} of ${path.basename(uri.fsPath)}; it has: ${now.join(', ') || 'none'}`));
    }, timeoutMs);
    check();
  });
}

const has = (id) => (list) => list.some((d) => ruleOf(d) === id);
const lacks = (id) => (list) => !list.some((d) => ruleOf(d) === id);

/**
 * Puts a document back to its content on disk, through an edit (not the revert command, whose
 * effect arrived late under load), and saves it, so editor, disk and server agree at once.
 */
async function revert(uri) {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc) return;
  const disk = fs.readFileSync(uri.fsPath, 'utf8');
  if (doc.getText() !== disk) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), disk);
    await vscode.workspace.applyEdit(edit);
  }
  if (doc.isDirty) await doc.save();
}

const WORKSPACE_FILES = ['bindings/Bindings.xml', 'prod.topology.yaml'];

/**
 * Remembers the workspace files' text; the returned function puts it back through the editor
 * (replace and save: VS Code may have saved a file a workspace edit changed, and an open document's
 * text, not the disk, is what the server sees), closes the editors, and waits until both files show
 * their original findings again, so each suite starts from the same state.
 */
function snapshotWorkspace() {
  const saved = WORKSPACE_FILES.map((rel) => [fileUri(rel), fs.readFileSync(fileUri(rel).fsPath, 'utf8')]);
  return async () => {
    for (const [uri, text] of saved) {
      const doc = await vscode.workspace.openTextDocument(uri);
      if (doc.getText() !== text) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
        await vscode.workspace.applyEdit(edit);
      }
      if (doc.isDirty) await doc.save();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForDiagnostics(fileUri('bindings/Bindings.xml'), has('ftp-sftp-receive-not-clustered'), 'the original findings');
    await waitForDiagnostics(fileUri('prod.topology.yaml'), has('msgbox-not-clustered'), 'the original findings');
  };
}

module.exports = { EXTENSION_ID, folder, fileUri, api, btslintDiagnostics, ruleOf, waitForDiagnostics, has, lacks, revert, snapshotWorkspace };
