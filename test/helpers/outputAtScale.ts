// The synthetic workload of output at scale, shared by test/ci/outputAtScale.test.ts (nothing
// quadratic, no timing) and bench/formatters.js (the timings, from out/test/helpers): `n` findings over
// `files` files, each with a one-insertion fix, and the documents that hold their offsets.

import type { FormatInput } from '../../server/src/cli/format';
import { BtsDocument, Finding, readDocument } from '../../server/src/core';

/** The k-th finding of a file is at offset 10 + 2k (one character), so fixes never overlap. */
export function syntheticFindings(n: number, files: number): Finding[] {
  const list: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const uri = `file:///w/f${i % files}.xml`;
    const at = 10 + Math.floor(i / files) * 2;
    list.push({
      ruleId: i % 2 ? 'no-offsite-copy' : 'restore-not-tested',
      severity: i % 3 ? 'warning' : 'error',
      message: `finding ${i}`,
      uri,
      range: { start: at, end: at + 1 },
      nodePath: `A[Name=x${i}]`,
      environment: i % 4 ? 'production' : 'test',
      topology: 'file:///w/prod.topology.yaml',
      fix: { kind: 'fix', title: `fix ${i}`, edits: [{ uri, start: at, end: at, newText: 'x' }] },
    });
  }
  return list;
}

/** What a formatter is given for those findings (80-column lines, paths under /w). */
export function syntheticInput(list: Finding[]): FormatInput & { files: string[] } {
  return {
    findings: list,
    display: (u) => u.slice('file:///w/'.length),
    position: (_u, off) => ({ line: Math.floor(off / 80), character: off % 80 }),
    color: false,
    cwd: '/w',
    version: '0.0.0',
    files: [...new Set(list.map((f) => f.uri))],
  };
}

/** One document per file, long enough for every finding's offset: `<a>..........</a>`. */
export function syntheticDocuments(uris: readonly string[], n: number, files: number): BtsDocument[] {
  const per = Math.ceil(n / files);
  return uris.map((u) => readDocument(u, `<a>${'.'.repeat(10 + per * 2)}</a>`));
}
