// The typed topology accessors (model/topologyShape.ts, read through TopologyView) know the keys of
// schemas/topology.schema.json: every map's keys, which keys hold lists, and what the lists hold. A key
// added to the format must be added to the shape before a rule can read it; a key removed from the
// format stops compiling in every rule that still reads it.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { SCALAR, TOPOLOGY_SHAPE } from '../../server/src/core/model/topologyShape';
import { repoRoot } from '../helpers/paths';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; $ref?: string; allOf?: Schema[]; anyOf?: Schema[]; oneOf?: Schema[] };

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', 'topology.schema.json'), 'utf8')) as Schema & { definitions?: Record<string, Schema> };

/** A schema with its $ref and allOf parts merged in. */
function resolve(s: Schema): Schema {
  if (s.$ref) return resolve(schema.definitions![s.$ref.split('/').pop()!]);
  if (s.allOf) {
    const parts = [{ ...s, allOf: undefined }, ...s.allOf.map(resolve)];
    const properties = Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<string, Schema>;
    return { ...Object.assign({}, ...parts), properties: Object.keys(properties).length ? properties : undefined };
  }
  return s;
}

/** The shape the schema describes, in TOPOLOGY_SHAPE's notation. */
function shapeOf(s: Schema): unknown {
  const r = resolve(s);
  if (r.properties) return Object.fromEntries(Object.entries(r.properties).map(([k, v]) => [k, shapeOf(v)]));
  if (r.type === 'array' && r.items) return [shapeOf(r.items)];
  return SCALAR;
}

describe('the topology shape of the typed accessors', () => {
  it('is the shape of schemas/topology.schema.json', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(TOPOLOGY_SHAPE)), shapeOf(schema));
  });
});
