// Where the cursor stands in a topology file while it is being typed (so the text may not parse):
// the path of keys from the root, and whether a key or a value is being written. Block YAML is read by
// indentation, upward from the cursor line; flow collections (`{ a: 1 }`, `[x, y]`) and JSON by a
// small bracket scanner.

import { ARRAY_ITEM, Segment } from './schema';

export interface CursorContext {
  /** Path of the mapping (for a key) or of the value (for a value) the cursor is in. */
  path: Segment[];
  kind: 'key' | 'value';
  /** For a value: the key it belongs to (also the last segment of `path`), or ARRAY_ITEM for a list item. */
  key?: string;
  /** The partial word already typed, and where it starts (the completion replaces it). */
  word: string;
  wordStart: number;
  /** The word is inside a quote the user opened. */
  quoted: boolean;
  /** Keys already present in the mapping (for key completion). */
  present: string[];
  /** The file is JSON (keys are quoted, values JSON). */
  json: boolean;
  /** Block YAML: the cursor line holds nothing but the word (and a `- ` marker). */
  lineIsBare: boolean;
}

interface Frame {
  type: 'obj' | 'arr';
  /** Segment of this container under its parent. */
  seg?: Segment;
  state: 'key' | 'value';
  pendingKey?: string;
  keys: string[];
}

/** Scans flow/JSON text from `from` to `to`; returns the frame stack at `to`, and the partial word. */
function scanFlow(text: string, from: number, to: number, stack: Frame[]): { word: string; wordStart: number; quoted: boolean } {
  let i = from;
  const word = '';
  const wordStart = to;
  const quoted = false;
  let lastToken: string | undefined;
  const top = () => stack[stack.length - 1];
  while (i < to) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < to && text[j] !== c) {
        if (c === '"' && text[j] === '\\' && j + 1 < to) {
          value += text[j + 1];
          j += 2;
          continue;
        }
        value += text[j];
        j++;
      }
      if (j >= to) {
        // The cursor is inside this string.
        return { word: value, wordStart: i, quoted: true };
      }
      lastToken = value;
      i = j + 1;
      continue;
    }
    if (c === '{' || c === '[') {
      const parent = top();
      const seg = parent ? (parent.type === 'arr' ? ARRAY_ITEM : parent.pendingKey) : undefined;
      stack.push({ type: c === '{' ? 'obj' : 'arr', seg, state: c === '{' ? 'key' : 'value', keys: [] });
      lastToken = undefined;
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      if (stack.length > 1) stack.pop();
      lastToken = undefined;
      i++;
      continue;
    }
    if (c === ':') {
      const f = top();
      if (f && f.type === 'obj' && f.state === 'key') {
        f.pendingKey = lastToken;
        if (lastToken !== undefined) f.keys.push(lastToken);
        f.state = 'value';
      }
      lastToken = undefined;
      i++;
      continue;
    }
    if (c === ',') {
      const f = top();
      if (f && f.type === 'obj') {
        f.state = 'key';
        f.pendingKey = undefined;
      }
      lastToken = undefined;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    // A bare word (YAML plain scalar, JSON literal or number).
    let j = i;
    while (j < to && !/[\s,:{}[\]"']/.test(text[j])) j++;
    if (j >= to) return { word: text.slice(i, to), wordStart: i, quoted: false };
    lastToken = text.slice(i, j);
    i = j;
  }
  void quoted;
  return { word, wordStart, quoted: false };
}

function framesToContext(stack: Frame[], basePath: Segment[], scan: { word: string; wordStart: number; quoted: boolean }, json: boolean): CursorContext | undefined {
  const f = stack[stack.length - 1];
  if (!f) return undefined;
  const path = [...basePath];
  for (const fr of stack.slice(1)) path.push(fr.seg ?? ARRAY_ITEM);
  const common = { word: scan.word, wordStart: scan.wordStart, quoted: scan.quoted, json, lineIsBare: false };
  if (f.type === 'arr') return { ...common, path: [...path, ARRAY_ITEM], kind: 'value', key: ARRAY_ITEM, present: [] };
  if (f.state === 'key') return { ...common, path, kind: 'key', present: f.keys };
  if (f.pendingKey === undefined) return undefined;
  return { ...common, path: [...path, f.pendingKey], kind: 'value', key: f.pendingKey, present: [] };
}

/** The cursor context in a JSON topology: scan from the top of the file. */
export function jsonContext(text: string, offset: number): CursorContext | undefined {
  const start = text.indexOf('{');
  if (start < 0 || start >= offset) return undefined;
  const stack: Frame[] = [{ type: 'obj', state: 'key', keys: [] }];
  const scan = scanFlow(text, start + 1, offset, stack);
  return framesToContext(stack, [], scan, true);
}

interface LineParts {
  /** Columns of the `- ` markers at the start of the line. */
  dashes: number[];
  /** Column where the content after the markers starts. */
  contentCol: number;
  /** The key, when the content is `key:` or `key: value`. */
  key?: string;
  /** Text after `key:` (trimmed), when there is a key. */
  after?: string;
  blank: boolean;
}

const KEY_RE = /^("([^"]*)"|'([^']*)'|([^\s:#'"{}[\],][^:#{}[\],]*?))\s*:(\s+(.*))?$|^("([^"]*)"|'([^']*)'|([^\s:#'"{}[\],][^:#{}[\],]*?))\s*:$/;

function parseLine(line: string): LineParts {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  if (i >= line.length || line[i] === '#' || line.startsWith('---', i) || line.startsWith('...', i)) return { dashes: [], contentCol: i, blank: true };
  const dashes: number[] = [];
  while (line[i] === '-' && (i + 1 >= line.length || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (i < line.length && line[i] === ' ') i++;
  }
  const content = line.slice(i).replace(/\s+#.*$/, '').trimEnd();
  const m = KEY_RE.exec(content);
  if (m) {
    const key = m[2] ?? m[3] ?? m[4] ?? m[8] ?? m[9] ?? m[10];
    return { dashes, contentCol: i, key: key?.trim(), after: (m[6] ?? '').trim(), blank: false };
  }
  return { dashes, contentCol: i, blank: content === '' && dashes.length === 0 };
}

/** The path of the mapping whose keys stand at column `col` above `lineNo` (block YAML). */
function blockParents(lines: string[], lineNo: number, col: number, atDash: boolean, present: string[] | undefined): Segment[] {
  const path: Segment[] = [];
  for (let l = lineNo - 1; l >= 0; l--) {
    const p = parseLine(lines[l]);
    if (p.blank) continue;
    if (p.key !== undefined) {
      if (!atDash && p.contentCol === col) {
        present?.push(p.key);
        if (p.dashes.length) {
          // `- key: v` starts the item our mapping belongs to.
          for (let k = p.dashes.length - 1; k >= 0; k--) path.unshift(ARRAY_ITEM);
          col = p.dashes[0];
          atDash = true;
          present = undefined;
        }
        continue;
      }
      if (p.contentCol < col || (atDash && p.contentCol === col && !p.after)) {
        path.unshift(p.key);
        col = p.contentCol;
        atDash = false;
        present = undefined;
        if (p.dashes.length) {
          for (let k = p.dashes.length - 1; k >= 0; k--) path.unshift(ARRAY_ITEM);
          col = p.dashes[0];
          atDash = true;
        }
        if (col === 0 && !atDash) break;
      }
      continue;
    }
    // A scalar list item (`- BTSAPP01`) or other content: only dash columns matter.
    if (p.dashes.length && p.dashes[0] < col && !atDash) {
      for (let k = p.dashes.length - 1; k >= 0; k--) path.unshift(ARRAY_ITEM);
      col = p.dashes[0];
      atDash = true;
    }
  }
  return path;
}

/** Keys of the block mapping at column `col` below the cursor line (siblings already written). */
function keysBelow(lines: string[], lineNo: number, col: number, into: string[]): void {
  for (let l = lineNo + 1; l < lines.length; l++) {
    const p = parseLine(lines[l]);
    if (p.blank) continue;
    const c = p.dashes.length ? p.dashes[0] : p.contentCol;
    if (c < col) break;
    if (p.dashes.length && p.dashes[0] === col - 2) break; // the next item of the same list
    if (!p.dashes.length && p.contentCol === col && p.key !== undefined) into.push(p.key);
  }
}

/** The cursor context in a YAML topology. */
export function yamlContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  const prefix = text.slice(lineStart, offset);
  if (/^\s*#/.test(prefix)) return undefined;
  const lines = text.slice(0, lineStart).split(/\r?\n|\r/);
  lines.pop(); // the empty piece after the last newline
  const lineNo = lines.length;
  const allLines = text.split(/\r?\n|\r/);
  const p = parseLine(prefix);
  const json = false;

  const afterDash = prefix.slice(p.contentCol);
  // A flow collection opened on a `- ` line: `- { drive: 'E:', ra`.
  if (afterDash.startsWith('{') || afterDash.startsWith('[')) {
    const parents = [...blockParents(allLines, lineNo, p.dashes.length ? p.dashes[0] : p.contentCol, p.dashes.length > 0, undefined), ...p.dashes.map(() => ARRAY_ITEM)];
    const stack: Frame[] = [{ type: 'arr', state: 'value', keys: [] }];
    const scan = scanFlow(text, lineStart + p.contentCol, offset, stack);
    return framesToContext(stack, parents.slice(0, -1), scan, json);
  }

  // `key: value-being-typed`, possibly a flow collection.
  if (p.key !== undefined || /:\s/.test(prefix.slice(p.contentCol))) {
    const m = /^("([^"]*)"|'([^']*)'|([^\s:#'"{}[\],][^:#{}[\],]*?))\s*:\s+/.exec(prefix.slice(p.contentCol));
    if (!m) return undefined;
    const key = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    const parents = p.dashes.length
      ? [...blockParents(allLines, lineNo, p.dashes[0], true, undefined), ...p.dashes.map(() => ARRAY_ITEM)]
      : blockParents(allLines, lineNo, p.contentCol, false, undefined);
    const valueStart = lineStart + p.contentCol + m[0].length;
    const rest = text.slice(valueStart, offset);
    if (rest.startsWith('{') || rest.startsWith('[')) {
      const stack: Frame[] = [{ type: 'obj', state: 'value', pendingKey: key, keys: [key] }];
      const scan = scanFlow(text, valueStart, offset, stack);
      return framesToContext(stack, parents, scan, json);
    }
    const quoted = rest.startsWith('"') || rest.startsWith("'");
    return { path: [...parents, key], kind: 'value', key, word: quoted ? rest.slice(1) : rest, wordStart: valueStart, quoted, present: [], json, lineIsBare: false };
  }

  if (/[:{}[\],]/.test(afterDash)) return undefined;
  const quoted = afterDash.startsWith('"') || afterDash.startsWith("'");
  const word = quoted ? afterDash.slice(1) : afterDash;
  const wordStart = lineStart + p.contentCol;
  const present: string[] = [];
  let path: Segment[];
  if (p.dashes.length) {
    path = [...blockParents(allLines, lineNo, p.dashes[0], true, undefined), ...p.dashes.map(() => ARRAY_ITEM)];
    keysBelow(allLines, lineNo, p.contentCol, present);
  } else {
    path = blockParents(allLines, lineNo, p.contentCol, false, present);
    keysBelow(allLines, lineNo, p.contentCol, present);
  }
  // `- word` may be a key of a new list item or a scalar item; the caller decides from the schema.
  return { path, kind: 'key', word, wordStart, quoted, present, json, lineIsBare: true };
}

export function cursorContext(text: string, offset: number, isJson: boolean): CursorContext | undefined {
  return isJson ? jsonContext(text, offset) : yamlContext(text, offset);
}
