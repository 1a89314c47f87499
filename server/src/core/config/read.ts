// Reads one btslint config file (btslint.config.json with comments, or btslint.config.yaml) into
// settings that remember where each was written, and problems at exact offsets. Both forms are parsed
// by the `yaml` package, which keeps source ranges: for JSON, comments are first blanked out with
// spaces (newlines kept), so every offset still points into the file as written.

import { configValidator, yaml } from '../lazy';
import schema from '../../../../schemas/btslint.config.schema.json';
import { decode, OffsetRange } from '../text';
import { addDuplicateKeyErrors, LNode } from '../readers/yamlNode';
import { schemaProblem, SchemaWording, simplifySchemaErrors } from '../readers/schemaErrors';
import { MAX_ALIASES, yamlGuard } from '../readers/topology';
import { patternProblem } from './glob';
import type { Level } from '../types';
import { closest } from '../suggest';

/** The largest config file read (a real one is a few hundred bytes); the shells read at most one byte more. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** The most glob patterns one of include, exclude or topologies may list. */
export const MAX_CONFIG_PATTERNS = 1000;

/** The most problems reported for one config file. */
const MAX_CONFIG_PROBLEMS = 100;

/** The names a config file may have, in the order they are looked for in a folder. */
export const CONFIG_FILE_NAMES = ['btslint.config.json', 'btslint.config.jsonc', 'btslint.config.yaml', 'btslint.config.yml'];

export const ENVIRONMENTS = ['production', 'staging', 'test', 'development'] as const;
export const LEVELS: Level[] = ['off', 'info', 'warning', 'error'];

export interface ConfigProblem {
  message: string;
  range: OffsetRange;
}

/** A value read from a config file, with the key it was written under and its range. */
export interface Setting<T> {
  value: T;
  /** The key path as a user would write it: `rules.restore-not-tested`, `environments.test.rules.x`. */
  key: string;
  range: OffsetRange;
}

export interface ParsedConfig {
  uri: string;
  text: string;
  rules: Map<string, Setting<Level>>;
  environments: Map<string, Map<string, Setting<Level>>>;
  include?: Setting<string[]>;
  exclude?: Setting<string[]>;
  topologies?: Setting<string[]>;
  /** `root: true`: topology files are not looked for above this config file's folder. */
  root?: Setting<boolean>;
  /** Per environment: its topology file, its files (globs) and extra file-name markers. */
  members: Map<string, EnvironmentMembers>;
  problems: ConfigProblem[];
}

/** `environments.<env>.topology`, `.files` and `.fileNameMarkers`: what belongs to an environment. */
export interface EnvironmentMembers {
  topology?: Setting<string>;
  files?: Setting<string[]>;
  fileNameMarkers?: Setting<string[]>;
}

export function configSchema(): Record<string, unknown> {
  return schema;
}

export function isConfigFileName(name: string): boolean {
  return CONFIG_FILE_NAMES.includes(name.toLowerCase());
}

/**
 * Parses a config file. `knownRuleIds` are the rule ids it may name (the registry's); any other id is
 * a problem reported at its key, with the closest known id as a hint.
 */
export function parseConfig(uri: string, content: string | Uint8Array, knownRuleIds: readonly string[]): ParsedConfig {
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > MAX_CONFIG_BYTES) {
    const problems = [{ message: `This config file is larger than ${MAX_CONFIG_BYTES / 1024} KB (a real one is a few hundred bytes), so btslint did not read it: defaults apply below it.`, range: { start: 0, end: 0 } }];
    return { uri, text: '', rules: new Map(), environments: new Map(), members: new Map(), problems };
  }
  const text = typeof content === 'string' ? content : decode(content).text;
  const isJson = /\.jsonc?$/i.test(uri);
  const out: ParsedConfig = { uri, text, rules: new Map(), environments: new Map(), members: new Map(), problems: [] };
  const source = isJson ? blankJsonComments(text, out.problems) : text;
  // Nesting and aliases are bounded on the (iterative) token stream before the recursive composer runs.
  const guard = yamlGuard([...new (yaml().Parser)().parse(source)]);
  const refusedAt = guard.deep ?? guard.tooManyAliases;
  if (refusedAt !== undefined) {
    out.problems.push({
      message: guard.deep !== undefined ? 'The config file nests lists and mappings too deep; btslint does not read it.' : `The config file uses more than ${MAX_ALIASES} aliases (*name); btslint does not read it.`,
      range: { start: refusedAt, end: Math.min(text.length, refusedAt + 1) },
    });
    return out;
  }
  const doc = yaml().parseDocument(source, { uniqueKeys: false, prettyErrors: false });
  addDuplicateKeyErrors(doc, MAX_CONFIG_PROBLEMS);
  if (doc.errors.length > MAX_CONFIG_PROBLEMS) doc.errors.length = MAX_CONFIG_PROBLEMS;
  for (const e of doc.errors) {
    out.problems.push({ message: `The config file cannot be read: ${e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim()}.`, range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) } });
  }
  const root = new LNode(doc, doc.contents, null, null, null);
  if (!yaml().isMap(doc.contents)) {
    if (!doc.errors.length && source.trim() !== '') out.problems.push({ message: 'A btslint config file holds a mapping of keys (rules, environments, include, exclude, topologies).', range: { start: 0, end: Math.min(text.length, 1) } });
    return out;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    out.problems.push({ message: `The config file cannot be read: ${(e as Error).message}`, range: { start: 0, end: Math.min(text.length, 1) } });
    return out;
  }
  const validate = configValidator(); // compiled ahead of time, as the topology's
  if (!validate(data)) for (const err of simplifySchemaErrors(validate.errors ?? []).slice(0, MAX_CONFIG_PROBLEMS)) out.problems.push(schemaProblem(root, err, CONFIG_WORDING));

  // Glob lists: one over MAX_CONFIG_PATTERNS is ignored (a problem at its key); a pattern over a size
  // limit (glob.ts patternProblem) is a problem at the pattern, and is left out.
  const patterns = (n: LNode, key: string): string[] | undefined => {
    const items = n.strings().filter((s) => s.str.trim() !== '');
    if (items.length > MAX_CONFIG_PATTERNS) {
      out.problems.push({ message: `"${key}" lists ${items.length.toLocaleString('en-US')} patterns; btslint reads at most ${MAX_CONFIG_PATTERNS}, so it ignores this setting.`, range: n.keyRange });
      return undefined;
    }
    return items
      .filter((s) => {
        const problem = patternProblem(s.str);
        if (problem) out.problems.push({ message: problem, range: s.range });
        return !problem;
      })
      .map((s) => s.str);
  };
  const known = new Set(knownRuleIds);
  const readLevels = (node: LNode | undefined, prefix: string): Map<string, Setting<Level>> => {
    const map = new Map<string, Setting<Level>>();
    if (!node?.isMap) return map;
    for (const [id, v] of node.entries()) {
      if (!known.has(id)) {
        const hint = closest(id, knownRuleIds);
        out.problems.push({
          message: `Unknown rule "${id}" in ${prefix}${hint ? `: did you mean "${hint}"?` : '. `btslint rules` lists the rule ids.'}`,
          range: v.keyRange,
        });
        continue;
      }
      const level = v.str;
      if (level === undefined || !(LEVELS as string[]).includes(level)) continue; // reported by the schema
      map.set(id, { value: level as Level, key: `${prefix}.${id}`, range: v.entryRange });
    }
    return map;
  };
  out.rules = readLevels(root.get('rules'), 'rules');
  const envs = root.get('environments');
  for (const env of ENVIRONMENTS) {
    const e = envs?.get(env);
    if (!e?.isMap) continue;
    out.environments.set(env, readLevels(e.get('rules'), `environments.${env}.rules`));
    const m: EnvironmentMembers = {};
    const topology = e.get('topology');
    const t = topology?.toJS();
    if (topology && typeof t === 'string' && t.trim() !== '') m.topology = { value: t.trim(), key: `environments.${env}.topology`, range: topology.entryRange };
    for (const key of ['files', 'fileNameMarkers'] as const) {
      const n = e.get(key);
      if (!n?.isSeq) continue;
      const value = key === 'files' ? patterns(n, `environments.${env}.files`) : n.strings().map((s) => s.str).filter((s) => s.trim() !== '');
      if (value) m[key] = { value, key: `environments.${env}.${key}`, range: n.entryRange };
    }
    if (m.topology || m.files || m.fileNameMarkers) out.members.set(env, m);
  }
  const rootKey = root.get('root');
  if (rootKey && rootKey.toJS() === true) out.root = { value: true, key: 'root', range: rootKey.entryRange };
  for (const key of ['include', 'exclude', 'topologies'] as const) {
    const n = root.get(key);
    if (!n?.isSeq) continue;
    const values = patterns(n, key);
    if (values) out[key] = { value: values, key, range: n.entryRange };
  }
  return out;
}

/**
 * Replaces `// line` and `/* block *\/` comments outside strings with spaces (newlines kept), so the
 * text parses as JSON and every offset is unchanged. An unclosed block comment is a problem.
 */
export function blankJsonComments(text: string, problems: ConfigProblem[] = []): string {
  const chars = text.split('');
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') chars[i++] = ' ';
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      if (close < 0) problems.push({ message: 'A comment is not closed with */.', range: { start: i, end: i + 2 } });
      for (let k = i; k < end; k++) if (text[k] !== '\n' && text[k] !== '\r') chars[k] = ' ';
      i = end;
      continue;
    }
    i++;
  }
  return chars.join('');
}

const TOP_KEYS = ['root', 'rules', 'environments', 'include', 'exclude', 'topologies'];

/** Hints for keys other linters' config files have and btslint's does not. */
const FOREIGN_KEYS: Record<string, string> = {
  extends: 'btslint config files do not extend each other: the nearest one applies alone; copy the settings you need',
  ignore: 'did you mean "exclude"?',
  ignores: 'did you mean "exclude"?',
  ignorePatterns: 'did you mean "exclude"?',
  files: 'did you mean "include"?',
  overrides: 'per-environment levels go under "environments"; a sub-folder can have its own config file',
};

const LEVEL_ALIASES: Record<string, string> = { warn: 'warning', err: 'error', none: 'off', ignore: 'off', disabled: 'off', note: 'info', information: 'info', '0': 'off', '1': 'warning', '2': 'error' };

/** The config file's additions to the shared schema-error wording. */
const CONFIG_WORDING: SchemaWording = {
  hiddenKeys: ['$schema'],
  unknownKeyHint: (key, path) => (path.length === 0 ? FOREIGN_KEYS[key] : undefined),
  knownKeys: (path, allowed) => (path.length === 0 ? TOP_KEYS : allowed),
  enumAlias: (v) => (typeof v === 'string' ? LEVEL_ALIASES[v.toLowerCase()] : undefined),
};
