// One wording for schema errors (core/readers/schemaErrors.ts): the topology reader and the config
// reader say the same kind of mistake the same way, naming the node by its path, at the same place.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import { readTopology } from '../../server/src/core/readers/topology';
import { parseConfig } from '../../server/src/core/config/read';
import { LNode } from '../../server/src/core/readers/yamlNode';
import { schemaProblem, simplifySchemaErrors } from '../../server/src/core/readers/schemaErrors';

const topologyMessages = (text: string) => readTopology(text, false).problems.filter((p) => p.kind === 'schema').map((p) => p.message);
const configMessages = (text: string) => parseConfig('file:///w/btslint.config.yaml', text, ['restore-not-tested']).problems.map((p) => p.message);

describe('schema errors: one wording for the topology and config readers', () => {
  it('a wrong type: the same sentence, the node named by its path', () => {
    assert.deepEqual(topologyMessages('topology: 1\nenvironment: production\nbackup:\n  biztalkJob: { enabled: "yes" }\n'), [
      '"backup.biztalkJob.enabled" must be true or false; found "yes".',
    ]);
    assert.deepEqual(configMessages('root: "yes please"\n'), ['"root" must be true or false; found "yes please".']);
    assert.deepEqual(configMessages('environments:\n  production:\n    files: bindings\n'), ['"environments.production.files" must be a list; found "bindings".']);
  });

  it('a value not in a list: the allowed values quoted, with a reader\'s own hint', () => {
    assert.deepEqual(topologyMessages('topology: 1\nenvironment: prod\n'), ['"environment" is "prod"; it must be one of: "production", "staging", "test", "development".']);
    assert.deepEqual(configMessages('rules:\n  restore-not-tested: warn\n'), [
      '"rules.restore-not-tested" is "warn"; it must be one of: "off", "info", "warning", "error" (did you mean "warning"?).',
    ]);
  });

  it('an unknown key: at the key, with the closest known key, else the known keys', () => {
    const text = 'topology: 1\nenvironment: production\nhostz: []\n';
    const topo = readTopology(text, false).problems.filter((p) => p.kind === 'schema');
    assert.deepEqual(topo.map((p) => p.message), ['Unknown key "hostz" in the top level: did you mean "hosts"?']);
    assert.deepEqual(topo[0].range, { start: text.indexOf('hostz'), end: text.indexOf('hostz') + 5 });
    assert.deepEqual(configMessages('rulez: {}\n'), ['Unknown key "rulez" in the top level: did you mean "rules"?']);
    assert.deepEqual(configMessages('environments:\n  production:\n    fileNames: []\n'), [
      'Unknown key "fileNames" in "environments.production": known keys: rules, topology, files, fileNameMarkers.',
    ]);
    // The config file's own hints for other linters' keys.
    assert.deepEqual(configMessages('ignores: [a]\n'), ['Unknown key "ignores" in the top level: did you mean "exclude"?']);
  });

  it('a missing required key, at the mapping that lacks it', () => {
    assert.deepEqual(topologyMessages('topology: 1\nenvironment: production\nhosts:\n  - type: isolated\n'), ['"hosts[0]" is missing the required key "name".']);
  });

  it('every keyword of the shared wording, on a hand-made error', () => {
    const doc = parseDocument('a:\n  b: [1, 1]\n  c: ""\n  d: 7\n');
    const root = new LNode(doc, doc.contents, null, null, null);
    const err = (keyword: string, instancePath: string, params: Record<string, unknown>, message?: string): ErrorObject => ({ keyword, instancePath, schemaPath: '#', params, message });
    const say = (e: ErrorObject) => schemaProblem(root, e).message;
    assert.equal(say(err('uniqueItems', '/a/b', {})), '"a.b" lists the same item twice.');
    assert.equal(say(err('minItems', '/a/b', { limit: 3 })), '"a.b" must list at least 3 item(s).');
    assert.equal(say(err('minLength', '/a/c', { limit: 1 })), '"a.c" is empty.');
    assert.equal(say(err('minLength', '/a/c', { limit: 4 })), '"a.c" must be at least 4 characters long; found "".');
    assert.equal(say(err('maximum', '/a/d', { limit: 5 }, 'must be <= 5')), '"a.d" is 7; it must be <= 5.');
    assert.equal(say(err('const', '/a/d', { allowedValue: 1 })), '"a.d" must be 1; found 7.');
    assert.equal(say(err('type', '/a/d', { type: ['string', 'null'] })), '"a.d" must be text or empty; found 7.');
    assert.equal(say(err('format', '', {}, 'must match format "uri"')), 'the top level: must match format "uri".');
  });

  it('drops the anyOf/oneOf noise and a type error where an enum lists the choices', () => {
    const e = (keyword: string, instancePath: string, params: Record<string, unknown> = {}): ErrorObject => ({ keyword, instancePath, schemaPath: '#', params });
    const kept = simplifySchemaErrors([e('type', '/x', { type: 'string' }), e('enum', '/x', { allowedValues: ['a'] }), e('anyOf', '/x'), e('enum', '/x', { allowedValues: ['a'] }), e('type', '/y', { type: 'string' })]);
    assert.deepEqual(kept.map((k) => `${k.keyword}${k.instancePath}`), ['enum/x', 'type/y']);
  });
});
