// Builds text edits that insert or change declarations in a topology file in the file's own style:
// block or flow collections, its indentation unit, its quotes, its line endings, and JSON syntax for
// .json topologies. Fix skeletons are plain JS values; strings of the form `<<...>>` are placeholders
// the user must fill (and which `unfilled-placeholder` reports until filled).

import type { LNode } from '../readers/yamlNode';
import type { TextEdit } from '../types';
import { detectEol, indentAt } from '../text';

export interface EditTarget {
  uri: string;
  text: string;
  isJson: boolean;
}

type Value = unknown;

interface Style {
  eol: string;
  unit: string;
  quote: "'" | '"';
  json: boolean;
}

// Keyed by the file's text (and JSON-ness), not by the target object: rules build a new target for
// every fix, and the style scan over the whole topology per fix dominated a large lint run. A few
// entries suffice (one per topology of the workspace); the map is emptied when it grows.
const styleCache = new Map<string, Style>();
const jsonStyleCache = new Map<string, Style>();

function styleOf(t: EditTarget): Style {
  const byText = t.isJson ? jsonStyleCache : styleCache;
  const cached = byText.get(t.text);
  if (cached) return cached;
  if (byText.size >= 16) byText.clear();
  const text = t.text;
  const eol = detectEol(text);
  // Indentation unit: the smallest positive indent of a line that starts a key or an item.
  let unit = 2;
  const re = /^( +)\S/gm;
  let m: RegExpExecArray | null;
  let smallest = Infinity;
  while ((m = re.exec(text)) && smallest > 1) smallest = Math.min(smallest, m[1].length);
  if (Number.isFinite(smallest) && smallest >= 2 && smallest <= 8) unit = smallest;
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  const style: Style = { eol, unit: ' '.repeat(unit), quote: t.isJson ? '"' : doubles > singles ? '"' : "'", json: t.isJson };
  byText.set(t.text, style);
  return style;
}

const PLAIN_SAFE = /^[A-Za-z_][\w.\-/ ]*$/;
const LOOKS_TYPED = /^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i;

export function scalar(v: Value, s: Style): string {
  if (s.json) return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  const str = typeof v === 'string' ? v : JSON.stringify(v);
  if (PLAIN_SAFE.test(str) && !LOOKS_TYPED.test(str) && !str.endsWith(' ') && !/ #|: /.test(str)) return str;
  if (s.quote === "'" || str.includes('\\')) return `'${str.replace(/'/g, "''")}'`;
  return JSON.stringify(str);
}

function isPlainObject(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Renders a value in flow style (`{ a: 1, b: [x, y] }` or JSON). */
function flow(v: Value, s: Style): string {
  if (Array.isArray(v)) return `[${v.map((x) => flow(x, s)).join(', ')}]`;
  if (isPlainObject(v)) {
    const parts = Object.entries(v).map(([k, x]) => `${s.json ? JSON.stringify(k) : k}: ${flow(x, s)}`);
    return parts.length ? (s.json ? `{${parts.join(', ')}}` : `{ ${parts.join(', ')} }`) : '{}';
  }
  return scalar(v, s);
}

/** Renders `key: value` lines in block style at `indent`; nested maps go one unit deeper. */
function blockEntry(key: string, v: Value, indent: string, s: Style): string {
  if (isPlainObject(v) && Object.keys(v).length) {
    return `${indent}${key}:` + Object.entries(v).map(([k, x]) => s.eol + blockEntry(k, x, indent + s.unit, s)).join('');
  }
  if (Array.isArray(v) && v.some(isPlainObject)) {
    return `${indent}${key}:` + v.map((item) => s.eol + blockItem(item, indent + s.unit, s)).join('');
  }
  return `${indent}${key}: ${flow(v, s)}`;
}

function blockItem(item: Value, indent: string, s: Style): string {
  if (!isPlainObject(item)) return `${indent}- ${flow(item, s)}`;
  const entries = Object.entries(item);
  return entries
    .map(([k, x], i) => {
      const line = blockEntry(k, x, indent + '  ', s);
      return i === 0 ? `${indent}- ${line.slice(indent.length + 2)}` : line;
    })
    .join(s.eol);
}

/** JSON pretty rendering at a given indentation (for multi-line JSON objects). */
function jsonPretty(v: Value, indent: string, s: Style): string {
  const raw = JSON.stringify(v, null, s.unit.length);
  return raw.split('\n').join(s.eol + indent);
}

function lineEndAfter(text: string, offset: number): number {
  let i = offset;
  // Back over trailing whitespace and newlines that belong to the value's range.
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  const nl = text.slice(i).search(/\r\n|\n|\r/);
  return nl < 0 ? text.length : i + nl;
}

function column(text: string, offset: number): string {
  let s = offset;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return ' '.repeat(offset - s);
}

/** Inserts `key: value` into the mapping `map`. */
export function insertKey(t: EditTarget, map: LNode, key: string, value: Value): TextEdit {
  const s = styleOf(t);
  const ym = map.yamlMap;
  const text = t.text;
  if (!ym) throw new Error('insertKey needs a mapping');
  const items = ym.items;
  if (!ym.flow && items.length) {
    const firstKey = items[0].key as { range?: [number, number, number] };
    const indent = column(text, firstKey.range![0]);
    const at = lineEndAfter(text, ym.range![1]);
    return { uri: t.uri, start: at, end: at, newText: s.eol + blockEntry(key, value, indent, s) };
  }
  // Flow mapping (YAML `{ ... }` or JSON).
  const close = text.lastIndexOf('}', ym.range![1] - 1);
  const open = ym.range![0];
  const k = s.json ? JSON.stringify(key) : key;
  if (!items.length) {
    return { uri: t.uri, start: close, end: close, newText: s.json ? `${k}: ${flow(value, s)}` : ` ${k}: ${flow(value, s)} ` };
  }
  const firstKey = items[0].key as { range?: [number, number, number] };
  const last = items[items.length - 1];
  const lastEnd = ((last.value ?? last.key) as { range?: [number, number, number] }).range![1];
  const multiline = /[\r\n]/.test(text.slice(open, firstKey.range![0]));
  if (multiline) {
    const indent = column(text, firstKey.range![0]);
    const rendered = s.json ? jsonPretty(value, indent, s) : flow(value, s);
    return { uri: t.uri, start: lastEnd, end: lastEnd, newText: `,${s.eol}${indent}${k}: ${rendered}` };
  }
  return { uri: t.uri, start: lastEnd, end: lastEnd, newText: `, ${k}: ${flow(value, s)}` };
}

/** Appends an item to the sequence `seq`. */
export function appendItem(t: EditTarget, seq: LNode, item: Value): TextEdit {
  const s = styleOf(t);
  const ys = seq.yamlSeq;
  const text = t.text;
  if (!ys) throw new Error('appendItem needs a sequence');
  if (!ys.flow && ys.items.length) {
    const first = ys.items[0] as { range?: [number, number, number] };
    // The '-' sits before the first item's node.
    const dash = text.lastIndexOf('-', first.range![0]);
    const indent = column(text, dash);
    const at = lineEndAfter(text, ys.range![1]);
    return { uri: t.uri, start: at, end: at, newText: s.eol + blockItem(item, indent, s) };
  }
  const close = text.lastIndexOf(']', ys.range![1] - 1);
  if (!ys.items.length) return { uri: t.uri, start: close, end: close, newText: flow(item, s) };
  const last = ys.items[ys.items.length - 1] as { range?: [number, number, number] };
  const first = ys.items[0] as { range?: [number, number, number] };
  const multiline = /[\r\n]/.test(text.slice(ys.range![0], first.range![0]));
  if (multiline) {
    const indent = column(text, first.range![0]);
    return { uri: t.uri, start: last.range![1], end: last.range![1], newText: `,${s.eol}${indent}${s.json ? jsonPretty(item, indent, s) : flow(item, s)}` };
  }
  return { uri: t.uri, start: last.range![1], end: last.range![1], newText: `, ${flow(item, s)}` };
}

/**
 * A map value that is present but empty: `key:` with nothing after it (the yaml package gives it a
 * zero-width null scalar), or no node at all. `key: ~` and `key: null` are written values, not blank.
 */
export function isEmptyValue(node: LNode | undefined): boolean {
  if (!node) return false;
  if (!node.node) return true;
  const r = node.range;
  return node.value === null && r.start === r.end;
}

/** Replaces a scalar value. */
export function replaceValue(t: EditTarget, node: LNode, value: Value): TextEdit {
  const s = styleOf(t);
  if (isEmptyValue(node)) {
    // `key:` with no value: put the value after the colon (the empty node sits right after it, so
    // replacing that zero-width node would glue the value to the colon: `key:value` is no mapping).
    const kr = node.keyRange;
    const colon = t.text.indexOf(':', kr.end);
    const at = colon >= 0 ? colon + 1 : kr.end;
    const nested = (isPlainObject(value) && Object.keys(value).length > 0) || (Array.isArray(value) && value.some(isPlainObject));
    if (nested && !s.json && node.parent && !node.parent.isFlow) {
      // A block mapping gets the value as block lines under the key, as if it had been written there.
      const indent = column(t.text, kr.start);
      const entry = blockEntry('k', value, indent, s);
      return { uri: t.uri, start: at, end: at, newText: entry.slice(indent.length + 2) };
    }
    return { uri: t.uri, start: at, end: at, newText: ` ${flow(value, s)}` };
  }
  const r = node.range;
  return { uri: t.uri, start: r.start, end: r.end, newText: flow(value, s) };
}

/**
 * Ensures the path of keys exists under `root` and ends with `value`: inserts at the deepest mapping
 * that exists, nesting the rest of the path. Returns undefined when the path already exists.
 */
export function ensurePath(t: EditTarget, root: LNode, keys: string[], value: Value): TextEdit | undefined {
  let cur = root;
  let i = 0;
  for (; i < keys.length; i++) {
    const next = cur.get(keys[i]);
    if (!next || !next.isMap) break;
    cur = next;
  }
  if (i === keys.length) return undefined;
  const existing = cur.get(keys[i]);
  if (existing && !isEmptyValue(existing)) return undefined; // present but not a mapping: the schema reports that
  let nested: Value = value;
  for (let k = keys.length - 1; k > i; k--) nested = { [keys[k]]: nested };
  if (existing) return replaceValue(t, existing, nested);
  if (!cur.isMap) return undefined;
  return insertKey(t, cur, keys[i], nested);
}

export { indentAt };
