// Baseline fingerprints are the identity of a finding across runs (ruleId, file, nodePath): a team's
// committed .btslint-baseline.json matches today's findings only while the nodePaths a rule builds stay
// the same strings. The example workspace's fingerprints are recorded in
// test/fixtures/examples-fingerprints.json; a change of a nodePath (the rules build them with
// rules/nodePath.ts) breaks every baseline already written, and shows here first.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { baselineFingerprint } from '../../server/src/core';
import { cli } from './helpers';
import { repoRoot } from '../helpers/paths';

interface Row {
  rule: string;
  file: string;
  nodePath: string;
  fingerprint: string;
}

const byKey = (x: Row, y: Row) => (x.file + x.rule + x.nodePath).localeCompare(y.file + y.rule + y.nodePath);

describe('baseline fingerprints of the example workspace', () => {
  it('are the recorded ones (nodePaths unchanged, so baselines already written keep matching)', async () => {
    const run = await cli(['examples', '--format', 'json'], repoRoot());
    assert.equal(run.code, 1, run.stderr);
    const findings = JSON.parse(run.stdout) as { ruleId: string; file: string; nodePath: string }[];
    const rows: Row[] = findings.map((f) => ({ rule: f.ruleId, file: f.file.replace(/\\/g, '/'), nodePath: f.nodePath, fingerprint: baselineFingerprint(f.ruleId, f.file, f.nodePath) })).sort(byKey);
    const recorded = (JSON.parse(fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'examples-fingerprints.json'), 'utf8')) as Row[]).sort(byKey);
    assert.ok(recorded.length > 40, 'the recording covers the example workspace');
    assert.deepEqual(rows, recorded);
  });
});
