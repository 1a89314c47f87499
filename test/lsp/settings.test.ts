// Settings and what the editor shows: initialization options win over a `null` configuration answer
// (Neovim's default), settings per workspace folder, the per-file diagnostics limit with its closing
// note, unchanged diagnostics never sent again, and files from outside the workspace: checked on their
// own (their topology never judges the workspace's files) and cleared when their tab closes.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { type ClientOptions, LspTestClient, makeWorkspace, SFTP_BINDING as BINDING, SFTP_TOPOLOGY as TOPOLOGY, withServer } from './lspClient';
import { pathToUri } from '../../server/src/lsp/paths';

/** A server on a new workspace, once it has checked the workspace. */
function session(files: Record<string, string>, options: ClientOptions, f: (c: LspTestClient, root: string) => Promise<void>): Promise<void> {
  return withServer(files, options, async (c, root) => {
    await c.waitForStatus();
    await f(c, root);
  });
}

describe('btslint lsp: settings', () => {
  it('a null workspace/configuration answer keeps the initialization options (Neovim)', async () => {
    const asked: unknown[] = [];
    await session(
      { 'Orders.BindingInfo.xml': BINDING },
      {
        configurationPull: true,
        settings: { severityOverrides: { 'no-topology': 'error' } },
        configurationAnswer: (item) => {
          asked.push(item);
          return null;
        },
      },
      async (c) => {
        const ds = await c.waitForDiagnostics(c.uri('Orders.BindingInfo.xml'), (d) => d.length > 0);
        assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['no-topology', 1]]);
        // The window's section, then the folder's.
        assert.deepEqual(asked.slice(0, 2), [{ section: 'btslint' }, { section: 'btslint', scopeUri: pathToUri(c.root) }]);
      },
    );
  });

  it('settings per workspace folder: btslint disabled in one folder, on in the other', async () => {
    await session(
      { 'a/Orders.BindingInfo.xml': BINDING, 'b/Orders.BindingInfo.xml': BINDING },
      {
        configurationPull: true,
        workspaceFolders: ['a', 'b'],
        configurationAnswer: (item) => (item.scopeUri?.endsWith('/a') ? { enable: false } : item.scopeUri?.endsWith('/b') ? { severityOverrides: { 'no-topology': 'warning' } } : {}),
      },
      async (c) => {
        const b = await c.waitForDiagnostics(c.uri('b/Orders.BindingInfo.xml'), (d) => d.length > 0);
        assert.deepEqual(b.map((d) => [d.code, d.severity]), [['no-topology', 2]]);
        assert.equal(c.diagnostics.get(c.uri('a/Orders.BindingInfo.xml')), undefined);
        const st = await c.waitForStatus();
        assert.equal(st.files, 1);
      },
    );
  });
});

describe('btslint lsp: large result sets', () => {
  it('at most btslint.maxDiagnosticsPerFile per file, errors first, then a note with the count and the command line', async () => {
    await session({ 'Orders.BindingInfo.xml': BINDING, 'prod.topology.yaml': TOPOLOGY }, { settings: { maxDiagnosticsPerFile: 3 } }, async (c) => {
      const ds = await c.waitForDiagnostics(c.uri('prod.topology.yaml'), (d) => d.length > 0);
      assert.equal(ds.length, 4);
      assert.deepEqual(ds.slice(0, 3).map((d) => d.severity), [1, 1, 2]);
      assert.equal(ds[3].severity, 3);
      assert.equal(ds[3].source, 'btslint');
      assert.deepEqual(ds[3].range.start, { line: 0, character: 0 });
      assert.match(String(ds[3].message), /^8 more finding\(s\) in this file are not shown \(btslint\.maxDiagnosticsPerFile is 3\)\. List them all with: npx btslint "prod\.topology\.yaml"$/);
    });
  });

  it('diagnostics that did not change are not sent again after an edit', async () => {
    await session({ 'Orders.BindingInfo.xml': BINDING, 'prod.topology.yaml': TOPOLOGY }, {}, async (c) => {
      const uri = c.open('prod.topology.yaml');
      await c.waitFor('the opened document published at version 1', () => c.publishes.some((p) => p.uri === uri && p.version === 1));
      const since = c.publishes.length;
      const n = c.notifications.length;
      // A comment at the end: every finding stays where it was.
      c.change(uri, { text: TOPOLOGY + '# reviewed\n' });
      await c.waitForStatus(n);
      assert.deepEqual(c.publishes.slice(since).filter((p) => p.uri === uri), []);
      // A change that moves them: sent.
      const n2 = c.notifications.length;
      c.change(uri, { text: '# header\n' + TOPOLOGY });
      await c.waitForStatus(n2);
      assert.equal(c.publishes.slice(since).filter((p) => p.uri === uri).length, 1);
    });
  });
});

describe('btslint lsp: files from outside the workspace', () => {
  it('are checked on their own, never judge the workspace files, and are cleared when closed', async () => {
    const outside = makeWorkspace({ 'other.topology.yaml': TOPOLOGY });
    try {
      await session({ 'Orders.BindingInfo.xml': BINDING }, {}, async (c) => {
        const binding = c.uri('Orders.BindingInfo.xml');
        const before = await c.waitForDiagnostics(binding, (d) => d.length > 0);
        assert.deepEqual(before.map((d) => d.code), ['no-topology']);
        const topoUri = pathToUri(path.join(outside, 'other.topology.yaml'));
        const n = c.notifications.length;
        void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: topoUri, languageId: 'yaml', version: 1, text: TOPOLOGY } });
        await c.waitForDiagnostics(topoUri, (d) => d.length > 0);
        await c.waitForStatus(n);
        // The workspace's binding is still judged without a topology.
        assert.deepEqual(c.diagnostics.get(binding)!.map((d) => d.code), ['no-topology']);
        void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: topoUri } });
        await c.waitForDiagnostics(topoUri, (d) => d.length === 0);
        // And it stays gone after the next check.
        const n2 = c.notifications.length;
        c.writeFile('Orders.BindingInfo.xml', BINDING.replace('Orders.In.SFTP', 'Orders.In.SFTP2'));
        await c.waitForStatus(n2);
        assert.deepEqual(c.diagnostics.get(topoUri), []);
      });
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
