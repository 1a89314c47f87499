// Nothing quadratic in output: 50,000 synthetic findings in one file (the worst case for grouping) and
// over 500 files, through every formatter and the --fix planner (one insertion per finding). A generous
// hang guard, no timing assertion (bench/formatters.js measures); before the groupings were fixed,
// copying an array per finding took minutes here.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { FORMATTERS } from '../../server/src/cli/format';
import { planFixes } from '../../server/src/cli/fix';
import { syntheticDocuments, syntheticFindings, syntheticInput } from '../helpers/outputAtScale';

const N = 50000;
const GUARD = { timeout: 240000 };

for (const files of [1, 500]) {
  describe(`${N} findings in ${files} file(s)`, () => {
    const list = syntheticFindings(N, files);
    const input = syntheticInput(list);
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
      const docs = syntheticDocuments(input.files, N, files);
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
