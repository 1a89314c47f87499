// The command line's read of a binding (the tree parsed to what the model reads, then let go:
// document.ts letTreeGo) against the editor's (the whole tree kept), on the real corpus (npm run
// test:corpus): the same model of every binding, and the same findings for the whole corpus.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { isCandidateName, readDocument, withoutItsTree } from '../../server/src/core/document';
import { lint } from '../../server/src/core/engine';
import { corpusDir, repoRoot } from '../helpers/paths';
import { listFiles, modelFacts } from '../helpers/modelFacts';

describe('real corpus files, read as the command line reads them', () => {
  const files = listFiles(corpusDir()).filter(isCandidateName);

  it('give every binding the model the editor reads', () => {
    let released = 0;
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      const editor = readDocument(f, bytes);
      if (editor.kind !== 'binding') continue;
      const cli = readDocument(f, bytes, { shortLived: true });
      if (withoutItsTree(cli)) released++;
      assert.deepEqual(cli.problems, editor.problems, f);
      assert.deepEqual(modelFacts(cli), modelFacts(editor), f);
    }
    assert.ok(released >= 15, `${released} bindings read without their tree`);
  });

  it('give the corpus, with the example topology, the findings the editor gives', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    const topology = path.join(repoRoot(), 'examples', 'contoso.topology.yaml');
    const read = (shortLived: boolean) => [...files, topology].map((f) => readDocument(f, fs.readFileSync(f), { shortLived }));
    const findings = lint(read(true), { now });
    assert.ok(findings.length > 50, `${findings.length} findings`);
    assert.deepEqual(findings, lint(read(false), { now }));
  });
});
