// Reads a topology file (*.topology.yaml|yml|json): parses it with positions, validates it against
// schemas/topology.schema.json with ajv (all errors), and reports each schema error at the YAML/JSON
// node it concerns, in words an administrator reads without knowing JSON Schema.

import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { parseDocument, isMap } from 'yaml';
import schema from '../../../../schemas/topology.schema.json';
import { LNode, nodeAt } from './yamlNode';
import type { OffsetRange } from '../text';

export interface ReaderProblem {
  message: string;
  range: OffsetRange;
  /** 'parse' for syntax, 'schema' for schema violations. */
  kind: 'parse' | 'schema';
}

export interface TopologyModel {
  root: LNode;
  isJson: boolean;
  environment?: string;
  problems: ReaderProblem[];
}

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: false });
    validator = ajv.compile(schema as object);
  }
  return validator;
}

export function topologySchema(): Record<string, unknown> {
  return schema as Record<string, unknown>;
}

/** The largest number of alias expansions accepted (an alias bomb stops here with a finding). */
const MAX_ALIAS_COUNT = 1000;

export function readTopology(text: string, isJson: boolean): TopologyModel {
  const problems: ReaderProblem[] = [];
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  for (const e of doc.errors) {
    problems.push({ kind: 'parse', message: cleanYamlMessage(e.message), range: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) } });
  }
  const root = new LNode(doc, doc.contents as never, null, null, null);
  const model: TopologyModel = { root, isJson, problems };
  if (!isMap(doc.contents)) {
    if (doc.errors.length === 0) {
      problems.push({ kind: 'schema', message: 'A topology file must be a mapping of keys (topology, environment, servers, ...).', range: { start: 0, end: Math.min(text.length, 1) } });
    }
    return model;
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
  const validate = getValidator();
  if (!validate(data)) {
    for (const err of simplify(validate.errors ?? [])) {
      const { range, message } = locate(root, err);
      problems.push({ kind: 'schema', message, range });
    }
  }
  return model;
}

function cleanYamlMessage(m: string): string {
  return m.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

/** Drops the noise ajv adds around oneOf/anyOf, keeping the most specific errors. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const seen = new Set<string>();
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    // When a value fails a type check in one branch and an enum in another, keep one message per path+keyword.
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  // Under anyOf/oneOf a value can fail both `type` and `enum`; prefer the enum (it lists the choices).
  return out.filter((e) => !(e.keyword === 'type' && out.some((o) => o !== e && o.instancePath === e.instancePath && (o.keyword === 'enum' || o.keyword === 'const'))));
}

function segments(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function where(node: LNode | undefined): string {
  const p = node?.path;
  return p ? `"${p}"` : 'the top level';
}

function describeType(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  const words = list.map((x) =>
    x === 'integer' ? 'a whole number' : x === 'number' ? 'a number' : x === 'boolean' ? 'true or false' : x === 'array' ? 'a list' : x === 'object' ? 'a mapping of keys' : x === 'string' ? 'text' : String(x),
  );
  return words.join(' or ');
}

function fmtValue(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  return JSON.stringify(v);
}

function closest(word: string, choices: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of choices) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

function locate(root: LNode, err: ErrorObject): { range: OffsetRange; message: string } {
  const segs = segments(err.instancePath);
  const node = nodeAt(root, segs) ?? root;
  const key = segs.length ? segs[segs.length - 1] : undefined;
  const label = key !== undefined && isNaN(Number(key)) ? `"${key}"` : `this item of ${where(node.parent ?? undefined)}`;
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const extra = String(p.additionalProperty);
      const unknown = node.get(extra);
      const allowed = Object.keys(((err.parentSchema as { properties?: object })?.properties ?? {}) as object);
      const hint = closest(extra, allowed);
      return {
        range: unknown ? unknown.keyRange : node.keyRange,
        message: `Unknown key "${extra}" in ${where(node)}${hint ? `: did you mean "${hint}"?` : `. Known keys: ${allowed.join(', ')}.`}`,
      };
    }
    case 'required': {
      const missing = String(p.missingProperty);
      return { range: node.parent ? node.keyRange : { start: node.range.start, end: node.range.start + 1 }, message: `${where(node)} is missing the required key "${missing}".` };
    }
    case 'enum':
      return {
        range: node.range,
        message: `${label} is ${fmtValue(node.toJS())}; it must be one of: ${((p.allowedValues as unknown[]) ?? []).map(fmtValue).join(', ')}.`,
      };
    case 'const':
      return { range: node.range, message: `${label} must be ${fmtValue(p.allowedValue)}${key === 'topology' ? ' (the only topology format version btslint knows)' : ''}; found ${fmtValue(node.toJS())}.` };
    case 'type':
      return { range: node.range, message: `${label} must be ${describeType(p.type)}; found ${fmtValue(node.toJS())}.` };
    case 'pattern':
      return { range: node.range, message: `${label} is ${fmtValue(node.toJS())}, which is not in the expected form${patternHint(err)}.` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { range: node.range, message: `${label} is ${fmtValue(node.toJS())}; it must be ${err.message}.` };
    case 'minItems':
      return { range: node.range, message: `${label} must list at least ${p.limit} item(s).` };
    case 'uniqueItems':
      return { range: node.range, message: `${label} lists the same item twice.` };
    default:
      return { range: node.range, message: `${label}: ${err.message ?? 'is not valid'}.` };
  }
}

function patternHint(err: ErrorObject): string {
  const pattern = String((err.params as { pattern?: string }).pattern ?? '');
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return ' (a date written YYYY-MM-DD)';
  if (pattern.includes('[A-Za-z]:')) return " (a drive written like 'E:')";
  const desc = (err.parentSchema as { description?: string } | undefined)?.description;
  return desc ? ` (${desc.split('.')[0]})` : '';
}
