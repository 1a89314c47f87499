// The binding reader: ports, locations, transports and the escaped adapter settings, positioned
// exactly in the file through one or two levels of escaping. Small inline bindings first, then the
// fixtures of test/fixtures/bindings (the real corpus files: binding.corpus.test.ts).

import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { readDocument, BtsDocument } from '../../server/src/core/document';
import type { Transport } from '../../server/src/core/readers/binding';
import { findTokens, hasToken } from '../../server/src/core/model/tokens';
import { adapterIn, adapterIs, adapterKeys, handlers, workspaceOf } from '../../server/src/core/model/join';
import { lint } from '../../server/src/core/engine';
import { fixtureFile } from '../helpers/paths';

/** The file text a range covers. */
function at(doc: BtsDocument, r: { start: number; end: number } | undefined): string | undefined {
  return r ? doc.text.slice(r.start, r.end) : undefined;
}

/** Findings the engine itself makes from reader problems (no rule runs). */
function parseErrors(doc: BtsDocument) {
  return lint([doc], { rules: [] }).filter((f) => f.ruleId === 'parse-error');
}

const FTP_DATA =
  '&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"&amp;gt;' +
  '&amp;lt;uri&amp;gt;ftp://ftp.contoso.com:21/in/*.xml&amp;lt;/uri&amp;gt;' +
  '&amp;lt;serverAddress&amp;gt;ftp.contoso.com&amp;lt;/serverAddress&amp;gt;' +
  '&amp;lt;serverPort&amp;gt;21&amp;lt;/serverPort&amp;gt;' +
  '&amp;lt;password&amp;gt;a&amp;amp;amp;b&amp;lt;/password&amp;gt;' +
  '&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;PollingInterval vt="19"&gt;60&lt;/PollingInterval&gt;&lt;/CustomProps&gt;';

const SQL_DATA =
  '&lt;CustomProps&gt;&lt;BindingType vt="8"&gt;sqlBinding&lt;/BindingType&gt;' +
  '&lt;BindingConfiguration vt="8"&gt;&amp;lt;binding name="sqlBinding" pollingStatement="SELECT * FROM Orders WHERE Id &amp;amp;gt; 0" pollingIntervalInSeconds="30" /&amp;gt;&lt;/BindingConfiguration&gt;' +
  '&lt;/CustomProps&gt;';

const BINDING = `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" Version="3.5.1.0">
  <SendPortCollection>
    <SendPort Name="Send.FTP" IsStatic="true" IsTwoWay="false">
      <PrimaryTransport>
        <Address>ftp://ftp.contoso.com:21/in/%MessageID%.xml</Address>
        <TransportType Name="ftp" />
        <TransportTypeData>${FTP_DATA}</TransportTypeData>
        <SendHandler Name="\${SendHostName}"><TransportType Name="ftp" /></SendHandler>
      </PrimaryTransport>
      <SecondaryTransport>
        <Address />
        <SendHandler xsi:nil="true" />
      </SecondaryTransport>
      <Filter>&lt;?xml version="1.0" encoding="utf-16"?&gt;
&lt;Filter&gt;&lt;Group&gt;&lt;Statement Property="BTS.ReceivePortName" Operator="0" Value="In" /&gt;&lt;/Group&gt;&lt;/Filter&gt;</Filter>
    </SendPort>
    <SendPort Name="Send.Dynamic" IsStatic="false" IsTwoWay="false">
      <PrimaryTransport>
        <Address>should-be-ignored</Address>
        <TransportType Name="FILE" />
        <SendHandler Name="BizTalkServerApplication" />
      </PrimaryTransport>
    </SendPort>
    <SendPort Name="Send.Backup" IsStatic="true" IsTwoWay="false">
      <PrimaryTransport>
        <Address>C:\\out\\%MessageID%.xml</Address>
        <TransportType Name="FILE" />
        <SendHandler Name="$(SendHost)" />
      </PrimaryTransport>
      <SecondaryTransport>
        <Address>\\\\backup\\out\\%MessageID%.xml</Address>
        <TransportType Name="File" />
        <SendHandler xsi:nil="true" />
      </SecondaryTransport>
    </SendPort>
  </SendPortCollection>
  <ReceivePortCollection>
    <ReceivePort Name="In" IsTwoWay="false">
      <ReceiveLocations>
        <ReceiveLocation Name="In.SQL">
          <Address>mssql://sql01//Orders?InboundId=1</Address>
          <ReceiveLocationTransportType Name="WCF-SQL" />
          <ReceiveLocationTransportTypeData>${SQL_DATA}</ReceiveLocationTransportTypeData>
          <Enable>true</Enable>
          <ReceiveHandler Name="ReceiveHost_Clustered"><TransportType Name="WCF-SQL" /></ReceiveHandler>
        </ReceiveLocation>
        <ReceiveLocation Name="In.FTP">
          <Address>ftp://ftp.contoso.com:21/in/*.xml</Address>
          <ReceiveLocationTransportType Name="FTP" />
          <ReceiveLocationTransportTypeData>${FTP_DATA}</ReceiveLocationTransportTypeData>
          <Enable>false</Enable>
          <ReceiveHandler Name="\${ReceiveHostName}" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;

describe('inline binding', () => {
  const doc = readDocument('C:\\work\\Orders.BindingInfo.xml', Buffer.from(BINDING, 'utf8'));
  const b = doc.binding!;

  test('a binding with no parse problem, whatever the escaped Filter declares', () => {
    assert.equal(doc.kind, 'binding');
    assert.equal(doc.encoding, 'utf8');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(parseErrors(doc), []);
  });

  test('send ports, receive ports and locations, with names positioned on their attribute values', () => {
    assert.deepEqual(
      b.sendPorts.map((sp) => [sp.name, sp.isStatic, sp.isTwoWay, at(doc, sp.nameRange)]),
      [
        ['Send.FTP', true, false, 'Send.FTP'],
        ['Send.Dynamic', false, false, 'Send.Dynamic'],
        ['Send.Backup', true, false, 'Send.Backup'],
      ],
    );
    assert.deepEqual(
      b.receivePorts.map((rp) => [rp.name, rp.locations.map((l) => l.name)]),
      [['In', ['In.SQL', 'In.FTP']]],
    );
    assert.deepEqual(
      b.receiveLocations.map((rl) => [rl.name, rl.receivePort, rl.enabled, at(doc, rl.nameRange)]),
      [
        ['In.SQL', 'In', true, 'In.SQL'],
        ['In.FTP', 'In', false, 'In.FTP'],
      ],
    );
  });

  test('transport adapter, address and host values sit exactly where they stand in the file', () => {
    const t = b.sendPorts[0].primary!;
    assert.equal(t.adapter!.value, 'ftp');
    assert.equal(at(doc, t.adapter!.range), 'ftp');
    assert.equal(t.adapter!.range.start, BINDING.indexOf('<TransportType Name="ftp"') + 21);
    assert.equal(t.address!.value, 'ftp://ftp.contoso.com:21/in/%MessageID%.xml');
    assert.equal(t.address!.range.start, BINDING.indexOf('ftp://ftp.contoso.com:21/in/%MessageID%'));
    assert.equal(at(doc, t.address!.range), t.address!.value);
    assert.equal(at(doc, t.host!.range), '${SendHostName}');
  });

  test('an inner element of a double-escaped AdapterConfig (FTP serverAddress) is positioned through &amp;lt;', () => {
    const s = b.sendPorts[0].primary!.settings()!;
    assert.deepEqual(s.errors, []);
    const addr = s.get('serverAddress')!;
    assert.equal(addr.value, 'ftp.contoso.com');
    const marker = '&amp;lt;serverAddress&amp;gt;';
    const expected = BINDING.indexOf(marker) + marker.length;
    assert.deepEqual(addr.range, { start: expected, end: expected + 'ftp.contoso.com'.length });
    assert.equal(at(doc, addr.elementRange), '&amp;lt;serverAddress&amp;gt;ftp.contoso.com&amp;lt;/serverAddress&amp;gt;');
    // The same settings in the receive location are found at the second copy, not the first.
    const rlAddr = b.receiveLocations[1].transport.settings()!.get('SERVERADDRESS')!;
    assert.equal(rlAddr.range.start, BINDING.indexOf(marker, expected) + marker.length);
  });

  test('escaped settings: flat properties, the AdapterConfig itself, entities decoded twice, no xmlns noise', () => {
    const s = b.sendPorts[0].primary!.settings()!;
    assert.deepEqual(
      s.all().map((x) => x.name),
      ['AdapterConfig', 'uri', 'serverAddress', 'serverPort', 'password', 'PollingInterval'],
    );
    assert.equal(s.get('pollinginterval')!.value, '60');
    assert.equal(at(doc, s.get('PollingInterval')!.range), '60');
    assert.equal(s.get('password')!.value, 'a&b');
    assert.equal(at(doc, s.get('password')!.range), 'a&amp;amp;amp;b');
    assert.ok(s.get('AdapterConfig')!.value.startsWith('<Config xmlns:xsi='));
    assert.equal(s.get('xmlns:xsi'), undefined);
    assert.equal(at(doc, s.get('serverPort')!.range), '21');
  });

  test('settings are parsed lazily and once', () => {
    const t = b.sendPorts[0].primary!;
    assert.equal(t.settings(), t.settings());
    assert.equal(b.sendPorts[2].primary!.settings(), undefined); // no TransportTypeData
  });

  test('a WCF-SQL BindingConfiguration attribute (pollingStatement) maps to the file', () => {
    const s = b.receiveLocations[0].transport.settings()!;
    assert.deepEqual(s.errors, []);
    assert.equal(s.get('BindingType')!.value, 'sqlBinding');
    const ps = s.get('pollingStatement')!;
    assert.equal(ps.value, 'SELECT * FROM Orders WHERE Id > 0');
    const start = BINDING.indexOf('pollingStatement="') + 'pollingStatement="'.length;
    assert.equal(ps.range.start, start);
    assert.equal(at(doc, ps.range), 'SELECT * FROM Orders WHERE Id &amp;amp;gt; 0');
    assert.equal(at(doc, ps.elementRange), 'pollingStatement="SELECT * FROM Orders WHERE Id &amp;amp;gt; 0"');
    assert.equal(at(doc, s.get('pollingIntervalInSeconds')!.range), '30');
    assert.equal(s.get('name')!.value, 'sqlBinding');
  });

  test('${Token} and $(Token) host names stay as values, marked by hasToken, with no parse finding', () => {
    const hosts = handlers(workspaceOf([doc])).map((h) => h.hostName);
    assert.deepEqual(hosts, ['${SendHostName}', '$(SendHost)', 'ReceiveHost_Clustered', '${ReceiveHostName}']);
    assert.deepEqual(
      hosts.map((h) => hasToken(h)),
      [true, true, false, true],
    );
    assert.equal(hasToken('$notatoken'), false);
    assert.equal(hasToken('Host_$(Env)_Send'), true);
  });

  test('hasToken says a value holds a token exactly when findTokens finds one (what unresolved-token reports)', () => {
    const long = 'x'.repeat(200);
    const cases = [
      '${A}', '$(A)', '${}', '$()', '${A', '$(A', 'a$', '$$${A}', '$ {A}', `\${${long}}`, `\${${long}x}`, '${A\nB}', '$(A\r\nB)',
      '${A}}', '$((A))', '${A)', 'Host_${Env}_$(Other)', '${ A }', '${\t}', '$($(A))', '$' + '{'.repeat(300),
    ];
    for (const v of cases) assert.equal(hasToken(v), findTokens(v).length > 0, JSON.stringify(v));
    // The edges where the two once differed: a token of more than 200 characters, or across a line.
    assert.equal(hasToken(`\${${long}x}`), false);
    assert.equal(hasToken('${A\nB}'), false);
  });

  test('adapter names match case-insensitively (adapterIs)', () => {
    const send = b.sendPorts[0].primary;
    assert.equal(adapterIs(send, 'FTP'), true);
    assert.equal(adapterIs(send, 'SFTP', 'Ftp'), true);
    assert.equal(adapterIs(send, 'FILE'), false);
    assert.equal(adapterIs(b.receiveLocations[0].transport, 'wcf-sql'), true);
    assert.equal(adapterIs(b.sendPorts[2].secondary, 'FILE'), true);
    assert.equal(adapterIs(undefined, 'FTP'), false);
    // A rule's list, made once: the same answers.
    const ftp = adapterKeys([' Ftp ', 'SFTP', '']);
    assert.deepEqual([...ftp], ['ftp', 'sftp']);
    assert.equal(adapterIn(send, ftp), true);
    assert.equal(adapterIn(b.receiveLocations[0].transport, ftp), false);
    assert.equal(adapterIn(undefined, ftp), false);
  });

  test('a dynamic send port (IsStatic="false") has no primary transport, whatever it holds', () => {
    const dyn = b.sendPorts[1];
    assert.equal(dyn.isStatic, false);
    assert.equal(dyn.primary, undefined);
    assert.equal(dyn.secondary, undefined);
  });

  test('SecondaryTransport: an empty Address means none; an xsi:nil SendHandler gives no host', () => {
    assert.equal(b.sendPorts[0].secondary, undefined);
    const sec = b.sendPorts[2].secondary as Transport;
    assert.ok(sec);
    assert.equal(sec.address!.value, '\\\\backup\\out\\%MessageID%.xml');
    assert.equal(sec.host, undefined);
    assert.equal(sec.handlerElement, undefined);
    assert.equal(sec.adapter!.value, 'File');
  });
});

describe('adapter falls back to the handler\'s TransportType', () => {
  test('no TransportType beside the handler', () => {
    const doc = readDocument(
      'b.xml',
      '<BindingInfo><SendPortCollection><SendPort Name="S"><PrimaryTransport><Address>x</Address><SendHandler Name="H"><TransportType Name="HTTP"/></SendHandler></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>',
    );
    const t = doc.binding!.sendPorts[0].primary!;
    assert.equal(t.adapter!.value, 'HTTP');
    assert.equal(t.host!.value, 'H');
  });

  test('the adapter key is the name trimmed and lower-cased, what every adapter test compares', () => {
    const doc = readDocument(
      'b.xml',
      '<BindingInfo><SendPortCollection><SendPort Name="S"><PrimaryTransport><TransportType Name=" WCF-NetMsmq "/><SendHandler Name="H"/></PrimaryTransport><SecondaryTransport><Address>x</Address><SendHandler Name="H"/></SecondaryTransport></SendPort></SendPortCollection></BindingInfo>',
    );
    const p = doc.binding!.sendPorts[0];
    assert.equal(p.primary!.adapter!.value, ' WCF-NetMsmq ');
    assert.equal(p.primary!.adapterKey, 'wcf-netmsmq');
    assert.equal(adapterIs(p.primary, 'WCF-NetMsmq'), true);
    assert.equal(p.secondary!.adapter, undefined);
    assert.equal(p.secondary!.adapterKey, '');
    assert.equal(adapterIs(p.secondary, ''), false);
  });
});

describe('malformed bindings', () => {
  test('a broken file yields the model of what could be read plus positioned parse-error findings', () => {
    const text = [
      '<BindingInfo>',
      '  <SendPortCollection>',
      '    <SendPort Name="A" IsStatic="true">',
      '      <PrimaryTransport><Address>x</Address><TransportType Name="FILE"/><SendHandler Name="H1"/></PrimaryTransport>',
      '    </SendPort>',
      '    <SendPort Name="B" IsStatic="true">',
      '      <PrimaryTransport><Address>y</Address><TransportType Name="FILE"/><SendHandler Name="H2"/>',
      '    </SendPort>',
      '  </SendPortCollection>',
      '  <ReceivePortCollection>',
      '    <ReceivePort Name="R"><ReceiveLocations><ReceiveLocation Name="L1"><Address>z</Address>',
      '      <ReceiveLocationTransportType Name="FILE"/><ReceiveHandler Name=H3 />',
    ].join('\r\n');
    const doc = readDocument('broken.xml', Buffer.from(text, 'utf8'));
    assert.equal(doc.kind, 'binding');
    assert.deepEqual(
      doc.binding!.sendPorts.map((sp) => [sp.name, sp.primary?.host?.value]),
      [
        ['A', 'H1'],
        ['B', 'H2'],
      ],
    );
    assert.deepEqual(
      doc.binding!.receiveLocations.map((rl) => [rl.name, rl.transport.adapter?.value, rl.transport.host?.value]),
      [['L1', 'FILE', 'H3']],
    );
    const findings = parseErrors(doc);
    const lines = doc.lines();
    const shown = findings.map((f) => {
      const p = lines.position(f.range.start);
      return `${p.line + 1}:${p.character + 1} ${f.severity} ${f.message}`;
    });
    assert.deepEqual(shown, [
      '1:1 error <BindingInfo> is not closed: the file ends first.',
      '7:7 error <PrimaryTransport> is not closed before </SendPort>.',
      '10:3 error <ReceivePortCollection> is not closed: the file ends first.',
      '11:5 error <ReceivePort> is not closed: the file ends first.',
      '11:27 error <ReceiveLocations> is not closed: the file ends first.',
      '11:45 error <ReceiveLocation> is not closed: the file ends first.',
      '12:66 error The value of attribute "Name" must be quoted.',
    ]);
  });

  test('malformed escaped adapter settings become parse errors inside the element, at their place', () => {
    const text =
      '<BindingInfo><SendPortCollection><SendPort Name="S"><PrimaryTransport><Address>C:\\out</Address><TransportType Name="FILE"/>' +
      '<TransportTypeData>&lt;CustomProps&gt;&lt;FileName vt="8"&gt;%MessageID%.xml&lt;/CustomProps&gt;</TransportTypeData>' +
      '<SendHandler Name="H"/></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>';
    const doc = readDocument('s.xml', text);
    assert.deepEqual(doc.problems, []);
    const s = doc.binding!.sendPorts[0].primary!.settings()!;
    assert.equal(s.get('FileName')!.value, '%MessageID%.xml');
    assert.deepEqual(
      s.errors.map((e) => [e.message, at(doc, e.range)]),
      [['In the escaped adapter settings: <FileName> is not closed before </CustomProps>.', '&lt;FileName']],
    );
    const findings = parseErrors(doc);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start, text.indexOf('&lt;FileName'));
  });

  test('a lookup passes nested settings that cannot hold its name; answers and problems stay as if all were parsed', () => {
    // Two nested documents, both malformed; the second names `queue` only through a character reference.
    const data =
      '&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;uri&amp;gt;a&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;' +
      '&lt;BindingConfiguration vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;&amp;#113;ueue&amp;gt;q1&amp;lt;/Config&amp;gt;&lt;/BindingConfiguration&gt;&lt;/CustomProps&gt;';
    const text =
      '<BindingInfo><SendPortCollection><SendPort Name="S"><PrimaryTransport><Address>C:\\out</Address><TransportType Name="MSMQ"/>' +
      `<TransportTypeData>${data}</TransportTypeData><SendHandler Name="H"/></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>`;
    const expected = [
      ['In the escaped adapter settings: <uri> is not closed before </Config>.', '&amp;lt;uri'],
      ['In the escaped adapter settings: <queue> is not closed before </Config>.', '&amp;lt;&amp;#113;ueue'],
    ];
    const fresh = () => readDocument('s.xml', text).binding!.sendPorts[0].primary!;
    // All at once.
    const whole = fresh().settings()!;
    const doc = readDocument('s.xml', text);
    assert.deepEqual(
      whole.errors.map((e) => [e.message, at(doc, e.range)]),
      expected,
    );
    // A name found in neither, then one held (through a character reference) by the second only: the
    // problems keep their document order.
    const t = fresh();
    const s = t.settings()!;
    assert.equal(s.get('serialProcessing'), undefined);
    assert.equal(s.get('QUEUE')!.value, 'q1');
    assert.deepEqual(
      s.errors.map((e) => [e.message, at(doc, e.range)]),
      expected,
    );
    assert.deepEqual(
      s.all().map((x) => x.name),
      whole.all().map((x) => x.name),
    );
  });

  test('a file with a BindingInfo root and nothing else reads as an empty binding', () => {
    const doc = readDocument('e.xml', '<BindingInfo/>');
    assert.deepEqual(doc.binding, { sendPorts: [], receivePorts: [], receiveLocations: [], orchestrations: [] });
  });

  test('a binding-named file with no root element is still a binding, with a parse error', () => {
    const doc = readDocument('Orders.Binding.xml', '<?xml version="1.0"?>\n<!-- nothing yet -->\n');
    assert.equal(doc.kind, 'binding');
    assert.deepEqual(
      parseErrors(doc).map((f) => f.message),
      ['No root element: the file holds no XML element.'],
    );
  });
});

describe('binding fixtures (test/fixtures/bindings)', () => {
  const read = (name: string) => {
    const p = fixtureFile(`bindings/${name}`);
    return readDocument(p, fs.readFileSync(p));
  };

  test('UTF-16 LE with a BOM, declared utf-16, CRLF: read without a parse problem, at the right places', () => {
    const doc = read('QuotesWcf.BindingInfo.xml');
    assert.equal(doc.encoding, 'utf16le');
    assert.equal(doc.eol, '\r\n');
    assert.deepEqual(parseErrors(doc), []);
    assert.deepEqual(doc.binding!.sendPorts.map((p) => [p.name, p.primary?.adapter?.value, p.primary?.host?.value]), [['QuotesServicePort', 'WCF-BasicHttp', 'BizTalkServerApplication']]);
    assert.equal(doc.binding!.receiveLocations[0].transport.address?.value, 'C:\\Fabrikam\\Quotes\\In\\*.xml');
  });

  test('FTP: serverAddress through double escaping, in the send port and the receive location', () => {
    const doc = read('FtpRelay.BindingInfo.xml');
    assert.deepEqual(parseErrors(doc), []);
    const marker = '&amp;lt;serverAddress&amp;gt;';
    const first = doc.text.indexOf(marker);
    const second = doc.text.indexOf(marker, first + 1);
    assert.ok(first > 0 && second > first);
    const send = doc.binding!.sendPorts[0].primary!.settings()!.get('serverAddress')!;
    const recv = doc.binding!.receiveLocations[0].transport.settings()!.get('serverAddress')!;
    assert.equal(send.value, 'ftp.fabrikam.example');
    assert.deepEqual(send.range, { start: first + marker.length, end: first + marker.length + 20 });
    assert.deepEqual(recv.range, { start: second + marker.length, end: second + marker.length + 20 });
    assert.equal(adapterIs(doc.binding!.sendPorts[0].primary, 'ftp'), true);
  });

  test('UTF-8 with CRLF: MSMQ, ordered delivery', () => {
    const doc = read('OrderedLedger.Bindings.xml');
    assert.equal(doc.encoding, 'utf8');
    assert.equal(doc.eol, '\r\n');
    assert.deepEqual(parseErrors(doc), []);
    assert.deepEqual(doc.binding!.receiveLocations.map((r) => r.transport.adapter?.value), ['MSMQ']);
  });
});
