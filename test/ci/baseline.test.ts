// Baselines on the binding fixtures and a topology with gaps: a written baseline silences everything
// it recorded (exit 0); after unrelated edits that shift every line, a new gap is the only finding
// reported (exit 1); entries that no longer match are counted on stderr; SARIF carries baselineState
// and fingerprints equal to the baseline's. Plus the pure core functions.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { cli, bindingsWorkspace, GAPPY_TOPOLOGY, jsonFindings, removeWorkspace } from './helpers';
import { createBaseline, fingerprint, matchBaseline, parseBaseline, serializeBaseline, sha256Hex } from '../../server/src/core/baseline';
import { fingerprint as sarifFingerprint } from '../../server/src/cli/format/sarif';
import type { Finding } from '../../server/src/core';
import { createHash } from 'crypto';

const TODAY = ['--today', '2026-12-01'];

describe('baseline workflow (CLI)', () => {
  it('silences what it recorded; a new gap after line shifts is the only finding (exit 1)', async () => {
    const dir = bindingsWorkspace();
    try {
      const before = await jsonFindings(dir);
      assert.equal(before.code, 1);
      assert.ok(before.findings.length >= 5);

      const w = await cli(['--write-baseline', 'btslint-baseline.json', ...TODAY], dir);
      assert.equal(w.code, 0, w.stderr);
      assert.match(w.stderr, new RegExp(`wrote ${before.findings.length} findings`));
      const written = JSON.parse(fs.readFileSync(path.join(dir, 'btslint-baseline.json'), 'utf8'));
      assert.equal(written.version, 1);
      for (const e of written.entries) {
        assert.ok(!e.file.includes('\\') && !path.isAbsolute(e.file), `relative, forward slashes: ${e.file}`);
        assert.equal(typeof e.nodePath, 'string');
        assert.match(e.fingerprint, /^[0-9a-f]{32}$/);
        assert.ok(e.count >= 1);
      }
      assert.equal(written.entries.reduce((n: number, e: { count: number }) => n + e.count, 0), before.findings.length);

      const silenced = await jsonFindings(dir, ['--baseline', 'btslint-baseline.json']);
      assert.deepEqual(silenced.findings, []);
      assert.equal(silenced.code, 0);
      assert.match(silenced.stderr, /every baseline entry still matches/);

      // Unrelated edits: a comment block at the top shifts every line; keys are reordered. Then a new
      // gap: a tempdb volume on RAID 0.
      const shifted =
        '# Contoso production\n# maintained by the platform team\n\n' +
        GAPPY_TOPOLOGY.replace("      - { drive: 'E:', raid: 5, holds: [data] }\n", "      - { drive: 'E:', raid: 5, holds: [data] }\n      - { drive: 'T:', raid: 0, holds: [tempdb] }\n");
      fs.writeFileSync(path.join(dir, 'prod.topology.yaml'), shifted);
      const after = await jsonFindings(dir, ['--baseline', 'btslint-baseline.json']);
      assert.equal(after.findings.length, 1, JSON.stringify(after.findings, null, 1));
      assert.equal(after.findings[0].ruleId, 'raid0-or-none');
      assert.equal(after.findings[0].line, 3 + 12, 'reported at the new volume, 3 lines down from where it would have been');
      assert.equal(after.code, 1);

      // Fixing a recorded gap: its entry no longer matches, and stderr says how many.
      fs.writeFileSync(path.join(dir, 'prod.topology.yaml'), shifted.replace("raid: 5", 'raid: 10'));
      const fixed = await cli(['--format', 'json', '--baseline', 'btslint-baseline.json', ...TODAY], dir);
      assert.match(fixed.stderr, /1 baseline entry no longer match/);
    } finally {
      removeWorkspace(dir);
    }
  });

  it('SARIF: new results carry baselineState "new", recorded ones "unchanged" with an external suppression', async () => {
    const dir = bindingsWorkspace();
    try {
      await cli(['--write-baseline', 'base.json', ...TODAY], dir);
      // A new gap: the BAM Primary Import database on the non-clustered instance.
      const topo = path.join(dir, 'prod.topology.yaml');
      fs.writeFileSync(topo, fs.readFileSync(topo, 'utf8').replace("      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }\n", "      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }\n      - { name: BAMPrimaryImport, dataVolume: 'E:' }\n"));
      const r = await cli(['--format', 'sarif', '--baseline', 'base.json', ...TODAY], dir);
      const log = JSON.parse(r.stdout);
      const results = log.runs[0].results as { ruleId: string; baselineState: string; suppressions?: unknown[]; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      const fresh = results.filter((x) => x.baselineState === 'new');
      const unchanged = results.filter((x) => x.baselineState === 'unchanged');
      assert.ok(fresh.length >= 1 && fresh.some((x) => x.ruleId === 'bam-primary-import-not-clustered'), 'the new database brings new findings');
      assert.ok(unchanged.length >= 5);
      assert.equal(fresh.length + unchanged.length, results.length);
      for (const u of unchanged) assert.deepEqual(u.suppressions, [{ kind: 'external', justification: 'Recorded in the baseline base.json.' }]);
      for (const n of fresh) assert.equal(n.suppressions, undefined);
      // The SARIF fingerprints are the baseline's fingerprints (baseline at the current folder).
      const base = JSON.parse(fs.readFileSync(path.join(dir, 'base.json'), 'utf8'));
      const prints = new Set(base.entries.map((e: { fingerprint: string }) => e.fingerprint));
      for (const u of unchanged) assert.ok(prints.has(u.partialFingerprints['btslintNodePath/v1']), 'unchanged result fingerprint is in the baseline');
      for (const n of fresh) assert.ok(!prints.has(n.partialFingerprints['btslintNodePath/v1']));
    } finally {
      removeWorkspace(dir);
    }
  });

  it('a baseline in another folder matches by paths relative to it', async () => {
    const dir = bindingsWorkspace();
    try {
      fs.mkdirSync(path.join(dir, 'ci'));
      await cli(['--write-baseline', 'ci/baseline.json', ...TODAY], dir);
      const entries = JSON.parse(fs.readFileSync(path.join(dir, 'ci', 'baseline.json'), 'utf8')).entries as { file: string }[];
      assert.ok(entries.every((e) => e.file.startsWith('../')), 'paths relative to the baseline folder');
      // Run from another current folder: still matches.
      const r = await cli(['--format', 'json', '--baseline', path.join('..', 'ci', 'baseline.json'), '..', ...TODAY], path.join(dir, 'bindings'));
      assert.deepEqual(JSON.parse(r.stdout), []);
      assert.equal(r.code, 0);
    } finally {
      removeWorkspace(dir);
    }
  });

  it('a missing or malformed baseline is a usage error (exit 2)', async () => {
    const dir = bindingsWorkspace({ 'bad.json': '{"version": 1}' });
    try {
      const missing = await cli(['--baseline', 'nope.json'], dir);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no such baseline file: nope\.json/);
      const bad = await cli(['--baseline', 'bad.json'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /no "entries" list/);
    } finally {
      removeWorkspace(dir);
    }
  });
});

describe('baseline (core)', () => {
  const f = (ruleId: string, uri: string, nodePath: string): Finding => ({ ruleId, severity: 'error', message: 'm', uri, range: { start: 0, end: 0 }, nodePath });
  const rel = (u: string) => u.replace('/ws/', '');

  it('sha256Hex is SHA-256', () => {
    for (const s of ['', 'abc', 'x'.repeat(1000), 'é\u0000ü']) assert.equal(sha256Hex(s), createHash('sha256').update(s).digest('hex'));
  });

  it('fingerprints ignore case and separators of the path, and equal SARIF partialFingerprints', () => {
    assert.equal(fingerprint('r', 'A\\B.xml', 'n'), fingerprint('r', 'a/b.xml', 'n'));
    assert.notEqual(fingerprint('r', 'a/b.xml', 'n'), fingerprint('r', 'a/b.xml', 'm'));
    assert.equal(fingerprint('r', 'Dir\\a.xml', 'p[x]'), sarifFingerprint('r', 'Dir\\a.xml', 'p[x]'));
  });

  it('counts duplicates, and matches them one for one', () => {
    const findings = [f('unfilled-placeholder', '/ws/t.yaml', 'placeholder:<<x>>'), f('unfilled-placeholder', '/ws/t.yaml', 'placeholder:<<x>>'), f('raid0-or-none', '/ws/t.yaml', 'v')];
    const b = createBaseline(findings, rel);
    assert.deepEqual(
      b.entries.map((e) => [e.rule, e.count]),
      [
        ['raid0-or-none', 1],
        ['unfilled-placeholder', 2],
      ],
    );
    const round = parseBaseline(serializeBaseline(b));
    const three = [...findings, f('unfilled-placeholder', '/ws/t.yaml', 'placeholder:<<x>>')];
    const m = matchBaseline(three, round, rel);
    assert.equal(m.unchanged.length, 3);
    assert.equal(m.fresh.length, 1);
    const m2 = matchBaseline([findings[2]], round, rel);
    assert.deepEqual(m2.absent.map((e) => [e.rule, e.count]), [['unfilled-placeholder', 2]]);
  });

  it('a hand-edited entry matches what it says (the fingerprint is recomputed)', () => {
    const b = parseBaseline(JSON.stringify({ version: 1, entries: [{ rule: 'raid0-or-none', file: 't.yaml', nodePath: 'v', fingerprint: 'stale' }] }));
    assert.equal(matchBaseline([f('raid0-or-none', '/ws/t.yaml', 'v')], b, rel).fresh.length, 0);
    assert.throws(() => parseBaseline('{"version": 2, "entries": []}'), /version 2/);
    assert.throws(() => parseBaseline('not json'), /not JSON/);
  });
});
