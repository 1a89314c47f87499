// Text handling shared by every reader: decoding raw bytes the way Windows tools write them, and
// converting between offsets (UTF-16 code units in the decoded text) and editor positions.
// Everything in the core speaks offsets; only the edges (CLI, LSP) convert to line/character.

/** `utf16le`/`utf16be` carry a BOM; the `-nobom` forms were recognised by their zero bytes alone. */
export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'utf16be-nobom';
export type Eol = '\r\n' | '\n';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units, as LSP and VS Code count them. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface OffsetRange {
  start: number;
  end: number;
}

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /**
   * Set when the bytes could not be decoded cleanly (odd length UTF-16, NUL bytes or invalid sequences
   * in UTF-8). Writing such a text back with encode() would not give the same bytes.
   */
  problem?: string;
}

/**
 * Decodes bytes honouring a BOM. Without a BOM, UTF-16 is recognised by the zero bytes of an ASCII
 * `<?xml` or `<` start (as the XML spec's appendix F does); everything else is UTF-8. The XML
 * declaration's own `encoding=` is deliberately not trusted: the escaped `<Filter>` documents inside
 * binding files declare `utf-16` while the file is UTF-8.
 */
export function decode(bytes: Uint8Array): DecodedText {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return utf8Checked(b.subarray(3), 'utf8bom');
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return utf16(b.subarray(2), 'utf16le');
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return utf16(b.subarray(2), 'utf16be');
  }
  if (b.length >= 4 && b[0] === 0x3c && b[1] === 0 && b[2] !== 0 && b[3] === 0) return utf16(b, 'utf16le-nobom');
  if (b.length >= 4 && b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] !== 0) return utf16(b, 'utf16be-nobom');
  return utf8Checked(b, 'utf8');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function utf8Checked(b: Uint8Array, encoding: 'utf8' | 'utf8bom'): DecodedText {
  const text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { text, encoding, problem: `the file holds a NUL byte at character ${nul}: it looks binary` };
  // Buffer decoding replaces invalid sequences with U+FFFD silently; a legacy code page file (e.g.
  // Windows-1252 "é") must be reported, or a fix written back would corrupt it.
  if (text.indexOf('\ufffd') >= 0) {
    try {
      strictUtf8.decode(b);
    } catch {
      const bad = text.indexOf('\ufffd');
      return { text, encoding, problem: `the file is not valid UTF-8 (first bad byte sequence at character ${bad}); save it as UTF-8 or UTF-16` };
    }
  }
  return { text, encoding };
}

function utf16(b: Uint8Array, enc: 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'utf16be-nobom'): DecodedText {
  let body = b;
  let problem: string | undefined;
  if (body.length % 2 === 1) {
    problem = 'the UTF-16 file has an odd number of bytes; the last byte was ignored';
    body = body.subarray(0, body.length - 1);
  }
  if (enc === 'utf16le' || enc === 'utf16le-nobom') {
    return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf16le'), encoding: enc, problem };
  }
  const swapped = Buffer.alloc(body.length);
  for (let i = 0; i + 1 < body.length; i += 2) {
    swapped[i] = body[i + 1];
    swapped[i + 1] = body[i];
  }
  return { text: swapped.toString('utf16le'), encoding: enc, problem };
}

/** Encodes text back to bytes in the encoding it was read with (BOM included when it had one). */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]);
    case 'utf16be-nobom':
      return utf16be(text);
  }
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) {
    const t = le[i];
    le[i] = le[i + 1];
    le[i + 1] = t;
  }
  return le;
}

/** The line ending most used in the text (CRLF wins ties, as on Windows). */
export function detectEol(text: string): Eol {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf >= lf && crlf > 0 ? '\r\n' : '\n';
}

/**
 * Maps offsets to positions and back. Lines end at \n, \r\n or a lone \r, as in LSP.
 * Built once per document version; lookups are binary searches.
 */
export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    const starts = [0];
    // Line breaks found with indexOf (native, far faster than a loop over every character of a
    // multi-megabyte file): `lf` and `cr` are the next \n and \r, each search moving forward only.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        if (lf === cr + 1) {
          // \r\n: one break, after the \n.
          starts.push(lf + 1);
          lf = text.indexOf('\n', lf + 1);
        } else starts.push(cr + 1);
        cr = text.indexOf('\r', cr + 1);
      } else {
        starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** A character past the end of the line means the line's end (before its terminator), as in LSP. */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  /** The offset where the line's text ends, before its \n, \r\n or \r. */
  private lineEnd(line: number): number {
    const start = this.starts[line];
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  range(r: OffsetRange): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The text of a line without its terminator. */
  lineText(line: number): string {
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    return this.text.slice(this.starts[l], this.lineEnd(l));
  }
}

/** The leading whitespace of the line that holds `offset`. */
export function indentAt(text: string, offset: number): string {
  let s = offset;
  while (s > 0 && text.charCodeAt(s - 1) !== 10 && text.charCodeAt(s - 1) !== 13) s--;
  let e = s;
  while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9)) e++;
  return text.slice(s, e);
}
