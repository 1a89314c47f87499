// readPlainSettings (readers/binding.ts) reads well-formed escaped adapter settings with the settings
// check's scanner instead of parsing them into trees. It must give exactly what the reference reader
// (readSettings) gives: the same settings in the same order, the same values and ranges, the same
// nested settings and the same (empty) problems, for every lookup. Here on seeded mutations of
// realistic settings, with nested documents, attributes, whitespace, character references, CDATA,
// comments and child elements; plainSettings.corpus.test.ts does it on every endpoint of the corpus.

import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readDocument } from '../../server/src/core';
import { assertSameSettings, readings } from '../helpers/settingsReadings';
import * as fs from 'fs';
import * as path from 'path';
import { mulberry32, mutate as mutateWith } from '../helpers/random';
import { repoRoot } from '../helpers/paths';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const binding = (data: string) =>
  `<BindingInfo><SendPortCollection><SendPort Name="S" IsStatic="true"><PrimaryTransport><Address>x</Address>` +
  `<TransportType Name="FTP" /><TransportTypeData>${data}</TransportTypeData><SendHandler Name="H"><TransportType Name="FTP" /></SendHandler>` +
  `</PrimaryTransport></SendPort></SendPortCollection></BindingInfo>`;

const MSMQ = `<CustomProps><AdapterConfig vt="8">${escape('<Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><queue>FORMATNAME:DIRECT=OS:.\\PRIVATE$\\IN</queue><batchSize>1</batchSize><serialProcessing>true</serialProcessing><uri> spaced &amp; value </uri><empty></empty><self/></Config>')}</AdapterConfig><Other vt="8">x</Other></CustomProps>`;
const WCF = `<?xml version="1.0" encoding="utf-16"?><CustomProps><BindingType vt="8">sqlBinding</BindingType><BindingConfiguration vt="8">${escape('<binding name="sqlBinding" xmlns:a="urn:a" pollingStatement="SELECT 1 WHERE a &lt; b &#38; c" useAmbientTransaction=\'false\' />')}</BindingConfiguration><Identity vt="8" /><Blank vt="8">   </Blank></CustomProps>`;
/** Settings as attributes of the nested root (as WCF writes them), quotes of both kinds, references of both levels, self-closing and empty settings. */
const MSMQ_ATTRIBUTES = `<CustomProps><BindingConfiguration vt="8">${escape('<binding name="b" xmlns:a="urn:a" pollingStatement="SELECT 1 WHERE a &lt; b &amp; c" other=\'x > y\' />')}</BindingConfiguration><AdapterConfig vt="8">${escape('<Config> <queue>  q &amp;amp; r  </queue><e></e><s/></Config>')}</AdapterConfig><Self vt="8" /><Blank vt="8">   </Blank></CustomProps>`;
const FILE = '<CustomProps><FileName vt="8">%MessageID%.xml</FileName><Path vt="8">C:\\in &#x41;</Path></CustomProps>';
const NESTED_ELEMENTS = `<CustomProps><AdapterConfig vt="8">${escape('<Config><outer><inner>1</inner>t</outer><uri>u</uri></Config>')}</AdapterConfig></CustomProps>`;

const PIECES = [
  '<', '>', '&', ';', '"', "'", '/', '=', ' ', '\t', '\r\n', 'x', 'é', '\ud83d\ude00', '&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&#65;', '&#x41;', '&#128512;',
  '&amp;lt;', '&amp;#65;', '<!--c-->', '<![CDATA[<a>]]>', '<?pi?>', '</a>', '<a>', '<a/>', '<b c="1">', ' c="2"', '<AdapterConfig vt="8">', '</AdapterConfig>', '&lt;q&gt;v&lt;/q&gt;',
];

const mutate = (doc: string, rnd: () => number) => mutateWith(doc, rnd, PIECES, { minEdits: 0, insert: 0.5 });

describe('readPlainSettings and readEscapedSettings give what readSettings gives', () => {
  test('on the settings BizTalk writes, nested documents with attributes, whitespace and empty settings included', () => {
    for (const data of [MSMQ, WCF, FILE, NESTED_ELEMENTS].map(escape)) {
      const text = binding(data);
      const t = readDocument('a.BindingInfo.xml', text).binding!.sendPorts[0].primary!;
      const r = readings(text, t);
      assert.notEqual(r.plain, null, data);
      assertSameSettings(r.plain ?? undefined, r.reference(), data);
      if (r.escaped !== null) assertSameSettings(r.escaped, r.reference(), `escaped: ${data}`);
    }
    // The escaped reading takes what it can (no character reference, no setting holding elements).
    for (const data of [escape(MSMQ), escape(MSMQ_ATTRIBUTES), `\r\n  ${escape(MSMQ)}  `]) {
      const text = binding(data);
      const t = readDocument('a.BindingInfo.xml', text).binding!.sendPorts[0].primary!;
      const r = readings(text, t);
      assert.notEqual(r.escaped, null, data);
      assertSameSettings(r.escaped ?? undefined, r.reference(), `escaped: ${data}`);
    }
  });

  test('on every endpoint of the bindings in examples/ and test/fixtures/bindings/', () => {
    let plain = 0;
    let escaped = 0;
    for (const dir of ['examples/bindings', 'examples/deployment', 'test/fixtures/bindings']) {
      for (const name of fs.readdirSync(path.join(repoRoot(), dir)).filter((f) => f.endsWith('.xml'))) {
        const file = path.join(repoRoot(), dir, name);
        const doc = readDocument(name, fs.readFileSync(file));
        if (!doc.binding) continue;
        const b = doc.binding;
        for (const t of [...b.sendPorts.flatMap((s) => [s.primary, s.secondary]), ...b.receiveLocations.map((r) => r.transport)]) {
          if (!t?.dataElement) continue;
          const r = readings(doc.text, t);
          if (r.escaped !== null) {
            escaped++;
            assertSameSettings(r.escaped, r.reference(), `escaped: ${dir}/${name} at ${t.dataElement.start}`);
          }
          if (r.plain === null) continue;
          plain++;
          assertSameSettings(r.plain, r.reference(), `${dir}/${name} at ${t.dataElement.start}`);
        }
      }
    }
    assert.ok(plain >= 10, `only ${plain} endpoints were read plain`);
    assert.ok(escaped >= 10, `only ${escaped} endpoints were read escaped`);
  });

  test('through a transport: settings() reads plain settings as the reference does, in a document read with its tree and without', () => {
    const text = binding(escape(MSMQ));
    for (const doc of [readDocument('a.BindingInfo.xml', text), readDocument('a.BindingInfo.xml', text, { shortLived: true })]) {
      const t = doc.binding!.sendPorts[0].primary!;
      assertSameSettings(t.settings(), readings(text, t).reference(), 'settings()');
      assert.equal(t.settings()!.get('queue')!.value, 'FORMATNAME:DIRECT=OS:.\\PRIVATE$\\IN');
      const q = t.settings()!.get('queue')!;
      // The range is in the file: inside the twice-escaped text, at the value.
      assert.equal(text.slice(q.range.start, q.range.end), 'FORMATNAME:DIRECT=OS:.\\PRIVATE$\\IN');
    }
  });

  test('on seeded mutations (escaped once, and written as elements, CDATA and whitespace included)', () => {
    const rnd = mulberry32(20261207);
    let plain = 0;
    let fallback = 0;
    let escaped = 0;
    for (let k = 0; k < 5000; k++) {
      const inner = mutate([MSMQ, WCF, FILE, NESTED_ELEMENTS, MSMQ_ATTRIBUTES][k % 5], rnd);
      // Mostly escaped as BizTalk writes it; sometimes as it stands (elements in the data element), or in CDATA.
      const how = rnd();
      const data = how < 0.8 ? escape(inner) : how < 0.9 ? inner : `<![CDATA[${inner.replace(/]]>/g, '')}]]>`;
      const text = binding(data);
      const t = readDocument('a.BindingInfo.xml', text).binding?.sendPorts[0]?.primary;
      if (!t?.dataElement) continue;
      const r = readings(text, t);
      if (r.escaped !== null) {
        escaped++;
        assertSameSettings(r.escaped, r.reference(), `escaped: ${JSON.stringify(data)}`);
      }
      if (r.plain === null) {
        fallback++;
        continue;
      }
      plain++;
      assertSameSettings(r.plain, r.reference(), JSON.stringify(data));
    }
    // Both sides must be reached: mutations the plain reader takes, and ones it leaves to the parser.
    assert.ok(plain > 1500, `only ${plain} settings were read plain`);
    assert.ok(fallback > 300, `only ${fallback} settings were left to the parser`);
    assert.ok(escaped > 500, `only ${escaped} settings were read escaped`);
  });
});
