// The fast well-formedness check behind the parse-error pass over escaped adapter settings
// (xml/wellFormed.ts). Its contract is one-sided: `true` only where parseXml reports no problem. The
// differential part mutates realistic settings documents thousands of times (seeded, so a failure
// reproduces) and checks the contract on every one. Also: a transport's settingsErrors() gives exactly
// what its fully parsed settings().errors give, malformed or not; and the named-reference fast path of
// decodeEntities gives what the general decoder gives.

import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeEntities, decodeWithMap, parseXml } from '../../server/src/core/xml/parser';
import { isPlainWellFormed } from '../../server/src/core/xml/wellFormed';
import { readDocument } from '../../server/src/core';
import { mulberry32, mutate as mutateWith } from '../helpers/random';

const FILE_SETTINGS =
  '<CustomProps><UseTempFileOnWrite vt="11">-1</UseTempFileOnWrite><FileName vt="8">%MessageID%.xml</FileName></CustomProps>';
const FTP_SETTINGS =
  '<CustomProps><AdapterConfig vt="8">&lt;Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"&gt;&lt;uri&gt;ftp://ftp1:21/in&lt;/uri&gt;&lt;serverAddress&gt;ftp1&lt;/serverAddress&gt;&lt;/Config&gt;</AdapterConfig></CustomProps>';
const WCF_SETTINGS =
  '<?xml version="1.0" encoding="utf-16"?><CustomProps><BindingConfiguration vt="8">&lt;binding name="sqlBinding" pollingStatement="SELECT 1 WHERE a &amp;lt; b" /&gt;</BindingConfiguration><Identity vt="8" /></CustomProps>';

/** Single characters and fragments a mutation inserts: markup, references, and characters parsers may judge. */
const PIECES = [
  '<', '>', '&', ';', '"', "'", '/', '=', ' ', '!', '?', '-', '[', ']', '#', 'x', 'a', 'Z', '0', ':', '.',
  '\u0000', '\u0001', '\u001f', '\u007f', '\u0085', '\ufeff', '\ud800', '\udfff', '\ufffe', '\uffff', '\r', '\n', '\t', 'é',
  '&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&#65;', '&#x41;', '&#X41;', '&#xZZ;', '&#;', '&bogus;', '&constructor;', '&#1234567890123;',
  '<!--', '-->', '<![CDATA[', ']]>', '<?x?>', '<!DOCTYPE a>', '</a>', '<a>', '<a/>', '<b c="1">', ' c="2"', '</CustomProps>', '<CustomProps>',
];

const mutate = (doc: string, rnd: () => number) => mutateWith(doc, rnd, PIECES);

describe('isPlainWellFormed', () => {
  test('says true for the simple, well-formed settings documents BizTalk writes', () => {
    for (const doc of [FILE_SETTINGS, FTP_SETTINGS, WCF_SETTINGS, '<a/>', '  <a b="1" c=\'2\'>x &#38; &#x26; y</a>\r\n', '<r><c/><c></c></r>']) {
      assert.equal(parseXml(doc).errors.length, 0, doc);
      assert.equal(isPlainWellFormed(doc), true, doc);
    }
  });

  test('says "not sure" (false) for anything outside its simple subset, well formed or not', () => {
    const cases = [
      '', ' ', 'text', '<a>', '<a></b>', '<a><b></a>', '<a/><b/>', '<a/>x', '<a b="1" b="2"/>', '<a b=1/>', '<a b="<"/>', '<a b="1"/',
      '<a>&bogus;</a>', '<a>& </a>', '<a>&#X41;</a>', '<a>&#;</a>', '<a>&constructor;</a>', '<!--c--><a/>', '<a><!--c--></a>', '<a><![CDATA[x]]></a>',
      '<!DOCTYPE a><a/>', '\ufeff<a/>', '<a><?pi?></a>', '<a>< b</a>', '<a b="1"c="2"/>', '<?xml version="1.0"?',
    ];
    for (const doc of cases) assert.equal(isPlainWellFormed(doc), false, JSON.stringify(doc));
  });

  test('finds a duplicate attribute on a tag with many (the names kept in a Set from the 16th on)', () => {
    const tag = (names: string[]) => `<a ${names.map((n) => `${n}="v"`).join(' ')}/>`;
    const many = Array.from({ length: 40 }, (_, k) => `n${k}`);
    assert.equal(isPlainWellFormed(tag(many)), true);
    for (const dup of [['n3', 5], ['n3', 20], ['n20', 30], ['n39', 39]] as [string, number][]) {
      const names = [...many];
      names.splice(dup[1], 0, dup[0]);
      assert.equal(isPlainWellFormed(tag(names)), false, `${dup[0]} again at ${dup[1]}`);
      assert.deepEqual(parseXml(tag(names)).errors.map((e) => e.code), ['duplicate-attribute']);
    }
  });

  test('reports the direct children of the root, with their content, to the nested check', () => {
    const seen: string[] = [];
    const ok = isPlainWellFormed(FTP_SETTINGS, (ns, ne, cs, ce, hasElements) => {
      seen.push(`${FTP_SETTINGS.slice(ns, ne)}:${hasElements}:${FTP_SETTINGS.slice(cs, ce).slice(0, 12)}`);
      return true;
    });
    assert.equal(ok, true);
    assert.deepEqual(seen, ['AdapterConfig:false:&lt;Config x']);
    assert.equal(isPlainWellFormed(FTP_SETTINGS, () => false), false);
  });

  test('differential: whenever it says true, parseXml reports no problem (20,000 seeded mutations)', () => {
    const rnd = mulberry32(20261201);
    const bases = [FILE_SETTINGS, FTP_SETTINGS, WCF_SETTINGS, '<a b="1">t</a>'];
    let yes = 0;
    let no = 0;
    for (let k = 0; k < 20000; k++) {
      const doc = mutate(bases[k % bases.length], rnd);
      if (isPlainWellFormed(doc)) {
        yes++;
        const errors = parseXml(doc).errors;
        assert.deepEqual(errors, [], `isPlainWellFormed said true, parseXml disagrees on ${JSON.stringify(doc)}`);
      } else no++;
    }
    // Neither answer may be vacuous: the mutations must reach both sides of the contract.
    assert.ok(yes > 1000, `only ${yes} documents were judged well formed`);
    assert.ok(no > 1000, `only ${no} documents were judged not sure`);
  });
});

describe('settingsErrors(): the fast path gives what the full parse gives', () => {
  const binding = (data: string) =>
    `<BindingInfo><SendPortCollection><SendPort Name="S" IsStatic="true"><PrimaryTransport><Address>x</Address>` +
    `<TransportType Name="FTP" /><TransportTypeData>${data}</TransportTypeData><SendHandler Name="H"><TransportType Name="FTP" /></SendHandler>` +
    `</PrimaryTransport></SendPort></SendPortCollection></BindingInfo>`;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  test('on seeded mutations of escaped settings, nested ones included', () => {
    const rnd = mulberry32(6);
    let malformed = 0;
    for (let k = 0; k < 3000; k++) {
      const inner = mutate([FILE_SETTINGS, FTP_SETTINGS, WCF_SETTINGS][k % 3], rnd);
      const text = binding(escape(inner));
      const fast = readDocument('a.BindingInfo.xml', text).binding!.sendPorts[0].primary!;
      const full = readDocument('a.BindingInfo.xml', text).binding!.sendPorts[0].primary!;
      const expected = full.settings()?.errors ?? [];
      if (expected.length) malformed++;
      assert.deepEqual(fast.settingsErrors(), expected, JSON.stringify(inner));
    }
    assert.ok(malformed > 500, `only ${malformed} malformed settings were generated`);
  });

  test('an element without markup, or no settings element, has no settings problem', () => {
    const t = readDocument('a.BindingInfo.xml', binding('plain text')).binding!.sendPorts[0].primary!;
    assert.deepEqual(t.settingsErrors(), []);
    assert.equal(t.settings(), undefined);
  });
});

describe('decodeEntities: the named-reference fast path', () => {
  test('gives what the general decoder gives', () => {
    const rnd = mulberry32(7);
    const alphabet = ['&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&', ';', 'l', 't', 'amp', 'a', ' ', '&amp;lt;', '&lt', '&constructor;', '&toString;', '&#65;', '&#x41;'];
    for (let k = 0; k < 5000; k++) {
      let s = '';
      const len = Math.floor(rnd() * 12);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const text = `<r>${s}</r>`;
      assert.equal(decodeEntities(text, 3, 3 + s.length), decodeWithMap(text, 3, 3 + s.length, null), JSON.stringify(s));
    }
  });

  test('gives what the general decoder gives for any range, references cut at its ends included', () => {
    const rnd = mulberry32(11);
    const alphabet = ['&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&', ';', 'x', '&#65;', '&amp;quot;'];
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const len = 1 + Math.floor(rnd() * 10);
      for (let j = 0; j < len; j++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const a = Math.floor(rnd() * text.length);
      const b = a + Math.floor(rnd() * (text.length - a + 1));
      assert.equal(decodeEntities(text, a, b), decodeWithMap(text, a, b, null), JSON.stringify([text, a, b]));
    }
  });

  test('a reference named after an Object member is not expanded', () => {
    assert.equal(decodeEntities('&constructor; &toString;', 0, 24), '&constructor; &toString;');
    const doc = parseXml('<a>&constructor;</a>');
    assert.deepEqual(
      doc.errors.map((e) => e.code),
      ['unknown-entity'],
    );
  });
});
