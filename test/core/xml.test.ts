// The tolerant XML parser: exact offsets for elements, attributes, text and comments; malformed input
// gives positioned errors plus the tree of what could be read, and never throws; deep nesting does not
// overflow the stack. Also the DOM helpers and the embedded (escaped) parse with offsets mapped back.

import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { decodeEntities, decodeWithMap, parseXml, XmlDocument, XmlElement, XmlErrorCode, XmlNode } from '../../server/src/core/xml/parser';
import { attrValue, child, childI, children, contentRange, decodeEmbedded, isJsSpace, isNil, parseEmbedded, path, textOf, walk, withSpace } from '../../server/src/core/xml/dom';
import { mulberry32 } from '../helpers/random';

function el(node: XmlNode | undefined): XmlElement {
  assert.ok(node && node.kind === 'element', 'expected an element');
  return node;
}

/** The errors as [code, the source text they cover]. */
function errs(doc: XmlDocument): [XmlErrorCode, string][] {
  return doc.errors.map((e) => [e.code, doc.text.slice(e.start, e.end)]);
}

describe('well-formed input: exact offsets', () => {
  const text = '<?xml version="1.0"?>\n<root a="1" b=\'x&amp;y\'>\n  <!-- note -->\n  <child>t &lt; u</child>\n  <empty/>\n  <![CDATA[<raw>]]>\n</root>\n';
  const doc = parseXml(text);

  test('no errors; the declaration is a PI, the root is the only top-level element', () => {
    assert.deepEqual(doc.errors, []);
    assert.deepEqual(
      doc.nodes.map((n) => n.kind),
      ['pi', 'element'],
    );
    const pi = doc.nodes[0];
    assert.ok(pi.kind === 'pi');
    assert.deepEqual([pi.target, pi.start, pi.end], ['xml', 0, 21]);
  });

  test('the root element: start, name, open tag end, close tag start, end', () => {
    const root = doc.root!;
    assert.equal(root.name, 'root');
    assert.equal(root.start, 22);
    assert.deepEqual([root.nameStart, root.nameEnd], [23, 27]);
    assert.equal(text.slice(root.start, root.openEnd), '<root a="1" b=\'x&amp;y\'>');
    assert.equal(root.closeStart, text.indexOf('</root>'));
    assert.equal(root.end, text.indexOf('</root>') + 7);
    assert.equal(root.selfClosing, false);
    assert.equal(root.parent, null);
  });

  test('attributes: name range, raw value range inside the quotes, decoded value', () => {
    const [a, b] = doc.root!.attrs;
    assert.deepEqual(a, { name: 'a', value: '1', nameStart: 28, nameEnd: 29, valueStart: 31, valueEnd: 32 });
    assert.deepEqual(b, { name: 'b', value: 'x&y', nameStart: 34, nameEnd: 35, valueStart: 37, valueEnd: 44 });
    assert.equal(text.slice(b.valueStart, b.valueEnd), 'x&amp;y');
  });

  test('children in order: comment, element, element, cdata (whitespace-only text is not a node)', () => {
    assert.deepEqual(
      doc.root!.children.map((c) => c.kind),
      ['comment', 'element', 'element', 'cdata'],
    );
    // withSpace gives it back, in order, as text nodes over the same ranges.
    const all = withSpace(doc, doc.root!);
    assert.deepEqual(
      all.map((c) => c.kind),
      ['text', 'comment', 'text', 'element', 'text', 'element', 'text', 'cdata', 'text'],
    );
    assert.deepEqual(
      all.filter((c) => c.kind === 'text').map((c) => text.slice(c.start, c.end)),
      ['\n  ', '\n  ', '\n  ', '\n  ', '\n'],
    );
  });

  test('a comment: whole range and content range; listed in doc.comments with its parent', () => {
    const c = doc.root!.children[0];
    assert.ok(c.kind === 'comment');
    const at = text.indexOf('<!--');
    assert.deepEqual([c.start, c.end, c.contentStart, c.contentEnd], [at, at + 13, at + 4, at + 10]);
    assert.equal(text.slice(c.contentStart, c.contentEnd), ' note ');
    assert.equal(doc.comments.length, 1);
    assert.equal(doc.comments[0], c);
    assert.equal(c.parent, doc.root);
  });

  test('an element with text: the text node covers the raw text, entities included', () => {
    const ch = el(doc.root!.children[1]);
    assert.equal(ch.name, 'child');
    assert.equal(ch.start, text.indexOf('<child>'));
    assert.equal(ch.openEnd, ch.start + 7);
    assert.equal(ch.closeStart, text.indexOf('</child>'));
    assert.equal(ch.end, ch.closeStart + 8);
    const t = ch.children[0];
    assert.ok(t.kind === 'text');
    assert.equal(text.slice(t.start, t.end), 't &lt; u');
    assert.equal(textOf(doc, ch), 't < u');
    assert.equal(ch.parent, doc.root);
  });

  test('a self-closing element ends after "/>" and has closeStart = end', () => {
    const e = el(doc.root!.children[2]);
    assert.equal(e.selfClosing, true);
    assert.equal(e.start, text.indexOf('<empty/>'));
    assert.equal(e.end, e.start + 8);
    assert.equal(e.openEnd, e.end);
    assert.equal(e.closeStart, e.end);
  });

  test('CDATA: the range inside the markers, kept raw', () => {
    const c = doc.root!.children[3];
    assert.ok(c.kind === 'cdata');
    assert.equal(text.slice(c.start, c.end), '<raw>');
    assert.equal(c.start, text.indexOf('<![CDATA[') + 9);
  });

  test('text of the root concatenates text and CDATA children, not descendants', () => {
    assert.equal(textOf(doc, doc.root), '\n  \n  \n  \n  <raw>\n');
  });

  test('character references, named entities and astral characters decode', () => {
    const d = parseXml('<a v="&#65;&#x42;&#x1F600;&quot;&apos;">&gt;&#233;</a>');
    assert.deepEqual(d.errors, []);
    assert.equal(attrValue(d.root, 'v'), 'AB😀"\'');
    assert.equal(textOf(d, d.root), '>é');
    assert.equal(decodeEntities('x &lt;y&gt; &unknown; & z', 0, 25), 'x <y> &unknown; & z');
  });

  test('whitespace inside tags and end tags, and namespaced names', () => {
    const t = '<ns:a\n  xsi:nil = "true"\r\n\t></ns:a  >';
    const d = parseXml(t);
    assert.deepEqual(d.errors, []);
    const r = d.root!;
    assert.equal(r.name, 'ns:a');
    assert.deepEqual(r.attrs[0], { name: 'xsi:nil', value: 'true', nameStart: 8, nameEnd: 15, valueStart: 19, valueEnd: 23 });
    assert.equal(r.openEnd, 28);
    assert.equal(r.closeStart, 28);
    assert.equal(r.end, t.length);
    assert.equal(isNil(r), true);
  });

  test('a BOM character left at the start of the text is not "text outside the root"', () => {
    const d = parseXml('\ufeff<a/>');
    assert.deepEqual(d.errors, []);
    assert.equal(d.root!.start, 1);
  });
});

describe('whitespace-only text is not a node, and every text helper still sees it', () => {
  // Each element's textOf as it was when whitespace-only text was a node (recorded from that parser):
  // whitespace beside skipped markup (stray end tags, unknown declarations, a DOCTYPE) is kept, the
  // skipped markup itself is not text.
  const cases: [string, [string, string][]][] = [
    ['<a>  </x>  <b/>  </a>', [['a', '      '], ['b', '']]],
    ['<a>\n  </x>\n</y>\t<b> </b></a>', [['a', '\n  \n\t'], ['b', ' ']]],
    ['<a> <!FOO bar> <b/> </a>', [['a', '   '], ['b', '']]],
    ['<a>\n <!DOCTYPE x> \n</a>', [['a', '\n  \n']]],
    ['<a> <![CDATA[ x ]]> <b>  </b> </a>', [['a', '  x   '], ['b', '  ']]],
    ['<a> <b> <c> </a>', [['a', ' '], ['b', ' '], ['c', ' ']]],
    ['<a>  <  b  </a>', [['a', '  <  b  ']]],
    ['<a> <?pi x?> <!-- c --> </a>', [['a', '   ']]],
    ['<a>  </x', [['a', '  ']]],
    ['<a> &amp; <b/> </a>', [['a', ' &  '], ['b', '']]],
    ['<a><b>  </x></b>  </a>', [['a', '  '], ['b', '  ']]],
  ];
  for (const [text, want] of cases) {
    test(JSON.stringify(text), () => {
      const d = parseXml(text);
      const got: [string, string][] = [];
      walk(d.root!, (e) => {
        got.push([e.name, textOf(d, e)]);
      });
      assert.deepEqual(got, want);
      // No text node is whitespace only unless skipped markup stands right before or after it.
      walk(d.root!, (e) => {
        for (const c of e.children) {
          if (c.kind !== 'text' || text.slice(c.start, c.end).trim() !== '') continue;
          assert.ok(text[c.end] === '<' || text.slice(0, c.start).endsWith('>'), `a whitespace node at ${c.start}`);
        }
      });
    });
  }

  test('an element holding only whitespace has no child list of its own, and its text is that whitespace', () => {
    const d = parseXml('<a><b>\n  </b><c></c></a>');
    const [b, c] = children(d.root!);
    assert.equal(b.children.length, 0);
    assert.equal(b.children, c.children, 'one shared empty list');
    assert.equal(textOf(d, b), '\n  ');
    assert.deepEqual(contentRange(d, b), { start: b.closeStart, end: b.closeStart });
  });

  test('parseEmbedded maps escaped text with whitespace between its runs', () => {
    const t = '<d>  <![CDATA[<x/>]]>\n</d>';
    const d = parseXml(t);
    const e = parseEmbedded(d, d.root!)!;
    assert.equal(e.doc.text, '  <x/>\n');
    assert.deepEqual([0, 1, 2, 6, 7].map(e.toOuter), [3, 4, 14, 21, 22]);
  });
});

describe('malformed input: positioned errors and the tree of what could be read', () => {
  test('an unclosed element at the end of the file', () => {
    const d = parseXml('<a><b>text');
    assert.deepEqual(errs(d), [
      ['unclosed-element', '<b'],
      ['unclosed-element', '<a'],
    ]);
    assert.deepEqual(d.errors.map((e) => [e.start, e.end]), [
      [3, 5],
      [0, 2],
    ]);
    const b = el(d.root!.children[0]);
    assert.equal(b.name, 'b');
    assert.equal(textOf(d, b), 'text');
    assert.equal(b.end, 10);
    assert.equal(d.root!.end, 10);
  });

  test('an element left open inside its parent is closed by the parent\'s end tag', () => {
    const d = parseXml('<a><b><c/></a>');
    assert.deepEqual(errs(d), [['unclosed-element', '<b']]);
    const b = el(d.root!.children[0]);
    assert.equal(b.end, 10);
    assert.equal(el(b.children[0]).name, 'c');
    assert.equal(d.root!.end, 14);
  });

  test('a mismatched end tag is reported and skipped', () => {
    const d = parseXml('<a><b x="1"></c></b></a>');
    assert.deepEqual(errs(d), [['mismatched-tag', '</c>']]);
    assert.deepEqual([d.errors[0].start, d.errors[0].end], [12, 16]);
    const b = el(d.root!.children[0]);
    assert.equal(attrValue(b, 'x'), '1');
    assert.equal(b.end, 20);
  });

  test('an end tag with no start tag at all, and an end tag not closed with ">"', () => {
    const d = parseXml('<a></x><b></b</a>');
    assert.deepEqual(errs(d), [
      ['mismatched-tag', '</x>'],
      ['syntax', '</b'],
    ]);
    assert.equal(el(d.root!.children[0]).name, 'b');
    assert.equal(d.root!.end, 17);
  });

  test('an unquoted attribute value is read and reported', () => {
    const d = parseXml('<a x=1 y="2"/>');
    assert.deepEqual(errs(d), [['syntax', 'x=1']]);
    assert.equal(d.errors[0].message, 'The value of attribute "x" must be quoted.');
    assert.deepEqual(
      d.root!.attrs.map((a) => [a.name, a.value]),
      [
        ['x', '1'],
        ['y', '2'],
      ],
    );
  });

  test('an attribute value whose quote never closes stops at the next "<"', () => {
    const d = parseXml('<a x="1><b/></a>');
    assert.deepEqual(errs(d), [
      ['syntax', 'x="1>'],
      ['syntax', '<a x="1>'],
    ]);
    assert.equal(attrValue(d.root, 'x'), '1>');
    assert.equal(el(d.root!.children[0]).name, 'b');
  });

  test('an attribute with no value, a duplicate attribute, a stray character in a tag', () => {
    const d = parseXml('<a x y="1" y="2" %/>');
    assert.deepEqual(errs(d), [
      ['syntax', 'x'],
      ['duplicate-attribute', 'y'],
      ['syntax', '%'],
    ]);
    assert.equal(d.errors[1].start, 11);
    assert.deepEqual(
      d.root!.attrs.map((a) => a.name),
      ['x', 'y', 'y'],
    );
    assert.equal(d.root!.selfClosing, true);
  });

  test('single quotes may hold double quotes and the other way round', () => {
    const d = parseXml(`<a x='say "hi"' y="it's"/>`);
    assert.deepEqual(d.errors, []);
    assert.equal(attrValue(d.root, 'x'), 'say "hi"');
    assert.equal(attrValue(d.root, 'y'), "it's");
  });

  test('a stray "<" in text', () => {
    const d = parseXml('<a>1 < 2</a>');
    assert.deepEqual(errs(d), [['syntax', '<']]);
    assert.equal(d.errors[0].start, 5);
    assert.equal(textOf(d, d.root), '1 < 2');
    assert.equal(d.root!.end, 12);
  });

  test('a bare "&" and an unknown entity; AT&T is a bare "&", not an entity named "T &foo"', () => {
    const d = parseXml('<a t="x & y">AT&T &foo; &amp;</a>');
    assert.deepEqual(errs(d), [
      ['syntax', '&'],
      ['syntax', '&'],
      ['unknown-entity', '&foo;'],
    ]);
    assert.deepEqual(
      d.errors.map((e) => e.start),
      [8, 15, 18],
    );
    assert.equal(attrValue(d.root, 't'), 'x & y');
    assert.equal(textOf(d, d.root), 'AT&T &foo; &');
  });

  test('text outside the root element, before and after', () => {
    const d = parseXml('hello <a/> bye\n');
    assert.deepEqual(errs(d), [
      ['text-outside-root', 'hello'],
      ['text-outside-root', 'bye'],
    ]);
    assert.equal(d.root!.name, 'a');
  });

  test('two root elements: the first is the root, the second is reported and kept', () => {
    const d = parseXml('<a/>\n<b><c/></b>');
    assert.deepEqual(errs(d), [['multiple-roots', '<b']]);
    assert.equal(d.root!.name, 'a');
    assert.deepEqual(
      d.nodes.map((n) => (n.kind === 'element' ? n.name : n.kind)),
      ['a', 'b'],
    );
    assert.equal(el(el(d.nodes[1]).children[0]).name, 'c');
  });

  test('a DOCTYPE is reported and skipped, its entities never expanded', () => {
    const t = '<!DOCTYPE a [<!ENTITY x "boom"> <!ENTITY y "&x;&x;">]>\n<a>&y;</a>';
    const d = parseXml(t);
    assert.deepEqual(errs(d), [
      ['doctype', '<!DOCTYPE a [<!ENTITY x "boom"> <!ENTITY y "&x;&x;">]>'],
      ['unknown-entity', '&y;'],
    ]);
    assert.deepEqual(d.doctype, { start: 0, end: t.indexOf('\n') });
    assert.equal(textOf(d, d.root), '&y;');
  });

  test('unclosed comment, CDATA and PI run to the end of the file', () => {
    const a = parseXml('<a><!-- never closed');
    assert.deepEqual(errs(a), [
      ['syntax', '<!--'],
      ['unclosed-element', '<a'],
    ]);
    assert.equal(a.comments[0].end, 20);
    const b = parseXml('<a><![CDATA[ raw');
    assert.deepEqual(errs(b)[0], ['syntax', '<![CDATA[']);
    assert.equal(textOf(b, b.root), ' raw');
    const c = parseXml('<?xml version="1.0"');
    assert.deepEqual(errs(c), [
      ['syntax', '<?'],
      ['no-root', '<'],
    ]);
  });

  test('an unknown markup declaration', () => {
    const d = parseXml('<a><!ELEMENT x></a>');
    assert.deepEqual(errs(d), [['syntax', '<!ELEMENT x>']]);
  });

  test('a start tag cut short by the next tag', () => {
    const d = parseXml('<a><b x="1" <c/></b></a>');
    assert.deepEqual(errs(d), [['syntax', '<b x="1" ']]);
    const b = el(d.root!.children[0]);
    assert.equal(attrValue(b, 'x'), '1');
    assert.equal(el(b.children[0]).name, 'c');
    assert.equal(b.openEnd, 12);
  });

  test('no root at all', () => {
    assert.deepEqual(errs(parseXml('')), [['no-root', '']]);
    assert.deepEqual(errs(parseXml('  <!-- only a comment -->  ')), [['no-root', ' ']]);
    const d = parseXml('</a>');
    assert.deepEqual(errs(d), [
      ['mismatched-tag', '</a>'],
      ['no-root', '<'],
    ]);
    assert.equal(d.root, null);
  });

  test('maxErrors caps the list but the parse goes on', () => {
    const d = parseXml('<a>' + '& '.repeat(50) + '<b/></a>', { maxErrors: 5 });
    assert.equal(d.errors.length, 5);
    assert.equal(el(d.root!.children[1]).name, 'b');
  });

  test('arbitrary garbage never throws and every error range lies inside the text', () => {
    const samples = ['<', '<<', '<a', '<a ', '<a x', '<a x=', '<a x="', "<a x='", '</', '<!', '<!-', '<![CDATA', '<?', '&', '<a>&#xZZ;</a>', '<a>&#99999999;</a>', '<a/></a></a>', '<1a/>', '<a:/>', '<a\u0000/>', '>>>', '<a b="&lt"/>'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = ['<', '>', '/', '"', "'", '=', '&', ';', 'a', 'b', ' ', '!', '-', '?', '[', ']', '\n', '#', 'x'];
    for (let k = 0; k < 500; k++) {
      let s = '';
      const len = Math.floor(rand() * 40);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      samples.push(s);
    }
    for (const s of samples) {
      const d = parseXml(s);
      for (const e of d.errors) {
        assert.ok(e.start >= 0 && e.end >= e.start && e.end <= s.length, `${JSON.stringify(s)}: ${JSON.stringify(e)}`);
      }
      const stack: XmlNode[] = [...d.nodes];
      while (stack.length) {
        const n = stack.pop()!;
        assert.ok(n.start >= 0 && n.end <= s.length && n.start <= n.end, `${JSON.stringify(s)}: node ${n.kind} ${n.start}-${n.end}`);
        if (n.kind === 'element') stack.push(...n.children);
      }
    }
  });
});

describe('deep nesting', () => {
  test('200,000 levels parse without a stack overflow', () => {
    const depth = 200_000;
    const text = '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth);
    const d = parseXml(text);
    assert.deepEqual(d.errors, []);
    let n = 0;
    walk(d.root!, () => {
      n++;
    });
    assert.equal(n, depth);
    let deepest = d.root!;
    while (deepest.children[0]?.kind === 'element') deepest = deepest.children[0];
    assert.equal(textOf(d, deepest), 'x');
    assert.equal(deepest.start, 3 * (depth - 1));
  });

  test('200,000 unclosed levels and 200,000 stray end tags: errors capped, no overflow', () => {
    const depth = 200_000;
    const d = parseXml('<a>'.repeat(depth) + '</b>'.repeat(depth));
    assert.equal(d.errors.length, 200);
    assert.equal(d.errors[0].code, 'mismatched-tag');
    assert.equal(d.root!.end, 7 * depth);
  });
});

describe('DOM helpers', () => {
  const doc = parseXml('<R><A n="1"/><b/><A n="2"><C>  hi  </C></A></R>');
  test('child, children, childI, path, attrValue', () => {
    assert.equal(children(doc.root!, 'A').length, 2);
    assert.equal(children(doc.root!).length, 3);
    assert.equal(attrValue(child(doc.root, 'A'), 'n'), '1');
    assert.equal(child(doc.root, 'a'), undefined);
    assert.equal(childI(doc.root, 'a')?.name, 'A');
    assert.equal(childI(doc.root, 'B')?.name, 'b');
    assert.equal(path(doc.root, 'A', 'C'), undefined); // the first A has no C
    assert.equal(child(undefined, 'A'), undefined);
    assert.equal(attrValue(undefined, 'n'), undefined);
  });

  test('contentRange is trimmed; a self-closing element gives its whole range', () => {
    const c = children(doc.root!, 'A')[1].children[0];
    const r = contentRange(doc, el(c));
    assert.equal(doc.text.slice(r.start, r.end), 'hi');
    const b = child(doc.root, 'b')!;
    assert.deepEqual(contentRange(doc, b), { start: b.start, end: b.end });
  });

  test('isNil: absent elements and xsi:nil="true" or "1"', () => {
    const d = parseXml('<r><a xsi:nil="true"/><b xsi:nil="1"/><c xsi:nil="false"/></r>');
    assert.deepEqual(
      children(d.root!).map((e) => isNil(e)),
      [true, true, false],
    );
    assert.equal(isNil(undefined), true);
  });

  test('walk visits in document order and can skip a subtree', () => {
    const names: string[] = [];
    walk(doc.root!, (e) => {
      names.push(e.name);
      return e.name !== 'A' || attrValue(e, 'n') !== '2';
    });
    assert.deepEqual(names, ['R', 'A', 'b', 'A']);
  });
});

describe('parseEmbedded: escaped XML parsed again, offsets mapped back to the file', () => {
  test('decodeEmbedded decodes and maps every unit as decodeWithMap does, on seeded texts of references', () => {
    const rnd = mulberry32(20261207);
    const pieces = ['&lt;', '&gt;', '&amp;', '&quot;', '&apos;', '&#60;', '&#x3C;', '&#128512;', '&', '&l', '&lt', '&bogus;', 'a', 'bc', ' ', '\n', ';', 'lt;', '<'];
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      let body = '&lt;';
      const len = Math.floor(rnd() * 14);
      for (let k = 0; k < len; k++) body += pieces[Math.floor(rnd() * pieces.length)];
      const text = `<d>${body}</d>`;
      const doc = parseXml(text);
      const d = doc.root;
      if (!d || d.children.length !== 1 || d.children[0].kind !== 'text') continue;
      const map: number[] = [];
      const expected = decodeWithMap(text, d.openEnd, d.closeStart, map);
      const got = decodeEmbedded(doc, d)!;
      assert.equal(got.text, expected, body);
      for (let o = 0; o < expected.length; o++) assert.equal(got.toOuter(o), map[o], `${JSON.stringify(body)} at ${o}`);
      checked++;
    }
    assert.ok(checked > 2000, `${checked} texts checked`);
  });

  test('single escaping', () => {
    const text = '<D>&lt;P&gt;&lt;Q a="v"&gt;val&lt;/Q&gt;&lt;/P&gt;</D>';
    const doc = parseXml(text);
    const e = parseEmbedded(doc, doc.root!)!;
    assert.equal(e.doc.text, '<P><Q a="v">val</Q></P>');
    assert.deepEqual(e.doc.errors, []);
    const q = el(e.doc.root!.children[0]);
    const r = contentRange(e.doc, q);
    assert.equal(text.slice(e.toOuter(r.start), e.toOuter(r.end)), 'val');
    assert.equal(text.slice(e.toOuter(q.start), e.toOuter(q.end)), '&lt;Q a="v"&gt;val&lt;/Q&gt;');
    const a = q.attrs[0];
    assert.equal(text.slice(e.toOuter(a.valueStart), e.toOuter(a.valueEnd)), 'v');
  });

  test('double escaping composes through two levels', () => {
    const text = '<D>&lt;P&gt;&lt;C&gt;&amp;lt;Config&amp;gt;&amp;lt;host&amp;gt;ftp1&amp;lt;/host&amp;gt;&amp;lt;/Config&amp;gt;&lt;/C&gt;&lt;/P&gt;</D>';
    const doc = parseXml(text);
    const outer = parseEmbedded(doc, doc.root!)!;
    const c = el(outer.doc.root!.children[0]);
    const inner = parseEmbedded(outer.doc, c, outer.toOuter)!;
    assert.equal(inner.doc.text, '<Config><host>ftp1</host></Config>');
    const host = el(inner.doc.root!.children[0]);
    const r = contentRange(inner.doc, host);
    assert.equal(text.slice(inner.toOuter(r.start), inner.toOuter(r.end)), 'ftp1');
    assert.equal(inner.toOuter(r.start), text.indexOf('ftp1'));
    assert.equal(text.slice(inner.toOuter(host.start), inner.toOuter(host.end)), '&amp;lt;host&amp;gt;ftp1&amp;lt;/host&amp;gt;');
  });

  test('CDATA content maps one to one', () => {
    const text = '<D><![CDATA[<P><Q>z</Q></P>]]></D>';
    const doc = parseXml(text);
    const e = parseEmbedded(doc, doc.root!)!;
    const q = el(e.doc.root!.children[0]);
    assert.equal(e.toOuter(q.start), text.indexOf('<Q>'));
  });

  test('an element with no markup in its text is not embedded XML', () => {
    const doc = parseXml('<D>plain &amp; simple</D>');
    assert.equal(parseEmbedded(doc, doc.root!), undefined);
  });

  test('errors in the escaped document are positioned in the file', () => {
    const text = '<D>&lt;P&gt;&lt;Q&gt;x&lt;/P&gt;</D>';
    const doc = parseXml(text);
    const e = parseEmbedded(doc, doc.root!)!;
    assert.deepEqual(
      e.doc.errors.map((x) => [x.code, text.slice(e.toOuter(x.start), e.toOuter(x.end))]),
      [['unclosed-element', '&lt;Q']],
    );
  });
});

describe('shortLived: attribute values as views into the text', () => {
  test('the tree is the same, value for value, with and without the option', () => {
    const text = '<a name="Orders.Receive.FILE.1" short="x" esc="a &amp; b &lt; c and more"><b c="a long value of thirty units"/></a>';
    assert.deepEqual(parseXml(text, { shortLived: true }), parseXml(text));
  });
});

describe('isJsSpace', () => {
  test('matches exactly the UTF-16 units that /\\s/ matches', () => {
    for (let c = 0; c <= 0xffff; c++) assert.equal(isJsSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });
});
