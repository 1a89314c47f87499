// Reading schemas/topology.schema.json for hover and completion: the schema node at a path of keys
// (through $ref, allOf, anyOf and array items), its description, its allowed values, and the rules
// that read a key (the descriptions name them: "Read by msgbox-not-clustered and ...").

import { allRules } from '../../core';
import { docsUrl } from '../docs';
import { topologySchema } from '../../core/readers/topology';

export interface Schema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  [k: string]: unknown;
}

/** A path segment: a key, or ARRAY_ITEM for "an item of this list". */
export const ARRAY_ITEM = '[]';
export type Segment = string;

const root = topologySchema() as Schema;

function deref(s: Schema | undefined): Schema | undefined {
  let cur = s;
  for (let guard = 0; cur?.$ref && guard < 20; guard++) {
    const m = /^#\/(definitions|\$defs)\/(.+)$/.exec(cur.$ref);
    if (!m) return cur;
    const target = (root[m[1]] as Record<string, Schema> | undefined)?.[m[2]];
    cur = target ? { ...target, ...withoutRef(cur) } : undefined;
  }
  return cur;
}

function withoutRef(s: Schema): Schema {
  const { $ref: _ref, ...rest } = s;
  void _ref;
  return rest;
}

/**
 * Flattens a schema node: $ref is followed and allOf/anyOf/oneOf branches are merged (properties
 * united; the node's own description first; enums and consts collected from every branch).
 */
export function resolve(s: Schema | undefined): Schema | undefined {
  const base = deref(s);
  if (!base) return undefined;
  const branches = [...(base.allOf ?? []), ...(base.anyOf ?? []), ...(base.oneOf ?? [])].map((b) => resolve(b)).filter((b): b is Schema => !!b);
  if (!branches.length) return base;
  const out: Schema = { ...base };
  delete out.allOf;
  delete out.anyOf;
  delete out.oneOf;
  const types = new Set<string>();
  const add = (t: string | string[] | undefined) => (Array.isArray(t) ? t : t ? [t] : []).forEach((x) => types.add(x));
  add(base.type);
  for (const b of branches) {
    add(b.type);
    out.description ??= b.description;
    if (b.properties) out.properties = { ...(b.properties ?? {}), ...(out.properties ?? {}) };
    out.items ??= b.items;
    const values = [...(b.enum ?? []), ...(b.const !== undefined ? [b.const] : [])];
    if (values.length) out.enum = [...(out.enum ?? []), ...values.filter((v) => !(out.enum ?? []).includes(v))];
    if (b.examples && !out.examples) out.examples = b.examples;
  }
  if (types.size) out.type = types.size === 1 ? [...types][0] : [...types];
  return out;
}

/** The schema of the value at `path` (keys, and ARRAY_ITEM or numbers for list items). */
export function schemaAt(path: (string | number)[]): Schema | undefined {
  let cur = resolve(root);
  for (const seg of path) {
    if (!cur) return undefined;
    if (seg === ARRAY_ITEM || typeof seg === 'number') cur = resolve(cur.items);
    else cur = resolve(cur.properties?.[seg] ?? matchPattern(cur, seg));
  }
  return cur;
}

function matchPattern(s: Schema, key: string): Schema | undefined {
  const pp = s.patternProperties as Record<string, Schema> | undefined;
  if (!pp) return undefined;
  for (const [re, sub] of Object.entries(pp)) if (new RegExp(re).test(key)) return { description: 'An extension key (x-...): free content for your own tools; btslint ignores it.', ...sub };
  return undefined;
}

export function typeOf(s: Schema): string[] {
  return Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : s.items ? ['array'] : [];
}

/** The allowed values of a scalar schema (enum, const, booleans). */
export function allowedValues(s: Schema): unknown[] {
  const out = [...(s.enum ?? []), ...(s.const !== undefined && !(s.enum ?? []).includes(s.const) ? [s.const] : [])];
  if (!out.length && typeOf(s).includes('boolean')) out.push(true, false);
  return out;
}

/** The ids of btslint's rules named in a description ("Read by x, y and z."). */
export function rulesNamedIn(description: string | undefined): string[] {
  if (!description) return [];
  return allRules.map((r) => r.meta.id).filter((id) => new RegExp(`(^|[^a-z0-9-])${id.replace(/-/g, '\\-')}([^a-z0-9-]|$)`).test(description));
}

/** Markdown for a key's hover: description, type, allowed values and the rules that read it. */
export function keyMarkdown(key: string, s: Schema): string {
  const lines: string[] = [`**${key}**${typeLabel(s) ? ` (${typeLabel(s)})` : ''}`, ''];
  if (s.description) lines.push(s.description, '');
  const values = s.enum ?? (s.const !== undefined ? [s.const] : []);
  if (values.length) lines.push(`Allowed: ${values.map((v) => '`' + JSON.stringify(v) + '`').join(', ')}`, '');
  if (s.examples?.length) lines.push(`Example: ${s.examples.slice(0, 2).map((v) => '`' + (typeof v === 'string' ? v : JSON.stringify(v)) + '`').join(', ')}`, '');
  const rules = rulesNamedIn(s.description);
  if (rules.length) lines.push(`Rules that read it: ${rules.map((id) => `[${id}](${docsUrl(id)})`).join(', ')}`);
  return lines.join('\n').trim();
}

export function typeLabel(s: Schema): string {
  const t = typeOf(s);
  return t
    .map((x) => (x === 'array' ? 'list' : x === 'object' ? 'mapping' : x === 'integer' ? 'whole number' : x))
    .join(' or ');
}
