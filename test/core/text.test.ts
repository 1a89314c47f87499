// Decoding the bytes Windows tools write (BOMs, UTF-16 both ways, CRLF, lone CR), the line index in
// UTF-16 columns, and encode() giving back exactly the bytes that were read.

import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { decode, detectEol, encode, Encoding, indentAt, LineIndex, utf8ByteLength } from '../../server/src/core/text';
import { readDocument } from '../../server/src/core/document';

const BOM8 = [0xef, 0xbb, 0xbf];

function utf16le(s: string, bom = true): Buffer {
  return Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(s, 'utf16le')]);
}

function utf16be(s: string, bom = true): Buffer {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return Buffer.concat([Buffer.from(bom ? [0xfe, 0xff] : []), b]);
}

const SAMPLE = '<?xml version="1.0" encoding="utf-16"?>\r\n<BindingInfo Name="Zürich €">\r\n  <x>😀</x>\r\n</BindingInfo>\r\n';

describe('decode', () => {
  test('UTF-8 without a BOM', () => {
    const d = decode(Buffer.from('<a>é€</a>', 'utf8'));
    assert.deepEqual(d, { text: '<a>é€</a>', encoding: 'utf8' });
  });

  test('UTF-8 with a BOM: the BOM is not part of the text', () => {
    const d = decode(Buffer.concat([Buffer.from(BOM8), Buffer.from('<a>é</a>', 'utf8')]));
    assert.equal(d.encoding, 'utf8bom');
    assert.equal(d.text, '<a>é</a>');
    assert.equal(d.problem, undefined);
  });

  test('UTF-16 LE with a BOM', () => {
    const d = decode(utf16le(SAMPLE));
    assert.equal(d.encoding, 'utf16le');
    assert.equal(d.text, SAMPLE);
    assert.equal(d.problem, undefined);
  });

  test('UTF-16 BE with a BOM', () => {
    const d = decode(utf16be(SAMPLE));
    assert.equal(d.encoding, 'utf16be');
    assert.equal(d.text, SAMPLE);
  });

  test('UTF-16 without a BOM is recognised by the zero bytes of "<?"', () => {
    assert.deepEqual(decode(utf16le(SAMPLE, false)), { text: SAMPLE, encoding: 'utf16le-nobom', problem: undefined });
    assert.deepEqual(decode(utf16be(SAMPLE, false)), { text: SAMPLE, encoding: 'utf16be-nobom', problem: undefined });
  });

  test('a UTF-16 file whose XML declaration says utf-16 reads as a binding', () => {
    const doc = readDocument('x.xml', utf16le(SAMPLE));
    assert.equal(doc.encoding, 'utf16le');
    assert.equal(doc.kind, 'binding');
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.xml!.root!.attrs[0].value, 'Zürich €');
  });

  test('a UTF-8 file whose escaped Filter declares encoding="utf-16" stays UTF-8', () => {
    const text =
      '<?xml version="1.0" encoding="utf-8"?>\n<BindingInfo><SendPortCollection><SendPort Name="Sé">' +
      '<Filter>&lt;?xml version="1.0" encoding="utf-16"?&gt;&lt;Filter /&gt;</Filter></SendPort></SendPortCollection></BindingInfo>\n';
    const bytes = Buffer.from(text, 'utf8');
    const d = decode(bytes);
    assert.equal(d.encoding, 'utf8');
    assert.equal(d.text, text);
    const doc = readDocument('b.xml', bytes);
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.binding!.sendPorts[0].name, 'Sé');
  });

  test('an odd number of UTF-16 bytes is reported and the last byte dropped', () => {
    const bytes = Buffer.concat([utf16le('<a/>'), Buffer.from([0x41])]);
    const d = decode(bytes);
    assert.equal(d.text, '<a/>');
    assert.match(d.problem!, /odd number of bytes/);
  });

  test('NUL bytes in a UTF-8 file are reported (binary)', () => {
    const d = decode(Buffer.from([0x3c, 0x61, 0x00, 0x3e]));
    assert.match(d.problem!, /NUL byte at character 2/);
  });

  test('invalid UTF-8 (a Windows-1252 "é") is reported, not silently replaced', () => {
    const d = decode(Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]));
    assert.match(d.problem!, /not valid UTF-8 \(first bad byte sequence at character 3\)/);
    const doc = readDocument('x.xml', Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]));
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0].message, /^Cannot read the file as text: the file is not valid UTF-8/);
  });

  test('a real U+FFFD written in UTF-8 is valid and not reported', () => {
    const d = decode(Buffer.from('<a>\ufffd</a>', 'utf8'));
    assert.equal(d.problem, undefined);
    assert.equal(d.text, '<a>\ufffd</a>');
  });

  test('empty input', () => {
    assert.deepEqual(decode(new Uint8Array(0)), { text: '', encoding: 'utf8' });
  });

  test('a subarray of a larger buffer decodes only its own bytes', () => {
    const big = Buffer.from('XXXX<a/>YYYY', 'utf8');
    assert.equal(decode(big.subarray(4, 8)).text, '<a/>');
  });
});

// The core decodes with TextDecoder and by hand (no Buffer, so that it runs in a browser): its text
// must be the very one Node's Buffer decoding gives, code unit for code unit.
describe('decode gives the text Buffer gives', () => {
  // Astral characters, a U+FEFF inside the text (kept: only a leading BOM is not text), CR and LF.
  const LONG = '<a>' + 'x'.repeat(8189) + '😀' + 'Zürich € \ufeff\r\n'.repeat(3000) + '</a>';
  for (const [name, text] of [['sample', SAMPLE], ['long', LONG]] as const) {
    test(`${name}: UTF-8, UTF-8 with a BOM, UTF-16 LE and BE with and without a BOM`, () => {
      assert.equal(decode(Buffer.from(text, 'utf8')).text, Buffer.from(text, 'utf8').toString('utf8'));
      assert.equal(decode(Buffer.concat([Buffer.from(BOM8), Buffer.from(text, 'utf8')])).text, text);
      for (const bom of [true, false]) {
        assert.equal(decode(utf16le(text, bom)).text, Buffer.from(text, 'utf16le').toString('utf16le'));
        assert.equal(decode(utf16be(text, bom)).text, text);
      }
    });
  }

  test('an unpaired surrogate in UTF-16 is kept as it is, and written back byte for byte', () => {
    // Decoded by hand (TextDecoder would replace it), in more than one chunk: a pair across the boundary.
    const text = '<a>\ud800 x \udc00' + 'x'.repeat(8184) + '😀' + 'y'.repeat(9000) + '</a>';
    for (const bytes of [utf16le(text), utf16be(text), utf16le(text, false), utf16be(text, false)]) {
      const d = decode(bytes);
      assert.equal(d.text, text);
      assert.ok(Buffer.from(encode(d.text, d.encoding)).equals(bytes), d.encoding);
    }
  });

  test('invalid UTF-8 inside a subarray of a larger buffer is found at its own offset', () => {
    const big = Buffer.concat([Buffer.from('<ok/>'), Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e])]);
    const d = decode(big.subarray(5));
    assert.equal(d.text, '<a>\ufffd</a>');
    assert.match(d.problem!, /first bad byte sequence at character 3/);
  });

  test('encode gives a plain Uint8Array with the bytes Buffer would write', () => {
    const text = 'Zürich 😀 \ud800';
    assert.deepEqual([...encode(text, 'utf8')], [...Buffer.from(text, 'utf8')]);
    assert.deepEqual([...encode(text, 'utf16le-nobom')], [...Buffer.from(text, 'utf16le')]);
  });
});

describe('utf8ByteLength', () => {
  test('counts what Buffer.byteLength counts, lone surrogates included', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', '\ud800', '\udc00', 'a\ud800b', '\udc00\ud800', SAMPLE, '😀'.repeat(1000) + 'é€x']) {
      assert.equal(utf8ByteLength(s), Buffer.byteLength(s, 'utf8'), JSON.stringify(s.slice(0, 20)));
    }
  });

  test('an editor text over the size limit is skipped with its UTF-8 size', () => {
    const text = '<a>' + '€'.repeat(400) + '</a>';
    const doc = readDocument('x.xml', text, { maxFileSize: 1000 });
    assert.equal(doc.problems[0].kind, 'skipped');
    assert.equal(Buffer.byteLength(text, 'utf8'), 1207);
    assert.deepEqual(readDocument('x.xml', text, { maxFileSize: 1207 }).problems, []);
  });
});

describe('encode round-trips the bytes exactly', () => {
  const cases: [string, Buffer][] = [
    ['utf8', Buffer.from(SAMPLE, 'utf8')],
    ['utf8bom', Buffer.concat([Buffer.from(BOM8), Buffer.from(SAMPLE, 'utf8')])],
    ['utf16le', utf16le(SAMPLE)],
    ['utf16be', utf16be(SAMPLE)],
    ['utf16le-nobom', utf16le(SAMPLE, false)],
    ['utf16be-nobom', utf16be(SAMPLE, false)],
  ];
  for (const [encoding, bytes] of cases) {
    test(encoding, () => {
      const d = decode(bytes);
      assert.equal(d.encoding, encoding as Encoding);
      assert.equal(d.text, SAMPLE);
      assert.ok(Buffer.from(encode(d.text, d.encoding)).equals(bytes), `${encoding} bytes differ after the round trip`);
    });
  }

  test('an edit keeps the encoding and the BOM', () => {
    const d = decode(utf16be(SAMPLE));
    const edited = d.text.replace('Zürich', 'Genève');
    assert.ok(Buffer.from(encode(edited, d.encoding)).equals(utf16be(edited)));
  });
});

describe('LineIndex', () => {
  test('lines end at LF, CRLF and a lone CR', () => {
    const text = 'a\nbb\r\nccc\rdddd';
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((l) => li.lineText(l)), ['a', 'bb', 'ccc', 'dddd']);
    assert.deepEqual([0, 1, 2, 3].map((l) => li.lineStart(l)), [0, 2, 6, 10]);
    assert.deepEqual(li.position(text.indexOf('ccc')), { line: 2, character: 0 });
    assert.deepEqual(li.position(text.indexOf('dddd') + 2), { line: 3, character: 2 });
    assert.deepEqual(li.position(1), { line: 0, character: 1 });
  });

  test('CRLF counts as one line break; the text after it is on the next line', () => {
    const li = new LineIndex('<a>\r\n  <b/>\r\n</a>\r\n');
    assert.equal(li.lineCount, 4);
    assert.deepEqual(li.position(7), { line: 1, character: 2 });
    assert.equal(li.lineText(3), '');
  });

  test('columns are UTF-16 code units: an astral character before the target counts 2', () => {
    const text = 'x\n<a n="😀">é<b/></a>';
    const li = new LineIndex(text);
    const b = text.indexOf('<b/>');
    // '<a n="' (6) + '😀' (2 units) + '">' (2) + 'é' (1) = 11
    assert.deepEqual(li.position(b), { line: 1, character: 11 });
    assert.equal(li.offset({ line: 1, character: 11 }), b);
  });

  test('position and offset are inverse for every offset', () => {
    const text = 'ab\r\n😀c\rd\n\ne';
    const li = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = li.position(o);
      // An offset between \r and \n belongs to no column of its own; skip it.
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      assert.equal(li.offset(p), o, `offset ${o} -> ${JSON.stringify(p)}`);
    }
  });

  test('offset clamps a character past the line end to the end of the line, before its terminator', () => {
    const li = new LineIndex('abc\r\ndef\rgh');
    assert.equal(li.offset({ line: 0, character: 99 }), 3);
    assert.equal(li.offset({ line: 1, character: 99 }), 8);
    assert.equal(li.offset({ line: 2, character: 99 }), 11);
    assert.equal(li.offset({ line: 99, character: 0 }), 11);
    assert.equal(li.offset({ line: -1, character: 5 }), 0);
    assert.equal(li.offset({ line: 1, character: -4 }), 5);
  });

  test('positions clamp offsets outside the text', () => {
    const li = new LineIndex('ab\ncd');
    assert.deepEqual(li.position(-3), { line: 0, character: 0 });
    assert.deepEqual(li.position(99), { line: 1, character: 2 });
  });

  test('range converts both ends', () => {
    const li = new LineIndex('ab\ncd');
    assert.deepEqual(li.range({ start: 1, end: 4 }), { start: { line: 0, character: 1 }, end: { line: 1, character: 1 } });
  });

  test('an empty text has one empty line', () => {
    const li = new LineIndex('');
    assert.equal(li.lineCount, 1);
    assert.deepEqual(li.position(0), { line: 0, character: 0 });
    assert.equal(li.lineText(0), '');
  });

  test('a long file: the binary search finds every line start', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const text = lines.join('\r\n');
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 5000);
    for (const i of [0, 1, 2499, 4999]) {
      const o = lines.slice(0, i).reduce((sum, l) => sum + l.length + 2, 0);
      assert.equal(li.lineStart(i), o);
      assert.deepEqual(li.position(o + 2), { line: i, character: 2 });
      assert.equal(li.lineText(i), `line ${i}`);
    }
  });
});

describe('detectEol and indentAt', () => {
  test('the most used line ending wins; CRLF wins a tie; no line break means LF', () => {
    assert.equal(detectEol('a\r\nb\r\nc\n'), '\r\n');
    assert.equal(detectEol('a\nb\nc\r\n'), '\n');
    assert.equal(detectEol('a\r\nb\n'), '\r\n');
    assert.equal(detectEol('abc'), '\n');
    assert.equal(detectEol('\n'), '\n');
  });

  test('indentAt gives the leading whitespace of the line holding the offset', () => {
    const text = 'a:\r\n  \tb: 1\rc';
    assert.equal(indentAt(text, text.indexOf('b')), '  \t');
    assert.equal(indentAt(text, text.indexOf('c')), '');
    assert.equal(indentAt(text, 0), '');
  });
});

describe("the Node shells' UTF-16LE decoder (host/fastDecode.ts)", () => {
  test('gives the very text the core decodes, lone surrogates and all', async () => {
    const { setUtf16leDecoder } = await import('../../server/src/core/text');
    const { useNodeDecoders } = await import('../../server/src/host/fastDecode');
    const samples = [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="utf-16"?>\r\n<BindingInfo Name="ü€𝄞"/>\r\n', 'utf16le')]),
      Buffer.from([0xff, 0xfe, 0x3c, 0, 0x00, 0xd8, 0x3e, 0]), // a lone high surrogate
      Buffer.from([0x3c, 0, 0x61, 0, 0x00, 0xdc, 0x3e, 0, 0x0a]), // no BOM, a lone low surrogate, an odd byte
    ];
    try {
      setUtf16leDecoder(undefined);
      const plain = samples.map((b) => decode(new Uint8Array(b)));
      useNodeDecoders();
      const fast = samples.map((b) => decode(new Uint8Array(b)));
      assert.deepEqual(fast, plain);
      assert.equal(fast[1].text, '<\ud800>');
      for (let i = 0; i < samples.length; i++) assert.deepEqual(encode(fast[i].text, fast[i].encoding), new Uint8Array(samples[i].subarray(0, samples[i].length & ~1)));
    } finally {
      setUtf16leDecoder(undefined);
    }
  });
});
