// The client's document selector: btslint's file names in `file:` and in the scheme of every workspace
// folder (github.dev's vscode-vfs:, ...), never other schemes (git:, output:, untitled:).

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { documentSelector, FILE_PATTERNS } from '../../client/src/selector';

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
});
