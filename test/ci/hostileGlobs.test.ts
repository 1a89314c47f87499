// Globs come from repositories: nothing in a pattern may recurse on its depth or backtrack. Each case
// runs under a generous hang guard (no timing assertion): before the linear matcher, 20,000 nested
// braces overflowed the stack and twelve chained `**/` took minutes on one deep path.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { compileGlob, GLOB_LIMITS, patternProblem } from '../../server/src/core/config/glob';
import { MAX_CONFIG_PATTERNS } from '../../server/src/core/config';
import { jsonFindings, removeWorkspace, workspace } from './helpers';

const GUARD = { timeout: 60000 };
const DEEP = Array.from({ length: 60 }, (_, i) => `d${i}`).join('/') + '/file.txt';

describe('hostile globs', () => {
  it('twelve chained **/ on a 60-folder path: matched and not matched, promptly', GUARD, () => {
    assert.equal(compileGlob('**/'.repeat(12) + 'x.xml').test(DEEP), false);
    assert.equal(compileGlob('**/'.repeat(12) + 'file.txt').test(DEEP), true);
    const interleaved = Array.from({ length: 12 }, () => '**/d*').join('/');
    assert.equal(compileGlob(interleaved + '/x.xml').test(DEEP), false);
    assert.equal(compileGlob(interleaved + '/file.txt').test(DEEP), true);
    assert.equal(compileGlob('*d*d*d*d*d*d*d*d*d*d*d*x').test('d'.repeat(5000)), false);
  });

  it('braces nested to the limit still match; deeper nesting is refused, not a crash', GUARD, () => {
    const n = GLOB_LIMITS.braces;
    const nested = '{'.repeat(n) + 'a,b' + '}'.repeat(n) + '.xml';
    assert.equal(patternProblem(nested), undefined);
    assert.equal(compileGlob(nested).test('b.xml'), true);
    assert.equal(compileGlob(nested).test('c.xml'), false);
    const deeper = '{'.repeat(n + 1) + 'a' + '}'.repeat(n + 1);
    assert.match(patternProblem(deeper)!, /65 braces; the limit is 64/);
    assert.equal(compileGlob(deeper).test('a'), false);
    const hostile = '{'.repeat(20000) + 'a' + '}'.repeat(20000);
    assert.match(patternProblem(hostile)!, /40001 characters long; the limit is 1024/);
    assert.equal(compileGlob(hostile).test('a'), false);
  });

  it('a 1 MB pattern is refused and matches nothing', GUARD, () => {
    const big = '*'.repeat(1 << 20);
    assert.match(patternProblem(big)!, /1048576 characters long; the limit is 1024/);
    assert.equal(compileGlob(big).test('a.xml'), false);
  });

  it('in a config file: each over-limit pattern is a config-invalid finding at the pattern; the CLI runs on', GUARD, async () => {
    const braces = '{'.repeat(200) + 'a' + '}'.repeat(200);
    const big = 'a'.repeat(5000); // a config file over 256 KB is not read at all (read.ts MAX_CONFIG_BYTES)
    const chained = '**/'.repeat(12) + '*.xml';
    const many = Array.from({ length: MAX_CONFIG_PATTERNS + 1 }, (_, i) => `p${i}/*.xml`);
    const config = JSON.stringify({ include: [chained, braces], exclude: [big], topologies: many });
    const dir = workspace({ 'btslint.config.json': config, 'Orders.BindingInfo.xml': '<BindingInfo />\n' });
    try {
      const { findings } = await jsonFindings(dir);
      const invalid = findings.filter((f) => f.ruleId === 'config-invalid');
      // One line of JSON: each finding's column is where the refused pattern's string starts.
      const col = (s: string): number => config.indexOf(JSON.stringify(s)) + 1;
      const found = invalid.map((f) => [f.line, f.column, f.message.replace(/;.*/, '')]).sort((a, b) => Number(a[1]) - Number(b[1]));
      assert.deepEqual(found, [
        [1, col(braces), 'This pattern has 200 braces'],
        [1, col(big), 'This pattern is 5000 characters long'],
        [1, config.indexOf('"topologies"') + 1, '"topologies" lists 1,001 patterns'],
      ]);
    } finally {
      removeWorkspace(dir);
    }
  });
});
