// Protocol tests of the editor features: hover, definition, document symbols, completion, the
// custom model request, the documentation command and the status notification.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, CompletionItem, CompletionList, DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver/node';
import { docsUrl } from '../../server/src/host/docs';
import { FTP_BINDING, LspTestClient, makeWorkspace, pos, REPO } from './lspClient';

const CONFIG_EXPORT = path.join(REPO, 'examples', 'config', 'BizTalkConfiguration.xml');

const TOPOLOGY = [
  'topology: 1',
  'environment: production',
  'servers:',
  '  - name: BTSAPP01',
  '    roles: [biztalk]',
  'sqlInstances:',
  '  - name: SQLBTS01\\BTS',
  '    databases:',
  '      - name: BizTalkMsgBoxDb',
  'hosts:',
  '  - name: BizTalkServerApplication',
  '    type: in-process',
  '    instances: [BTSAPP01, BTSAPP02]',
  '',
].join('\n');

// A second, small binding whose receive location runs in a host the topology does not declare.
const SMALL_BINDING = `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection />
  <ReceivePortCollection>
    <ReceivePort Name="Orders.In" IsTwoWay="false">
      <ReceiveLocations>
        <ReceiveLocation Name="Orders.In.SFTP">
          <Address>sftp://partner/orders/*.xml</Address>
          <ReceiveHandler Name="ReceiveHost_SFTP" HostTrusted="false">
            <TransportType Name="SFTP" />
          </ReceiveHandler>
          <ReceiveLocationTransportType Name="SFTP" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;

function endOf(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

const markdown = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';
// In the order an editor shows them (sortText, then label).
const items = (r: CompletionItem[] | CompletionList | null) =>
  [...(Array.isArray(r) ? r : r?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
const labels = (r: CompletionItem[] | CompletionList | null) => items(r).map((i) => i.label);

describe('btslint lsp: hover, definition, symbols, completion, model', () => {
  let root: string;
  let c: LspTestClient;
  let bindingUri: string;
  let topoUri: string;
  let exportUri: string;
  let bindingText: string;
  let exportText: string;

  before(async () => {
    root = makeWorkspace({
      'bindings/Bindings.xml': { copy: FTP_BINDING },
      'bindings/Orders.BindingInfo.xml': SMALL_BINDING,
      'config/BizTalkConfiguration.xml': { copy: CONFIG_EXPORT },
      'prod.topology.yaml': TOPOLOGY,
      'node_modules/ignored/Bindings.xml': SMALL_BINDING.replace('ReceiveHost_SFTP', 'NeverSeenHost'),
    });
    c = new LspTestClient(root);
    bindingUri = c.uri('bindings/Bindings.xml');
    topoUri = c.uri('prod.topology.yaml');
    exportUri = c.uri('config/BizTalkConfiguration.xml');
    bindingText = fs.readFileSync(path.join(root, 'bindings/Bindings.xml'), 'utf8');
    exportText = fs.readFileSync(path.join(root, 'config/BizTalkConfiguration.xml'), 'utf8');
    await c.initialize();
    await c.waitForStatus();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports the files it checked in btslint/status, skipping node_modules', async () => {
    const st = await c.waitForStatus();
    assert.equal(st.files, 4);
    assert.ok(st.findings > 0);
    assert.ok(!isNaN(Date.parse(st.at)));
    assert.ok(![...c.diagnostics.keys()].some((u) => u.includes('node_modules')));
  });

  it('hover on a binding\'s ReceiveHandler host shows what the topology says of it', async () => {
    const at = bindingText.indexOf('<ReceiveHandler Name="BizTalkServerApplication"') + '<ReceiveHandler Name="'.length + 3;
    const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: bindingUri }, position: pos(bindingText, '<ReceiveHandler Name="BizTalkServerApplication"', at - bindingText.indexOf('<ReceiveHandler Name="BizTalkServerApplication"')) });
    const md = markdown(h);
    assert.match(md, /\*\*Host BizTalkServerApplication\*\* in the production topology \[prod\.topology\.yaml:11\]\(file:\/\/.*prod\.topology\.yaml#L11\)/);
    assert.match(md, /- type: in-process/);
    assert.match(md, /- clustered: not declared/);
    assert.match(md, /- instances: BTSAPP01, BTSAPP02 \(2\)/);
    assert.equal(h.range?.start.line, pos(bindingText, '<ReceiveHandler Name="BizTalkServerApplication"').line);
  });

  it('hover on a host the topology does not declare says so', async () => {
    const small = c.uri('bindings/Orders.BindingInfo.xml');
    const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: small }, position: pos(SMALL_BINDING, 'ReceiveHost_SFTP', 2) });
    assert.match(markdown(h), /does not declare host \*\*ReceiveHost\\_SFTP\*\*/);
  });

  it('hover on a topology key shows the schema description and the rules that read it', async () => {
    const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: topoUri }, position: pos(TOPOLOGY, 'instances:', 2) });
    const md = markdown(h);
    assert.match(md, /^\*\*instances\*\* \(list\)/);
    assert.match(md, /The servers that run an instance of the host/);
    assert.ok(md.includes(`[host-single-instance](${docsUrl('host-single-instance')})`), md);
    assert.ok(md.includes(`[ftp-sftp-receive-not-clustered](${docsUrl('ftp-sftp-receive-not-clustered')})`), md);
    const env = markdown(await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: topoUri }, position: pos(TOPOLOGY, 'environment:', 1) }));
    assert.match(env, /Allowed: `"production"`, `"staging"`, `"test"`, `"development"`/);
    // A key nested through $ref/allOf (sqlInstances[].name -> #/definitions/sqlInstanceName).
    const name = markdown(await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: topoUri }, position: pos(TOPOLOGY, 'name: SQLBTS01', 1) }));
    assert.match(name, /The instance as BizTalk connects to it/);
  });

  it('hover over a finding shows its message, the rule\'s why and Microsoft\'s words with the source: the "Why it matters" section of its page', async () => {
    const ds = await c.waitForDiagnostics(topoUri, (d) => d.length > 0);
    // A finding alone at its position (many rules report a missing section at `topology:`).
    const d = ds.find((x) => ds.filter((y) => y.range.start.line === x.range.start.line).length === 1 && x.range.start.line > 0)!;
    assert.ok(d, JSON.stringify(ds.map((x) => [x.code, x.range.start])));
    const id = String(d.code);
    const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: topoUri }, position: d.range.start });
    const text = markdown(h);
    assert.ok(text.includes(`([${id}](${docsUrl(id)}))`), text);
    // The page is the one source of truth: its "Why it matters" section, word for word, relative links made absolute.
    const page = fs.readFileSync(path.join(REPO, 'docs', 'rules', `${id}.md`), 'utf8');
    const why = /^## Why it matters\r?\n([\s\S]*?)^## /m.exec(page)![1].trim();
    const quote = why.split('\n').find((l) => l.startsWith('> "'))!;
    assert.ok(quote, `${id}'s page quotes Microsoft`);
    assert.ok(text.includes(quote), text);
    assert.match(text, /> — \[[^\]]+\]\(https:\/\/learn\.microsoft\.com\/en-us\//, 'the source, linked');
    assert.doesNotMatch(text, /\]\((?!https:|file:)/, 'no relative link');
    // The message, as Markdown text (its specials escaped): its opening words up to the first special.
    const opening = String(d.message).split(/[^A-Za-z0-9 ,;']/)[0];
    assert.ok(opening.length >= 8 && text.includes(`**${opening}`), `${opening} in ${text}`);
  });

  it('hover on a topology host name lists the handlers that run in it', async () => {
    const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: topoUri }, position: pos(TOPOLOGY, 'BizTalkServerApplication', 3) });
    assert.match(markdown(h), /runs 1 receive location\(s\) and 1 send port\(s\)/);
    assert.match(markdown(h), /receive location FtpReceiveLocation \(FTP\)/);
  });

  it('hover on a configuration export\'s SQL server shows the topology\'s instance', async () => {
    const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: exportUri }, position: pos(exportText, 'SQLBTS01\\BTS</Server>', 2) });
    assert.match(markdown(h), /\*\*SQL instance SQLBTS01\\\\BTS\*\*/, 'the backslash escaped as Markdown (it renders as one)');
    assert.match(markdown(h), /failover cluster: no/);
    assert.match(markdown(h), /databases declared: BizTalkMsgBoxDb/);
  });

  it('go to definition from a binding host and from an export\'s server lands on the topology entry', async () => {
    const fromBinding = await c.conn.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri: bindingUri }, position: pos(bindingText, 'BizTalkServerApplication', 1) });
    assert.deepEqual(fromBinding, [{ uri: topoUri, range: { start: { line: 10, character: 10 }, end: { line: 10, character: 34 } } }]);
    const fromExport = await c.conn.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri: exportUri }, position: pos(exportText, 'SQLBTS01\\BTS</Server>', 1) });
    assert.deepEqual(fromExport, [{ uri: topoUri, range: { start: { line: 6, character: 10 }, end: { line: 6, character: 22 } } }]);
    const db = await c.conn.sendRequest<Location[]>('textDocument/definition', { textDocument: { uri: exportUri }, position: pos(exportText, 'BizTalkMsgBoxDb</Database>', 1) });
    assert.deepEqual(db, [{ uri: topoUri, range: { start: { line: 8, character: 14 }, end: { line: 8, character: 29 } } }]);
  });

  it('document symbols outline a binding (receive ports > locations, send ports, with adapter and host)', async () => {
    const syms = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: bindingUri } });
    const shape = syms.map((s) => ({ name: s.name, detail: s.detail, children: s.children?.map((k) => `${k.name}: ${k.detail}`) }));
    assert.deepEqual(shape, [
      { name: 'FtpSendPort', detail: 'send port, FTP · host BizTalkServerApplication', children: undefined },
      { name: 'FtpReceivePort', detail: 'receive port, 1 location(s)', children: ['FtpReceiveLocation: FTP · host BizTalkServerApplication'] },
    ]);
    assert.deepEqual(syms[1].selectionRange.start, pos(bindingText, '<ReceivePort Name="FtpReceivePort"', '<ReceivePort Name="'.length));
  });

  it('document symbols outline a topology (sections and named items)', async () => {
    const syms = await c.conn.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: topoUri } });
    assert.deepEqual(syms.map((s) => s.name), ['topology', 'environment', 'servers', 'sqlInstances', 'hosts']);
    const hosts = syms.find((s) => s.name === 'hosts')!;
    assert.equal(hosts.detail, '1 item(s)');
    assert.deepEqual(hosts.children!.map((h) => h.name), ['BizTalkServerApplication']);
    const sql = syms.find((s) => s.name === 'sqlInstances')!.children![0];
    assert.equal(sql.name, 'SQLBTS01\\BTS');
    assert.deepEqual(sql.children!.find((k) => k.name === 'databases')!.children!.map((d) => d.name), ['BizTalkMsgBoxDb']);
  });

  async function completeAt(text: string, position = endOf(text)) {
    c.change(topoUri, { text });
    return (await c.conn.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: topoUri }, position }));
  }

  it('completes keys from the schema, leaving out the keys already written', async () => {
    c.open('prod.topology.yaml');
    const inHost = await completeAt(TOPOLOGY + '  - name: Other\n    ');
    assert.ok(labels(inHost).includes('clustered'));
    assert.ok(labels(inHost).includes('instances'));
    assert.ok(!labels(inHost).includes('name'));
    const clustered = inHost.find((i) => i.label === 'clustered')!;
    assert.equal((clustered.textEdit as { newText: string }).newText, 'clustered: ');
    assert.match((clustered.documentation as MarkupContent).value, /ftp-sftp-receive-not-clustered/);
    const instances = inHost.find((i) => i.label === 'instances')!;
    assert.deepEqual([(instances.textEdit as { newText: string }).newText, instances.insertTextFormat], ['instances: [$1]', 2]);
    const top = await completeAt(TOPOLOGY + 'b');
    assert.deepEqual(labels(top).sort(), ['backup', 'biztalk', 'dr', 'fileShares', 'mqQueueManagers', 'msmqServers', 'nlb', 'policy', 'sharepoint', 'sqlAgentJobs', 'sso']);
    // A mapping key opens its block on the next line, indented; the typed prefix is replaced.
    const biztalk = top.find((i) => i.label === 'biztalk')!;
    assert.deepEqual(biztalk.textEdit, { range: { start: { line: 13, character: 0 }, end: { line: 13, character: 1 } }, newText: 'biztalk:\n  ' });
    const existingHost = await completeAt(TOPOLOGY.replace('    type: in-process\n', '    type: in-process\n    \n'), pos(TOPOLOGY, '    instances:'));
    assert.ok(!labels(existingHost).includes('type'));
    assert.ok(!labels(existingHost).includes('instances'), 'a key written below the cursor is left out too');
  });

  it('completes enum and boolean values', async () => {
    assert.deepEqual(labels(await completeAt(TOPOLOGY + '  - name: Other\n    type: ')), ['in-process', 'isolated']);
    assert.deepEqual(labels(await completeAt(TOPOLOGY + '  - name: Other\n    clustered: ')), ['true', 'false']);
    assert.deepEqual(labels(await completeAt(TOPOLOGY.replace('environment: production', 'environment: '), pos(TOPOLOGY, 'production'))), ['production', 'staging', 'test', 'development']);
  });

  it('completes names the workspace knows: hosts from bindings, servers, databases', async () => {
    const hostNames = items(await completeAt(TOPOLOGY + '  - name: '));
    assert.deepEqual(labels(hostNames).slice(0, 2), ['ReceiveHost_SFTP', 'BizTalkServerApplication']);
    assert.match(hostNames[0].detail!, /not declared yet/);
    const servers = labels(await completeAt(TOPOLOGY + '  - name: Other\n    instances: [BTSAPP01, '));
    assert.ok(servers.includes('BTSAPP02'));
    // Already in the list: not offered again.
    assert.ok(!servers.includes('BTSAPP01'));
    const blockItem = labels(await completeAt(TOPOLOGY + '  - name: Other\n    instances:\n      - '));
    assert.ok(blockItem.includes('BTSAPP02'));
    const dbs = labels(await completeAt(TOPOLOGY.replace('      - name: BizTalkMsgBoxDb\n', '      - name: BizTalkMsgBoxDb\n      - name: '), { line: 9, character: 14 }));
    assert.ok(dbs.includes('BizTalkMgmtDb'));
    assert.ok(dbs.includes('BizTalkDTADb'));
    const sqlNames = labels(await completeAt(TOPOLOGY.replace('hosts:', '  - name: \nhosts:'), { line: 9, character: 10 }));
    assert.ok(sqlNames.includes('SQLBTS02'), sqlNames.join(','));
    c.change(topoUri, { text: TOPOLOGY });
  });

  it('answers btslint/model with what btslint read from the file', async () => {
    const m = await c.conn.sendRequest<{ kind: string; sendPorts: { name: string; host: string }[]; receiveLocations: { name: string; adapter: string }[] }>('btslint/model', { uri: bindingUri });
    assert.equal(m.kind, 'binding');
    assert.deepEqual(m.sendPorts.map((s) => [s.name, s.host]), [['FtpSendPort', 'BizTalkServerApplication']]);
    assert.deepEqual(m.receiveLocations.map((r) => [r.name, r.adapter]), [['FtpReceiveLocation', 'FTP']]);
    assert.equal(await c.conn.sendRequest('btslint/model', { uri: c.uri('nothing-here.xml') }), null);
  });

  it('answers btslint/platform with the picture of the last check, each element pointing at its declaration', async () => {
    await c.waitForStatus();
    const r = await c.conn.sendRequest<{ css: string; html: string; environments: number }>('btslint/platform');
    assert.equal(r.environments, 1);
    assert.match(r.css, /svg\.platform/);
    assert.ok(!/<script|<link|<img|\ssrc=/i.test(r.html), 'no script or external resource');
    const el = (name: string) => {
      const m = new RegExp(`<g class="el ([^"]*)" data-id="[^"]*" data-name="${name.replace(/\\/g, '\\\\')}" data-uri="([^"]*)" data-line="(\\d+)" data-character="(\\d+)" tabindex="0" role="button"`).exec(r.html);
      assert.ok(m, `${name} drawn with where it is declared`);
      return { cls: m[1], uri: m[2], line: Number(m[3]), character: Number(m[4]) };
    };
    const topoLines = TOPOLOGY.split('\n');
    const host = el('BizTalkServerApplication');
    assert.equal(host.uri, topoUri);
    assert.equal(topoLines[host.line].slice(host.character), 'name: BizTalkServerApplication');
    const sql = el('SQLBTS01\\BTS');
    assert.match(sql.cls, /kind-sql-instance sev-error spof/, 'an unclustered instance holding the MessageBox: an error finding, and a single point of failure');
    // A database the configuration export places is drawn at its declaration in the export.
    assert.equal(el('SSODB').uri, exportUri);
    assert.match(r.html, /<td><strong>SQLBTS01\\BTS<\/strong><\/td><td>SQL instance<\/td><td>not clustered, and holds/);
  });

  it('"Show documentation for <rule>" asks the client to open the rule\'s page', async () => {
    const d = c.diagnostics.get(c.uri('bindings/Orders.BindingInfo.xml'))!.find((x) => x.code === 'handler-host-unknown')!;
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: c.uri('bindings/Orders.BindingInfo.xml') }, range: d.range, context: { diagnostics: [d] } });
    const show = actions.find((a) => a.title === 'Show documentation for handler-host-unknown')!;
    assert.deepEqual(actions.filter((a) => /^Suppress/.test(a.title)).map((a) => a.title), ['Suppress handler-host-unknown with a reason', 'Suppress handler-host-unknown in this file with a reason']);
    await c.conn.sendRequest('workspace/executeCommand', { command: show.command!.command, arguments: show.command!.arguments });
    const shown = await c.waitFor('showDocument', () => c.shownDocuments[0] as { uri: string; external: boolean } | undefined);
    assert.deepEqual(shown, { uri: docsUrl('handler-host-unknown'), external: false, takeFocus: true });
  });
});
