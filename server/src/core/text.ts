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

// The Encoding API (TextDecoder, TextEncoder) exists in Node and in browsers and web workers alike:
// the core uses nothing of Node's (no Buffer), so that the same code runs in the web extension.
// UTF-8: one strict pass in the common case; only a file that is not valid UTF-8 is decoded again,
// replacing its bad sequences with U+FFFD, and reported.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Encoder = new TextEncoder();

function utf8Checked(b: Uint8Array, encoding: 'utf8' | 'utf8bom'): DecodedText {
  let text: string;
  let bad = -1;
  try {
    text = strictUtf8.decode(b);
  } catch {
    // A legacy code page file (e.g. Windows-1252 "é") must be reported, or a fix written back would
    // corrupt it.
    text = lenientUtf8.decode(b);
    bad = text.indexOf('\ufffd');
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { text, encoding, problem: `the file holds a NUL byte at character ${nul}: it looks binary` };
  if (bad >= 0) return { text, encoding, problem: `the file is not valid UTF-8 (first bad byte sequence at character ${bad}); save it as UTF-8 or UTF-16` };
  return { text, encoding };
}

// UTF-16 in both byte orders. TextDecoder (strict) in the common case; it would replace an unpaired
// surrogate with U+FFFD, so a file holding one is decoded by hand instead, every code unit kept as it
// is, so that encode() gives back the very same bytes.
const strictUtf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const strictUtf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

/**
 * A faster exact UTF-16LE decoder a shell may give (every code unit kept, as utf16Exact does): the
 * Node shells pass Buffer's (a 29 MB file: about 120 ms with TextDecoder, 40-70 ms with Buffer); the browser has
 * none. The results are the same either way.
 */
let fastUtf16le: ((bytes: Uint8Array) => string) | undefined;

export function setUtf16leDecoder(decoder: ((bytes: Uint8Array) => string) | undefined): void {
  fastUtf16le = decoder;
}

function utf16(b: Uint8Array, enc: 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'utf16be-nobom'): DecodedText {
  let body = b;
  let problem: string | undefined;
  if (body.length % 2 === 1) {
    problem = 'the UTF-16 file has an odd number of bytes; the last byte was ignored';
    body = body.subarray(0, body.length - 1);
  }
  const le = enc === 'utf16le' || enc === 'utf16le-nobom';
  let text: string;
  if (le && fastUtf16le) return { text: fastUtf16le(body), encoding: enc, problem };
  try {
    text = (le ? strictUtf16le : strictUtf16be).decode(body);
  } catch {
    text = utf16Exact(body, le);
  }
  return { text, encoding: enc, problem };
}

/** Code units per String.fromCharCode call: well under every engine's argument limit. */
const CHUNK = 8192;

function utf16Exact(b: Uint8Array, littleEndian: boolean): string {
  const n = b.length >> 1;
  const units = new Uint16Array(n);
  const lo = littleEndian ? 0 : 1;
  const hi = littleEndian ? 1 : 0;
  for (let i = 0, j = 0; i < n; i++, j += 2) units[i] = b[j + lo] | (b[j + hi] << 8);
  const parts: string[] = [];
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/** Encodes text back to bytes in the encoding it was read with (BOM included when it had one). */
export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return utf8Encoder.encode(text);
    case 'utf8bom':
      return withPrefix([0xef, 0xbb, 0xbf], utf8Encoder.encode(text));
    case 'utf16le':
      return utf16Bytes(text, true, [0xff, 0xfe]);
    case 'utf16le-nobom':
      return utf16Bytes(text, true, []);
    case 'utf16be':
      return utf16Bytes(text, false, [0xfe, 0xff]);
    case 'utf16be-nobom':
      return utf16Bytes(text, false, []);
  }
}

function withPrefix(prefix: number[], body: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix, 0);
  out.set(body, prefix.length);
  return out;
}

function utf16Bytes(text: string, littleEndian: boolean, prefix: number[]): Uint8Array {
  const out = new Uint8Array(prefix.length + text.length * 2);
  out.set(prefix, 0);
  const lo = littleEndian ? 0 : 1;
  const hi = littleEndian ? 1 : 0;
  for (let i = 0, j = prefix.length; i < text.length; i++, j += 2) {
    const c = text.charCodeAt(i);
    out[j + lo] = c & 0xff;
    out[j + hi] = c >> 8;
  }
  return out;
}

/**
 * The size of the text in UTF-8 bytes, without encoding it. Each UTF-16 code unit takes 1 to 3
 * bytes (a surrogate pair 4 for its 2 units), so `length` and `3 × length` bound it.
 */
export function utf8ByteLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
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
  constructor(
    private readonly text: string,
    /** Internal (LineIndex.edited): the line starts, already known. */
    known?: number[],
  ) {
    if (known) {
      this.starts = known;
      return;
    }
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

  /**
   * The index of `text`, made from the index of the text it was edited from: `text` differs from that
   * text only in [start, newEnd) (it was [start, oldEnd) there). The line starts before the change
   * are kept, those after it moved, and only the changed text is searched: a few milliseconds on a
   * 15 MB file, where a new index takes tens.
   */
  static edited(before: LineIndex, text: string, change: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const delta = change.newEnd - change.oldEnd;
    const old = before.starts;
    const starts: number[] = [];
    let k = 0;
    for (; k < old.length && old[k] < change.start; k++) starts.push(old[k]);
    if (!starts.length) starts.push(0);
    // A line starts after a \n, or after a \r not followed by a \n: decided again from the character
    // before the change to the one after it (a \r\n may be joined or split at either end).
    const last = Math.min(text.length, change.newEnd + 1);
    for (let p = Math.max(1, change.start); p <= last; p++) {
      const c = text.charCodeAt(p - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(p) !== 10)) starts.push(p);
    }
    for (; k < old.length; k++) if (old[k] >= change.oldEnd + 2) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
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
