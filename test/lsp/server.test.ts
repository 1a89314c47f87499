// Protocol tests: `btslint lsp --stdio` as a child process, driven over JSON-RPC like an editor,
// on a temp workspace holding the FTP binding fixture (test/fixtures, copied at test time) and a
// topology with gaps.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { docsUrl } from '../../server/src/host/docs';
import { applyTextEdits, FTP_BINDING, editsFor, LspTestClient, makeWorkspace, pos } from './lspClient';


// A production topology with gaps: the MessageBox instance is not clustered, the FTP host is not
// clustered and has two instances.
const TOPOLOGY = [
  'topology: 1',
  'environment: production',
  'servers:',
  '  - name: BTSAPP01',
  '    roles: [biztalk]',
  'sqlInstances:',
  '  - name: SQLBTS\\BTS',
  '    databases:',
  '      - name: BizTalkMsgBoxDb',
  'hosts:',
  '  - name: BizTalkServerApplication',
  '    type: in-process',
  '    instances: [BTSAPP01, BTSAPP02]',
  '',
].join('\n');

const byRule = (id: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === id);
const withoutRule = (id: string) => (ds: Diagnostic[]) => !ds.some((d) => d.code === id);

describe('btslint lsp: a workspace with gaps, end to end over stdio', () => {
  let root: string;
  let c: LspTestClient;
  let bindingUri: string;
  let topoUri: string;
  let bindingBytes: Buffer;

  before(async () => {
    root = makeWorkspace({ 'bindings/Bindings.xml': { copy: FTP_BINDING }, 'prod.topology.yaml': TOPOLOGY });
    bindingBytes = fs.readFileSync(path.join(root, 'bindings/Bindings.xml'));
    c = new LspTestClient(root);
    bindingUri = c.uri('bindings/Bindings.xml');
    topoUri = c.uri('prod.topology.yaml');
    await c.initialize();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('registers file watchers for BizTalk files and topologies', async () => {
    const reg = await c.waitFor('watcher registration', () => c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const globs = (reg.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.deepEqual(globs, ['**/*.xml', '**/*.btdfproj', '**/*.adf', '**/*.topology.{yaml,yml,json}', '**/btslint.config.{json,jsonc,yaml,yml}']);
  });

  it('shows the FTP-host finding on the binding (not open) with its rule id, docs link and the topology host as related information', async () => {
    const ds = await c.waitForDiagnostics(bindingUri, byRule('ftp-sftp-receive-not-clustered'));
    const d = ds.find((x) => x.code === 'ftp-sftp-receive-not-clustered')!;
    assert.equal(d.source, 'btslint');
    assert.equal(d.severity, 1);
    assert.equal(d.codeDescription?.href, docsUrl('ftp-sftp-receive-not-clustered'));
    assert.match(String(d.message), /FtpReceiveLocation.*BizTalkServerApplication/);
    const text = bindingBytes.toString('utf8');
    // The range is the ReceiveHandler's Name value.
    const handler = text.indexOf('<ReceiveHandler Name="BizTalkServerApplication"');
    assert.deepEqual(d.range.start, pos(text, 'BizTalkServerApplication', handler - text.indexOf('BizTalkServerApplication') + '<ReceiveHandler Name="'.length));
    assert.equal(d.relatedInformation?.[0].location.uri, topoUri);
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 10); // `- name: BizTalkServerApplication`
    // Its only change is a suggestion: the diagnostic names no fix.
    assert.deepEqual(d.data, { ruleId: 'ftp-sftp-receive-not-clustered', nodePath: 'ReceivePort[Name=FtpReceivePort]/ReceiveLocation[Name=FtpReceiveLocation]/ReceiveHandler' });
  });

  it('shows the MessageBox finding on the topology; its suggestion (never preferred) clears it', async () => {
    const ds = await c.waitForDiagnostics(topoUri, byRule('msgbox-not-clustered'));
    const d = ds.find((x) => x.code === 'msgbox-not-clustered')!;
    assert.deepEqual(d.range.start, { line: 6, character: 4 });
    c.open('prod.topology.yaml');
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: topoUri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.edit);
    assert.ok(fix, `no quick-fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.title, 'SQLBTS\\BTS is now a failover cluster instance: declare it with its nodes');
    assert.equal(fix.isPreferred, false);
    assert.deepEqual(fix.diagnostics?.[0].code, 'msgbox-not-clustered');
    const docs = actions.find((a) => a.title === 'Show documentation for msgbox-not-clustered');
    assert.ok(docs?.command);
    const fixed = applyTextEdits(TOPOLOGY, editsFor(fix.edit!, topoUri));
    assert.match(fixed, /failoverCluster:\n {6}nodes: \['<<first SQL node>>', '<<second SQL node>>'\]/);
    const since = c.publishes.length;
    c.change(topoUri, { text: fixed });
    const after = await c.waitForDiagnostics(topoUri, withoutRule('msgbox-not-clustered'), since);
    // The placeholders the fix inserted are reported until filled.
    assert.ok(after.some((x) => x.code === 'unfilled-placeholder'));
  });

  it('marking the host clustered in the topology clears the binding\'s finding without touching the binding', async () => {
    const before = c.publishes.length;
    // The open topology was edited in the editor, not on disk.
    assert.equal(fs.readFileSync(path.join(root, 'prod.topology.yaml'), 'utf8'), TOPOLOGY);
    // The binding finding's own quick-fix edits the topology (at the version the editor holds).
    const bindingDiag = c.diagnostics.get(bindingUri)!.find((x) => x.code === 'ftp-sftp-receive-not-clustered')!;
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: bindingUri },
      range: bindingDiag.range,
      context: { diagnostics: [bindingDiag] },
    });
    const fix = actions.find((a) => a.edit)!;
    assert.equal(fix.title, 'Host BizTalkServerApplication is now clustered (one active instance at a time): declare it');
    assert.equal(fix.isPreferred, false);
    // It edits the topology: once applied, the topology is shown with the change selected.
    assert.deepEqual(fix.command?.arguments, [topoUri, { start: { line: 15, character: 4 }, end: { line: 15, character: 19 } }]); // `clustered: true`
    const dc = fix.edit!.documentChanges as { textDocument: { uri: string; version: number | null } }[];
    assert.deepEqual(dc.map((d) => d.textDocument), [{ uri: topoUri, version: 2 }]);
    c.applyEdit(fix.edit!);
    assert.match(c.texts.get(topoUri)!, / {4}instances: \[BTSAPP01, BTSAPP02\]\n {4}clustered: true\n/);
    await c.waitForDiagnostics(bindingUri, withoutRule('ftp-sftp-receive-not-clustered'), before);
    assert.deepEqual(fs.readFileSync(path.join(root, 'bindings/Bindings.xml')), bindingBytes);
    assert.equal(c.texts.has(bindingUri), false, 'the binding was never opened');
  });
});
