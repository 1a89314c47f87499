// Hostile and broken XML, read by the core in process: external entities, entity bombs, 200,000
// levels of nesting through every consumer of the tree, binary content, empty files named like
// bindings, a declared encoding the bytes contradict, and malformed escaped adapter settings. Each
// gives a finding with a position; the rest of the file is still checked where it can be.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { BtsDocument, describeModel, encode, Finding, lint, readDocument } from '../../server/src/core';
import { parseXml, XmlElement } from '../../server/src/core/xml/parser';
import { walk } from '../../server/src/core/xml/dom';
import { readBinding } from '../../server/src/core/readers/binding';
import { readConfigExport } from '../../server/src/core/readers/configExport';
import { rangeProblems } from './fuzzer';
import { billionLaughs, binaryBytes, deepBinding, deepConfigExport, MALFORMED_SETTINGS, NESTING, UTF16_DECLARED_ON_UTF8, xxeBinding } from './hostile';

const NOW = new Date('2026-12-01T00:00:00Z');
const TOPOLOGY = readDocument(
  'prod.topology.yaml',
  'topology: 1\nenvironment: production\nhosts:\n  - name: SendHost\n    instances: [BTSAPP01, BTSAPP02]\n  - name: ReceiveHost_FTP\n    clustered: true\n    instances: [BTSAPP01, BTSAPP02]\n',
);

function run(docs: BtsDocument[]): Finding[] {
  const findings = lint([...docs, TOPOLOGY], { now: NOW });
  assert.deepEqual(rangeProblems(findings, [...docs, TOPOLOGY]), [], 'every range lies inside its document');
  assert.deepEqual(findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message), [], 'no rule fails');
  for (const d of docs) JSON.stringify(describeModel(d));
  return findings;
}

const text = (doc: BtsDocument, f: Finding) => doc.text.slice(f.range.start, f.range.end);

/** Depth of the element tree, measured without recursion. */
function depth(root: XmlElement): number {
  let max = 0;
  const stack: [XmlElement, number][] = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of el.children) if (c.kind === 'element') stack.push([c, d + 1]);
  }
  return max;
}

describe('hostile XML', () => {
  it('an external entity is never resolved: the DOCTYPE is reported, the reference stays as written', () => {
    const target = '/etc/passwd';
    const doc = readDocument('Xxe.BindingInfo.xml', Buffer.from(xxeBinding(`file://${target}`)));
    const findings = run([doc]).filter((f) => f.uri === doc.uri);
    const doctype = findings.filter((f) => /DOCTYPE/.test(f.message));
    assert.equal(doctype.length, 1);
    assert.equal(doctype[0].ruleId, 'parse-error');
    assert.match(text(doc, doctype[0]), /^<!DOCTYPE BindingInfo \[[\s\S]*\]>$/);
    // The entity is left unexpanded wherever it is used, and reported where it is used.
    const sp = doc.binding!.sendPorts[0];
    assert.equal(sp.name, 'Leak.&xxe;');
    assert.equal(sp.primary!.address!.value, '&xxe;');
    const refs = findings.filter((f) => /Unknown entity "&xxe;"/.test(f.message));
    assert.equal(refs.length, 3);
    for (const r of refs) assert.equal(text(doc, r), '&xxe;');
    // Nothing of the named file in the model or the findings (the core has no file access at all).
    const everything = JSON.stringify({ model: describeModel(doc), findings });
    assert.ok(!everything.includes('root:x:0:0'), 'the content of /etc/passwd appears');
  });

  it('billion laughs: one DOCTYPE finding and one unknown entity, nothing expanded', () => {
    const doc = readDocument('Lol.BindingInfo.xml', Buffer.from(billionLaughs()));
    const findings = run([doc]).filter((f) => f.uri === doc.uri);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, text(doc, f).slice(0, 12)]),
      [
        ['parse-error', '<!DOCTYPE Bi'],
        ['parse-error', '&lol9;'],
      ],
    );
    assert.equal(doc.text.length, billionLaughs().length, 'the text is the file, not an expansion');
  });

  it(`${NESTING.toLocaleString('en-US')} levels of nesting: parsed without recursion, the ports before them still read`, () => {
    const xml = parseXml(deepBinding());
    assert.deepEqual(xml.errors, []);
    assert.equal(depth(xml.root!), NESTING + 2);
    let visited = 0;
    walk(xml.root!, () => {
      visited++;
    });
    assert.equal(visited, NESTING + 7);
    const doc = readDocument('Deep.BindingInfo.xml', Buffer.from(deepBinding()));
    assert.equal(doc.binding!.sendPorts[0].name, 'Deep.Port');
    const host = run([doc]).filter((f) => f.uri === doc.uri && f.ruleId === 'handler-host-unknown');
    assert.deepEqual(host.map((f) => text(doc, f)), ['DeepHost'], 'the rules ran on the file');
    assert.deepEqual(readBinding(xml).sendPorts.map((p) => p.name), ['Deep.Port']);
  });

  it(`${NESTING.toLocaleString('en-US')} unclosed elements: errors capped, ranges inside, the rest still read`, () => {
    const doc = readDocument('Deep.BindingInfo.xml', Buffer.from(deepBinding(NESTING, false)));
    const errors = run([doc]).filter((f) => f.uri === doc.uri && f.ruleId === 'parse-error');
    assert.ok(errors.length > 0 && errors.length <= 200, `${errors.length} parse errors`);
    assert.equal(doc.binding!.sendPorts[0].name, 'Deep.Port');
  });

  it(`a configuration export ${NESTING.toLocaleString('en-US')} answers deep: every answer checked once`, () => {
    const doc = readDocument('BizTalkConfiguration.xml', Buffer.from(deepConfigExport()));
    assert.equal(doc.configExport!.sso?.backupFile, '\\\\vault\\sso.bak');
    run([doc]);
    // The same depth under one unselected answer: the file is not selected (20,000 levels suffice).
    const unselected = deepConfigExport(20_000).replace('<Answer Selected="Yes">', '<Answer Selected="No">');
    assert.equal(readConfigExport(parseXml(unselected)).sso?.backupFile, undefined);
  });

  it(`escaped adapter settings nested ${NESTING.toLocaleString('en-US')} deep: parsed, errors inside the element`, () => {
    const inner = '&lt;a&gt;'.repeat(NESTING);
    const body = `<BindingInfo><SendPortCollection><SendPort Name="P" IsStatic="true"><PrimaryTransport><TransportType Name="FTP"/><TransportTypeData>${inner}</TransportTypeData><SendHandler Name="SendHost"/></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>`;
    const doc = readDocument('Esc.BindingInfo.xml', Buffer.from(body));
    const data = doc.binding!.sendPorts[0].primary!.dataElement!;
    const errors = run([doc]).filter((f) => /escaped adapter settings/.test(f.message));
    assert.ok(errors.length > 0);
    for (const e of errors) assert.ok(e.range.start >= data.openEnd && e.range.end <= data.closeStart, `${JSON.stringify(e.range)} inside the element`);
  });

  it('a tag with 50,000 attributes, 500,000 bare "&", 50,000 unclosed quotes: read in linear time', () => {
    // Each of these was quadratic once (duplicate-attribute scan, unbounded ";" and quote searches):
    // half a minute or more at these sizes, against a fraction of a second now.
    const attrs = '<BindingInfo ' + Array.from({ length: 50_000 }, (_, k) => `a${k}="v"`).join(' ') + ' a5="dup"/>';
    const a = parseXml(attrs);
    assert.equal(a.root!.attrs.length, 50_001);
    assert.deepEqual(a.errors.map((e) => e.code), ['duplicate-attribute']);
    const amps = parseXml('<BindingInfo>' + '&'.repeat(500_000) + ';</BindingInfo>');
    assert.equal(amps.errors.length, 200, 'errors are capped');
    const quotes = parseXml('<BindingInfo>' + "<a b='x>".repeat(50_000) + '</BindingInfo>');
    assert.ok(quotes.errors.length > 0);
  });

  it('escaped adapter settings with a 100,000-attribute tag: checked in linear time, a duplicate still found', () => {
    // The settings check's duplicate-attribute scan was quadratic: 20,000 attributes took 1.8 s, so a
    // repository of such settings could hold a run for minutes.
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const names = Array.from({ length: 100_000 }, (_, k) => `a${k}="v"`);
    const body = (attrs: string[]) =>
      `<BindingInfo><SendPortCollection><SendPort Name="P" IsStatic="true"><PrimaryTransport><TransportType Name="MSMQ"/><TransportTypeData>` +
      esc(`<CustomProps><AdapterConfig vt="8">${esc(`<Config ${attrs.join(' ')}/>`)}</AdapterConfig></CustomProps>`) +
      `</TransportTypeData><SendHandler Name="SendHost"/></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>`;
    const clean = readDocument('Wide.BindingInfo.xml', Buffer.from(body(names))).binding!.sendPorts[0].primary!;
    assert.deepEqual(clean.settingsErrors(), []);
    assert.equal(clean.settings()!.get('a99999')!.value, 'v');
    const dup = readDocument('Wide.BindingInfo.xml', Buffer.from(body([...names, 'a77777="again"']))).binding!.sendPorts[0].primary!;
    assert.deepEqual(dup.settingsErrors().map((e) => e.message), ['In the escaped adapter settings: Attribute "a77777" is given twice.']);
  });

  it('binary content in a file named like a binding: one finding at the first NUL', () => {
    const bytes = binaryBytes();
    const doc = readDocument('Bindings.xml', bytes);
    assert.equal(doc.kind, 'binding');
    const findings = run([doc]).filter((f) => f.uri === doc.uri);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'parse-error');
    assert.match(findings[0].message, /^Cannot read the file as text: the file holds a NUL byte/);
    assert.equal(findings[0].range.start, doc.text.indexOf('\u0000'));
    assert.equal(findings[0].range.end, findings[0].range.start + 1);
  });

  it('binary content in any other .xml file is not a BizTalk file: no finding', () => {
    const doc = readDocument('image.xml', binaryBytes());
    assert.equal(doc.kind, 'other');
    assert.deepEqual(lint([doc], { now: NOW }), []);
  });

  it('a NUL inside a real binding: reported where it is, and the file still checked', () => {
    const good = Buffer.from(UTF16_DECLARED_ON_UTF8.replace('encoding="utf-16"', 'encoding="utf-8"'));
    const at = good.indexOf('<SendPortCollection>');
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0]), good.subarray(at)]);
    const doc = readDocument('Orders.BindingInfo.xml', bytes);
    const findings = run([doc]).filter((f) => f.uri === doc.uri);
    const nul = findings.find((f) => /NUL byte/.test(f.message))!;
    assert.equal(nul.range.start, doc.text.indexOf('\u0000'));
    assert.ok(findings.some((f) => f.ruleId === 'handler-host-unknown'), 'the rules still ran on the file');
  });

  it('an empty file named like a binding is a parse error at 1:1; an empty other.xml is nothing', () => {
    for (const [name, content] of [
      ['Bindings.xml', new Uint8Array(0)],
      ['Contoso.Orders.BindingInfo.xml', Buffer.from([0xef, 0xbb, 0xbf])],
      ['PortBindingsMaster.xml', Buffer.from([0xff, 0xfe])],
      ['x.BindingInfo.xml', Buffer.from(' \r\n\t\r\n')],
    ] as [string, Uint8Array][]) {
      const doc = readDocument(name, content);
      assert.equal(doc.kind, 'binding', name);
      const findings = run([doc]).filter((f) => f.uri === name);
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.message, f.range.start, f.range.end]),
        [['parse-error', 'The file is empty: a binding file holds a <BindingInfo> element.', 0, 0]],
        name,
      );
    }
    const other = readDocument('other.xml', new Uint8Array(0));
    assert.equal(other.kind, 'other');
    assert.deepEqual(lint([other], { now: NOW }), []);
  });

  it('text that is no XML in a file named like a binding: reported', () => {
    const doc = readDocument('Bindings.xml', Buffer.from('this is not xml\n'));
    const findings = run([doc]).filter((f) => f.uri === doc.uri);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^The file holds no XML/);
  });

  it('encoding="utf-16" declared on UTF-8 bytes: a finding on the declaration, the file still checked', () => {
    const doc = readDocument('Orders.BindingInfo.xml', Buffer.from(UTF16_DECLARED_ON_UTF8));
    assert.equal(doc.encoding, 'utf8');
    const findings = run([doc]).filter((f) => f.uri === doc.uri);
    const enc = findings.filter((f) => /XML declaration says encoding/.test(f.message));
    assert.equal(enc.length, 1);
    assert.equal(enc[0].ruleId, 'parse-error');
    assert.equal(text(doc, enc[0]), 'utf-16');
    assert.match(enc[0].message, /saved as UTF-8.*There is no Unicode byte order mark/);
    const host = findings.find((f) => f.ruleId === 'handler-host-unknown');
    assert.ok(host, 'the send port is still checked against the topology');
    assert.equal(text(doc, host), 'UndeclaredHost');
  });

  it('the declaration agreeing with the bytes is fine; utf-8 declared on UTF-16 is reported too', () => {
    const utf16 = UTF16_DECLARED_ON_UTF8;
    const ok16 = readDocument('a.BindingInfo.xml', encode(utf16, 'utf16le'));
    assert.ok(!run([ok16]).some((f) => /XML declaration says/.test(f.message)));
    const ok8 = readDocument('b.BindingInfo.xml', Buffer.from(utf16.replace('utf-16', 'UTF-8')));
    assert.ok(!run([ok8]).some((f) => /XML declaration says/.test(f.message)));
    const bad = readDocument('c.BindingInfo.xml', encode(utf16.replace('utf-16', 'utf-8'), 'utf16le'));
    const f = run([bad]).filter((x) => /XML declaration says/.test(x.message));
    assert.equal(f.length, 1);
    assert.equal(text(bad, f[0]), 'utf-8');
    assert.match(f[0].message, /saved as UTF-16/);
    // Text from an editor carries no bytes: nothing to compare.
    const fromEditor = readDocument('d.BindingInfo.xml', utf16);
    assert.ok(!run([fromEditor]).some((x) => /XML declaration says/.test(x.message)));
  });

  it('a legacy code page declared on a file with non-ASCII characters is reported', () => {
    const body = UTF16_DECLARED_ON_UTF8.replace('utf-16', 'windows-1252').replace('Orders.Send.FTP', 'Commandes.Envoi.Réception');
    const doc = readDocument('e.BindingInfo.xml', Buffer.from(body));
    const f = run([doc]).filter((x) => /XML declaration says/.test(x.message));
    assert.equal(f.length, 1);
    assert.equal(text(doc, f[0]), 'windows-1252');
    const ascii = readDocument('f.BindingInfo.xml', Buffer.from(UTF16_DECLARED_ON_UTF8.replace('utf-16', 'windows-1252')));
    assert.ok(!run([ascii]).some((x) => /XML declaration says/.test(x.message)), 'pure ASCII reads the same in any code page');
  });

  it('malformed escaped adapter settings: findings inside the element, the next location still read', () => {
    const doc = readDocument('Malformed.BindingInfo.xml', Buffer.from(MALFORMED_SETTINGS));
    const [first, second] = doc.binding!.receiveLocations;
    const data = first.transport.dataElement!;
    const findings = run([doc]).filter((f) => f.uri === doc.uri);
    const inSettings = findings.filter((f) => /^In the escaped adapter settings/.test(f.message));
    assert.ok(inSettings.length >= 2, inSettings.map((f) => f.message).join('\n'));
    for (const f of inSettings) {
      assert.ok(f.range.start >= data.openEnd && f.range.end <= data.closeStart, `${f.message} at ${JSON.stringify(f.range)}, outside the element`);
    }
    // One error is at the unclosed <uri> of the doubly escaped Config, one at <Broken.
    assert.ok(inSettings.some((f) => /<uri> is not closed/.test(f.message) && text(doc, f).startsWith('&amp;lt;uri')), 'the inner error points at &amp;lt;uri');
    assert.ok(inSettings.some((f) => /Broken/.test(f.message) && text(doc, f).startsWith('&lt;Broken')), 'the outer error points at &lt;Broken');
    // The second location is read completely, and the rules reach it.
    assert.equal(second.transport.settings()!.get('uri')!.value, 'ftp://y');
    assert.ok(findings.some((f) => f.ruleId === 'handler-host-unknown' && text(doc, f) === 'ReceiveHost_FTP2'));
  });
});
