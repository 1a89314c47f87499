// A small YAML writer for the topology `btslint init` writes: block mappings and sequences, short
// flow sequences, a comment after any value or before any entry. Strings from the repository (host
// names, paths) are quoted whenever a plain scalar could mean something else, and control characters
// never reach the output (a name with a line break is written as a JSON string, which YAML reads).

export type YValue = string | number | boolean | YMap | YSeq;

export interface YEntry {
  key: string;
  value: YValue;
  /** After the value, on the same line (for a block collection, after the key). */
  comment?: string;
  /** Lines before the entry. */
  before?: string[];
}

export class YMap {
  constructor(readonly entries: YEntry[] = []) {}
  set(key: string, value: YValue, comment?: string, before?: string[]): this {
    this.entries.push({ key, value, comment, before });
    return this;
  }
}

export class YSeq {
  constructor(
    readonly items: YValue[] = [],
    /** Written `[a, b]` on one line (scalars only). */
    readonly flow = false,
    /** A comment after each item, by index (block sequences). */
    readonly comments: (string | undefined)[] = [],
  ) {}
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** A string as a YAML scalar: plain when nothing could misread it, else quoted. */
export function scalar(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  if (PLAIN.test(v) && !RESERVED.test(v)) return v;
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v)) return JSON.stringify(v);
  return `'${v.replace(/'/g, "''")}'`;
}

/** Comment text on one line, without control characters. */
export function commentText(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

const pad = (n: number) => ' '.repeat(n);
const withComment = (line: string, comment?: string) => (comment ? `${line}  # ${commentText(comment)}` : line);

function isScalar(v: YValue): v is string | number | boolean {
  return typeof v !== 'object';
}

function flowSeq(s: YSeq): string {
  return `[${s.items.map((i) => (isScalar(i) ? scalar(i) : '')).join(', ')}]`;
}

function emitMap(m: YMap, indent: number, out: string[], firstPrefix?: string): void {
  m.entries.forEach((e, i) => {
    for (const b of e.before ?? []) out.push(b === '' ? '' : `${pad(indent)}# ${commentText(b)}`);
    const lead = i === 0 && firstPrefix !== undefined ? firstPrefix : pad(indent);
    const key = `${lead}${scalar(e.key)}:`;
    const v = e.value;
    if (isScalar(v)) out.push(withComment(`${key} ${scalar(v)}`, e.comment));
    else if (v instanceof YSeq && (v.flow || v.items.length === 0)) out.push(withComment(`${key} ${flowSeq(v)}`, e.comment));
    else if (v instanceof YMap && v.entries.length === 0) out.push(withComment(`${key} {}`, e.comment));
    else {
      out.push(withComment(key, e.comment));
      if (v instanceof YMap) emitMap(v, indent + 2, out);
      else emitSeq(v, indent + 2, out);
    }
  });
}

function emitSeq(s: YSeq, indent: number, out: string[]): void {
  s.items.forEach((item, i) => {
    const c = s.comments[i];
    if (isScalar(item)) out.push(withComment(`${pad(indent)}- ${scalar(item)}`, c));
    else if (item instanceof YMap) {
      if (c) out.push(`${pad(indent)}# ${commentText(c)}`);
      emitMap(item, indent + 2, out, `${pad(indent)}- `);
    } else {
      out.push(withComment(`${pad(indent)}- ${flowSeq(item)}`, c));
    }
  });
}

/** The document text: header comment lines, then the mapping, lines joined with `eol`. */
export function emitDocument(header: string[], root: YMap, eol: string): string {
  const out = header.map((h) => (h === '' ? '#' : `# ${commentText(h)}`));
  emitMap(root, 0, out);
  return out.join(eol) + eol;
}
