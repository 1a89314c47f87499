// The settings check on escaped text (xml/escapedWellFormed.ts): it reads a binding file's escaped
// adapter settings without decoding them. Its contract is one-sided: `true` only where the settings, and
// each document nested in them, parse without a problem (readSettings, the reference reader, reports
// none). The differential part mutates escaped settings as they stand in a file, with the spellings
// found there (references of both levels, character references, stray '&' and ';'), and checks the
// contract on every one; it also checks that the answer is the decoded check's (wellFormed.ts) whenever
// no character reference is involved, so the fast path is taken wherever it could be.

import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { escapedSettingsOutline, escapedSettingsWellFormed, OUTLINE_CHILD } from '../../server/src/core/xml/escapedWellFormed';
import { isPlainWellFormed } from '../../server/src/core/xml/wellFormed';
import { decodeEntities, isNameChar, nameRestEnd } from '../../server/src/core/xml/parser';
import { readDocument } from '../../server/src/core';
import { readSettings } from '../../server/src/core/readers/binding';
import { mulberry32, mutate } from '../helpers/random';

const NESTED = new Set(['adapterconfig', 'bindingconfiguration']);
const isNested = (text: string, s: number, e: number) => NESTED.has(text.slice(s, e).toLowerCase());

/** Escapes text content as BizTalk does (`&` `<` `>`). */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const FILE = '<CustomProps><UseTempFileOnWrite vt="11">-1</UseTempFileOnWrite><FileName vt="8">%MessageID%.xml</FileName></CustomProps>';
const FTP = `<CustomProps><AdapterConfig vt="8">${escape('<Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><uri>ftp://ftp1:21/in</uri><serverAddress>ftp1</serverAddress></Config>')}</AdapterConfig></CustomProps>`;
const WCF = `<CustomProps><BindingConfiguration vt="8">${escape('<?xml version="1.0" encoding="utf-16"?><binding name="sqlBinding" pollingStatement="SELECT 1 WHERE a &lt; b AND c = \'x\'"><security mode="None" /></binding>')}</BindingConfiguration><Identity vt="8" /><AdapterConfig vt="8">plain text</AdapterConfig></CustomProps>`;
const SETTINGS = [FILE, FTP, WCF];

/** The check on `raw` as the content of a data element. */
function check(raw: string): boolean {
  const text = `<TransportTypeData>${raw}</TransportTypeData>`;
  return escapedSettingsWellFormed(text, 19, 19 + raw.length, isNested);
}

/** The decoded check the binding reader ran before (and still runs when this one is not sure). */
function decodedCheck(raw: string): boolean {
  const text = decodeEntities(raw, 0, raw.length);
  if (text.indexOf('<') < 0) return true;
  const nested: [number, number, boolean][] = [];
  const ok = isPlainWellFormed(text, (ns, ne, cs, ce, hasElements) => {
    if (isNested(text, ns, ne)) nested.push([cs, ce, hasElements]);
    return true;
  });
  if (!ok) return false;
  for (const [cs, ce, hasElements] of nested) {
    if (hasElements) return false;
    const inner = decodeEntities(text, cs, ce);
    if (inner.indexOf('<') >= 0 && !isPlainWellFormed(inner)) return false;
  }
  return true;
}

/** What the reference reader reports for `raw` in a binding file: the settings' problems. */
function problems(raw: string): string[] {
  const text =
    `<BindingInfo><SendPortCollection><SendPort Name="S"><PrimaryTransport><TransportType Name="FTP" />` +
    `<TransportTypeData>${raw}</TransportTypeData></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>`;
  const doc = readDocument('a.BindingInfo.xml', text);
  const t = doc.binding!.sendPorts[0].primary!;
  return (readSettings(doc.xml!, t.dataElement!)?.errors ?? []).map((e) => e.message);
}

describe('escapedSettingsWellFormed', () => {
  test('says true for the escaped settings BizTalk writes, both levels, indented or not', () => {
    for (const s of SETTINGS) {
      const raw = escape(s);
      assert.deepEqual(problems(raw), [], s);
      assert.equal(check(raw), true, raw);
      assert.equal(check(`\r\n    ${raw}\r\n  `), true, 'indented');
    }
    // Quotes spelled as references, a second-level reference, a self-closing nested setting, a
    // nested setting with no markup, whitespace only, no markup at all.
    for (const raw of [
      '&lt;a b=&quot;1&quot; c=&apos;2&apos;&gt;x &amp;lt; y&lt;/a&gt;',
      '&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config a=&amp;quot;&amp;amp;lt;&amp;quot;&amp;gt;&amp;amp;amp;&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;',
      '&lt;CustomProps&gt;&lt;AdapterConfig vt="8" /&gt;&lt;/CustomProps&gt;',
      '&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;-1&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;',
      '   ',
      'just text &amp;amp; more',
    ]) {
      assert.deepEqual(problems(raw), [], raw);
      assert.equal(check(raw), true, raw);
    }
  });

  test('says "not sure" (false) outside its subset, well formed or not', () => {
    for (const raw of [
      '&#60;a/&#62;', // character references
      '&lt;a&gt;&#65;&lt;/a&gt;',
      '&lt;a&gt;&amp;#65;&lt;/a&gt;',
      '&lt;r&gt;&lt;AdapterConfig&gt;&lt;Config/&gt;&lt;/AdapterConfig&gt;&lt;/r&gt;', // a nested setting holding elements
      '&lt;r&gt;&lt;AdapterConfig&gt;&amp;lt;a&amp;gt;&lt;/AdapterConfig&gt;&lt;/r&gt;', // an unclosed nested document
      '&lt;r&gt;&lt;AdapterConfig&gt;&amp;lt;a/&amp;gt;&amp;lt;b/&amp;gt;&lt;/AdapterConfig&gt;&lt;/r&gt;', // two nested roots
      '&lt;a&gt;', '&lt;a&gt;&lt;/b&gt;', '&lt;a/&gt;&lt;b/&gt;', '&lt;a/&gt;x', '&lt;a b="1" b="2"/&gt;', '&lt;a b=1/&gt;',
      '&lt;a b="&lt;"/&gt;', '&lt;a&gt;&amp;bogus;&lt;/a&gt;', '&lt;a&gt;&amp; &lt;/a&gt;', '&lt;a&gt;& &lt;/a&gt;', '&lt;!--c--&gt;&lt;a/&gt;',
      '&lt;?xml version="1.0"?', 'x &lt;a/&gt;', '&lt;?xml version="1.0"?&gt; text', '&lt;?x?&gt;',
      'just text &amp; more', // well formed (a '&' and no markup), but a first-level '&' must start a reference here
    ]) {
      assert.equal(check(raw), false, raw);
    }
  });

  test('reads names as the parser does: nameRestEnd accepts exactly the units isNameChar accepts', () => {
    for (let c = 0; c <= 0xffff; c++) {
      assert.equal(nameRestEnd(`a${String.fromCharCode(c)}`, 0), isNameChar(c) ? 2 : 1, `unit ${c}`);
    }
    assert.equal(nameRestEnd('<Config.x-y:z_0 a', 1), 15);
  });

  test('recurses on nothing: 100,000 nested elements at either level, and an outline of them', () => {
    const deep = (open: string, close: string, n: number) => open.repeat(n) + close.repeat(n);
    assert.equal(check(deep('&lt;a&gt;', '&lt;/a&gt;', 100000)), true);
    const nested = `&lt;r&gt;&lt;AdapterConfig&gt;${deep('&amp;lt;a&amp;gt;', '&amp;lt;/a&amp;gt;', 100000)}&lt;/AdapterConfig&gt;&lt;/r&gt;`;
    assert.equal(check(nested), true);
    assert.equal(check(nested.replace('&amp;lt;/a&amp;gt;', '')), false); // one end tag short
    const text = `<T>${nested}</T>`;
    const o = escapedSettingsOutline(text, 3, 3 + nested.length, isNested)!;
    assert.equal(o.children.length, OUTLINE_CHILD);
    assert.equal(o.nested[0]!.children.length, OUTLINE_CHILD);
  });

  test('finds a duplicate attribute, on a tag with few or many', () => {
    const tag = (names: string[]) => escape(`<a ${names.map((n) => `${n}="v"`).join(' ')}/>`);
    const many = Array.from({ length: 40 }, (_, k) => `n${k}`);
    assert.equal(check(tag(many)), true);
    assert.equal(check(tag(['x', 'y', 'x'])), false);
    const names = [...many];
    names.splice(30, 0, 'n20');
    assert.equal(check(tag(names)), false);
    assert.notDeepEqual(problems(tag(names)), []);
  });

  test('differential: true only where the reference reader finds no problem, and the decoded check\'s answer without character references (30,000 seeded mutations)', () => {
    const rnd = mulberry32(20261207);
    // Pieces as they stand in a file's escaped text: both levels' references, character references
    // of both levels, quotes raw and escaped, and the characters that make references break.
    const pieces = [
      '&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&amp;lt;', '&amp;gt;', '&amp;amp;', '&amp;quot;', '&amp;apos;', '&amp;amp;lt;',
      '&#60;', '&amp;#60;', '&#x3c;', '&', ';', 'lt;', 'amp;', '"', "'", '>', '/', '=', ' ', '?', '!', 'a', 'Z', '0', ':', '-', '\r\n', 'é',
      '&lt;/', '/&gt;', '&lt;x&gt;', '&lt;/x&gt;', '&amp;lt;/', '/&amp;gt;', '&amp;lt;x&amp;gt;', '&amp;lt;/x&amp;gt;', ' c="2"', ' c=&quot;2&quot;',
      '&lt;AdapterConfig&gt;', '&lt;/AdapterConfig&gt;', '&lt;?x?&gt;', '&amp;lt;?x?&amp;gt;',
    ];
    const bases = SETTINGS.map(escape).concat('&lt;a b="1"&gt;t&lt;/a&gt;', '&lt;?xml version="1.0"?&gt; &lt;a/&gt;');
    let yes = 0;
    let no = 0;
    for (let k = 0; k < 30000; k++) {
      const raw = mutate(bases[k % bases.length], rnd, pieces);
      const answer = check(raw);
      if (answer) {
        yes++;
        assert.deepEqual(problems(raw), [], `said true, the reference reader disagrees on ${JSON.stringify(raw)}`);
      } else no++;
      if (!raw.includes('&#') && !raw.includes('&amp;#')) {
        // Without character references the two checks know the same subset; anything the decoded
        // check accepts but this one does not would only cost time (the caller then decodes).
        const decoded = decodedCheck(raw);
        if (decoded !== answer) assert.ok(answer === false && otherSpelling(raw), `differs from the decoded check (${decoded}) on ${JSON.stringify(raw)}`);
      }
    }
    assert.ok(yes > 1000, `only ${yes} texts were judged well formed`);
    assert.ok(no > 1000, `only ${no} texts were judged not sure`);
  });
});

/**
 * Spellings the escaped check leaves to the decoded one by design: an '&' that does not start one of
 * the five named references at the level it belongs to (`&` alone, `&amp;` or `&amp;amp;` followed by
 * anything but a reference's name), which the decoded check may still accept (a '&' in text with no
 * markup, or inside the XML declaration).
 */
function otherSpelling(raw: string): boolean {
  return /&(?!lt;|gt;|amp;|quot;|apos;)|&amp;(?!lt;|gt;|amp;|quot;|apos;)|&amp;amp;(?!lt;|gt;|amp;|quot;|apos;)/.test(raw);
}
