// The engine run in steps (lintSteps, which the language server drives so that it can answer requests
// during a whole-workspace check) gives exactly lint()'s findings, pausing between rules; and caches
// kept per document version do not change what a second lint of the same documents finds. A rule
// timer (`btslint --timing`) measures every rule that ran, with the clock it is given, and changes
// nothing found.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules, lint, lintSteps, readDocument } from '../../server/src/core';
import { repoRoot } from '../helpers/paths';
import { TopologyEditor } from '../../server/src/core/rules/api';
import { TopologyView } from '../../server/src/core/model/join';

function exampleDocs() {
  const root = path.join(repoRoot(), 'examples');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(root);
  return files.sort().map((f) => readDocument(f, fs.readFileSync(f)));
}

describe('lintSteps', () => {
  it('gives lint()\'s findings, pausing at least once per rule', () => {
    const now = new Date('2026-12-01');
    const expected = lint(exampleDocs(), { now });
    assert.ok(expected.length > 10);
    const steps = lintSteps(exampleDocs(), { now });
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    assert.deepEqual(r.value, expected);
    assert.ok(pauses >= allRules.length - 4, `${pauses} pauses for ${allRules.length} rules`);
  });

  it('a second lint of the same documents (caches warm) finds the same', () => {
    const now = new Date('2026-12-01');
    const docs = exampleDocs();
    const first = lint(docs, { now });
    assert.deepEqual(lint(docs, { now }), first);
  });
});

describe('ruleTimer', () => {
  it('times every rule that checked and the reader problems (as parse-error), with the clock it is given, and finds the same', () => {
    const now = new Date('2026-12-01');
    const expected = lint(exampleDocs(), { now });
    // A clock that advances one unit per reading: each measured span is a whole number of units.
    let ticks = 0;
    const times = new Map<string, number>();
    const found = lint(exampleDocs(), { now, ruleTimer: { clock: () => ticks++, times } });
    assert.deepEqual(found, expected);
    const checked = allRules.filter((r) => r.check).map((r) => r.meta.id);
    assert.deepEqual([...times.keys()].sort(), [...checked, 'parse-error'].sort());
    // Each rule ran once per environment's run (the examples have several topologies): at least one
    // unit each, and the reader problems one span per document.
    for (const [id, t] of times) assert.ok(Number.isInteger(t) && t >= 1, `${id}: ${t}`);
    const spans = [...times.values()].reduce((n, t) => n + t, 0);
    assert.ok(spans <= ticks, `${spans} units measured, ${ticks} readings`);
  });

  it('adds up a rule\'s time over the environments it runs in', () => {
    const now = new Date('2026-12-01');
    const rule = allRules.find((r) => r.meta.id === 'msgbox-not-clustered')!;
    let ticks = 0;
    const times = new Map<string, number>();
    const docs = exampleDocs();
    const topologies = docs.filter((d) => d.kind === 'topology').length;
    assert.ok(topologies > 1, 'the examples hold a topology per environment');
    lint(docs, { now, rules: [rule], ruleTimer: { clock: () => ticks++, times } });
    // One unit per check (the clock read before and after it), one per environment's run.
    assert.equal(times.get('msgbox-not-clustered'), topologies);
  });
});

describe('TopologyEditor: an edit asked again is the one made before', () => {
  const topo = readDocument('prod.topology.yaml', 'topology: 1\nenvironment: production\nhosts:\n  - name: Send\n    instances: [A, B]\nmsmqServers:\n  - name: MSMQ1\n');
  const view = () => new TopologyView(topo);

  it('gives the same edit for the same place and value, and its own for each other', () => {
    const edit = new TopologyEditor(view());
    const a = edit.addToList('msmqServers', { name: 'MSMQ2', clustered: true });
    assert.ok(a);
    assert.equal(edit.addToList('msmqServers', { name: 'MSMQ2', clustered: true }), a);
    assert.notEqual(edit.addToList('msmqServers', { name: 'MSMQ3', clustered: true }), a);
    assert.equal(edit.addToList('msmqServers', { name: 'msmq1' }), undefined); // the list holds it
    const host = view().list('hosts')[0];
    const k = edit.insertKey(host, 'clustered', true);
    assert.ok(k);
    // Another wrapper of the same host (a new LNode per lookup) finds the edit made.
    assert.equal(edit.insertKey(view().list('hosts')[0], 'clustered', true), k);
    assert.notEqual(edit.insertKey(host, 'clustered', false), k);
    assert.notEqual(edit.insertKey(host, 'tracking', true), k);
    // Values JSON would not tell apart are written differently, so they are different edits.
    const withUndefined = edit.insertKey(host, 'backup', { daily: undefined });
    const empty = edit.insertKey(host, 'backup', {});
    assert.deepEqual(withUndefined, new TopologyEditor(view()).insertKey(view().list('hosts')[0], 'backup', { daily: undefined }));
    assert.deepEqual(empty, new TopologyEditor(view()).insertKey(view().list('hosts')[0], 'backup', {}));
    assert.notDeepEqual(withUndefined, empty);
  });

  it('makes the same edits as an editor that asks each once', () => {
    const shared = new TopologyEditor(view());
    const asks: [string, unknown][] = [['fileShares', { path: '\\\\fs\\in' }], ['hosts', { name: 'Recv' }], ['fileShares', { path: '\\\\fs\\in' }]];
    for (const [key, item] of asks) {
      assert.deepEqual(shared.addToList(key as 'hosts', item), new TopologyEditor(view()).addToList(key as 'hosts', item));
    }
    // The root as a map (insertKey) and its lists (addToList) do not answer for each other.
    const root = view().root;
    assert.notDeepEqual(shared.insertKey(root, 'fileShares', { path: '\\\\fs\\in' }), shared.addToList('fileShares', { path: '\\\\fs\\in' }));
  });
});
