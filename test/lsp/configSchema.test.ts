// Config files in the editor (issue 16, deliverable 5): package.json gives btslint.config.{json,jsonc}
// a JSON schema (jsonValidation) and btslint.config.{yaml,yml} the same one (yamlValidation, read by
// the YAML extension), so the editor completes and checks them; that schema names every rule id with
// its levels wherever a config sets levels (`rules`, `environments.<env>.rules`), which is what the
// editor completes rule ids from, and it checks what btslint.config.schema.json checks.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { allRules } from '../../server/src/core';

const REPO = path.join(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const schemaOf = (rel: string) => JSON.parse(fs.readFileSync(path.join(REPO, rel), 'utf8'));

describe('btslint.config files get a JSON schema in the editor', () => {
  it('jsonValidation and yamlValidation point every config file name at the editor schema', () => {
    const json = pkg.contributes.jsonValidation.find((v: { url: string }) => v.url.endsWith('btslint.config.editor.schema.json'));
    const yaml = pkg.contributes.yamlValidation.find((v: { url: string }) => v.url.endsWith('btslint.config.editor.schema.json'));
    assert.deepEqual([...json.fileMatch].sort(), ['btslint.config.json', 'btslint.config.jsonc']);
    assert.deepEqual([...yaml.fileMatch].sort(), ['btslint.config.yaml', 'btslint.config.yml']);
    assert.ok(fs.existsSync(path.join(REPO, json.url)));
    assert.ok(pkg.files.includes('schemas/') || pkg.files.some((f: string) => f.startsWith('schemas')), 'the schemas ship with the package');
  });

  it('names every rule id with its levels under rules and environments.<env>.rules, and validates as the base schema does', () => {
    const editor = schemaOf('schemas/btslint.config.editor.schema.json');
    const ids = Object.keys(editor.definitions.ruleIds.properties).sort();
    assert.deepEqual(ids, allRules.map((r) => r.meta.id).sort());
    for (const id of ids) assert.deepEqual(editor.definitions.ruleIds.properties[id].enum, ['off', 'info', 'warning', 'error'], id);
    assert.equal(editor.properties.rules.$ref, '#/definitions/ruleIds');
    for (const env of Object.keys(editor.properties.environments.properties)) assert.equal(editor.properties.environments.properties[env].properties.rules.$ref, '#/definitions/ruleIds', env);
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(schemaOf('schemas/btslint.config.schema.json'), 'btslint.config.schema.json');
    const validate = ajv.compile(editor);
    assert.equal(validate({ rules: { 'no-topology': 'off' }, environments: { production: { rules: { 'host-single-instance': 'error' } } } }), true, JSON.stringify(validate.errors));
    assert.equal(validate({ rules: { 'no-topology': 'loud' } }), false, 'a level that is not one');
  });
});
