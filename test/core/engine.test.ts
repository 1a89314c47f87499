// The engine run in steps (lintSteps, which the language server drives so that it can answer requests
// during a whole-workspace check) gives exactly lint()'s findings, pausing between rules; and caches
// kept per document version do not change what a second lint of the same documents finds.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules, lint, lintSteps, readDocument } from '../../server/src/core';
import { repoRoot } from '../helpers/paths';

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
