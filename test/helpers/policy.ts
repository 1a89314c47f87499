// For the tests of the rules the policy step reports (suppression-*): lint() a small workspace, apply
// the suppressions, and give 1-based [line, col, endLine, endCol] ranges.

import { lint, readDocument } from '../../server/src/core';
import { applySuppressions } from '../../server/src/core/suppress';
import { DEFAULT_TODAY } from './ruleTester';

export function policyFindings(files: Record<string, string>, today = DEFAULT_TODAY) {
  const docs = Object.entries(files).map(([n, t]) => readDocument(n, t));
  const now = new Date(`${today}T00:00:00Z`);
  const r = applySuppressions(lint(docs, { now }), docs, { now });
  const rangeOf = (uri: string, s: number, e: number) => {
    const li = docs.find((d) => d.uri === uri)!.lines();
    const a = li.position(s);
    const b = li.position(e);
    return [a.line + 1, a.character + 1, b.line + 1, b.character + 1];
  };
  return { ...r, docs, rangeOf };
}
