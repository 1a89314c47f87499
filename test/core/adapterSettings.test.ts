// The escaped adapter settings made readable and editable (core/adapterSettings.ts): the blocks of a
// binding, the decoded and indented view (both levels of escaping), the way back (escaped as BizTalk
// writes it), and the edit of the file: none for a view saved unchanged, the smallest one otherwise,
// the rest of the file byte for byte. CRLF and UTF-16 files too.

import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { readDocument, encode, BtsDocument } from '../../server/src/core';
import { encodeSettings, escapeText, renderSettings, settingsBlockAt, settingsBlocks, settingsEdit } from '../../server/src/core/adapterSettings';
import { lint } from '../../server/src/core/engine';

const FTP_DATA =
  '&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"&amp;gt;' +
  '&amp;lt;uri&amp;gt;ftp://ftp.contoso.com:21/in/*.xml&amp;lt;/uri&amp;gt;' +
  '&amp;lt;serverAddress&amp;gt;ftp.contoso.com&amp;lt;/serverAddress&amp;gt;' +
  '&amp;lt;password&amp;gt;a&amp;amp;amp;b&amp;lt;/password&amp;gt;' +
  '&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;PollingInterval vt="19"&gt;60&lt;/PollingInterval&gt;&lt;/CustomProps&gt;';

const WCF_DATA =
  '&lt;CustomProps&gt;&lt;BindingType vt="8"&gt;sqlBinding&lt;/BindingType&gt;' +
  '&lt;BindingConfiguration vt="8"&gt;&amp;lt;binding name="sqlBinding" pollingStatement="SELECT 1 WHERE a &amp;amp;lt; 2" useAmbientTransaction="false" /&amp;gt;&lt;/BindingConfiguration&gt;' +
  '&lt;Empty vt="8" /&gt;&lt;/CustomProps&gt;';

function binding(eol = '\n', ftp = FTP_DATA, wcf = WCF_DATA): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<BindingInfo>',
    '  <SendPortCollection>',
    '    <SendPort Name="SP1" IsStatic="true">',
    '      <PrimaryTransport>',
    '        <Address>ftp://ftp.contoso.com/out</Address>',
    '        <TransportType Name="FTP" />',
    `        <TransportTypeData>${ftp}</TransportTypeData>`,
    '        <SendHandler Name="SendHost" />',
    '      </PrimaryTransport>',
    '    </SendPort>',
    '  </SendPortCollection>',
    '  <ReceivePortCollection>',
    '    <ReceivePort Name="RP1">',
    '      <ReceiveLocations>',
    '        <ReceiveLocation Name="RL1">',
    '          <Address>mssql://db/inst/BizTalk</Address>',
    '          <ReceiveLocationTransportType Name="WCF-SQL" />',
    `          <ReceiveLocationTransportTypeData>${wcf}</ReceiveLocationTransportTypeData>`,
    '          <ReceiveHandler Name="RecvHost" />',
    '        </ReceiveLocation>',
    '      </ReceiveLocations>',
    '    </ReceivePort>',
    '  </ReceivePortCollection>',
    '</BindingInfo>',
    '',
  ].join(eol);
}

function doc(text: string | Uint8Array, uri = 'file:///w/b.xml'): BtsDocument {
  return readDocument(uri, text);
}

function apply(text: string, e: { start: number; end: number; newText: string } | null): string {
  return e ? text.slice(0, e.start) + e.newText + text.slice(e.end) : text;
}

describe('settingsBlocks', () => {
  test('one block per transport with escaped settings, in file order, with ids and labels', () => {
    const d = doc(binding());
    const blocks = settingsBlocks(d);
    assert.deepEqual(
      blocks.map((b) => [b.id, b.label, b.adapter]),
      [
        ['SendPort[Name=SP1]/PrimaryTransport', 'send port "SP1" (primary transport)', 'FTP'],
        ['ReceivePort[Name=RP1]/ReceiveLocation[Name=RL1]', 'receive location "RL1"', 'WCF-SQL'],
      ],
    );
    assert.equal(d.text.slice(blocks[0].contentRange.start, blocks[0].contentRange.end), FTP_DATA);
    const inside = d.text.indexOf('serverAddress');
    assert.equal(settingsBlockAt(d, inside)?.id, 'SendPort[Name=SP1]/PrimaryTransport');
    assert.equal(settingsBlockAt(d, d.text.indexOf('<Address>')), undefined);
  });

  test('a transport whose settings hold no markup has no block', () => {
    const d = doc(binding('\n', 'plain text'));
    assert.deepEqual(settingsBlocks(d).map((b) => b.adapter), ['WCF-SQL']);
  });
});

describe('renderSettings', () => {
  test('the FTP AdapterConfig (escaped twice) decoded and indented, values as XML of their level', () => {
    const d = doc(binding());
    const v = renderSettings(d, settingsBlocks(d)[0]);
    assert.deepEqual(v.problems, []);
    assert.equal(
      v.text,
      [
        '<CustomProps>',
        '  <AdapterConfig vt="8">',
        '    <Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        '      <uri>ftp://ftp.contoso.com:21/in/*.xml</uri>',
        '      <serverAddress>ftp.contoso.com</serverAddress>',
        '      <password>a&amp;b</password>',
        '    </Config>',
        '  </AdapterConfig>',
        '  <PollingInterval vt="19">60</PollingInterval>',
        '</CustomProps>',
        '',
      ].join('\n'),
    );
  });

  test('a WCF BindingConfiguration: its attributes kept as written, self-closing elements too', () => {
    const d = doc(binding());
    const v = renderSettings(d, settingsBlocks(d)[1]);
    assert.equal(
      v.text,
      [
        '<CustomProps>',
        '  <BindingType vt="8">sqlBinding</BindingType>',
        '  <BindingConfiguration vt="8">',
        '    <binding name="sqlBinding" pollingStatement="SELECT 1 WHERE a &lt; 2" useAmbientTransaction="false" />',
        '  </BindingConfiguration>',
        '  <Empty vt="8" />',
        '</CustomProps>',
        '',
      ].join('\n'),
    );
  });

  test('file ranges inside the block map to the view, through both levels', () => {
    const d = doc(binding());
    const block = settingsBlocks(d)[0];
    const v = renderSettings(d, block);
    const setting = block.transport.settings()!.get('serverAddress')!;
    const r = v.mapRange(setting.range)!;
    assert.equal(v.text.slice(r.start, r.end), 'ftp.contoso.com');
    const pi = block.transport.settings()!.get('PollingInterval')!;
    const r2 = v.mapRange(pi.range)!;
    assert.equal(v.text.slice(r2.start, r2.end), '60');
    // The '&amp;amp;amp;' of the password stands for one '&' of the view's '&amp;'.
    const pw = block.transport.settings()!.get('password')!;
    const r3 = v.mapRange(pw.range)!;
    assert.equal(v.text.slice(r3.start, r3.end), 'a&amp;b');
    assert.equal(v.fromFile(0), undefined);
  });

  test('broken settings are shown as decoded, unindented, with their problems', () => {
    const broken = FTP_DATA.replace('&lt;/PollingInterval&gt;', '');
    const d = doc(binding('\n', broken));
    const v = renderSettings(d, settingsBlocks(d)[0]);
    assert.ok(v.problems.length > 0);
    assert.ok(v.text.startsWith('<CustomProps><AdapterConfig vt="8">&lt;Config'));
    const r = settingsEdit(d, settingsBlocks(d)[0], v.text.replace('60', '61'));
    assert.ok('problems' in r && /not well formed/.test(r.problems[0]));
  });

  test('nesting 5,000 levels deep renders without recursion', () => {
    const deep = '&lt;CustomProps&gt;' + '&lt;a&gt;'.repeat(5000) + 'x' + '&lt;/a&gt;'.repeat(5000) + '&lt;/CustomProps&gt;';
    const d = doc(binding('\n', deep));
    const block = settingsBlocks(d)[0];
    const v = renderSettings(d, block);
    assert.deepEqual(v.problems, []);
    const r = encodeSettings(v.text);
    assert.ok('text' in r && r.text === deep);
  });
});

describe('encodeSettings and settingsEdit', () => {
  test('render then encode gives the escaped text back, both levels', () => {
    for (const d of [doc(binding()), doc(binding('\r\n'))]) {
      for (const b of settingsBlocks(d)) {
        const r = encodeSettings(renderSettings(d, b).text);
        assert.ok('text' in r);
        assert.equal(r.text, d.text.slice(b.contentRange.start, b.contentRange.end));
      }
    }
  });

  test('a view saved unchanged makes no edit, whatever line breaks the editor gave it', () => {
    const d = doc(binding('\r\n'));
    for (const b of settingsBlocks(d)) {
      const v = renderSettings(d, b).text;
      assert.deepEqual(settingsEdit(d, b, v), { edit: null });
      assert.deepEqual(settingsEdit(d, b, v.replace(/\n/g, '\r\n')), { edit: null });
    }
  });

  test('a view saved unchanged makes no edit even when the block is not written as BizTalk writes it', () => {
    // Indented escaped settings and a character reference: not what encodeSettings produces.
    const odd = '\n          &lt;CustomProps&gt;\n  &lt;A vt="8"&gt;x&#38;amp;y&lt;/A&gt;&lt;/CustomProps&gt;\n        ';
    const d = doc(binding('\n', odd));
    const b = settingsBlocks(d)[0];
    assert.deepEqual(settingsEdit(d, b, renderSettings(d, b).text), { edit: null });
  });

  test('editing a value of the double-escaped AdapterConfig changes only that value in the file', () => {
    const text = binding('\r\n');
    const d = doc(text);
    const b = settingsBlocks(d)[0];
    const v = renderSettings(d, b).text.replace('<serverAddress>ftp.contoso.com<', '<serverAddress>ftp2.contoso.com &amp; &lt;b&gt;<');
    const r = settingsEdit(d, b, v);
    assert.ok('edit' in r && r.edit);
    const out = apply(text, r.edit);
    assert.equal(out, text.replace('&amp;lt;serverAddress&amp;gt;ftp.contoso.com', '&amp;lt;serverAddress&amp;gt;ftp2.contoso.com &amp;amp;amp; &amp;amp;lt;b&amp;amp;gt;'));
    // What BizTalk reads back: the setting with its new value.
    const again = doc(out);
    assert.equal(settingsBlocks(again)[0].transport.settings()!.get('serverAddress')!.value, 'ftp2.contoso.com & <b>');
    // The smallest edit: from the first changed character to the last.
    assert.equal(r.edit.newText, '2.contoso.com &amp;amp;amp; &amp;amp;lt;b&amp;amp;gt;');
  });

  test('adding a setting and an element to the BindingConfiguration', () => {
    const text = binding();
    const d = doc(text);
    const b = settingsBlocks(d)[1];
    const v = renderSettings(d, b)
      .text.replace('useAmbientTransaction="false" />', 'useAmbientTransaction="true">\n      <inner a="1"/>\n    </binding>')
      .replace('  <Empty vt="8" />\n', '  <Empty vt="8" />\n  <Added vt="8">1 &lt; 2</Added>\n');
    const r = settingsEdit(d, b, v);
    assert.ok('edit' in r && r.edit);
    const out = apply(text, r.edit);
    const block = doc(out).text.slice(settingsBlocks(doc(out))[1].contentRange.start, settingsBlocks(doc(out))[1].contentRange.end);
    assert.equal(
      block,
      '&lt;CustomProps&gt;&lt;BindingType vt="8"&gt;sqlBinding&lt;/BindingType&gt;' +
        '&lt;BindingConfiguration vt="8"&gt;&amp;lt;binding name="sqlBinding" pollingStatement="SELECT 1 WHERE a &amp;amp;lt; 2" useAmbientTransaction="true"&amp;gt;&amp;lt;inner a="1"/&amp;gt;&amp;lt;/binding&amp;gt;&lt;/BindingConfiguration&gt;' +
        '&lt;Empty vt="8" /&gt;&lt;Added vt="8"&gt;1 &amp;lt; 2&lt;/Added&gt;&lt;/CustomProps&gt;',
    );
    const s = settingsBlocks(doc(out))[1].transport.settings()!;
    assert.equal(s.get('useAmbientTransaction')!.value, 'true');
    assert.equal(s.get('Added')!.value, '1 < 2');
    // Outside the block: byte for byte.
    assert.equal(out.slice(0, b.contentRange.start), text.slice(0, b.contentRange.start));
    assert.equal(out.slice(out.length - (text.length - b.contentRange.end)), text.slice(b.contentRange.end));
  });

  test('a view that is not well formed is refused with its problems', () => {
    const d = doc(binding());
    const b = settingsBlocks(d)[0];
    const r = settingsEdit(d, b, renderSettings(d, b).text.replace('</uri>', '</url>'));
    assert.ok('problems' in r && r.problems.length > 0);
    const r2 = encodeSettings('<CustomProps><AdapterConfig vt="8">text<Config/></AdapterConfig></CustomProps>');
    assert.ok('problems' in r2 && /AdapterConfig/.test(r2.problems[0]));
  });

  test('escapeText escapes what .NET XmlWriter escapes in text, no more', () => {
    assert.equal(escapeText(`a<b>&"'c`), `a&lt;b&gt;&amp;"'c`);
  });

  test('a UTF-16 file with a BOM: edited through the view, written back in UTF-16, the rest byte for byte', () => {
    const text = binding('\r\n');
    const bytes = encode(text, 'utf16le');
    const d = doc(bytes);
    assert.equal(d.encoding, 'utf16le');
    const b = settingsBlocks(d)[0];
    assert.deepEqual(settingsEdit(d, b, renderSettings(d, b).text), { edit: null });
    const r = settingsEdit(d, b, renderSettings(d, b).text.replace('>60<', '>120<'));
    assert.ok('edit' in r && r.edit);
    const outBytes = encode(apply(d.text, r.edit), d.encoding);
    const expected = encode(text.replace('&gt;60&lt;', '&gt;120&lt;'), 'utf16le');
    assert.ok(Buffer.from(outBytes).equals(Buffer.from(expected)));
  });

  test('findings in the escaped settings map into the view', () => {
    const broken = FTP_DATA.replace('&lt;/PollingInterval&gt;', '&lt;/Polling&gt;');
    const d = doc(binding('\n', broken));
    const b = settingsBlocks(d)[0];
    const v = renderSettings(d, b);
    const errs = lint([d], { rules: [] }).filter((f) => f.ruleId === 'parse-error');
    assert.ok(errs.length > 0);
    const mapped = errs.map((f) => v.mapRange(f.range)).filter((r) => r !== undefined);
    assert.ok(mapped.length > 0);
    assert.ok(mapped.some((r) => v.text.slice(r.start, r.end + 10).includes('Polling')));
  });
});
