// --fix and --fix-dry-run on the binding fixtures and a topology with gaps: with --fix-type
// fix,declaration every finding with a fix or declaration is answered (its placeholders then raise
// unfilled-placeholder, at the finding's severity, so the run still fails), no suggestion is applied, a second run leaves every byte and every
// modification time as it was, files with nothing to fix are never written (the UTF-16 and CRLF
// files included), a UTF-16 / CRLF / BOM topology keeps its encoding and line endings, a file changed
// on disk meanwhile is not overwritten, and the dry run prints the diff and writes nothing.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { cli, bindingsWorkspace, GAPPY_TOPOLOGY, jsonFindings, removeWorkspace, snapshot, workspace } from './helpers';
import { MAX_PASSES, planFixes, unifiedDiff, writeFixes } from '../../server/src/cli/fix';
import { BtsDocument, decode, lint, readDocument } from '../../server/src/core';

const TODAY = ['--today', '2026-12-01'];
const ALL = ['fix', 'declaration'] as const;

describe('--fix on a real workspace', () => {
  it('--fix-type fix,declaration answers every finding with a fix or declaration, writes only the topology, still fails, and a second run changes nothing', async () => {
    const dir = bindingsWorkspace();
    try {
      const before = await jsonFindings(dir);
      const fixable = before.findings.filter((f) => f.fix);
      assert.ok(fixable.length >= 5, 'the workspace has fixable findings');
      assert.ok(before.findings.some((f) => f.file.startsWith('bindings') && (f.fix || f.suggestions.length)), 'including one reported in a binding whose change edits the topology');
      const snap0 = snapshot(dir);

      const r = await cli(['--fix', '--fix-type', 'fix,declaration', '--format', 'json', ...TODAY], dir);
      assert.match(r.stderr, /applied \d+ fix(es)? \((\d+ fix(es)?, )?\d+ declarations?\) in 1 file\./);
      assert.equal(r.code, 1, 'placeholders keep the errors they answer: the run still fails');
      const after = await jsonFindings(dir);
      assert.deepEqual(after.findings.filter((f) => f.fix), [], 'no finding with a fix or declaration is left');
      // What is left: findings with suggestions only (never applied), "fill this in" placeholders the
      // declarations brought, and what a declared section lets other rules check (a declared backup
      // job: the databases it does not back up). Every error answered by a declaration still fails.
      for (const f of before.findings.filter((x) => (x.fix as { kind?: string } | null)?.kind === 'declaration' && x.severity === 'error')) {
        const still = after.findings.some((g) => g.ruleId === f.ruleId && g.nodePath === f.nodePath && g.severity === 'error');
        assert.ok(still || after.findings.some((g) => g.ruleId === 'unfilled-placeholder' && g.severity === 'error'), `${f.ruleId} (${f.nodePath}) answered without an error left`);
      }
      assert.ok(after.findings.some((f) => f.ruleId === 'unfilled-placeholder' && f.severity === 'error'), 'an error answered by a declaration stays an error');
      assert.ok(after.findings.some((f) => f.ruleId === 'msgbox-bampi-not-raid10'), 'the RAID 5 suggestion was not applied');
      // The report printed by --fix is the one of the fixed files.
      assert.deepEqual(JSON.parse(r.stdout).map((f: { ruleId: string; line: number }) => [f.ruleId, f.line]), after.findings.map((f) => [f.ruleId, f.line]));

      const snap1 = snapshot(dir);
      for (const [name, s] of snap0) {
        if (name === 'prod.topology.yaml') {
          assert.notDeepEqual(snap1.get(name)!.bytes, s.bytes, 'the topology was fixed');
          continue;
        }
        assert.ok(snap1.get(name)!.bytes.equals(s.bytes), `${name} keeps its bytes`);
        assert.equal(snap1.get(name)!.mtimeMs, s.mtimeMs, `${name} is not even touched`);
      }
      assert.deepEqual([...snap1.keys()].sort(), [...snap0.keys()].sort(), 'no temporary file is left behind');
      // The fixed topology parses and keeps LF line endings.
      const fixedText = snap1.get('prod.topology.yaml')!.bytes.toString('utf8');
      assert.ok(!fixedText.includes('\r'));
      assert.ok(!after.findings.some((f) => f.ruleId === 'parse-error' || f.ruleId === 'topology-schema'));

      const again = await cli(['--fix', '--fix-type', 'fix,declaration', ...TODAY], dir);
      assert.doesNotMatch(again.stderr, /applied/);
      const snap2 = snapshot(dir);
      for (const [name, s] of snap1) {
        assert.ok(snap2.get(name)!.bytes.equals(s.bytes), `second --fix: ${name} keeps its bytes`);
        assert.equal(snap2.get(name)!.mtimeMs, s.mtimeMs, `second --fix: ${name} is not touched`);
      }
    } finally {
      removeWorkspace(dir);
    }
  });

  it('--fix-dry-run prints the diff --fix would apply and writes nothing', async () => {
    const dir = bindingsWorkspace();
    const twin = bindingsWorkspace();
    try {
      const snap0 = snapshot(dir);
      const r = await cli(['--fix-dry-run', '--fix-type', 'fix,declaration', ...TODAY], dir);
      // Each change with its kind, then the diff.
      assert.match(r.stdout, /^(# (fix|declaration): .+ \([a-z-]+\)\n)+--- a\/prod\.topology\.yaml\n\+\+\+ b\/prod\.topology\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
      assert.match(r.stdout, /^# declaration: Declare the Backup BizTalk Server job \(backup-job-missing-or-disabled\)$/m);
      assert.match(r.stderr, /would change 1 file; nothing was written/);
      const snap1 = snapshot(dir);
      for (const [name, s] of snap0) {
        assert.ok(snap1.get(name)!.bytes.equals(s.bytes));
        assert.equal(snap1.get(name)!.mtimeMs, s.mtimeMs);
      }
      await cli(['--fix', '--fix-type', 'fix,declaration', ...TODAY], twin);
      const fixed = fs.readFileSync(path.join(twin, 'prod.topology.yaml'), 'utf8');
      assert.equal(r.stdout.replace(/^# .*\n/gm, ''), unifiedDiff(GAPPY_TOPOLOGY, fixed, 'prod.topology.yaml'), 'the dry run shows exactly what --fix writes');
      assert.equal(r.code, (await jsonFindings(twin)).code, 'the dry run exits as a lint of the fixed files would');
    } finally {
      removeWorkspace(dir);
      removeWorkspace(twin);
    }
  });

  it('keeps the encoding, BOM and CRLF line endings of the file it fixes (UTF-16 LE, UTF-8 BOM)', async () => {
    const crlf = GAPPY_TOPOLOGY.replace(/\n/g, '\r\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]);
    for (const [label, bytes, bom] of [
      ['UTF-16 LE + BOM, CRLF', utf16, [0xff, 0xfe]],
      ['UTF-8 + BOM, CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]), [0xef, 0xbb, 0xbf]],
    ] as const) {
      const dir = workspace({ 'prod.topology.yaml': bytes });
      try {
        await cli(['--fix', '--fix-type', 'fix,declaration', ...TODAY], dir);
        const out = fs.readFileSync(path.join(dir, 'prod.topology.yaml'));
        assert.deepEqual([...out.subarray(0, bom.length)], [...bom], `${label}: BOM kept`);
        const d = decode(out);
        assert.equal(d.encoding, bytes === utf16 ? 'utf16le' : 'utf8bom', label);
        assert.ok(d.text.length > crlf.length, `${label}: fixed`);
        assert.equal(d.text.replace(/\r\n/g, '').includes('\n'), false, `${label}: every line ends in CRLF`);
        const again = snapshot(dir);
        await cli(['--fix', '--fix-type', 'fix,declaration', ...TODAY], dir);
        assert.ok(snapshot(dir).get('prod.topology.yaml')!.bytes.equals(again.get('prod.topology.yaml')!.bytes), `${label}: second run changes nothing`);
      } finally {
        removeWorkspace(dir);
      }
    }
  });

  it('does not overwrite a file that changed on disk after it was read', () => {
    const dir = workspace({ 'prod.topology.yaml': GAPPY_TOPOLOGY });
    try {
      const file = path.join(dir, 'prod.topology.yaml');
      const bytes = fs.readFileSync(file);
      const docs = [readDocument(file, bytes)];
      const now = new Date('2026-12-01T00:00:00Z');
      const plan = planFixes(docs, new Map([[file, bytes]]), (ds: BtsDocument[]) => lint(ds, { now }), MAX_PASSES, ALL);
      assert.equal(plan.changed.size, 1);
      fs.writeFileSync(file, GAPPY_TOPOLOGY + '# edited by someone else\n');
      const w = writeFixes(plan);
      assert.deepEqual(w.written, []);
      assert.equal(w.refused.length, 1);
      assert.match(w.refused[0].reason, /changed on disk since btslint read it/);
      assert.equal(fs.readFileSync(file, 'utf8'), GAPPY_TOPOLOGY + '# edited by someone else\n');
      assert.deepEqual(fs.readdirSync(dir), ['prod.topology.yaml'], 'no temporary file left');
    } finally {
      removeWorkspace(dir);
    }
  });

  it('applies fixes that compete for one place over several passes, each file written once', () => {
    // restore-not-tested and no-offsite-copy both insert under backup:, at the same offset.
    const text = `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    fullFrequency: d
    fullDestination: '\\\\backup01\\bts\\full'
    logDestination: '\\\\backup01\\bts\\log'
    logIntervalMinutes: 15
`;
    const now = new Date('2026-12-01T00:00:00Z');
    const docs = [readDocument('/ws/p.topology.yaml', text)];
    const run = (ds: BtsDocument[]) => lint(ds, { now });
    const plan = planFixes(docs, new Map([['/ws/p.topology.yaml', Buffer.from(text)]]), run, MAX_PASSES, ALL);
    assert.ok(plan.passes >= 2, `passes: ${plan.passes}`);
    assert.deepEqual(plan.findings.filter((f) => f.fix), []);
    const final = plan.changed.get('/ws/p.topology.yaml')!.text;
    assert.match(final, /restoreTest:/);
    assert.match(final, /offsite:/);
    assert.deepEqual(readDocument('/ws/p.topology.yaml', final).problems, []);
  });

  it('refuses to rewrite a file whose bytes do not decode exactly', () => {
    const latin1 = Buffer.from('topology: 1\nenvironment: production\n# caf\xe9\n', 'latin1');
    const now = new Date('2026-12-01T00:00:00Z');
    const docs = [readDocument('/ws/p.topology.yaml', latin1)];
    const plan = planFixes(docs, new Map([['/ws/p.topology.yaml', latin1]]), (ds) => lint(ds, { now }), MAX_PASSES, ALL);
    assert.equal(plan.changed.size, 0);
    assert.match(plan.unwritable.get('/ws/p.topology.yaml') ?? '', /could not be read exactly|do not survive/);
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', 'f'), '');
  });

  it('one hunk with three lines of context, deletions before insertions', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n') + '\n';
    const b = ['1', '2', '3', '4', 'five', '6', '7', '8'].join('\n') + '\n';
    assert.equal(unifiedDiff(a, b, 'x.yaml'), '--- a/x.yaml\n+++ b/x.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n');
  });

  it('separate hunks when changes are far apart; insertions at the end; CRLF compares as lines', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i + 1}`);
    const a = lines.join('\r\n') + '\r\n';
    const b = [...lines.slice(0, 1), 'new', ...lines.slice(1), 'tail'].join('\r\n') + '\r\n';
    assert.equal(unifiedDiff(a, b, 'f'), '--- a/f\n+++ b/f\n@@ -1,4 +1,5 @@\n l1\n+new\n l2\n l3\n l4\n@@ -18,3 +19,4 @@\n l18\n l19\n l20\n+tail\n');
  });

  it('from an empty file', () => {
    assert.equal(unifiedDiff('', 'a\n', 'f'), '--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+a\n');
  });

  it('a file without a final newline: the "\\ No newline at end of file" marker, as diff -u writes it', () => {
    assert.equal(unifiedDiff('a\nb', 'a\nc', 'f'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    assert.equal(unifiedDiff('a\nb', 'a\nb\nc\n', 'f'), '--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n');
  });

  it('a change of the final newline alone is a hunk, never a header without one', () => {
    assert.equal(unifiedDiff('a\n', 'a', 'f'), '--- a/f\n+++ b/f\n@@ -1,1 +1,1 @@\n-a\n+a\n\\ No newline at end of file\n');
    assert.equal(unifiedDiff('a\r\nb', 'a\r\nb\r\n', 'f'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n');
  });

  it('a CR in a file whose lines end in LF shows, escaped', () => {
    assert.equal(unifiedDiff('a\nb\n', 'a\nb\r\n', 'f'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+b\\r\n');
  });
});

describe('--fix-dry-run on files without a final newline, with CRLF, and with nothing to change', () => {
  it('a CRLF topology without a final newline: the diff --fix writes, with the marker and no CR; the unchanged bindings are not listed', async () => {
    const topology = GAPPY_TOPOLOGY.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const dir = bindingsWorkspace({ 'prod.topology.yaml': topology });
    const twin = bindingsWorkspace({ 'prod.topology.yaml': topology });
    try {
      const r = await cli(['--fix-dry-run', '--fix-type', 'fix,declaration', ...TODAY], dir);
      const diff = r.stdout.replace(/^# .*\n/gm, '');
      assert.match(diff, /^--- a\/prod\.topology\.yaml\n\+\+\+ b\/prod\.topology\.yaml\n@@ /);
      assert.equal(diff.match(/^--- /gm)!.length, 1, 'only the file that changes');
      assert.match(diff, /^- {4}instances: \[BTS01, BTS02\]\n\\ No newline at end of file\n\+ {4}instances: \[BTS01, BTS02\]\n/m);
      assert.ok(!diff.includes('\r') && !diff.includes('\\r'), 'CRLF lines are shown without their CR');
      await cli(['--fix', '--fix-type', 'fix,declaration', ...TODAY], twin);
      const fixed = decode(fs.readFileSync(path.join(twin, 'prod.topology.yaml'))).text;
      assert.ok(fixed.includes('\r\n') && !/[^\r]\n/.test(fixed), '--fix kept CRLF');
      assert.equal(diff, unifiedDiff(topology, fixed, 'prod.topology.yaml'), 'the dry run shows exactly what --fix writes');
    } finally {
      removeWorkspace(dir);
      removeWorkspace(twin);
    }
  });

  it('nothing to change: no diff at all, and it says so', async () => {
    const dir = workspace({ 'prod.topology.yaml': 'topology: 1\r\nenvironment: development\r\n' });
    try {
      const r = await cli(['--fix-dry-run', ...TODAY], dir);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^btslint: --fix-dry-run: 0 fixes would change 0 files; nothing was written\.\n$/);
    } finally {
      removeWorkspace(dir);
    }
  });
});
