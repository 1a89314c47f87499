// The language server survives: with a rule that throws injected into its registry (inject.ts, loaded
// through NODE_OPTIONS), it publishes an internal-error diagnostic, logs the failure and keeps every
// other rule's diagnostics; after each hostile document is opened, it still publishes diagnostics for
// it, answers the next request, and re-checks the workspace on the next edit.

import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver/node';
import { LspTestClient, makeWorkspace } from '../lsp/lspClient';
import { aliasBomb, billionLaughs, deepBinding, deepYaml, ROOT } from './hostile';

const TOPOLOGY = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: BizTalkMsgBoxDb }]\nhosts:\n  - name: SendHost\n    instances: [BTSAPP01, BTSAPP02]\n';
const BINDING = '<BindingInfo><SendPortCollection><SendPort Name="P" IsStatic="true"><PrimaryTransport><TransportType Name="FILE"/><SendHandler Name="NoSuchHost"/></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>';

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));

describe('the language server keeps serving', () => {
  let root: string;
  let c: LspTestClient;
  let topoUri: string;

  before(async () => {
    root = makeWorkspace({ 'prod.topology.yaml': TOPOLOGY, 'Orders.BindingInfo.xml': BINDING });
    // The child inherits the environment at spawn: inject the throwing rule for this server only.
    const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, FLAG: process.env.BTSLINT_INJECT_THROWING_RULE };
    process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --require ${JSON.stringify(path.join(ROOT, 'out', 'test', 'robustness', 'inject.js'))}`.trim();
    process.env.BTSLINT_INJECT_THROWING_RULE = '1';
    try {
      c = new LspTestClient(root);
    } finally {
      if (saved.NODE_OPTIONS === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved.NODE_OPTIONS;
      if (saved.FLAG === undefined) delete process.env.BTSLINT_INJECT_THROWING_RULE;
      else process.env.BTSLINT_INJECT_THROWING_RULE = saved.FLAG;
    }
    topoUri = c.uri('prod.topology.yaml');
    await c.initialize();
  });

  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a rule that throws: an internal-error diagnostic, a log line, and the other rules still report', async () => {
    const ds = await c.waitForDiagnostics(topoUri, (d) => codes(d).includes('internal-error') && codes(d).includes('msgbox-not-clustered'));
    const internal = ds.find((d) => d.code === 'internal-error')!;
    assert.match(String(internal.message), /rule test-throws failed on this workspace \(injected failure/);
    await c.waitForDiagnostics(c.uri('Orders.BindingInfo.xml'), (d) => codes(d).includes('handler-host-unknown'));
    await c.waitFor('the log line', () => c.notifications.some((n) => n.method === 'window/logMessage' && /rule test-throws failed/.test(JSON.stringify(n.params))) || /rule test-throws failed/.test(c.stderr));
  });

  // The CLI and core tests cover every hostile case; these are the ones that stress the server most.
  const hostile: [string, () => string, string][] = [
    ['Lol.BindingInfo.xml', billionLaughs, 'parse-error'],
    ['Deep.BindingInfo.xml', () => deepBinding(), 'handler-host-unknown'],
    ['Nul.BindingInfo.xml', () => BINDING.replace('<SendPortCollection>', '<SendPortCollection>\u0000'), 'parse-error'],
    ['bomb.topology.yaml', aliasBomb, 'parse-error'],
    ['deep.topology.yaml', () => deepYaml(2_000), 'parse-error'],
    ['v2.topology.yaml', () => 'topology: 2\nenvironment: production\n', 'topology-schema'],
  ];

  for (const [name, content, expected] of hostile) {
    it(`after opening ${name}: its diagnostics, the next request answered, the next edit checked`, async () => {
      const since = c.publishes.length;
      const uri = c.open(name, content());
      const ds = await c.waitForDiagnostics(uri, (d) => codes(d).includes(expected), since);
      for (const d of ds) assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0);
      // Requests on the hostile document itself (the outline walks its tree) and on a sound one.
      const symbols = await c.conn.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols === null || Array.isArray(symbols));
      const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: topoUri }, position: { line: 2, character: 4 } });
      assert.ok(hover === null || typeof hover === 'object');
      // An edit elsewhere is still checked: the MessageBox instance gets a cluster, its finding goes.
      const after = c.publishes.length;
      c.open('prod.topology.yaml', TOPOLOGY);
      c.change(topoUri, { text: TOPOLOGY.replace('  - name: SQL1\n', '  - name: SQL1\n    failoverCluster: { nodes: [N1, N2] }\n') });
      await c.waitForDiagnostics(topoUri, (d) => !codes(d).includes('msgbox-not-clustered'), after, 'diagnostics after the edit');
      c.change(topoUri, { text: TOPOLOGY });
      await c.waitForDiagnostics(topoUri, (d) => codes(d).includes('msgbox-not-clustered'), after, 'diagnostics after undoing the edit');
      c.close(topoUri);
      c.close(uri);
    });
  }
});
