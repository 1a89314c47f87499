// The client's document selector: btslint's file names in `file:` and in the scheme of every workspace
// folder (github.dev's vscode-vfs:, ...), never other schemes (git:, output:, untitled:).

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { documentSelector, FILE_PATTERNS, widenSelector } from '../../client/src/selector';

describe('client document selector', () => {
  it('is file: alone without workspace folders', () => {
    assert.deepEqual(documentSelector(undefined), FILE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })));
  });

  it('adds the schemes of the workspace folders, once each', () => {
    const sel = documentSelector([{ uri: { scheme: 'vscode-vfs' } }, { uri: { scheme: 'vscode-vfs' } }, { uri: { scheme: 'file' } }]) as { scheme: string; pattern: string }[];
    assert.deepEqual([...new Set(sel.map((s) => s.scheme))], ['file', 'vscode-vfs']);
    assert.equal(sel.length, 2 * FILE_PATTERNS.length);
    assert.ok(sel.some((s) => s.scheme === 'vscode-vfs' && s.pattern === '**/*.topology.{yaml,yml,json}'));
  });

  it('is widened in place with the scheme of a folder added later, and only then', () => {
    const sel = documentSelector([{ uri: { scheme: 'file' } }]);
    const same = sel;
    assert.equal(widenSelector(sel, [{ uri: { scheme: 'file' } }]), false);
    assert.equal((sel as unknown[]).length, FILE_PATTERNS.length);
    assert.equal(widenSelector(sel, [{ uri: { scheme: 'file' } }, { uri: { scheme: 'vscode-vfs' } }]), true);
    assert.equal(sel, same, 'the same array: the language client holds it by reference');
    assert.deepEqual(sel, documentSelector([{ uri: { scheme: 'vscode-vfs' } }]));
    assert.equal(widenSelector(sel, [{ uri: { scheme: 'vscode-vfs' } }]), false);
    assert.equal((sel as unknown[]).length, 2 * FILE_PATTERNS.length);
  });
});
