// suppressionEdit (what the editor's "Suppress with a reason" quick-fix inserts): for every finding of
// a workspace (the binding fixtures, a YAML and a JSON topology with gaps, the examples' binding), the
// inserted suppression with a reason removes that finding and nothing else is suppressed that was not
// covered; with the <<reason>> placeholder it suppresses nothing and says so.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, BtsDocument, Finding, lint, readDocument } from '../../server/src/core';
import { applySuppressions, suppressionEdit } from '../../server/src/core/suppress';
import { fixtureBindings, GAPPY_TOPOLOGY } from './helpers';
import { repoRoot } from '../helpers/paths';

const NOW = new Date('2026-12-01T00:00:00Z');

function run(files: Map<string, string | Uint8Array>): { docs: BtsDocument[]; findings: Finding[] } {
  const docs = [...files].map(([n, c]) => readDocument(n, c));
  return { docs, findings: applySuppressions(lint(docs, { now: NOW }), docs, { now: NOW }).findings };
}

const id = (f: Finding) => `${f.uri}|${f.ruleId}|${f.nodePath}`;

function workspaceFiles(): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  for (const [n, b] of Object.entries(fixtureBindings())) files.set(`/ws/${n}`, b);
  files.set('/ws/prod.topology.yaml', GAPPY_TOPOLOGY.replace(/\n/g, '\r\n'));
  files.set('/ws/dr.topology.json', JSON.stringify({ topology: 1, environment: 'staging', sqlInstances: [{ name: 'DRSQL', volumes: [{ drive: 'E:', raid: 0, holds: ['data'] }], databases: [{ name: 'BizTalkMsgBoxDb', dataVolume: 'E:' }] }] }, null, 2) + '\n');
  files.set('/ws/Contoso.Orders.BindingInfo.xml', fs.readFileSync(path.join(repoRoot(), 'examples', 'bindings', 'Contoso.Orders.BindingInfo.xml')));
  return files;
}

describe('suppressionEdit', () => {
  it('for every finding: with a reason it suppresses that finding; with the placeholder it does not', () => {
    const files = workspaceFiles();
    const before = run(files);
    const targets = before.findings.filter((f) => !f.ruleId.startsWith('suppression-'));
    assert.ok(targets.length >= 15, `findings to suppress: ${targets.length}`);
    assert.ok(new Set(targets.map((f) => f.uri)).size >= 3);
    let checked = 0;
    for (const f of targets) {
      const doc = before.docs.find((d) => d.uri === f.uri)!;
      const edit = suppressionEdit(doc, f, { reason: 'accepted for the test' });
      assert.ok(edit, `an edit for ${f.ruleId} in ${f.uri}`);
      const text = applyEdits(doc.text, [edit]).text;
      const after = run(new Map([...files, [f.uri, text]]));
      assert.ok(!after.findings.some((g) => g.ruleId.startsWith('suppression-')), `${f.ruleId} in ${f.uri}: the suppression is valid and used:\n${after.findings.filter((g) => g.ruleId.startsWith('suppression-')).map((g) => g.message).join('\n')}\n${edit.newText}`);
      const gone = before.findings.filter((g) => !after.findings.some((h) => id(h) === id(g)));
      assert.ok(gone.some((g) => id(g) === id(f)), `${f.ruleId} in ${f.uri} is suppressed by:\n${edit.newText}`);
      assert.ok(gone.every((g) => g.uri === f.uri && g.ruleId === f.ruleId), 'only findings of that rule, in that file, go away');
      // The other documents parse as before (the comment breaks nothing).
      assert.deepEqual(readDocument(f.uri, text).problems.length, doc.problems.length);

      const placeholder = applyEdits(doc.text, [suppressionEdit(doc, f)!]).text;
      const ph = run(new Map([...files, [f.uri, placeholder]]));
      assert.ok(ph.findings.some((g) => id(g) === id(f)), 'with <<reason>> the finding stays');
      assert.ok(ph.findings.some((g) => g.ruleId === 'suppression-invalid' && /Replace the <<placeholder>>/.test(g.message)));
      checked++;
    }
    assert.equal(checked, targets.length);
  });

  it('writes the syntax of each file: XML comment with ":", YAML comment with "--" and the line ending, JSON key', () => {
    const files = workspaceFiles();
    const { docs, findings } = run(files);
    const yaml = findings.find((f) => f.uri === '/ws/prod.topology.yaml' && f.ruleId === 'msgbox-not-clustered')!;
    const ydoc = docs.find((d) => d.uri === yaml.uri)!;
    assert.deepEqual(suppressionEdit(ydoc, yaml, { reason: 'single node', until: '2027-03-31' }), {
      uri: yaml.uri,
      start: ydoc.text.indexOf('  - name: SQL01'),
      end: ydoc.text.indexOf('  - name: SQL01'),
      newText: '  # btslint-disable msgbox-not-clustered until=2027-03-31 -- single node\r\n',
    });
    const xml = findings.find((f) => f.uri.endsWith('FtpRelay.BindingInfo.xml') && f.ruleId === 'ftp-sftp-receive-not-clustered')!;
    const xdoc = docs.find((d) => d.uri === xml.uri)!;
    const e = suppressionEdit(xdoc, xml, { reason: 'one -- connection' })!;
    assert.match(e.newText, /^<!-- btslint-disable ftp-sftp-receive-not-clustered: one - connection -->\n +$/);
    const json = findings.find((f) => f.uri === '/ws/dr.topology.json' && f.ruleId === 'raid0-or-none')!;
    const jdoc = docs.find((d) => d.uri === json.uri)!;
    const je = suppressionEdit(jdoc, json, { reason: 'scratch' })!;
    const jtext = applyEdits(jdoc.text, [je]).text;
    assert.deepEqual(JSON.parse(jtext).sqlInstances[0].volumes[0]['$btslint-disable'], [{ rules: ['raid0-or-none'], reason: 'scratch' }]);
    const fileWide = suppressionEdit(ydoc, yaml, { reason: 'lab', scope: 'file' })!;
    assert.equal(fileWide.start, 0);
    assert.equal(fileWide.newText, '# btslint-disable-file msgbox-not-clustered -- lab\r\n');
  });
});
