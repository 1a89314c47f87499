// The error boundary around every asynchronous handler: steps made to throw (test-only fault
// injection, BTSLINT_TEST_FAULTS: reading config files, a config file written mid-run, the policy
// step, a file read) never end the server; a hostile glob is a finding, not a failure. The failure is logged, the status says `error`,
// the last good diagnostics stay, requests are still answered, and the next good change recovers.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { LspTestClient, SFTP_BINDING as BINDING, SFTP_TOPOLOGY as TOPOLOGY, withServer } from './lspClient';
import type { StatusParams } from '../../server/src/lsp/protocol';

/** 20,000 nested braces: the glob expansion once recursed on them and overflowed the stack. */
const HOSTILE_GLOB = '{'.repeat(20000) + 'a' + '}'.repeat(20000);

function statuses(c: LspTestClient, since = 0): StatusParams[] {
  return c.notifications.slice(since).filter((n) => n.method === 'btslint/status').map((n) => n.params as StatusParams);
}

function logged(c: LspTestClient, re: RegExp): boolean {
  return c.notifications.some((n) => n.method === 'window/logMessage' && re.test((n.params as { message: string }).message));
}

async function alive(c: LspTestClient, uri: string): Promise<void> {
  const syms = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(syms.map((s) => s.name), ['Orders.In']);
  assert.equal(c.child.exitCode, null, 'the server process still runs');
}

describe('btslint lsp: survives what fails', () => {
  it('reading a config file written while the server runs throws: error status, last diagnostics kept, recovery', async () => {
    await withServer({ 'Orders.BindingInfo.xml': BINDING, 'prod.topology.yaml': TOPOLOGY }, { env: { BTSLINT_TEST_FAULTS: 'config-content' } }, async (c) => {
      await c.waitForStatus();
      const uri = c.uri('Orders.BindingInfo.xml');
      const before = await c.waitForDiagnostics(uri, (ds) => ds.length > 0);
      const published = c.publishes.length;
      const since = c.notifications.length;
      c.writeFile('btslint.config.json', JSON.stringify({ include: ['**/*.xml'], x: 'btslint-test-fault' }), true);
      const st = await c.waitForStatus(since, 'error', 60000);
      assert.match(st.error!, /failed: injected fault in config-content/);
      assert.ok(logged(c, /btslint: .* failed: Error: injected fault in config-content/));
      await alive(c, uri);
      // Nothing was cleared: the diagnostics of the last good check stand.
      assert.ok(!c.publishes.slice(published).some((p) => p.uri === uri && p.diagnostics.length === 0));
      assert.deepEqual(c.diagnostics.get(uri), before);
      // The config fixed: checked again.
      const since2 = c.notifications.length;
      c.writeFile('btslint.config.json', JSON.stringify({ include: ['**/*.xml', '**/*.yaml'] }));
      await c.waitForStatus(since2);
    });
  });

  it('a hostile glob (20,000 nested braces) in the config at start-up: no failure, the server is ready and answers', async () => {
    await withServer({ 'Orders.BindingInfo.xml': BINDING, 'btslint.config.json': JSON.stringify({ exclude: [HOSTILE_GLOB] }) }, {}, async (c) => {
      await c.waitForStatus(0, 'ready', 60000);
      assert.ok(statuses(c).every((s) => s.state !== 'error'));
      await alive(c, c.uri('Orders.BindingInfo.xml'));
    });
  });

  it('reading config files throws: the start fails visibly, the server answers', async () => {
    await withServer({ 'Orders.BindingInfo.xml': BINDING, 'btslint.config.json': '{}' }, { env: { BTSLINT_TEST_FAULTS: 'config' } }, async (c) => {
      const st = await c.waitForStatus(0, 'error');
      assert.match(st.error!, /injected fault in config/);
      await alive(c, c.uri('Orders.BindingInfo.xml'));
    });
  });

  it('the policy step throws: every check fails visibly, nothing is published, the server answers', async () => {
    await withServer({ 'Orders.BindingInfo.xml': BINDING }, { env: { BTSLINT_TEST_FAULTS: 'policy' } }, async (c) => {
      const st = await c.waitForStatus(0, 'error');
      assert.match(st.error!, /^(start|check) failed: injected fault in policy$/);
      const uri = c.open('Orders.BindingInfo.xml');
      const since = c.notifications.length;
      c.change(uri, { text: BINDING.replace('SFTP"', 'FTP"') });
      await c.waitForStatus(since, 'error');
      await alive(c, uri);
      assert.equal(c.publishes.length, 0);
      assert.ok(statuses(c).every((s) => s.state !== 'ready'));
    });
  });

  it('a file read throws (closing a document re-reads it): logged, status error, the server goes on', async () => {
    await withServer({ 'Orders.BindingInfo.xml': BINDING, 'prod.topology.yaml': TOPOLOGY }, { env: { BTSLINT_TEST_FAULTS: 'read' } }, async (c) => {
      await c.waitForStatus();
      const uri = c.open('Orders.BindingInfo.xml');
      await c.waitForDiagnostics(uri, () => true);
      const since = c.notifications.length;
      c.close(uri);
      const st = await c.waitForStatus(since, 'error');
      assert.equal(st.error, 'close failed: injected fault in read');
      assert.ok(logged(c, /close failed: Error: injected fault in read/));
      await alive(c, uri);
    });
  });
});
