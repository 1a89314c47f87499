// Unit tests of the language server's suppression edits (features/suppress.ts) and of the severity
// overrides (policy.ts), without a server: the snippet form of the core's edit, the placeholder's
// range after the edit, and the overrides applied last.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Finding, readDocument, suppressionEdit } from '../../server/src/core';
import { escapeSnippet, placeholderRange, snippetOf } from '../../server/src/lsp/features/suppress';
import { withOverrides } from '../../server/src/lsp/policy';
import { applyTextEdits, snippetText } from './lspClient';

const finding = (uri: string, text: string, needle: string, ruleId = 'ftp-sftp-receive-not-clustered'): Finding => {
  const start = text.indexOf(needle);
  assert.ok(start >= 0);
  return { ruleId, severity: 'error', message: 'm', uri, range: { start, end: start + needle.length }, nodePath: 'n' };
};

describe('suppression edits in the language server', () => {
  it('escapes snippet syntax ($, } and \\) and nothing else', () => {
    assert.equal(escapeSnippet('"$btslint-disable": [{ "reason": "C:\\\\x" }]'), '"\\$btslint-disable": [{ "reason": "C:\\\\\\\\x" \\}]');
    assert.equal(snippetText(escapeSnippet('a $1 ${2:x} } \\ b')), 'a $1 ${2:x} } \\ b');
  });

  it('an element that does not start its line: the snippet starts at the line start and inserts the same text', () => {
    // No element starts its own line: the comment goes inline, before the root element.
    const text = '<?xml version="1.0"?><BindingInfo><ReceiveHandler Name="H" /></BindingInfo>\r\n';
    const doc = readDocument('file:///w/Inline.BindingInfo.xml', text);
    const f = finding(doc.uri, text, 'Name="H"');
    const edit = suppressionEdit(doc, f)!;
    assert.equal(edit.start, text.indexOf('<BindingInfo>'));
    const snip = snippetOf(doc, edit)!;
    assert.deepEqual(snip.range, { start: { line: 0, character: 0 }, end: { line: 0, character: edit.start } });
    const viaSnippet = applyTextEdits(text, [{ range: snip.range, newText: snippetText(snip.snippet) }]);
    const viaText = applyTextEdits(text, [{ range: doc.lines().range(edit), newText: edit.newText }]);
    assert.equal(viaSnippet, viaText);
    assert.equal((snip.snippet.match(/\$\{1:/g) ?? []).length, 1, 'one placeholder');
    assert.match(snip.snippet, /\$\{1:<<reason>>\}/);
  });

  it('the placeholder range is where <<reason>> lands after the edit (also for an edit spanning lines)', () => {
    const text = '{\n  "topology": 1,\n  "environment": "production",\n  "sqlInstances": [{ "name": "SQL1", "databases": [{ "name": "BizTalkMsgBoxDb" }] }]\n}\n';
    const doc = readDocument('file:///w/prod.topology.json', text);
    for (const scope of ['node', 'file'] as const) {
      const edit = suppressionEdit(doc, finding(doc.uri, text, '"name": "SQL1"', 'msgbox-not-clustered'), { scope })!;
      const after = applyTextEdits(text, [{ range: doc.lines().range(edit), newText: edit.newText }]);
      const r = placeholderRange(doc, edit)!;
      const lines = after.split('\n');
      assert.equal(lines[r.start.line].slice(r.start.character, r.end.character), '<<reason>>', scope);
      assert.doesNotThrow(() => JSON.parse(after), scope);
    }
  });
});

describe('btslint.severityOverrides', () => {
  const f = (ruleId: string, severity: Finding['severity']): Finding => ({ ruleId, severity, message: ruleId, uri: 'u', range: { start: 0, end: 0 }, nodePath: ruleId });

  it('replaces the level the policy gave, and off hides the rule', () => {
    const out = withOverrides([f('a', 'warning'), f('b', 'error'), f('c', 'info')], { a: 'error', b: 'off' });
    assert.deepEqual(out.map((x) => [x.ruleId, x.severity]), [['a', 'error'], ['c', 'info']]);
  });

  it('returns the same findings when there are no overrides', () => {
    const list = [f('a', 'warning')];
    assert.equal(withOverrides(list, {}), list);
  });
});
