// Files read through the client (server/src/lsp/clientFiles.ts): a workspace the server cannot read
// (memfs://ws, as github.dev's vscode-vfs: is for the web worker), whose files the test client serves
// through btslint/fs/findFiles, readDirectory and readFile from a folder on disk. The diagnostics
// must be the CLI's on the same files, whether the client can search (findFiles), cannot
// (null: the readDirectory walk) or never answers (the timeout, then the walk); the server asks only
// for URIs inside the workspace folder, and a file over btslint.maxFileSizeMB is never sent.

import { after, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN, exampleFiles, LspTestClient, makeWorkspace, MEMFS_ROOT } from './lspClient';

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

function cliLines(root: string): string[] {
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', '.'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 1, r.stderr);
  return (JSON.parse(r.stdout) as { file: string; line: number; column: number; ruleId: string; severity: string; message: string }[])
    .map((f) => `${f.file.replace(/\\/g, '/')}|${f.line}:${f.column}|${f.ruleId}|${f.severity}|${f.message}`)
    .sort();
}

function lspLines(c: LspTestClient): string[] {
  const out: string[] = [];
  for (const [uri, ds] of c.diagnostics) {
    assert.ok(uri.startsWith(`${MEMFS_ROOT}/`), `published under the workspace's own scheme: ${uri}`);
    const rel = decodeURIComponent(uri.slice(MEMFS_ROOT.length + 1));
    for (const d of ds) out.push(`${rel}|${d.range.start.line + 1}:${d.range.start.character + 1}|${d.code}|${SEVERITY[d.severity!]}|${d.message}`);
  }
  return out.sort();
}

describe('language server: files read through the client', () => {
  const root = makeWorkspace(exampleFiles());
  const expected = cliLines(root);
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const [mode, env] of [
    ['answer', {}],
    ['null', {}],
    ['silent', { BTSLINT_TEST_CLIENT_TIMEOUT_MS: '400' }],
  ] as const) {
    it(`the CLI's findings on the example workspace (findFiles: ${mode})`, async () => {
      const c = new LspTestClient(root, { clientFiles: { findFiles: mode }, env });
      try {
        await c.initialize();
        await c.waitForStatus(0, 'ready', 30_000);
        assert.ok(expected.length >= 10);
        assert.deepEqual(lspLines(c), expected);
        const methods = new Set(c.fsRequests.map((r) => r.method));
        assert.ok(methods.has('readFile'));
        assert.equal(methods.has('readDirectory'), mode !== 'answer', `readDirectory walk only without findFiles (${[...methods]})`);
        for (const r of c.fsRequests) assert.ok(r.uri === MEMFS_ROOT || r.uri.startsWith(`${MEMFS_ROOT}/`), `asked only inside the workspace: ${r.uri}`);
        // Skipped folders are never entered.
        assert.ok(!c.fsRequests.some((r) => /\/(node_modules|\.git|bin|obj)(\/|$)/.test(r.uri)));
      } finally {
        await c.shutdown();
      }
    });
  }

  it('a live edit of an open file re-checks it, and a file over the size limit is not sent', async () => {
    const big = makeWorkspace({ ...exampleFiles(), 'bindings/Huge.BindingInfo.xml': `<?xml version="1.0"?>\n<BindingInfo>\n<!--${'x'.repeat(1_200_000)}-->\n</BindingInfo>\n` });
    const c = new LspTestClient(big, { clientFiles: {}, settings: { maxFileSizeMB: 1 } });
    try {
      await c.initialize();
      await c.waitForStatus(0, 'ready', 30_000);
      const huge = c.uri('bindings/Huge.BindingInfo.xml');
      assert.deepEqual(c.diagnostics.get(huge)?.map((d) => d.code), ['file-too-large']);
      // The client answered with the size alone (the test client sends no bytes over maxBytes).
      assert.ok(c.fsRequests.some((r) => r.method === 'readFile' && r.uri === huge));

      const topo = c.uri('contoso.topology.yaml');
      const binding = c.uri('bindings/Contoso.Orders.BindingInfo.xml');
      const before = (c.diagnostics.get(binding) ?? []).map((d) => d.code);
      assert.ok(before.includes('wss-adapter-without-sharepoint-backup'), before.join());
      const text = fs.readFileSync(path.join(big, 'contoso.topology.yaml'), 'utf8');
      c.open('contoso.topology.yaml', text);
      const since = c.publishes.length;
      // A topology edit (the SharePoint farm declared and backed up) re-checks the binding.
      c.change(topo, { text: `${text.replace(/\s*$/, '')}\nsharepoint:\n  - name: portal.contoso.com\n    backup:\n      schedule: daily\n      destination: '\\\\\\\\backup01\\\\sp'\n` });
      const after = await c.waitForDiagnostics(binding, (ds) => !ds.some((d) => d.code === 'wss-adapter-without-sharepoint-backup'), since, 'binding re-checked after the topology edit');
      assert.ok(after.length < before.length);
    } finally {
      await c.shutdown();
      fs.rmSync(big, { recursive: true, force: true });
    }
  });
});
