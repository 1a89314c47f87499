// Protocol tests of the escaped adapter settings: the hover table, the "Open adapter settings"
// CodeLens, the view with the binding's diagnostics mapped into it (btslint/adapterSettings), the
// write-back (btslint/applyAdapterSettings: escaped as BizTalk writes it, the rest of the file byte
// for byte, nothing for an unchanged view, refused for a malformed or stale one), and folding.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import type { CodeLens, Diagnostic, FoldingRange, Hover, MarkupContent, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { applyTextEdits, editsFor, LspTestClient, makeWorkspace, pos } from './lspClient';
import type { AdapterSettingsResult, ApplyAdapterSettingsResult } from '../../server/src/lsp/protocol';

const FTP_DATA =
  '&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"&amp;gt;' +
  '&amp;lt;uri&amp;gt;ftp://ftp.contoso.com:21/out/%MessageID%.xml&amp;lt;/uri&amp;gt;' +
  '&amp;lt;serverAddress&amp;gt;ftp.contoso.com&amp;lt;/serverAddress&amp;gt;' +
  '&amp;lt;serverPort&amp;gt;21&amp;lt;/serverPort&amp;gt;' +
  '&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;';

// The receive location's settings are broken (an end tag that does not match): a parse-error finding inside them.
const BROKEN_DATA = '&lt;CustomProps&gt;&lt;FileMask vt="8"&gt;*.xml&lt;/FileMask&gt;&lt;BatchSize vt="19"&gt;20&lt;/Batch&gt;&lt;/CustomProps&gt;';

const BINDING = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
  '  <SendPortCollection>',
  '    <SendPort Name="Orders.Out" IsStatic="true" IsTwoWay="false">',
  '      <PrimaryTransport>',
  '        <Address>ftp://ftp.contoso.com:21/out/%MessageID%.xml</Address>',
  '        <TransportType Name="FTP" />',
  `        <TransportTypeData>${FTP_DATA}</TransportTypeData>`,
  '        <SendHandler Name="SendHost" />',
  '      </PrimaryTransport>',
  '    </SendPort>',
  '  </SendPortCollection>',
  '  <ReceivePortCollection>',
  '    <ReceivePort Name="Orders.In">',
  '      <ReceiveLocations>',
  '        <ReceiveLocation Name="Orders.In.File">',
  '          <Address>C:\\in\\*.xml</Address>',
  '          <ReceiveLocationTransportType Name="FILE" />',
  `          <ReceiveLocationTransportTypeData>${BROKEN_DATA}</ReceiveLocationTransportTypeData>`,
  '          <ReceiveHandler Name="RecvHost" />',
  '        </ReceiveLocation>',
  '      </ReceiveLocations>',
  '    </ReceivePort>',
  '  </ReceivePortCollection>',
  '</BindingInfo>',
  '',
].join('\r\n');

const SEND_ID = 'SendPort[Name=Orders.Out]/PrimaryTransport';
const RECV_ID = 'ReceivePort[Name=Orders.In]/ReceiveLocation[Name=Orders.In.File]';

describe('btslint lsp: the escaped adapter settings', () => {
  let root: string;
  let c: LspTestClient;
  let uri: string;
  let init: unknown;

  before(async () => {
    root = makeWorkspace({ 'Orders.BindingInfo.xml': BINDING });
    c = new LspTestClient(root);
    uri = c.uri('Orders.BindingInfo.xml');
    init = await c.initialize();
    await c.waitForStatus();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('the server offers CodeLenses and folding ranges', () => {
    const caps = (init as { capabilities: Record<string, unknown> }).capabilities;
    assert.deepEqual(caps.codeLensProvider, { resolveProvider: false });
    assert.equal(caps.foldingRangeProvider, true);
  });

  it('hover on the escaped settings shows them decoded, as a table, the nested AdapterConfig ones under its name', async () => {
    const h = await c.conn.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: pos(BINDING, 'serverAddress') });
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /^\*\*Adapter settings\*\* of send port "Orders\.Out" \(primary transport\) \(FTP\): 3 setting\(s\)/);
    assert.match(md, /\| setting \| value \|\n\|---\|---\|/);
    assert.match(md, /\| AdapterConfig › uri \| `ftp:\/\/ftp\.contoso\.com:21\/out\/%MessageID%\.xml` \|/);
    assert.match(md, /\| AdapterConfig › serverAddress \| `ftp\.contoso\.com` \|/);
    assert.match(md, /\| AdapterConfig › serverPort \| `21` \|/);
    assert.equal(h.range!.start.line, pos(BINDING, '<TransportTypeData>').line);
    // Outside the escaped text: no settings table.
    const h2 = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos(BINDING, '<Address>ftp') });
    assert.ok(!h2 || !/Adapter settings/.test((h2.contents as MarkupContent).value));
  });

  it('one CodeLens "Open adapter settings" per transport, with the command and its arguments', async () => {
    const lenses = await c.conn.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [pos(BINDING, '<TransportTypeData>').line, 'Open adapter settings (FTP)', 'btslint.openAdapterSettings', [uri, SEND_ID]],
        [pos(BINDING, '<ReceiveLocationTransportTypeData>').line, 'Open adapter settings (FILE)', 'btslint.openAdapterSettings', [uri, RECV_ID]],
      ],
    );
  });

  it('the view: decoded and indented, both levels; the list of blocks with their ranges', async () => {
    const r = await c.conn.sendRequest<AdapterSettingsResult>('btslint/adapterSettings', { uri, id: SEND_ID });
    assert.deepEqual(
      r.blocks.map((b) => [b.id, b.label, b.adapter, b.range.start.line]),
      [
        [SEND_ID, 'send port "Orders.Out" (primary transport)', 'FTP', 7],
        [RECV_ID, 'receive location "Orders.In.File"', 'FILE', 18],
      ],
    );
    assert.equal(
      r.view!.text,
      [
        '<CustomProps>',
        '  <AdapterConfig vt="8">',
        '    <Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        '      <uri>ftp://ftp.contoso.com:21/out/%MessageID%.xml</uri>',
        '      <serverAddress>ftp.contoso.com</serverAddress>',
        '      <serverPort>21</serverPort>',
        '    </Config>',
        '  </AdapterConfig>',
        '</CustomProps>',
        '',
      ].join('\n'),
    );
    assert.deepEqual(r.view!.problems, []);
  });

  it("the binding's diagnostics inside the escaped settings are mapped into the view", async () => {
    const fileDiags = await c.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'parse-error'));
    assert.ok(fileDiags.some((d) => d.code === 'parse-error' && d.range.start.line === pos(BINDING, '<ReceiveLocationTransportTypeData>').line));
    const r = await c.conn.sendRequest<AdapterSettingsResult>('btslint/adapterSettings', { uri, id: RECV_ID });
    const view = r.view!;
    assert.ok(view.problems.length > 0, 'broken settings are shown as they stand');
    const ds = view.diagnostics as Diagnostic[];
    assert.ok(ds.length > 0);
    const d = ds.find((x) => x.code === 'parse-error')!;
    const lines = view.text.split('\n');
    // The view of broken settings is the decoded text as is, one line: the diagnostic stands at the
    // element left open, `<BatchSize`, as in the file at its `&lt;BatchSize`.
    const inFile = fileDiags.find((x) => x.code === 'parse-error')!;
    const fileLine = BINDING.split('\r\n')[inFile.range.start.line];
    assert.equal(fileLine.slice(inFile.range.start.character, inFile.range.start.character + 13), '&lt;BatchSize');
    assert.equal(d.range.start.line, 0);
    assert.equal(lines[0].slice(d.range.start.character, d.range.start.character + 10), '<BatchSize');
    assert.equal(d.message, inFile.message);
  });

  it('saving an unchanged view changes nothing', async () => {
    const r = await c.conn.sendRequest<AdapterSettingsResult>('btslint/adapterSettings', { uri, id: SEND_ID });
    const w = await c.conn.sendRequest<ApplyAdapterSettingsResult>('btslint/applyAdapterSettings', { uri, id: SEND_ID, text: r.view!.text.replace(/\n/g, '\r\n'), baseText: r.view!.text });
    assert.deepEqual(w, { edit: null });
  });

  it('saving an edited view writes it back escaped twice, the rest of the file byte for byte', async () => {
    const r = await c.conn.sendRequest<AdapterSettingsResult>('btslint/adapterSettings', { uri, id: SEND_ID });
    const edited = r.view!.text.replace('<serverPort>21</serverPort>', '<serverPort>2121</serverPort>\n      <passiveMode>True</passiveMode>');
    const w = await c.conn.sendRequest<{ edit: WorkspaceEdit }>('btslint/applyAdapterSettings', { uri, id: SEND_ID, text: edited, baseText: r.view!.text });
    const dc = w.edit.documentChanges as TextDocumentEdit[];
    assert.equal(dc[0].textDocument.uri, uri);
    const out = applyTextEdits(BINDING, editsFor(w.edit, uri));
    assert.equal(out, BINDING.replace('&amp;lt;serverPort&amp;gt;21&amp;lt;/serverPort&amp;gt;', '&amp;lt;serverPort&amp;gt;2121&amp;lt;/serverPort&amp;gt;&amp;lt;passiveMode&amp;gt;True&amp;lt;/passiveMode&amp;gt;'));
    // Applied on disk, the server reads the new settings: the view shows them.
    const since = c.notifications.length;
    c.writeFile('Orders.BindingInfo.xml', out);
    await c.waitForStatus(since);
    const again = await c.conn.sendRequest<AdapterSettingsResult>('btslint/adapterSettings', { uri, id: SEND_ID });
    assert.match(again.view!.text, /<serverPort>2121<\/serverPort>\n {6}<passiveMode>True<\/passiveMode>/);
    // A save of the old view now is refused: the file changed since it was read.
    const stale = await c.conn.sendRequest<{ problems: string[] }>('btslint/applyAdapterSettings', { uri, id: SEND_ID, text: r.view!.text.replace('ftp.contoso.com<', 'x<'), baseText: r.view!.text });
    assert.match(stale.problems[0], /changed in the file since they were opened/);
  });

  it('a view that is not well formed, or settings broken in the file, are refused with the reason', async () => {
    const r = await c.conn.sendRequest<AdapterSettingsResult>('btslint/adapterSettings', { uri, id: SEND_ID });
    const bad = await c.conn.sendRequest<{ problems: string[] }>('btslint/applyAdapterSettings', { uri, id: SEND_ID, text: r.view!.text.replace('</uri>', '</url>'), baseText: r.view!.text });
    assert.ok(bad.problems.length > 0);
    const rb = await c.conn.sendRequest<AdapterSettingsResult>('btslint/adapterSettings', { uri, id: RECV_ID });
    const broken = await c.conn.sendRequest<{ problems: string[] }>('btslint/applyAdapterSettings', { uri, id: RECV_ID, text: rb.view!.text.replace('*.xml', '*.txt'), baseText: rb.view!.text });
    assert.match(broken.problems[0], /not well formed.*fix them in the file first/);
    const none = await c.conn.sendRequest<{ problems: string[] }>('btslint/applyAdapterSettings', { uri, id: 'SendPort[Name=Nope]/PrimaryTransport', text: '<a/>' });
    assert.match(none.problems[0], /no longer has the adapter settings/);
  });

  it('folding ranges: the elements of the binding, their end tags left visible', async () => {
    const f = await c.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const send = pos(BINDING, '<SendPort Name').line;
    assert.ok(f.some((r) => r.startLine === send && r.endLine === pos(BINDING, '</SendPort>').line - 1));
    assert.ok(f.some((r) => r.startLine === 1 && r.endLine === pos(BINDING, '</BindingInfo>').line - 1));
  });
});

describe('btslint lsp: escaped settings written over several lines fold as a region', () => {
  it('folds the escaped block', async () => {
    const text = BINDING.replace(`<TransportTypeData>${FTP_DATA}</TransportTypeData>`, `<TransportTypeData>\r\n          ${FTP_DATA}\r\n        </TransportTypeData>`);
    const root = makeWorkspace({ 'B.BindingInfo.xml': text });
    const c = new LspTestClient(root);
    try {
      await c.initialize();
      await c.waitForStatus();
      const uri = c.uri('B.BindingInfo.xml');
      const f = await c.conn.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      const line = pos(text, '<TransportTypeData>').line;
      assert.ok(f.some((r) => r.kind === 'region' && r.startLine === line && r.endLine === line + 1), JSON.stringify(f));
      // The view of an indented block still saves back to nothing when unchanged.
      const r = await c.conn.sendRequest<AdapterSettingsResult>('btslint/adapterSettings', { uri, id: SEND_ID });
      const w = await c.conn.sendRequest<ApplyAdapterSettingsResult>('btslint/applyAdapterSettings', { uri, id: SEND_ID, text: r.view!.text });
      assert.deepEqual(w, { edit: null });
      const edited = await c.conn.sendRequest<{ edit: WorkspaceEdit }>('btslint/applyAdapterSettings', { uri, id: SEND_ID, text: r.view!.text.replace('>21<', '>22<') });
      assert.equal(applyTextEdits(text, editsFor(edited.edit, uri)), text.replace('&amp;gt;21&amp;lt;', '&amp;gt;22&amp;lt;'));
    } finally {
      await c.shutdown();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

