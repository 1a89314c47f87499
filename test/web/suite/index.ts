// The test of the web extension inside VS Code for the web (`npm run test:web`, scripts/test-web.js):
// this module runs in the web-worker extension host, where the extension runs its browser entry
// (dist/browser/extension.js) and its server in a web worker (dist/browser/server.js), and the
// workspace is a copy of examples/ served by @vscode/test-web as `vscode-test-web://mount/`: a file
// system the server can only read through the client. Bundled by scripts/test-web.js (esbuild, for the
// browser) with the CLI's findings on the same files injected as BTSLINT_EXPECTED. It checks:
//   1. the diagnostics equal the CLI's on the whole example workspace (files never opened included);
//   2. a live edit of a binding updates its diagnostics (and undoing it brings them back);
//   3. a topology edit re-checks the bindings it judges;
//   4. the hover over a finding has the rule's "Why it matters" (the pages are in the web bundle).
// `run()` rejects on the first failure; the workbench then exits with code 1.

import * as vscode from 'vscode';

declare const BTSLINT_EXPECTED: string[];

const WSS_RULE = 'wss-adapter-without-sharepoint-backup';
const BINDING = 'bindings/Contoso.Orders.BindingInfo.xml';
const TOPOLOGY = 'contoso.topology.yaml';
const SEVERITY = ['error', 'warning', 'info', 'hint'];

function log(m: string): void {
  console.log(`[web test] ${m}`);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

/** btslint's diagnostics under the workspace folder, as `file|line:column|rule|severity|message` lines, sorted. */
function diagnosticLines(folder: vscode.Uri, only?: string): string[] {
  const out: string[] = [];
  for (const [uri, ds] of vscode.languages.getDiagnostics()) {
    if (uri.scheme !== folder.scheme || uri.authority !== folder.authority || !uri.path.startsWith(folder.path.replace(/\/?$/, '/'))) continue;
    const rel = uri.path.slice(folder.path.replace(/\/?$/, '/').length);
    if (only && rel !== only) continue;
    for (const d of ds) {
      if (d.source !== 'btslint') continue;
      out.push(`${rel}|${d.range.start.line + 1}:${d.range.start.character + 1}|${codeOf(d)}|${SEVERITY[d.severity]}|${d.message}`);
    }
  }
  return out.sort();
}

async function waitFor(what: string, cond: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function sameLines(actual: string[], expected: string[], what: string): void {
  const missing = expected.filter((l) => !actual.includes(l));
  const extra = actual.filter((l) => !expected.includes(l));
  if (missing.length || extra.length || actual.length !== expected.length) {
    throw new Error(`${what}: ${actual.length} diagnostics, ${expected.length} expected\nmissing:\n  ${missing.join('\n  ')}\nunexpected:\n  ${extra.join('\n  ')}`);
  }
}

/** Replaces `find` (its first occurrence from `from`) and returns where it was. */
async function replaceIn(doc: vscode.TextDocument, find: string, replacement: string, from = 0): Promise<number> {
  const at = doc.getText().indexOf(find, from);
  if (at < 0) throw new Error(`"${find}" is not in ${doc.uri.toString()}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + find.length)), replacement);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit of ${doc.uri.toString()} was not applied`);
  return at;
}

export async function run(): Promise<void> {
  const t0 = Date.now();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace folder');
  log(`VS Code ${vscode.version}, workspace ${folder.toString()}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI`);
  if (vscode.env.uiKind !== vscode.UIKind.Web) throw new Error('not VS Code for the web');
  const ext = vscode.extensions.getExtension('btslint.btslint');
  if (!ext) throw new Error('the btslint extension is not installed');
  const api = (await ext.activate()) as { whenReady(since?: number): Promise<{ files: number; findings: number }> };
  const ready = await Promise.race([api.whenReady(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the server never finished its first check (did the web worker start?)')), 90_000))]);
  log(`server ready: ${ready.files} files, ${ready.findings} findings after ${Date.now() - t0} ms`);

  // 1. The CLI's findings on the whole workspace, files never opened included.
  const expected = BTSLINT_EXPECTED;
  if (expected.length < 10) throw new Error(`only ${expected.length} expected findings`);
  await waitFor('the CLI\'s findings', () => diagnosticLines(folder).length === expected.length, 30_000).catch(() => undefined);
  sameLines(diagnosticLines(folder), expected, 'the workspace\'s diagnostics against the CLI\'s');
  log(`1. ${expected.length} diagnostics equal the CLI's findings`);

  // 2. A live edit of a binding (its SharePoint send port becomes a FILE port; unsaved) updates its diagnostics.
  const bindingUri = vscode.Uri.joinPath(folder, BINDING);
  const binding = await vscode.workspace.openTextDocument(bindingUri);
  await vscode.window.showTextDocument(binding);
  const before = diagnosticLines(folder, BINDING);
  if (!before.some((l) => l.includes(`|${WSS_RULE}|`))) throw new Error(`${BINDING} has no ${WSS_RULE} finding to begin with`);
  const at = await replaceIn(binding, 'Name="Windows SharePoint Services"', 'Name="FILE"');
  await waitFor(`${WSS_RULE} to go from ${BINDING} after the edit`, () => !diagnosticLines(folder, BINDING).some((l) => l.includes(`|${WSS_RULE}|`)));
  await replaceIn(binding, 'Name="FILE"', 'Name="Windows SharePoint Services"', at);
  await waitFor(`${BINDING}'s diagnostics to come back after the edit is undone`, () => diagnosticLines(folder, BINDING).join('\n') === before.join('\n'), 20_000).catch(() => undefined);
  sameLines(diagnosticLines(folder, BINDING), before, `${BINDING} after the edit is undone`);
  log('2. a live edit of the binding updated its diagnostics, and undoing it restored them');

  // 3. A topology edit (the SharePoint farm declared, with its backup) re-checks the binding, which is not edited.
  const topology = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, TOPOLOGY));
  const end = topology.lineAt(topology.lineCount - 1).range.end;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(topology.uri, end, `${topology.lineAt(topology.lineCount - 1).text ? '\n' : ''}sharepoint:\n  - name: portal.contoso.com\n    backup:\n      schedule: daily\n      destination: '\\\\backup01\\sharepoint'\n`);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the topology edit was not applied');
  await waitFor(`${WSS_RULE} to go from ${BINDING} after the topology edit`, () => !diagnosticLines(folder, BINDING).some((l) => l.includes(`|${WSS_RULE}|`)));
  log(`3. the topology edit re-checked ${BINDING}: ${diagnosticLines(folder, BINDING).length} diagnostics there now (${before.length} before)`);

  // 4. The hover over a finding: its message, then the "Why it matters" of the rule's page.
  const finding = vscode.languages.getDiagnostics(bindingUri).find((d) => d.source === 'btslint');
  if (!finding) throw new Error(`no btslint diagnostic in ${BINDING} to hover`);
  const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', `${codeOf(finding)}.md`)));
  const whyStart = /^## Why it matters[ \t]*\r?\n\s*([^\r\n]{1,40})/m.exec(page)?.[1];
  if (!whyStart) throw new Error(`the page of ${codeOf(finding)} has no "Why it matters"`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', bindingUri, finding.range.start);
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  if (!text.includes(whyStart.replace(/[*_`[\]]/g, '').slice(0, 20)) && !text.includes(whyStart.slice(0, 20))) throw new Error(`the hover over ${codeOf(finding)} has no "Why it matters" (${whyStart}):\n${text}`);
  log(`4. the hover over ${codeOf(finding)} explains it`);
  log(`4 passed, 0 failed in ${Date.now() - t0} ms`);
}
