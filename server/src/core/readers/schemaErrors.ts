// One wording for JSON-schema (ajv) errors, shared by the topology reader (readers/topology.ts) and
// the config reader (config/read.ts): each error placed at the YAML/JSON node it is about (the key for
// unknown keys, the value otherwise) and said in one sentence that names the node by its path.

import type { ErrorObject } from 'ajv';
import type { OffsetRange } from '../text';
import { LNode, nodeAt } from './yamlNode';
import { closest } from '../suggest';

/** What a reader adds to the shared wording. */
export interface SchemaWording {
  /** Keys never suggested or listed (e.g. `$schema`). */
  hiddenKeys?: readonly string[];
  /** For an unknown key: a hint of its own (another tool's key), instead of the closest known key. */
  unknownKeyHint?: (key: string, path: readonly string[]) => string | undefined;
  /** The keys to list for an unknown key with no close match (default: the schema's). */
  knownKeys?: (path: readonly string[], allowed: string[]) => string[];
  /** For a value not in an enum: the allowed value it is most likely meant as (`warn` for `warning`). */
  enumAlias?: (value: unknown) => string | undefined;
  /** For a `const` error: a note after the expected value. */
  constNote?: (path: readonly string[]) => string;
}

/** The path segments of a JSON pointer (`/hosts/0/name` -> `hosts`, `0`, `name`). */
export function pointerSegments(pointer: string): string[] {
  return pointer ? pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : [];
}

/**
 * Drops the noise ajv adds around oneOf/anyOf/if and the repeats, keeping the most specific errors;
 * where a value fails both `type` and `enum` (or `const`), the enum is kept (it lists the choices).
 */
export function simplifySchemaErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  const listed = new Set(out.filter((o) => o.keyword === 'enum' || o.keyword === 'const').map((o) => o.instancePath));
  return out.filter((e) => !(e.keyword === 'type' && listed.has(e.instancePath)));
}

/** The node an error names, by path (`"hosts[H].clustered"`), or `the top level`. */
function where(node: LNode): string {
  const p = node.path;
  return p ? `"${p}"` : 'the top level';
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
  string: 'text',
  null: 'empty',
};

function describeType(t: unknown): string {
  return (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' && TYPE_WORDS[x]) || JSON.stringify(x)).join(' or ');
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? 'nothing';
}

function patternHint(err: ErrorObject): string {
  const pattern = String((err.params as { pattern?: string }).pattern ?? '');
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return ' (a date written YYYY-MM-DD)';
  if (pattern.includes('[A-Za-z]:')) return " (a drive written like 'E:')";
  const desc = (err.parentSchema as { description?: string } | undefined)?.description;
  return desc ? ` (${desc.split('.')[0]})` : '';
}

/** One schema error as a problem at its node of the document (`root`), in the shared wording. */
export function schemaProblem(root: LNode, err: ErrorObject, wording: SchemaWording = {}): { range: OffsetRange; message: string } {
  const segs = pointerSegments(err.instancePath);
  const node = nodeAt(root, segs) ?? root;
  const at = where(node);
  const p = err.params as Record<string, unknown>;
  const value = () => show(node.toJS());
  switch (err.keyword) {
    case 'additionalProperties': {
      const extra = p.additionalProperty as string;
      const keyNode = node.get(extra);
      const hidden = wording.hiddenKeys ?? [];
      const allowed = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((k) => !hidden.includes(k));
      const near = closest(extra, allowed);
      const hint = wording.unknownKeyHint?.(extra, segs) ?? (near ? `did you mean "${near}"?` : `known keys: ${(wording.knownKeys?.(segs, allowed) ?? allowed).join(', ')}.`);
      return { range: keyNode ? keyNode.keyRange : node.keyRange, message: `Unknown key "${extra}" in ${at}: ${/[.?]$/.test(hint) ? hint : hint + '.'}` };
    }
    case 'required':
      return {
        range: node.parent ? node.keyRange : { start: node.range.start, end: node.range.start + 1 },
        message: `${at} is missing the required key "${p.missingProperty as string}".`,
      };
    case 'enum': {
      const alias = wording.enumAlias?.(node.toJS());
      const allowed = ((p.allowedValues as unknown[] | undefined) ?? []).map(show).join(', ');
      return { range: node.range, message: `${at} is ${value()}; it must be one of: ${allowed}${alias ? ` (did you mean "${alias}"?)` : ''}.` };
    }
    case 'const':
      return { range: node.range, message: `${at} must be ${show(p.allowedValue)}${wording.constNote?.(segs) ?? ''}; found ${value()}.` };
    case 'type':
      return { range: node.range, message: `${at} must be ${describeType(p.type)}; found ${value()}.` };
    case 'pattern':
      return { range: node.range, message: `${at} is ${value()}, which is not in the expected form${patternHint(err)}.` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { range: node.range, message: `${at} is ${value()}; it ${err.message ?? 'is out of range'}.` };
    case 'minItems':
      return { range: node.range, message: `${at} must list at least ${Number(p.limit)} item(s).` };
    case 'minLength':
      return { range: node.range, message: Number(p.limit) === 1 ? `${at} is empty.` : `${at} must be at least ${Number(p.limit)} characters long; found ${value()}.` };
    case 'uniqueItems':
      return { range: node.range, message: `${at} lists the same item twice.` };
    default:
      return { range: node.range, message: `${at}: ${err.message ?? 'is not valid'}.` };
  }
}
