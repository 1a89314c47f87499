// Nothing quadratic in output: 50,000 synthetic findings in one file (the worst case for grouping) and
// over 500 files, through every formatter and the --fix planner (one insertion per finding). A generous
// hang guard, no timing assertion (bench/formatters.js measures); before the groupings were fixed,
// copying an array per finding took minutes here.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { FORMATTERS, FormatInput } from '../../server/src/cli/format';
import { planFixes } from '../../server/src/cli/fix';
import { Finding, readDocument } from '../../server/src/core';

const N = 50000;
const GUARD = { timeout: 240000 };

function findings(files: number): Finding[] {
  const list: Finding[] = [];
  for (let i = 0; i < N; i++) {
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

for (const files of [1, 500]) {
  describe(`${N} findings in ${files} file(s)`, () => {
    const list = findings(files);
    const input: FormatInput = {
      findings: list,
      display: (u) => u.slice('file:///w/'.length),
      position: (_u, off) => ({ line: Math.floor(off / 80), character: off % 80 }),
      color: false,
      cwd: '/w',
      version: '0.0.0',
      files: [...new Set(list.map((f) => f.uri))],
    };
    for (const [name, format] of Object.entries(FORMATTERS)) {
      it(`${name}: every finding is in the output`, GUARD, () => {
        const out = format(input);
        if (name === 'stylish') assert.match(out, /✖ 50000 problems \(16667 errors, 33333 warnings, 0 info\)/);
        // The markdown summary counts every finding and lists the first errors (a job summary, capped).
        else if (name === 'markdown') assert.ok(out.includes(`## btslint: ${N} problems`) && out.includes('| Error | 16667 |') && out.includes('| Warning | 33333 |') && out.includes('finding 0'), out.slice(0, 400));
        else assert.ok(out.includes('finding 0') && out.includes(`finding ${N - 1}`));
      });
    }
    it('the --fix planner applies every insertion in one pass', GUARD, () => {
      const per = Math.ceil(N / files);
      const docs = input.files!.map((u) => readDocument(u, `<a>${'.'.repeat(10 + per * 2)}</a>`));
      const originals = new Map(docs.map((d) => [d.uri, Buffer.from(d.text)]));
      let first = true;
      const plan = planFixes(docs, originals, () => (first ? ((first = false), list) : []));
      assert.equal(plan.applied, N);
      assert.equal(plan.passes, 1);
      const text = plan.changed.get('file:///w/f0.xml')!.text;
      assert.equal(text.split('x').length - 1, per);
      assert.ok(text.startsWith('<a>.......x..x..x'), text.slice(0, 20));
    });
  });
}
