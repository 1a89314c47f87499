// Where the cursor stands in a topology being typed (block YAML, flow YAML, JSON), and the schema
// lookups completion and hover build on.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { cursorContext } from '../../server/src/lsp/features/cursor';
import { allowedValues, rulesNamedIn, schemaAt } from '../../server/src/lsp/features/schema';

/** The context at the `|` marker. */
function at(textWithCursor: string, json = false) {
  const offset = textWithCursor.indexOf('|');
  const ctx = cursorContext(textWithCursor.replace('|', ''), offset, json);
  return ctx && { path: ctx.path.join('.'), kind: ctx.kind, word: ctx.word, present: ctx.present.sort().join(',') };
}

describe('lsp cursor context in topology files', () => {
  it('block YAML: keys of a list item, with the keys already written (above and below)', () => {
    const t = 'topology: 1\nhosts:\n  - name: A\n    type: in-process\n    cl|\n    instances: [X]\n  - name: B\n';
    assert.deepEqual(at(t), { path: 'hosts.[]', kind: 'key', word: 'cl', present: 'instances,name,type' });
  });

  it('block YAML: a new list item, a top-level key, a compact sequence', () => {
    assert.deepEqual(at('hosts:\n  - name: A\n  - |'), { path: 'hosts.[]', kind: 'key', word: '', present: '' });
    assert.deepEqual(at('topology: 1\nenvironment: test\nbi|'), { path: '', kind: 'key', word: 'bi', present: 'environment,topology' });
    assert.deepEqual(at('hosts:\n- name: A\n  ty|'), { path: 'hosts.[]', kind: 'key', word: 'ty', present: 'name' });
  });

  it('block YAML: values, scalar list items, nested mappings', () => {
    assert.deepEqual(at('hosts:\n  - name: A\n    type: in|'), { path: 'hosts.[].type', kind: 'value', word: 'in', present: '' });
    assert.deepEqual(at('hosts:\n  - name: A\n    instances:\n      - BTS|'), { path: 'hosts.[].instances.[]', kind: 'key', word: 'BTS', present: '' });
    assert.deepEqual(at('sqlInstances:\n  - name: S\n    failoverCluster:\n      nodes: [N1, |]'), { path: 'sqlInstances.[].failoverCluster.nodes.[]', kind: 'value', word: '', present: '' });
    assert.deepEqual(at('backup:\n  biztalkJob:\n    enabled: true\n    |'), { path: 'backup.biztalkJob', kind: 'key', word: '', present: 'enabled' });
  });

  it('flow YAML inside a list item', () => {
    assert.deepEqual(at("sqlInstances:\n  - name: S\n    volumes:\n      - { drive: 'E:', ra|"), { path: 'sqlInstances.[].volumes.[]', kind: 'key', word: 'ra', present: 'drive' });
    assert.deepEqual(at("sqlInstances:\n  - name: S\n    volumes:\n      - { drive: 'E:', raid: |"), { path: 'sqlInstances.[].volumes.[].raid', kind: 'value', word: '', present: '' });
  });

  it('JSON', () => {
    const t = '{\n  "topology": 1,\n  "hosts": [\n    { "name": "A", "cl|" }\n  ]\n}';
    assert.deepEqual(at(t, true), { path: 'hosts.[]', kind: 'key', word: 'cl', present: 'name' });
    assert.deepEqual(at('{ "environment": "|" }', true), { path: 'environment', kind: 'value', word: '', present: '' });
  });

  it('comments give no context', () => {
    assert.equal(at('# hosts:\n# |'), undefined);
  });
});

describe('lsp schema lookups', () => {
  it('follows $ref and allOf, and merges anyOf values', () => {
    assert.match(String(schemaAt(['sqlInstances', 0, 'name'])?.description), /The instance as BizTalk connects to it/);
    assert.deepEqual(allowedValues(schemaAt(['sqlInstances', '[]', 'volumes', '[]', 'raid'])!), [0, 1, 5, 6, 10, 'none']);
    assert.deepEqual(allowedValues(schemaAt(['hosts', '[]', 'clustered'])!), [true, false]);
    assert.equal(schemaAt(['hosts', '[]', 'nonsense']), undefined);
    assert.match(String(schemaAt(['hosts', '[]', 'x-owner'])?.description), /extension key/);
  });

  it('names the rules a description mentions, whole ids only', () => {
    assert.deepEqual(rulesNamedIn('Read by msgbox-not-clustered and host-single-instance.'), ['msgbox-not-clustered', 'host-single-instance']);
    assert.deepEqual(rulesNamedIn('Read by not-a-rule.'), []);
  });
});
