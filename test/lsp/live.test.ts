// Protocol tests of live updates: edits of open documents (ranged, incremental), files changed,
// created and deleted on disk (the cross-file refresh both ways), closing an edited document,
// settings pushed by the client, and run-on-save with settings pulled from the client.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { FTP_BINDING, LspTestClient, makeWorkspace } from './lspClient';


const TOPOLOGY = [
  'topology: 1',
  'environment: production',
  'hosts:',
  '  - name: BizTalkServerApplication',
  '    type: in-process',
  '    instances: [BTSAPP01, BTSAPP02]',
  '',
].join('\n');

const has = (id: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === id);
const lacks = (id: string) => (ds: Diagnostic[]) => !ds.some((d) => d.code === id);

function rangeOf(text: string, needle: string, from = 0) {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" not found`);
  const p = (o: number) => {
    const before = text.slice(0, o);
    return { line: before.split('\n').length - 1, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { start: p(at), end: p(at + needle.length) };
}

describe('btslint lsp: live updates and the cross-file refresh', () => {
  let root: string;
  let c: LspTestClient;
  let bindingUri: string;
  let topoUri: string;
  let bindingText: string;

  before(async () => {
    root = makeWorkspace({ 'Bindings.xml': { copy: FTP_BINDING }, 'env/prod.topology.yaml': TOPOLOGY });
    c = new LspTestClient(root);
    bindingUri = c.uri('Bindings.xml');
    topoUri = c.uri('env/prod.topology.yaml');
    bindingText = fs.readFileSync(path.join(root, 'Bindings.xml'), 'utf8');
    await c.initialize();
    await c.waitForDiagnostics(bindingUri, has('ftp-sftp-receive-not-clustered'));
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('an incremental edit of an open binding refreshes its diagnostics, at the new version', async () => {
    c.open('Bindings.xml');
    const since = c.publishes.length;
    // The receive location's adapter: FTP -> FILE (a ranged edit, as an editor sends it).
    const r = rangeOf(bindingText, 'FTP', bindingText.indexOf('<ReceiveLocationTransportType Name="'));
    const version = c.change(bindingUri, [{ range: r, text: 'FILE' }]);
    await c.waitForDiagnostics(bindingUri, lacks('ftp-sftp-receive-not-clustered'), since);
    const p = c.publishes.filter((x) => x.uri === bindingUri).pop()!;
    assert.equal(p.version, version);
    // And back.
    const since2 = c.publishes.length;
    c.change(bindingUri, [{ range: { start: r.start, end: { line: r.start.line, character: r.start.character + 4 } }, text: 'FTP' }]);
    await c.waitForDiagnostics(bindingUri, has('ftp-sftp-receive-not-clustered'), since2);
  });

  it('a burst of edits is checked once it settles, on the last text', async () => {
    const since = c.publishes.length;
    const r = rangeOf(bindingText, 'FTP', bindingText.indexOf('<ReceiveLocationTransportType Name="'));
    c.change(bindingUri, [{ range: r, text: 'F' }]);
    c.change(bindingUri, [{ range: { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } }, text: 'FI' }]);
    const last = c.change(bindingUri, [{ range: { start: r.start, end: { line: r.start.line, character: r.start.character + 2 } }, text: 'SFTP' }]);
    const ds = await c.waitFor('the last version published', () => {
      const p = c.publishes.slice(since).filter((x) => x.uri === bindingUri && x.version === last).pop();
      return p?.diagnostics;
    });
    assert.ok(has('ftp-sftp-receive-not-clustered')(ds), 'SFTP is FTP-family');
    assert.match(ds.find((d) => d.code === 'ftp-sftp-receive-not-clustered')!.message as string, /\(SFTP\)/);
  });

  it('closing an edited binding falls back to the file on disk', async () => {
    const r = rangeOf(bindingText, 'FTP', bindingText.indexOf('<ReceiveLocationTransportType Name="'));
    const since = c.publishes.length;
    c.change(bindingUri, { text: c.texts.get(bindingUri)!.replace(/<ReceiveLocationTransportType Name="SFTP"/, '<ReceiveLocationTransportType Name="FILE"') });
    await c.waitForDiagnostics(bindingUri, lacks('ftp-sftp-receive-not-clustered'), since);
    void r;
    const since2 = c.publishes.length;
    c.close(bindingUri);
    const ds = await c.waitForDiagnostics(bindingUri, has('ftp-sftp-receive-not-clustered'), since2);
    assert.match(ds.find((d) => d.code === 'ftp-sftp-receive-not-clustered')!.message as string, /\(FTP\)/);
  });

  it('a topology changed on disk re-checks the bindings (neither file open)', async () => {
    const since = c.publishes.length;
    c.writeFile('env/prod.topology.yaml', TOPOLOGY.replace('    type: in-process\n', '    type: in-process\n    clustered: true\n'));
    await c.waitForDiagnostics(bindingUri, lacks('ftp-sftp-receive-not-clustered'), since);
    const since2 = c.publishes.length;
    c.writeFile('env/prod.topology.yaml', TOPOLOGY);
    await c.waitForDiagnostics(bindingUri, has('ftp-sftp-receive-not-clustered'), since2);
  });

  it('a binding changed on disk re-checks the topology (the reverse direction)', async () => {
    // The topology declares host SendOnly, used by no binding yet; the binding's send port moves to
    // it, so the binding's send handler stops being unknown and the topology's host gets a user.
    const statusSince = c.notifications.length;
    c.writeFile('env/prod.topology.yaml', TOPOLOGY + '  - name: SendOnly\n    type: in-process\n    instances: [BTSAPP01]\n');
    await c.waitForStatus(statusSince);
    const hostLine = TOPOLOGY.split('\n').length - 1;
    const before = (c.diagnostics.get(topoUri) ?? []).filter((d) => d.code === 'host-single-instance' && d.range.start.line >= hostLine);
    assert.equal(before.length, 0, 'a host no handler uses is not reported');
    const since2 = c.publishes.length;
    c.writeFile('Bindings.xml', bindingText.replace('<SendHandler Name="BizTalkServerApplication"', '<SendHandler Name="SendOnly"'));
    const after = await c.waitForDiagnostics(topoUri, (ds) => ds.some((d) => d.code === 'host-single-instance' && d.range.start.line >= hostLine), since2);
    assert.ok(after.length > 0);
    c.writeFile('Bindings.xml', bindingText);
    c.writeFile('env/prod.topology.yaml', TOPOLOGY);
    await c.waitForDiagnostics(topoUri, (ds) => !ds.some((d) => d.code === 'host-single-instance' && d.range.start.line >= hostLine), since2 + 1);
  });

  it('deleting the topology clears its diagnostics; creating one brings the join back', async () => {
    const since = c.publishes.length;
    c.deleteFile('env/prod.topology.yaml');
    await c.waitForDiagnostics(topoUri, (ds) => ds.length === 0, since, 'cleared diagnostics');
    const ds = await c.waitForDiagnostics(bindingUri, has('no-topology'), since);
    assert.match(ds.find((d) => d.code === 'no-topology')!.message as string, /^No topology file .* Run `btslint init`/);
    assert.ok(lacks('handler-host-unknown')(ds), 'one no-topology finding, not one per handler');
    const since2 = c.publishes.length;
    c.writeFile('env/prod.topology.yaml', TOPOLOGY, true);
    await c.waitForDiagnostics(bindingUri, has('ftp-sftp-receive-not-clustered'), since2);
  });

  it('deleting a folder forgets every file under it', async () => {
    fs.mkdirSync(path.join(root, 'more'));
    const since = c.publishes.length;
    const uri = c.writeFile('more/Other.BindingInfo.xml', bindingText.replace(/FtpReceiveLocation/g, 'Other'), true);
    await c.waitForDiagnostics(uri, has('ftp-sftp-receive-not-clustered'), since);
    const since2 = c.publishes.length;
    fs.rmSync(path.join(root, 'more'), { recursive: true });
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('more'), type: 3 }] });
    await c.waitForDiagnostics(uri, (ds) => ds.length === 0, since2, 'cleared diagnostics');
  });

  it('settings pushed by the client: severity overrides, then enable=false clears everything', async () => {
    const since = c.publishes.length;
    void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { btslint: { severityOverrides: { 'ftp-sftp-receive-not-clustered': 'info', 'handler-host-unknown': 'off' } } } });
    const ds = await c.waitForDiagnostics(bindingUri, (l) => l.some((d) => d.code === 'ftp-sftp-receive-not-clustered' && d.severity === 3), since);
    assert.ok(lacks('handler-host-unknown')(ds));
    const since2 = c.publishes.length;
    void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { btslint: { enable: false } } });
    await c.waitForDiagnostics(bindingUri, (l) => l.length === 0, since2, 'cleared diagnostics');
    await c.waitFor('disabled status', () => c.notifications.slice(since2).some((n) => n.method === 'btslint/status' && (n.params as { state: string }).state === 'disabled'));
    const since3 = c.publishes.length;
    void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { btslint: { enable: true } } });
    await c.waitForDiagnostics(bindingUri, has('ftp-sftp-receive-not-clustered'), since3);
  });
});

describe('btslint lsp: settings pulled from the client (run on save, file size limit)', () => {
  let root: string;
  let c: LspTestClient;

  before(async () => {
    root = makeWorkspace({ 'Bindings.xml': { copy: FTP_BINDING }, 'prod.topology.yaml': TOPOLOGY, 'big/Big.BindingInfo.xml': fs.readFileSync(FTP_BINDING, 'utf8').replace('</BindingInfo>', `<!-- ${'x'.repeat(1_100_000)} -->\n</BindingInfo>`) });
    c = new LspTestClient(root, { configurationPull: true, settings: { run: 'onSave', maxFileSizeMB: 1 } });
    await c.initialize();
    await c.waitForStatus();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('does not read files over btslint.maxFileSizeMB, and says so on the file', async () => {
    const st = await c.waitForStatus();
    assert.equal(st.files, 2);
    const ds = await c.waitForDiagnostics(c.uri('big/Big.BindingInfo.xml'), has('file-too-large'));
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 3);
    assert.match(ds[0].message as string, /over btslint's size limit of 1 MB, so it was not read or checked\. Raise the btslint\.maxFileSizeMB setting to check it\.$/);
    assert.doesNotMatch(ds[0].message as string, /--max-file-size/, 'an editor user has no command line');
    assert.ok(c.notifications.some((n) => n.method === 'window/logMessage' && /skipped .*Big\.BindingInfo\.xml: 1\.\d MB is over the size limit \(1 MB\)/.test((n.params as { message: string }).message)));
  });

  it('with run=onSave, an edit is checked when the document is saved, not before', async () => {
    const opened = c.publishes.length;
    const openedStatus = c.notifications.length;
    const uri = c.open('Bindings.xml');
    // Opening is checked in any mode: the diagnostics come back at version 1, then the status.
    await c.waitFor('diagnostics at version 1', () => c.publishes.slice(opened).some((p) => p.uri === uri && p.version === 1));
    await c.waitForStatus(openedStatus);
    const text = c.texts.get(uri)!;
    const since = c.publishes.length;
    const statusSince = c.notifications.length;
    c.change(uri, { text: text.replace('<ReceiveLocationTransportType Name="FTP"', '<ReceiveLocationTransportType Name="FILE"') });
    // A request answered after the change proves the server handled it; no check may follow.
    await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(c.publishes.slice(since).filter((p) => p.uri === uri).length, 0);
    assert.equal(c.notifications.slice(statusSince).filter((n) => n.method === 'btslint/status').length, 0);
    void c.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await c.waitForDiagnostics(uri, lacks('ftp-sftp-receive-not-clustered'), since);
  });
});

describe('btslint lsp: a client that spells URIs differently from the server', () => {
  let root: string;
  let c: LspTestClient;

  before(async () => {
    root = makeWorkspace({ 'app@prod/Bindings.xml': { copy: FTP_BINDING }, 'prod.topology.yaml': TOPOLOGY });
    c = new LspTestClient(root);
    await c.initialize();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('moves the diagnostics to the client\'s spelling when it opens the file', async () => {
    const scanned = c.uri('app@prod/Bindings.xml');
    assert.match(scanned, /app%40prod/); // the server writes URIs as VS Code does
    await c.waitForDiagnostics(scanned, has('ftp-sftp-receive-not-clustered'));
    const since = c.publishes.length;
    const raw = scanned.replace('%40', '@');
    const text = fs.readFileSync(path.join(root, 'app@prod/Bindings.xml'), 'utf8');
    void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: raw, languageId: 'xml', version: 1, text } });
    await c.waitForDiagnostics(raw, has('ftp-sftp-receive-not-clustered'), since);
    await c.waitForDiagnostics(scanned, (ds) => ds.length === 0, since, 'cleared diagnostics under the old spelling');
  });
});

describe('btslint lsp: the workspace is read in chunks', () => {
  let root: string;
  let c: LspTestClient;

  before(() => {
    const files: Record<string, string | { copy: string }> = { 'prod.topology.yaml': TOPOLOGY };
    for (let i = 0; i < 150; i++) files[`apps/app${String(i).padStart(3, '0')}/Bindings.xml`] = { copy: FTP_BINDING };
    root = makeWorkspace(files);
    c = new LspTestClient(root);
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers a request sent while the scan runs before the scan ends', async () => {
    await c.initialize();
    await c.waitFor('scanning status', () => c.notifications.some((n) => n.method === 'btslint/status' && (n.params as { state: string }).state === 'scanning'));
    const order: string[] = [];
    const answered = c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: c.uri('prod.topology.yaml') } }).then(() => order.push('answer'));
    const ready = c.waitForStatus().then((s) => {
      order.push('ready');
      return s;
    });
    const [, status] = await Promise.all([answered, ready]);
    assert.deepEqual(order, ['answer', 'ready']);
    assert.equal(status.files, 151);
  });
});
