// Reads a topology file (*.topology.yaml|yml|json): parses it with positions, validates it against
// schemas/topology.schema.json with ajv (all errors), and reports each schema error at the YAML/JSON
// node it concerns, in words an administrator reads without knowing JSON Schema.

import type { CST, Document, Node } from 'yaml';
import { topologyValidator, yaml } from '../lazy';
import schema from '../../../../schemas/topology.schema.json';
import { addDuplicateKeyErrors, aliasTable, LNode, nodeAt } from './yamlNode';
import { pointerSegments, schemaProblem, SchemaWording, simplifySchemaErrors } from './schemaErrors';
import type { OffsetRange } from '../text';

export interface ReaderProblem {
  message: string;
  range: OffsetRange;
  /** 'parse' for syntax, 'schema' for schema violations, 'skipped' for a file not read (too large). */
  kind: 'parse' | 'schema' | 'skipped';
}

export interface TopologyModel {
  root: LNode;
  isJson: boolean;
  environment?: string;
  problems: ReaderProblem[];
}

/** The topology's additions to the shared schema-error wording. */
const TOPOLOGY_WORDING: SchemaWording = {
  constNote: (path) => (path.join('.') === 'topology' ? ' (the only topology format version btslint knows)' : ''),
};

export function topologySchema(): Record<string, unknown> {
  return schema;
}

/** The largest number of alias expansions accepted (an alias bomb stops here with a finding). */
const MAX_ALIAS_COUNT = 1000;

/**
 * The deepest nesting of collections read. A real topology nests about six levels; the `yaml` package
 * composes recursively, and a few hundred levels overflow the stack (which can even abort the process
 * when the overflow lands in a regular expression compilation), so deeper files are refused up front.
 */
const MAX_DEPTH = 64;

/** The most values the aliases of one file may expand to (an alias bomb is reported at its alias). */
const MAX_EXPANDED = 100_000;

/**
 * The most aliases one file may use, counted on the token stream before anything is composed: the
 * `yaml` package resolves each alias by walking the document (measured: 20,000 aliases in 140 KB took
 * 3.5 s to convert to data, and 30 s to resolve one by one), so their number is bounded, not hoped for.
 */
export const MAX_ALIASES = 100;

/** The largest topology read, in characters (a real one is a few kilobytes; MAX_ALIASES walks of it stay short). */
export const MAX_TOPOLOGY_CHARS = 1024 * 1024;

/** The most syntax or schema problems reported for one file (as the XML reader), the rest summed up in one more. */
export const MAX_PROBLEMS = 200;

/**
 * `schema: false` skips the schema validation (no `schema` problems): for a reader whose schema
 * findings another reader reports.
 */
export function readTopology(text: string, isJson: boolean, options: { schema?: boolean } = {}): TopologyModel {
  try {
    return readTopologyUnsafe(text, isJson, options.schema !== false);
  } catch (e) {
    // Readers never throw: whatever escapes the checks above becomes a finding, and the file is not
    // checked further (an empty document stands in for it).
    const problems: ReaderProblem[] = [
      { kind: 'parse', message: `btslint could not read this file: ${(e as Error)?.message ?? e}. Please report it.`, range: { start: 0, end: Math.min(text.length, 1) } },
    ];
    const empty = new (yaml().Document)(null);
    return { root: new LNode(empty, null, null, null, null), isJson, problems };
  }
}

function readTopologyUnsafe(text: string, isJson: boolean, schema = true): TopologyModel {
  const problems: ReaderProblem[] = [];
  const refuse = (problem: ReaderProblem): TopologyModel => {
    problems.push(problem);
    const empty = new (yaml().Document)(null);
    return { root: new LNode(empty, null, null, null, null), isJson, problems };
  };
  if (text.length > MAX_TOPOLOGY_CHARS) {
    return refuse({
      kind: 'skipped',
      message: `This topology is ${text.length.toLocaleString('en-US')} characters long, over btslint's limit of ${MAX_TOPOLOGY_CHARS.toLocaleString('en-US')} for a topology (a real one is a few thousand), so it was not read or checked.`,
      range: { start: 0, end: 0 },
    });
  }
  // The CST parser is iterative; its tokens are measured for depth and aliases before the (recursive) composer runs.
  const tokens = [...new (yaml().Parser)().parse(text)];
  const guard = yamlGuard(tokens);
  if (guard.deep !== undefined) {
    const deep = guard.deep;
    return refuse({
      kind: 'parse',
      message: `The file nests lists and mappings more than ${MAX_DEPTH} levels deep here; a topology needs fewer than ten, so btslint does not read it further.`,
      range: { start: deep, end: Math.min(text.length, deep + 1) },
    });
  }
  if (guard.tooManyAliases !== undefined) {
    const at = guard.tooManyAliases;
    return refuse({
      kind: 'parse',
      message: `The file uses more than ${MAX_ALIASES} aliases (*name); btslint reads at most ${MAX_ALIASES}, so it does not read the file further. Write the values out, or use fewer aliases.`,
      range: { start: at, end: Math.min(text.length, at + 1) },
    });
  }
  const doc = compose(tokens, text.length);
  addDuplicateKeyErrors(doc, MAX_PROBLEMS + 1);
  if (doc.errors.length > MAX_PROBLEMS) doc.errors.splice(MAX_PROBLEMS, doc.errors.length - MAX_PROBLEMS, new (yaml().YAMLParseError)([text.length, text.length], 'BAD_INDENT', `... and ${(doc.errors.length - MAX_PROBLEMS).toLocaleString('en-US')} more syntax errors, not listed`));
  for (const e of doc.errors) {
    const message = e.code === 'TAB_AS_INDENT' ? 'A tab indents this line: YAML indents with spaces only. Replace the tab with spaces.' : cleanYamlMessage(e.message);
    // At least one character wide, but inside the text (an error at the end of the file has none after it).
    const start = Math.min(e.pos[0], text.length);
    problems.push({ kind: 'parse', message, range: { start, end: Math.min(text.length, Math.max(e.pos[1], start + 1)) } });
  }
  const root = new LNode(doc, doc.contents, null, null, null);
  const model: TopologyModel = { root, isJson, problems };
  if (!yaml().isMap(doc.contents)) {
    if (doc.errors.length === 0) {
      problems.push({ kind: 'schema', message: 'A topology file must be a mapping of keys (topology, environment, servers, ...).', range: { start: 0, end: Math.min(text.length, 1) } });
    }
    return model;
  }
  const aliasProblem = checkAliases(doc);
  if (aliasProblem) {
    // Not expanded, not validated, and not read further: anything that walks the tree (rules, the
    // editor's outline) would meet the expansion again, so the file stands for no topology.
    problems.push(aliasProblem);
    return { root: new LNode(doc, null, null, null, null), isJson, problems };
  }
  const version = root.get('topology');
  if (typeof version?.value === 'number' && version.value !== 1) {
    // A later format: its keys may mean other things, so neither the schema nor the rules check it.
    problems.push({
      kind: 'schema',
      message: `This file is written in topology format ${version.value}; this version of btslint reads format 1 only, so the file is not checked. Upgrade btslint, or write "topology: 1" if the file follows format 1.`,
      range: version.range,
    });
    return { root: new LNode(doc, null, null, null, null), isJson, problems };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    problems.push({ kind: 'parse', message: `The file cannot be read as data: ${(e as Error).message}`, range: { start: 0, end: Math.min(text.length, 1) } });
    return model;
  }
  const env = root.get('environment')?.str;
  if (env) model.environment = env.toLowerCase();
  if (!schema) return model;
  // Compiled ahead of time (ajv standalone code, checked against the schema by test/meta.test.ts) and
  // loaded on first use (lazy.ts): about 10 ms, where loading ajv and compiling the schema took 160 ms.
  const validate = topologyValidator();
  if (!validate(data)) {
    let reported = 0;
    const errors = simplifySchemaErrors(validate.errors ?? []);
    for (const err of errors) {
      // A <<placeholder>> a quick-fix inserted is reported by unfilled-placeholder, not as a schema error.
      const at = nodeAt(root, pointerSegments(err.instancePath));
      if (at && typeof at.value === 'string' && /<<[^<>\r\n]{1,80}>>/.test(at.value)) continue;
      if (reported === MAX_PROBLEMS) {
        problems.push({ kind: 'schema', message: `... and more schema errors after this one, not listed (btslint reports the first ${MAX_PROBLEMS} of a file).`, range: at?.range ?? { start: 0, end: 0 } });
        break;
      }
      const { range, message } = schemaProblem(root, err, TOPOLOGY_WORDING);
      problems.push({ kind: 'schema', message, range });
      reported++;
    }
  }
  return model;
}

/** Composes the parsed tokens into one document, as the `yaml` package's parseDocument does. */
function compose(tokens: CST.Token[], length: number): Document.Parsed {
  // logLevel 'error': the yaml package would print warnings (e.g. about collection keys) on stderr.
  const composer = new (yaml().Composer)({ uniqueKeys: false, keepSourceTokens: false, logLevel: 'error' });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new (yaml().YAMLParseError)(d.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'The file holds more than one YAML document (a second "---"); btslint reads the first only.'));
      break;
    }
  }
  return doc!;
}

/**
 * Walks the tokens without recursion: the offset of a collection nested deeper than MAX_DEPTH, and of
 * the alias past MAX_ALIASES (both undefined when the file is within bounds).
 */
export function yamlGuard(tokens: CST.Token[]): { deep?: number; tooManyAliases?: number } {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  let aliases = 0;
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return { deep: t.offset };
    if (t.type === 'alias' && ++aliases > MAX_ALIASES) return { tooManyAliases: t.offset };
    if (t.type === 'document') {
      if (t.value) stack.push([t.value, depth]);
    } else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      for (const item of t.items as CST.CollectionItem[]) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return {};
}

/**
 * Finds an alias that refers to the collection it stands in (a cycle), or aliases that together
 * expand to more than MAX_EXPANDED values (an alias bomb), without expanding anything: the expanded
 * size of each collection is computed once. Recursion is safe here: the depth is bounded above.
 */
function checkAliases(doc: Document.Parsed): ReaderProblem | undefined {
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  const table = aliasTable(doc);
  let total = 0;
  let found: ReaderProblem | undefined;
  const at = (n: Node) => ({ start: n.range?.[0] ?? 0, end: n.range?.[1] ?? 0 });
  const size = (n: unknown): number => {
    if (found || !n || typeof n !== 'object') return 0;
    if (yaml().isAlias(n)) {
      const target = table.get(n);
      if (!target) return 1;
      if (open.has(target)) {
        found = { kind: 'parse', message: `The alias *${n.source} stands inside the value it names, so it never ends; btslint does not expand it.`, range: at(n) };
        return 0;
      }
      const s = sizes.get(target) ?? size(target);
      total += s;
      if (s > MAX_EXPANDED || total > MAX_EXPANDED) {
        found ??= { kind: 'parse', message: `The aliases of this file expand to more than ${MAX_EXPANDED.toLocaleString('en-US')} values by this one (*${n.source}): an alias bomb. btslint does not expand them.`, range: at(n) };
      }
      return s;
    }
    if (yaml().isMap(n) || yaml().isSeq(n)) {
      open.add(n);
      let s = 1;
      for (const it of n.items as unknown[]) s += yaml().isPair(it) ? size(it.key) + size(it.value) : size(it);
      open.delete(n);
      sizes.set(n, s);
      return s;
    }
    return yaml().isScalar(n) ? 1 : 0;
  };
  size(doc.contents);
  return found;
}

function cleanYamlMessage(m: string): string {
  return m.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

