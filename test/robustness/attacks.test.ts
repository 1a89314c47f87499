// The attacks of SECURITY.md, each generated here and run against the CLI (a child process, with the
// probe that records every file it touches where that matters) or the function that keeps the
// promise: repository content must not make btslint read or write outside the workspace, print a CI
// command or a terminal escape, or run for minutes. Times are never measured: a run that does not end
// within the hang guard (20 s, many times what any of them takes) is killed and fails.

import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, CliRun, isInside, runCli, SECRET, tempDir, writeFiles } from './hostile';
import { bindingXml } from '../helpers/bindingFixtures';
import { Confinement, insideRoots, readConfigBytes, readFileAt } from '../../server/src/host/confine';
import { escapeMarkdown, safeJson, safeText } from '../../server/src/core/sanitize';
import { readDocument, lint } from '../../server/src/core';
import { resolveText, MAX_RESOLVED_CHARS } from '../../server/src/core/model/tokens';
import { MAX_CONFIG_BYTES } from '../../server/src/core/config';
import { unifiedDiff } from '../../server/src/cli/fix';

const GUARD = { timeoutMs: 20_000 };
const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'azure-devops'];
const TOPOLOGY = 'topology: 1\nenvironment: production\nhosts:\n  - name: Declared\n    instances: [A, B]\n';

function finished(r: CliRun, what: string): void {
  assert.equal(r.signal, null, `${what}: killed by the hang guard after ${r.ms} ms (stderr: ${r.stderr.slice(0, 500)})`);
  assert.ok(r.status === 0 || r.status === 1, `${what}: exit ${r.status} (stderr: ${r.stderr.slice(0, 2000)})`);
  assert.ok(!/RangeError|Maximum call stack|internal error|heap out of memory/i.test(r.stderr), `${what}: ${r.stderr.slice(0, 2000)}`);
}

function json(r: CliRun): { ruleId: string; message: string; file: string; line: number; column: number }[] {
  return JSON.parse(r.stdout);
}

describe('attack: reading outside the workspace', () => {
  let base: string;
  let ws: string;
  let outside: string;
  before(() => {
    base = tempDir('btslint-attack-');
    ws = path.join(base, 'repo');
    outside = path.join(base, 'outside');
    writeFiles(outside, {
      'evil.topology.yaml': `topology: 1\nenvironment: production\n# ${SECRET}\nservers: [{ name: S }]\n`,
      'Secret.BindingInfo.xml': bindingXml({ receive: [{ name: SECRET, adapter: 'FILE', host: 'H' }] }),
      'btslint.config.json': '{ "rules": { "msgbox-not-clustered": "off" } }',
    });
    writeFiles(ws, { 'Orders.BindingInfo.xml': bindingXml({ receive: [{ name: 'In', adapter: 'FILE', host: 'Declared', address: 'C:\\in\\*.xml' }] }) });
    fs.symlinkSync(outside, path.join(ws, 'linked'), 'dir');
  });
  after(() => cleanup(base));

  const contained = (r: CliRun, what: string) => {
    finished(r, what);
    // An lstat looks at a symlink itself, not at what it points to.
    const escaped = r.probe!.files.filter((f) => isInside(f.path, outside) || (f.real !== undefined && f.op !== 'lstat' && isInside(f.real, outside)));
    assert.deepEqual(escaped, [], `${what}: touched files outside the workspace`);
    assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), `${what}: outside content in the output`);
  };

  for (const [name, pattern] of [
    ['a relative glob with ..', '../outside/*.topology.yaml'],
    ['a glob up to the root of the disk', '../../../../../../../../**/*.xml'],
    ['an absolute glob', '<outside>/*.topology.yaml'],
    ['a glob through a symlinked folder', 'linked/*.topology.yaml'],
  ]) {
    it(`topologies: ${name} is config-invalid at the pattern, and nothing there is read`, async () => {
      fs.writeFileSync(path.join(ws, 'btslint.config.json'), JSON.stringify({ topologies: [pattern.replace('<outside>', outside.replace(/\\/g, '/'))] }));
      try {
        const r = await runCli(['--format', 'json', '.'], ws, { ...GUARD, probe: true });
        contained(r, name);
        const invalid = json(r).filter((f) => f.ruleId === 'config-invalid');
        assert.equal(invalid.length, 1, JSON.stringify(json(r)));
        assert.match(invalid[0].message, /reaches outside the workspace|is an absolute path/);
        assert.equal(invalid[0].column, '{"topologies":["'.length + 1);
        // --fix has nothing outside to rewrite.
        const before = fs.readFileSync(path.join(outside, 'evil.topology.yaml'), 'utf8');
        const fixed = await runCli(['--fix', '--format', 'json', '.'], ws, { ...GUARD, probe: true });
        contained(fixed, `${name} --fix`);
        assert.equal(fs.readFileSync(path.join(outside, 'evil.topology.yaml'), 'utf8'), before);
      } finally {
        fs.rmSync(path.join(ws, 'btslint.config.json'), { force: true });
      }
    });
  }

  it('a config file that is a symlink to a file outside is config-invalid, and not followed', async () => {
    fs.symlinkSync(path.join(outside, 'btslint.config.json'), path.join(ws, 'btslint.config.json'));
    try {
      const r = await runCli(['--format', 'json', '.'], ws, { ...GUARD, probe: true });
      contained(r, 'symlinked config');
      assert.ok(json(r).some((f) => f.ruleId === 'config-invalid' && /symbolic link/.test(f.message)));
    } finally {
      fs.rmSync(path.join(ws, 'btslint.config.json'), { force: true });
    }
  });

  it('a config file over the size limit is reported, and at most one byte more than the limit is read', async () => {
    const big = '{ "rules": {} ' + ' '.repeat(MAX_CONFIG_BYTES * 4) + '}';
    fs.writeFileSync(path.join(ws, 'btslint.config.json'), big);
    try {
      const bytes = readConfigBytes(path.join(ws, 'btslint.config.json')) as Uint8Array;
      assert.equal(bytes.byteLength, MAX_CONFIG_BYTES + 1);
      const r = await runCli(['--format', 'json', '.'], ws, GUARD);
      finished(r, 'large config');
      assert.ok(json(r).some((f) => f.ruleId === 'config-invalid' && /larger than/.test(f.message)));
    } finally {
      fs.rmSync(path.join(ws, 'btslint.config.json'), { force: true });
    }
  });

  it('the pure check: a realpath is inside a root or not (a sibling with the same prefix is outside)', () => {
    assert.ok(insideRoots('/ws/a/b.xml', ['/ws']));
    assert.ok(insideRoots('/ws', ['/ws']));
    assert.ok(!insideRoots('/ws-evil/b.xml', ['/ws']));
    assert.ok(!insideRoots('/b.xml', ['/ws']));
    assert.ok(insideRoots('C:\\WS\\a.xml', ['c:\\ws'], true));
    assert.ok(!insideRoots('C:\\ws2\\a.xml', ['c:\\ws'], true));
    assert.ok(!insideRoots('/WS/a.xml', ['/ws'], false));
  });

  it('a symlinked file named on the command line is read only when it leads inside the roots', () => {
    const c = new Confinement([ws]);
    const r = c.read(path.join(ws, 'linked', 'evil.topology.yaml'), 1 << 20);
    assert.ok('refused' in r && /outside the workspace/.test(r.refused), JSON.stringify(r));
  });

  it('a FIFO in place of a file (swapped in between the walk and the read) is refused at once, not waited on', () => {
    const fifo = path.join(ws, 'swapped.BindingInfo.xml');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, 'mkfifo is needed for this test (the harness runs on Linux)');
    try {
      const r = readFileAt(fifo, 1 << 20);
      assert.deepEqual(r, { refused: 'it is not a regular file' });
      assert.deepEqual(new Confinement([ws]).read(fifo, 1 << 20), { refused: 'it is not a regular file' });
      const cfg = path.join(ws, 'btslint.config.json');
      spawnSync('mkfifo', [cfg]);
      assert.ok(typeof readConfigBytes(cfg) === 'object' && 'refused' in (readConfigBytes(cfg) as object));
      fs.rmSync(cfg);
    } finally {
      fs.rmSync(fifo, { force: true });
    }
  });

  it('a FIFO among the files and as the config: the CLI ends, and says what it did not read', async () => {
    spawnSync('mkfifo', [path.join(ws, 'btslint.config.yaml')]);
    spawnSync('mkfifo', [path.join(ws, 'pipe.BindingInfo.xml')]);
    try {
      const r = await runCli(['--format', 'json', '.'], ws, GUARD);
      finished(r, 'FIFOs');
      assert.ok(json(r).some((f) => f.ruleId === 'config-invalid' && /not a regular file/.test(f.message)));
    } finally {
      fs.rmSync(path.join(ws, 'btslint.config.yaml'), { force: true });
      fs.rmSync(path.join(ws, 'pipe.BindingInfo.xml'), { force: true });
    }
  });
});

describe('attack: --fix on files it must not rewrite', () => {
  const FIXABLE = 'topology: 1\nenvironment: production\nbackup:\n  biztalkJob:\n    enabled: true\n';
  let ws: string;
  before(() => {
    ws = tempDir('btslint-fix-attack-');
  });
  after(() => cleanup(ws));

  it('a read-only file is not rewritten, and says why', async () => {
    writeFiles(ws, { 'ro/prod.topology.yaml': FIXABLE });
    const file = path.join(ws, 'ro', 'prod.topology.yaml');
    fs.chmodSync(file, 0o444);
    const r = await runCli(['--fix', '--fix-type', 'fix,declaration', 'ro'], ws, GUARD);
    finished(r, 'read-only');
    assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE);
    assert.match(r.stderr, /not fixing ro\/prod\.topology\.yaml: it is read-only/);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  it('a hard-linked file is not rewritten (its other name, outside, keeps its content and its link)', async () => {
    writeFiles(ws, { 'hl/prod.topology.yaml': FIXABLE });
    const file = path.join(ws, 'hl', 'prod.topology.yaml');
    const other = path.join(ws, 'elsewhere.txt');
    fs.linkSync(file, other);
    const r = await runCli(['--fix', '--fix-type', 'fix,declaration', 'hl'], ws, GUARD);
    finished(r, 'hard link');
    assert.match(r.stderr, /not fixing hl\/prod\.topology\.yaml: it has 2 hard links/);
    assert.equal(fs.statSync(file).ino, fs.statSync(other).ino);
    assert.equal(fs.readFileSync(other, 'utf8'), FIXABLE);
  });

  it('a temporary file left by a killed --fix is removed by the next one; a live one is left alone', async () => {
    writeFiles(ws, { 'tmp/prod.topology.yaml': FIXABLE });
    const dir = path.join(ws, 'tmp');
    const stale = path.join(dir, '.prod.topology.yaml.btslint-999999999-abc123.tmp');
    const live = path.join(dir, `.prod.topology.yaml.btslint-${process.pid}-abc123.tmp`);
    fs.writeFileSync(stale, 'half written');
    fs.writeFileSync(live, 'being written');
    const r = await runCli(['--fix', '--fix-type', 'fix,declaration', 'tmp'], ws, GUARD);
    finished(r, 'stale temp');
    assert.ok(!fs.existsSync(stale), 'the stale temporary file is gone');
    assert.ok(fs.existsSync(live), 'a running process keeps its temporary file');
    assert.notEqual(fs.readFileSync(path.join(dir, 'prod.topology.yaml'), 'utf8'), FIXABLE, 'the fix was written');
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), [path.basename(live)]);
  });
});

// A receive location name and a file name with everything a CI log or a terminal acts on.
const HOSTILE_NAME = 'X&#13;::error file=a::pwned &#10;##vso[task.setvariable variable=token]stolen &#27;[2J&#7;&#x9b;31m ##[error]x';
const HOSTILE_FILE = '::warning ::##vso[task.complete result=Failed]\u001b[31m.BindingInfo.xml';

function checkStream(out: string, format: string, what: string): void {
  assert.ok(!/[\u001b\u0007\u009b]/.test(out), `${what}: ESC, BEL or CSI printed raw`);
  assert.ok(!/\r(?!\n)/.test(out), `${what}: a bare CR`);
  const lines = out.split('\n');
  for (const l of lines) {
    const vso = l.match(/##vso\[/gi)?.length ?? 0;
    const own = format === 'azure-devops' && /^##vso\[task\.logissue /.test(l) ? 1 : 0;
    assert.equal(vso, own, `${what}: ##vso[ in "${l.slice(0, 200)}"`);
    assert.ok(!/##\[/.test(l), `${what}: ##[ in "${l.slice(0, 200)}"`);
    if (/^\s*::/.test(l)) assert.ok(format === 'github' && /^::(error|warning|notice) file=/.test(l), `${what}: a line starts with :: "${l.slice(0, 200)}"`);
  }
  if (format === 'junit') for (const m of out.matchAll(/="([^"]*)"/g)) assert.ok(!/[\r\n]/.test(m[1]), `${what}: CR or LF in a junit attribute`);
}

describe('attack: CI commands and terminal escapes in names and file names', () => {
  let ws: string;
  before(() => {
    ws = tempDir('btslint-inject-');
    writeFiles(ws, {
      'prod.topology.yaml': TOPOLOGY,
      [HOSTILE_FILE]: bindingXml({ receive: [{ name: HOSTILE_NAME, adapter: 'FILE', host: 'Undeclared', address: 'C:\\in\\*.xml' }] }),
    });
  });
  after(() => cleanup(ws));

  for (const format of FORMATS) {
    it(`--format ${format}: no raw control, no ##vso[, no line-leading :: from the repository`, async () => {
      const r = await runCli(['--format', format, '--today', '2026-12-01', '.'], ws, GUARD);
      finished(r, format);
      assert.ok(r.stdout.length > 0);
      if (format !== 'azure-devops' && format !== 'github') assert.match(r.stdout, /stolen/, 'the hostile name is in the report (else this test proves nothing)');
      checkStream(r.stdout, format, `${format} stdout`);
      checkStream(r.stderr, 'stderr', `${format} stderr`);
      if (format === 'json' || format === 'sarif') JSON.parse(r.stdout);
    });
  }

  it('--print-config and --fix-dry-run print paths and config values safely', async () => {
    fs.writeFileSync(path.join(ws, 'btslint.config.json'), JSON.stringify({ include: ['##vso[task.complete]\u001b[2J*.xml', '*.yaml'], rules: { 'no-such-rule\u001b]0;x\u0007': 'error' } }));
    try {
      const pc = await runCli(['--print-config', HOSTILE_FILE], ws, GUARD);
      assert.equal(pc.signal, null);
      checkStream(pc.stdout, 'stylish', 'print-config');
      const dry = await runCli(['--fix-dry-run', '.'], ws, GUARD);
      finished(dry, 'fix-dry-run');
      checkStream(dry.stdout, 'stylish', 'fix-dry-run stdout');
      checkStream(dry.stderr, 'stylish', 'fix-dry-run stderr');
    } finally {
      fs.rmSync(path.join(ws, 'btslint.config.json'));
    }
  });

  it('the sanitiser itself: controls escaped visibly, commands neutralised, JSON data kept', () => {
    assert.equal(safeText('a\u001b[2Jb\rc\u0007\u009b'), 'a\\x1b[2Jb\\rc\\x07\\x9b');
    assert.equal(safeText('x ##vso[task.setvariable]y ##[error]z'), 'x #\\#vso[task.setvariable]y #\\#[error]z');
    assert.equal(safeText('::error::x'), ':\\:error::x');
    assert.equal(safeText('tab\tkept'), 'tab\tkept');
    assert.equal(safeText('\u202eevil'), '\\u202eevil');
    const long = safeText('n'.repeat(3_000_000));
    assert.ok(long.length < 2100 && /more characters\)$/.test(long));
    const j = safeJson(JSON.stringify({ m: '##vso[x]\u009b' }));
    assert.ok(!j.includes('##vso[') && !j.includes('\u009b'));
    assert.deepEqual(JSON.parse(j), { m: '##vso[x]\u009b' });
    assert.equal(escapeMarkdown('![x](https://evil/p.png) <img src=x> a.b-c'), '\\!\\[x\\]\\(https://evil/p.png\\) &lt;img src=x&gt; a.b-c');
    assert.ok(!unifiedDiff('a\n', 'a\n##vso[task.complete]\u001b[2J\n', '::f').includes('##vso['));
  });
});

describe('attack: inputs that are too large or pathological', () => {
  let ws: string;
  before(() => {
    ws = tempDir('btslint-budget-');
  });
  after(() => cleanup(ws));

  const one = async (files: Record<string, string | Buffer>, extra: string[] = []) => {
    const dir = fs.mkdtempSync(path.join(ws, 'case-'));
    writeFiles(dir, files);
    const r = await runCli(['--format', 'json', '--today', '2026-12-01', ...extra, '.'], dir, GUARD);
    return r;
  };

  it('20,000 aliases in a 140 KB topology: refused on the token stream with one finding', async () => {
    const r = await one({ 'a.topology.yaml': 'topology: 1\nenvironment: production\nx: &a v\nservers:\n' + '  - *a\n'.repeat(20_000) });
    finished(r, 'aliases');
    assert.ok(json(r).some((f) => f.ruleId === 'parse-error' && /more than 100 aliases/.test(f.message)));
  });

  it('20,000 list items of the wrong type: findings capped at 200 and one that says so', async () => {
    const r = await one({ 'a.topology.yaml': 'topology: 1\nenvironment: production\nservers:\n' + '  - 5\n'.repeat(20_000) });
    finished(r, 'wrong-typed items');
    const schema = json(r).filter((f) => f.ruleId === 'topology-schema');
    assert.equal(schema.length, 201);
    assert.match(schema[schema.length - 1].message, /not listed/);
  });

  it('a config listing 20,000 patterns: config-invalid, the setting ignored', async () => {
    const r = await one({ 'btslint.config.json': JSON.stringify({ exclude: Array.from({ length: 20_000 }, (_, i) => `${i}`) }), 'a.topology.yaml': TOPOLOGY });
    finished(r, 'config list');
    assert.ok(json(r).some((f) => f.ruleId === 'config-invalid' && /at most 1000/.test(f.message)));
  });

  it('60,000 distinct keys and 100,000 duplicate keys: linear (a set per mapping), problems capped', async () => {
    const distinct = 'topology: 1\nenvironment: production\nextra:\n' + Array.from({ length: 60_000 }, (_, i) => `  k${i}: 1\n`).join('');
    const dupes = 'topology: 1\nenvironment: production\nextra:\n' + '  a: 1\n'.repeat(100_000);
    const r = await one({ 'a.topology.yaml': distinct, 'b.topology.yaml': dupes });
    finished(r, 'keys');
    const dup = json(r).filter((f) => f.ruleId === 'parse-error' && f.file === 'b.topology.yaml');
    assert.ok(dup.length > 0 && dup.length <= 201, String(dup.length));
  });

  it('500,000 duplicate keys: over the topology size limit, one file-too-large finding, no stack overflow', async () => {
    const r = await one({ 'a.topology.yaml': 'topology: 1\nenvironment: production\nservers:\n' + '  a: 1\n'.repeat(500_000) });
    finished(r, '500,000 keys');
    const list = json(r);
    assert.ok(list.some((f) => f.ruleId === 'file-too-large' && /limit of 1,048,576 for a topology/.test(f.message)), JSON.stringify(list.slice(0, 3)));
  });

  it('a 3 MB element name: every format prints a bounded report', async () => {
    const name = 'N'.repeat(3 * 1024 * 1024);
    const dir = fs.mkdtempSync(path.join(ws, 'long-'));
    writeFiles(dir, { 'prod.topology.yaml': TOPOLOGY, 'a.BindingInfo.xml': bindingXml({ receive: [{ name, adapter: 'FTP', host: 'Undeclared', address: 'ftp://x/in' }] }) });
    for (const format of FORMATS) {
      const r = await runCli(['--format', format, '.'], dir, GUARD);
      finished(r, `3 MB name, ${format}`);
      assert.ok(r.stdout.length < 200_000, `${format}: ${r.stdout.length} characters`);
    }
  });

  it('a 1 MB setting used through 1,000 tokens: the substituted text is bounded', () => {
    const value = 'v'.repeat(1024 * 1024);
    const settings = `<?xml version="1.0" encoding="utf-8"?>\n<settings>\n  <!--Environment: Production-->\n  <property name="Big">${value}</property>\n</settings>\n`;
    const address = '${Big}'.repeat(1000);
    const docs = [
      readDocument('/ws/prod.topology.yaml', TOPOLOGY),
      readDocument('/ws/PROD_settings.xml', settings),
      readDocument('/ws/a.BindingInfo.xml', bindingXml({ receive: [{ name: 'R', adapter: 'FILE', host: '${Big}', address }] })),
    ];
    const findings = lint(docs, { now: new Date('2026-12-01') });
    assert.ok(findings.length > 0);
    const resolved = resolveText(address, { environment: 'production', sources: [], anySettings: true, get: () => ({ name: 'Big', value, doc: docs[1], range: { start: 0, end: 0 }, origin: 'x' }) });
    assert.equal(resolved.value.length, MAX_RESOLVED_CHARS);
    assert.equal(resolved.truncated, true);
  });

  it('files over the run budget become file-too-large findings instead of exhausting memory', async () => {
    // Sparse files: their size is what the budget counts; each is just over a third of the 96 MB budget.
    const dir = fs.mkdtempSync(path.join(ws, 'budget-'));
    for (const n of ['a', 'b', 'c']) {
      const f = path.join(dir, `${n}.BindingInfo.xml`);
      fs.writeFileSync(f, '<BindingInfo>');
      fs.truncateSync(f, 40 * 1024 * 1024);
    }
    const r = await runCli(['--format', 'json', '.'], dir, { timeoutMs: 60_000 });
    finished(r, 'budget');
    const over = json(r).filter((f) => f.ruleId === 'file-too-large' && /budget of 96 MB/.test(f.message));
    assert.deepEqual(over.map((f) => f.file), ['c.BindingInfo.xml']);
  });
});
