// Suppressions on the binding fixtures and a topology with gaps, through the CLI: one with a reason
// removes its finding and only it; the same without a reason leaves the finding and adds one at the
// comment's line; expired and unused suppressions are reported; XML, YAML and JSON forms; a finding
// reported in a binding (whose fix edits the topology) is suppressed in the binding; a finding about
// a missing key is covered by a suppression before the node it is reported on.

import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { cli, bindingsWorkspace, GAPPY_TOPOLOGY, jsonFindings, JsonFinding, removeWorkspace, workspace } from './helpers';

const key = (f: JsonFinding) => `${f.file.replace(/\\/g, '/')}|${f.ruleId}|${f.nodePath}`;

/** Findings of `after` minus those of `before` (by identity, not line), and the reverse. */
function delta(before: JsonFinding[], after: JsonFinding[]): { added: JsonFinding[]; removed: JsonFinding[] } {
  const b = new Map<string, number>();
  for (const f of before) b.set(key(f), (b.get(key(f)) ?? 0) + 1);
  const added: JsonFinding[] = [];
  for (const f of after) {
    const n = b.get(key(f)) ?? 0;
    if (n > 0) b.set(key(f), n - 1);
    else added.push(f);
  }
  const a = new Map<string, number>();
  for (const f of after) a.set(key(f), (a.get(key(f)) ?? 0) + 1);
  const removed: JsonFinding[] = [];
  for (const f of before) {
    const n = a.get(key(f)) ?? 0;
    if (n > 0) a.set(key(f), n - 1);
    else removed.push(f);
  }
  return { added, removed };
}

const TOPO_SUPPRESSED = (comment: string) => GAPPY_TOPOLOGY.replace('sqlInstances:\n  - name: SQL01', `sqlInstances:\n  ${comment}\n  - name: SQL01`);
const COMMENT_LINE = 9; // the line the comment lands on in TOPO_SUPPRESSED

describe('suppressions on a real workspace', () => {
  let dir: string;
  let baseline: JsonFinding[];
  before(async () => {
    dir = bindingsWorkspace();
    baseline = (await jsonFindings(dir)).findings;
    assert.ok(baseline.some((f) => f.ruleId === 'msgbox-not-clustered'));
  });
  after(() => removeWorkspace(dir));

  const topo = () => path.join(dir, 'prod.topology.yaml');
  const ftp = () => path.join(dir, 'bindings', 'FtpRelay.BindingInfo.xml');

  it('a YAML suppression with a reason removes its finding and only it', async () => {
    fs.writeFileSync(topo(), TOPO_SUPPRESSED('# btslint-disable msgbox-not-clustered -- single SQL node until the cluster is built in Q3'));
    const { findings } = await jsonFindings(dir);
    const d = delta(baseline, findings);
    assert.deepEqual(d.removed.map((f) => f.ruleId), ['msgbox-not-clustered']);
    assert.deepEqual(d.added, []);
  });

  it('the same suppression without a reason suppresses nothing and is reported at the comment\'s line', async () => {
    fs.writeFileSync(topo(), TOPO_SUPPRESSED('# btslint-disable msgbox-not-clustered'));
    const { findings, code } = await jsonFindings(dir);
    const d = delta(baseline, findings);
    assert.deepEqual(d.removed, []);
    assert.deepEqual(d.added.map((f) => [f.ruleId, f.file, f.line]), [['suppression-invalid', 'prod.topology.yaml', COMMENT_LINE]]);
    assert.match(d.added[0].message, /gives no reason/);
    assert.equal(code, 1);
  });

  it('an expired suppression stops applying and is reported as expired', async () => {
    fs.writeFileSync(topo(), TOPO_SUPPRESSED('# btslint-disable msgbox-not-clustered until=2026-11-30 -- cluster due in November'));
    const { findings } = await jsonFindings(dir);
    const d = delta(baseline, findings);
    assert.deepEqual(d.removed, []);
    assert.deepEqual(d.added.map((f) => [f.ruleId, f.line]), [['suppression-expired', COMMENT_LINE]]);
    assert.match(d.added[0].message, /expired on 2026-11-30/);
    // The day itself still applies.
    const onTheDay = await cli(['--format', 'json', '--today', '2026-11-30'], dir);
    assert.ok(!(JSON.parse(onTheDay.stdout) as JsonFinding[]).some((f) => f.ruleId === 'msgbox-not-clustered' || f.ruleId === 'suppression-expired'));
  });

  it('a suppression that suppresses nothing is reported as unused', async () => {
    fs.writeFileSync(topo(), TOPO_SUPPRESSED('# btslint-disable raid0-or-none -- no RAID 0 volume here, just in case'));
    const { findings } = await jsonFindings(dir);
    const d = delta(baseline, findings);
    assert.deepEqual(d.removed, []);
    assert.deepEqual(d.added.map((f) => [f.ruleId, f.line]), [['suppression-unused', COMMENT_LINE]]);
  });

  it('a finding reported in a binding (its fix edits the topology) is suppressed by an XML comment in the binding', async () => {
    fs.writeFileSync(topo(), GAPPY_TOPOLOGY);
    const original = fs.readFileSync(ftp(), 'utf8');
    try {
      fs.writeFileSync(ftp(), original.replace('        <ReceiveLocation Name="FtpReceiveLocation">', '        <!-- btslint-disable ftp-sftp-receive-not-clustered: the partner FTP server allows one connection, so only BTS01 polls it -->\n        <ReceiveLocation Name="FtpReceiveLocation">'));
      const { findings } = await jsonFindings(dir);
      const d = delta(baseline, findings);
      assert.deepEqual(d.removed.map((f) => [f.ruleId, f.file.replace(/\\/g, '/')]), [['ftp-sftp-receive-not-clustered', 'bindings/FtpRelay.BindingInfo.xml']]);
      assert.deepEqual(d.added, []);

      // A suppression of that rule in the topology does not reach the binding's finding: it is unused.
      fs.writeFileSync(ftp(), original);
      fs.writeFileSync(topo(), GAPPY_TOPOLOGY.replace('  - name: BizTalkServerApplication', '  # btslint-disable ftp-sftp-receive-not-clustered -- wrong file\n  - name: BizTalkServerApplication'));
      const other = delta(baseline, (await jsonFindings(dir)).findings);
      assert.deepEqual(other.removed, []);
      assert.deepEqual(other.added.map((f) => f.ruleId), ['suppression-unused']);
    } finally {
      fs.writeFileSync(ftp(), original);
      fs.writeFileSync(topo(), GAPPY_TOPOLOGY);
    }
  });

  it('`--` inside an XML comment still suppresses, and is reported with a fix (XML forbids it)', async () => {
    const original = fs.readFileSync(ftp(), 'utf8');
    try {
      fs.writeFileSync(ftp(), original.replace('        <ReceiveLocation Name="FtpReceiveLocation">', '        <!-- btslint-disable ftp-sftp-receive-not-clustered -- one connection allowed -->\n        <ReceiveLocation Name="FtpReceiveLocation">'));
      const { findings } = await jsonFindings(dir);
      const d = delta(baseline, findings);
      assert.deepEqual(d.removed.map((f) => f.ruleId), ['ftp-sftp-receive-not-clustered']);
      // Reported on the comment's line: the one the receive location stood on.
      const line = original.slice(0, original.indexOf('        <ReceiveLocation Name="FtpReceiveLocation">')).split('\n').length;
      assert.deepEqual(d.added.map((f) => [f.ruleId, f.line]), [['suppression-invalid', line]]);
      assert.match(d.added[0].message, /XML does not allow `--` inside a comment/);
      assert.ok(d.added[0].fix);
      // --fix rewrites it as ": reason", and the result is well-formed for .NET (no `--` inside).
      await cli(['--fix', '--today', '2026-12-01'], dir);
      const fixed = fs.readFileSync(ftp(), 'utf8');
      assert.ok(fixed.includes('<!-- btslint-disable ftp-sftp-receive-not-clustered: one connection allowed -->'), fixed.slice(0, 0));
      assert.ok(!delta(baseline, (await jsonFindings(dir)).findings).added.some((f) => f.ruleId === 'suppression-invalid'));
    } finally {
      fs.writeFileSync(ftp(), original);
      fs.writeFileSync(topo(), GAPPY_TOPOLOGY);
    }
  });

  it('--ignore-suppressions reports everything and no suppression finding (audit runs)', async () => {
    fs.writeFileSync(topo(), TOPO_SUPPRESSED('# btslint-disable msgbox-not-clustered -- single SQL node until Q3'));
    try {
      const { findings } = await jsonFindings(dir, ['--ignore-suppressions']);
      const d = delta(baseline, findings);
      assert.deepEqual(d.removed, []);
      assert.deepEqual(d.added, []);
    } finally {
      fs.writeFileSync(topo(), GAPPY_TOPOLOGY);
    }
  });
});

describe('suppression scopes', () => {
  const TOPO = `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    databases:
      - { name: BizTalkMsgBoxDb }
      - { name: BAMPrimaryImport }
  - name: SQL2
    databases:
      - { name: BizTalkMsgBoxDb }
backup:
  biztalkJob:
    enabled: true
    fullFrequency: d
    fullDestination: '\\\\backup01\\bts\\full'
    logDestination: '\\\\backup01\\bts\\log'
    logIntervalMinutes: 15
  offsite: { location: vault, schedule: daily, copies: 3 }
`;
  async function run(text: string, name = 'prod.topology.yaml'): Promise<JsonFinding[]> {
    const dir = workspace({ [name]: text });
    try {
      return (await jsonFindings(dir)).findings;
    } finally {
      removeWorkspace(dir);
    }
  }

  it('a suppression before a list item covers that item only, not its sibling', async () => {
    const all = await run(TOPO);
    assert.equal(all.filter((f) => f.ruleId === 'msgbox-not-clustered').length, 2);
    const one = await run(TOPO.replace('  - name: SQL1', '  # btslint-disable msgbox-not-clustered, bam-primary-import-not-clustered -- SQL1 is the DR standby\n  - name: SQL1'));
    assert.deepEqual(one.filter((f) => ['msgbox-not-clustered', 'bam-primary-import-not-clustered'].includes(f.ruleId)).map((f) => [f.ruleId, f.nodePath]), [['msgbox-not-clustered', 'sqlInstances[name=SQL2]:BizTalkMsgBoxDb']]);
    assert.ok(!one.some((f) => f.ruleId.startsWith('suppression-')));
  });

  it('a finding about a missing key is covered by a suppression before the node it is reported on', async () => {
    const all = await run(TOPO);
    const missing = all.find((f) => f.ruleId === 'restore-not-tested')!;
    assert.ok(missing, 'restore-not-tested is reported (backup.restoreTest is missing)');
    assert.equal(missing.line, 11, 'at the backup: key, the nearest node that exists');
    const covered = await run(TOPO.replace('backup:\n', '# btslint-disable restore-not-tested -- restores are rehearsed by the DBA team, see runbook RB-12\nbackup:\n'));
    assert.ok(!covered.some((f) => f.ruleId === 'restore-not-tested' || f.ruleId.startsWith('suppression-')));
  });

  it('a suppression before the first key covers findings about the whole file (reported at environment:)', async () => {
    const bare = 'topology: 1\nenvironment: production\n';
    const all = await run(bare);
    const atRoot = all.filter((f) => f.line === 2 && f.column === 1).map((f) => f.ruleId);
    assert.ok(atRoot.includes('restore-not-tested'));
    const covered = await run(`# btslint-disable restore-not-tested -- tested outside this file\n${bare}`);
    assert.ok(!covered.some((f) => f.ruleId === 'restore-not-tested' || f.ruleId.startsWith('suppression-')));
  });

  it('btslint-disable-file applies anywhere in the file; several rules, each its own unused report', async () => {
    const r = await run(`${TOPO}# btslint-disable-file msgbox-not-clustered, raid0-or-none -- lab copy of production\n`);
    assert.ok(!r.some((f) => f.ruleId === 'msgbox-not-clustered'));
    const unused = r.filter((f) => f.ruleId === 'suppression-unused');
    assert.equal(unused.length, 1);
    assert.match(unused[0].message, /^raid0-or-none is suppressed here but reports nothing/);
    assert.equal(unused[0].column, 1 + '# btslint-disable-file msgbox-not-clustered, '.length, 'at the unused rule id');
  });

  it('JSON topologies: "$btslint-disable" in an object, and at the top level for the file', async () => {
    const json = {
      topology: 1,
      environment: 'production',
      '$btslint-disable': [{ rules: ['restore-not-tested'], reason: 'rehearsed by the DBA team' }],
      sqlInstances: [
        { name: 'SQL1', '$btslint-disable': [{ rules: ['msgbox-not-clustered'], reason: 'DR standby' }], databases: [{ name: 'BizTalkMsgBoxDb' }] },
        { name: 'SQL2', '$btslint-disable': [{ rules: ['msgbox-not-clustered'] }], databases: [{ name: 'BizTalkMsgBoxDb' }] },
      ],
    };
    const r = await run(JSON.stringify(json, null, 2), 'prod.topology.json');
    assert.ok(!r.some((f) => f.ruleId === 'topology-schema'), 'the schema accepts "$btslint-disable"');
    assert.ok(!r.some((f) => f.ruleId === 'restore-not-tested'));
    assert.deepEqual(r.filter((f) => f.ruleId === 'msgbox-not-clustered').map((f) => f.nodePath), ['sqlInstances[name=SQL2]:BizTalkMsgBoxDb']);
    const invalid = r.filter((f) => f.ruleId === 'suppression-invalid');
    assert.equal(invalid.length, 1);
    assert.match(invalid[0].message, /no "reason"/);
  });

  it('unknown directives, unknown rule ids, bad dates and comments followed by nothing are reported', async () => {
    const r = await run(
      TOPO.replace('  - name: SQL2', '  # btslint-disable-next-line msgbox-not-clustered -- x\n  # btslint-disable msgbox-not-clusterd -- typo\n  # btslint-disable msgbox-not-clustered until=2026-02-30 -- bad date\n  - name: SQL2') +
        '# btslint-disable raid0-or-none -- nothing after me\n',
    );
    const msgs = r.filter((f) => f.ruleId === 'suppression-invalid').map((f) => f.message);
    assert.ok(msgs.some((m) => /Unknown directive "btslint-disable-next-line"/.test(m)));
    assert.ok(msgs.some((m) => /Unknown rule "msgbox-not-clusterd"/.test(m)));
    assert.ok(msgs.some((m) => /"until=2026-02-30" is not a date/.test(m)));
    assert.ok(msgs.some((m) => /not followed by a node/.test(m)));
    assert.equal(r.filter((f) => f.ruleId === 'msgbox-not-clustered').length, 2, 'none of them suppresses anything');
  });

  it('a config that turns suppression-unused off silences unused reports', async () => {
    const dir = workspace({ 'prod.topology.yaml': `# btslint-disable raid0-or-none -- none here\n${TOPO}`, 'btslint.config.json': '{ "rules": { "suppression-unused": "off" } }' });
    try {
      const { findings } = await jsonFindings(dir);
      assert.ok(!findings.some((f) => f.ruleId.startsWith('suppression-')));
    } finally {
      removeWorkspace(dir);
    }
  });
});
