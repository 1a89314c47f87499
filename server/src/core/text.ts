// Text handling shared by every reader: decoding raw bytes the way Windows tools write them, and
// converting between offsets (UTF-16 code units in the decoded text) and editor positions.
// Everything in the core speaks offsets; only the edges (CLI, LSP) convert to line/character.

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';
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
  /** Set when the bytes could not be decoded cleanly (e.g. odd length UTF-16, NUL bytes in UTF-8). */
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
    return { text: utf8(b.subarray(3)), encoding: 'utf8bom' };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return utf16(b.subarray(2), 'utf16le');
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return utf16(b.subarray(2), 'utf16be');
  }
  if (b.length >= 4 && b[0] === 0x3c && b[1] === 0 && b[2] !== 0 && b[3] === 0) return utf16(b, 'utf16le');
  if (b.length >= 4 && b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] !== 0) return utf16(b, 'utf16be');
  const text = utf8(b);
  const nul = text.indexOf('\u0000');
  return nul >= 0 ? { text, encoding: 'utf8', problem: `the file holds a NUL byte at character ${nul}: it looks binary` } : { text, encoding: 'utf8' };
}

function utf8(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}

function utf16(b: Uint8Array, enc: 'utf16le' | 'utf16be'): DecodedText {
  let body = b;
  let problem: string | undefined;
  if (body.length % 2 === 1) {
    problem = 'the UTF-16 file has an odd number of bytes; the last byte was ignored';
    body = body.subarray(0, body.length - 1);
  }
  if (enc === 'utf16le') {
    return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf16le'), encoding: enc, problem };
  }
  const swapped = Buffer.alloc(body.length);
  for (let i = 0; i + 1 < body.length; i += 2) {
    swapped[i] = body[i + 1];
    swapped[i + 1] = body[i];
  }
  return { text: swapped.toString('utf16le'), encoding: enc, problem };
}

/** Encodes text back to bytes in the encoding it was read with (BOM included). */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) {
        const t = le[i];
        le[i] = le[i + 1];
        le[i + 1] = t;
      }
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
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
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
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

  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const end = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, pos.character), end);
  }

  range(r: OffsetRange): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The text of a line without its terminator. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
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
