// config-invalid findings come from the config reader (core/config), not from lint(): these tests read
// config texts through the same ConfigResolver the CLI uses and check each problem's exact range.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { blankJsonComments, ConfigResolver, configFindings, parseConfig } from '../../server/src/core/config';
import { allRules, Finding, LineIndex } from '../../server/src/core';

const IDS = allRules.map((r) => r.meta.id);

/** config-invalid findings for a set of files in a fake file system (paths with forward slashes). */
function findingsFor(files: Record<string, string>, linted = '/repo/a/b.BindingInfo.xml'): { findings: Finding[]; files: Record<string, string> } {
  const resolver = new ConfigResolver((p) => files[p.replace(/\\/g, '/')]);
  resolver.forFile(linted);
  return { findings: configFindings(resolver.configs()), files };
}

function range(text: string, f: Finding): [number, number, number, number] {
  const li = new LineIndex(text);
  const s = li.position(f.range.start);
  const e = li.position(f.range.end);
  return [s.line + 1, s.character + 1, e.line + 1, e.character + 1];
}

describe('config-invalid', () => {
  it('valid: JSON with comments, every key, every environment', () => {
    const text = `{
  // levels
  "$schema": "https://example.test/btslint.config.schema.json", /* block
  comment */
  "rules": { "restore-not-tested": "warning", "msgbox-not-clustered": "off", },
  "environments": { "production": { "rules": { "restore-not-tested": "error" } }, "development": {} },
  "include": ["**/*.xml", "deploy/*.topology.yaml"],
  "exclude": ["legacy"],
  "topologies": ["../deploy/*.topology.yaml"]
}`;
    const { findings } = findingsFor({ '/repo/btslint.config.json': text });
    assert.deepEqual(findings, []);
    const parsed = parseConfig('/repo/btslint.config.json', text, IDS);
    assert.equal(parsed.rules.get('restore-not-tested')?.value, 'warning');
    assert.equal(parsed.environments.get('production')?.get('restore-not-tested')?.value, 'error');
    assert.deepEqual(parsed.topologies?.value, ['../deploy/*.topology.yaml']);
  });

  it('valid: YAML config', () => {
    const { findings } = findingsFor({ '/repo/a/btslint.config.yaml': 'rules:\n  restore-not-tested: info # comment\nexclude: [legacy]\n' });
    assert.deepEqual(findings, []);
  });

  it('invalid: unknown keys (with hints), unknown rule ids, bad levels, at their positions', () => {
    const text = `{
  "rules": { "msgbox-not-clusterd": "off", "restore-not-tested": "warn" },
  "ignores": ["legacy"],
  "extends": "base",
  "environments": { "prod": {} }
}`;
    const { findings } = findingsFor({ '/repo/btslint.config.json': text });
    const got = findings.map((f) => [f.ruleId, f.severity, range(text, f), f.message]);
    assert.deepEqual(got, [
      ['config-invalid', 'error', [2, 14, 2, 35], 'Unknown rule "msgbox-not-clusterd" in rules: did you mean "msgbox-not-clustered"?'],
      ['config-invalid', 'error', [2, 66, 2, 72], '"rules.restore-not-tested" is "warn"; it must be one of: "off", "info", "warning", "error" (did you mean "warning"?).'],
      ['config-invalid', 'error', [3, 3, 3, 12], 'Unknown key "ignores" in the top level: did you mean "exclude"?'],
      ['config-invalid', 'error', [4, 3, 4, 12], 'Unknown key "extends" in the top level: btslint config files do not extend each other: the nearest one applies alone; copy the settings you need.'],
      ['config-invalid', 'error', [5, 21, 5, 27], 'Unknown key "prod" in "environments": did you mean "production"?'],
    ]);
    // The rest of the file still applies: restore-not-tested keeps its default, msgbox is untouched.
    const parsed = parseConfig('/repo/btslint.config.json', text, IDS);
    assert.equal(parsed.rules.size, 0);
  });

  it('invalid: syntax errors, at the parser\'s position', () => {
    const text = '{\n  "rules": { "restore-not-tested": "off" }\n  "exclude": []\n}\n';
    const { findings } = findingsFor({ '/repo/btslint.config.json': text });
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^The config file cannot be read: /);
    assert.deepEqual(range(text, findings[0]).slice(0, 2), [3, 3]);
  });

  it('invalid: a glob list written as one string', () => {
    const text = 'exclude: legacy\n';
    const { findings } = findingsFor({ '/repo/btslint.config.yaml': text });
    assert.deepEqual(
      findings.map((f) => [range(text, f), f.message]),
      [[[1, 10, 1, 16], '"exclude" must be a list; found "legacy".']],
    );
  });

  it('invalid: a second config file in the same folder is ignored and reported', () => {
    const { findings } = findingsFor({ '/repo/btslint.config.json': '{}', '/repo/btslint.config.yaml': 'rules: {}\n' });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].uri, '/repo/btslint.config.yaml');
    assert.match(findings[0].message, /ignored: btslint\.config\.json in the same folder applies/);
  });

  it('the config file may lower config-invalid itself', () => {
    const { findings } = findingsFor({ '/repo/btslint.config.yaml': 'rules:\n  config-invalid: warning\n  nope: off\n' });
    assert.deepEqual(findings.map((f) => f.severity), ['warning']);
  });

  it('comments are blanked without moving any offset; // inside strings stays', () => {
    const text = '{ "a": "http://x/*y*/", // c\n /* d\n e */ "b": 1 }';
    const blank = blankJsonComments(text);
    assert.equal(blank.length, text.length);
    assert.equal(JSON.parse(blank).a, 'http://x/*y*/');
    assert.equal(blank.indexOf('"b"'), text.indexOf('"b"'));
    assert.equal(blank.split('\n').length, text.split('\n').length);
  });
});
