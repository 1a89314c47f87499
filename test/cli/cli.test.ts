// The `btslint` command, spawned as users run it (node server/bin/btslint.js) on small temporary
// workspaces and on examples/: exit codes, the three output formats, --output-file, `model` and
// `rules`, paths relative to the current folder. Plus the SARIF formatter fed Windows paths directly.

import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { repoRoot } from '../helpers/paths';
import { sarif, artifactLocation, fileUri } from '../../server/src/cli/format/sarif';
import { allRules, Finding } from '../../server/src/core';
import { displayPath } from '../../server/src/cli/files';
import { docsUrl } from '../../server/src/host/docs';
import { fileURLToPath } from 'url';

const ROOT = repoRoot();
const BIN = path.join(ROOT, 'server', 'bin', 'btslint.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function btslint(args: string[], cwd: string): Run {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

const ESC = '\u001b';

// A binding whose XML is cut short: two parse errors at known places (1:1 and 3:3).
const BROKEN = '<?xml version="1.0" encoding="utf-8"?>\n<BindingInfo>\n  <SendPortCollection>\n';

// A well-formed binding with one send port in host H (no topology: at most an info finding).
const OK_BINDING = `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection>
    <SendPort Name="S1" IsStatic="true" IsTwoWay="false">
      <PrimaryTransport>
        <Address>C:\\out\\%MessageID%.xml</Address>
        <TransportType Name="FILE" />
        <SendHandler Name="SendHost" />
      </PrimaryTransport>
    </SendPort>
  </SendPortCollection>
</BindingInfo>
`;

describe('exit codes', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  test('0 on a clean workspace, with a one-line "no problems" message', () => {
    // no-topology turned off by the config: the first run of a workspace without a topology says so (below).
    const ws = workspace({ 'empty.BindingInfo.xml': '<BindingInfo/>', 'readme.txt': 'not read', 'other.xml': '<root/>', 'btslint.config.json': '{ "rules": { "no-topology": "off" } }' });
    dirs.push(ws);
    const r = btslint([], ws);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'btslint: 1 BizTalk file checked, no problems.\n');
    assert.equal(r.stderr, '');
  });

  test('0 when there are only info findings', () => {
    const ws = workspace({ 'b.xml': OK_BINDING });
    dirs.push(ws);
    const r = btslint(['--format', 'json'], ws);
    assert.equal(r.status, 0, r.stderr);
    const findings = JSON.parse(r.stdout) as { severity: string }[];
    assert.ok(findings.every((f) => f.severity !== 'error'));
  });

  test('1 when a finding is an error', () => {
    const ws = workspace({ 'Broken.BindingInfo.xml': BROKEN });
    dirs.push(ws);
    const r = btslint(['.'], ws);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
  });

  const usage: [string, string[], RegExp][] = [
    ['an unknown format', ['--format', 'nope'], /^btslint: unknown format "nope"; use one of: stylish, json, sarif\b[^\n]*\nRun "btslint --help" for usage\.\n$/],
    ['an unknown format given inline', ['--format=xml'], /unknown format "xml"/],
    ['a format flag with no value', ['-f'], /^btslint: -f needs a value\n/],
    ['an unknown option', ['--bogus'], /^btslint: unknown option --bogus\n/],
    ['an unknown short option', ['-x'], /^btslint: unknown option -x\n/],
    ['an option that looks like the missing value', ['-o', '--quiet'], /^btslint: -o needs a value\n/],
    ['a value given to a switch', ['--fix=yes'], /^btslint: --fix takes no value\n/],
    ['an init option outside init', ['--force'], /^btslint: --force is an option of btslint init\n/],
    ['a bad --today', ['--today', '2026-13-45'], /--today needs a date written YYYY-MM-DD, not "2026-13-45"/],
    ['a missing path', ['nothere', 'also/missing.xml'], /^btslint: no such file or folder: nothere, also\/missing\.xml\n$/],
    ['rules in an unknown format', ['rules', '--format', 'sarif'], /btslint rules prints text or --format json/],
    ['model of a missing path', ['model', 'nothere'], /no such file or folder: nothere/],
  ];
  for (const [name, args, stderr] of usage) {
    test(`2 on a usage error: ${name}`, () => {
      const ws = workspace({ 'b.xml': OK_BINDING });
      dirs.push(ws);
      const r = btslint(args, ws);
      assert.equal(r.status, 2);
      assert.match(r.stderr, stderr);
      assert.equal(r.stdout, '');
    });
  }

  test('--help and --version exit 0', () => {
    const h = btslint(['--help'], ROOT);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /^btslint \d+\.\d+\.\d+: fault-tolerance linter/);
    assert.match(h.stdout, /Exit codes: 0 no error-level finding, 1 at least one error.*\n?.*2 usage error/);
    const v = btslint(['--version'], ROOT);
    assert.equal(v.status, 0);
    assert.equal(v.stdout, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version + '\n');
  });
});

describe('output formats', () => {
  let ws: string;
  before(() => {
    ws = workspace({
      'Broken.BindingInfo.xml': BROKEN,
      'sub dir/Ok#1.BindingInfo.xml': OK_BINDING,
      // UTF-16 LE with a BOM, CRLF, an astral character before the error: columns in UTF-16 units.
      'wide.xml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<BindingInfo Description="😀">\r\n  <SendPortCollection x=1/>\r\n</BindingInfo>\r\n', 'utf16le')]),
    });
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));

  test('stylish: grouped by file, "line:col  severity  message  rule-id", a summary, no ANSI codes off a TTY', () => {
    const r = btslint([], ws);
    assert.equal(r.status, 1);
    assert.ok(!r.stdout.includes(ESC), 'ANSI escape in piped output');
    const lines = r.stdout.split('\n');
    const hint = 'No topology file yet: run `btslint init` on these files to write one, fill in its <<placeholders>>, then lint again.';
    assert.equal(lines[lines.length - 2], hint, 'stylish output ends with the init hint');
    const headers = lines.filter((l) => l !== '' && !l.startsWith(' ') && !l.startsWith('✖') && l !== 'Rule documentation:' && l !== hint);
    assert.deepEqual(headers, ['Broken.BindingInfo.xml', path.join('sub dir', 'Ok#1.BindingInfo.xml'), 'wide.xml']);
    const broken = lines.indexOf('Broken.BindingInfo.xml');
    assert.deepEqual(lines.slice(broken + 1, broken + 3), [
      '  2:1  error    <BindingInfo> is not closed: the file ends first.  parse-error',
      '  3:3  error    <SendPortCollection> is not closed: the file ends first.  parse-error',
    ]);
    const wide = lines.indexOf('wide.xml');
    assert.equal(lines[wide + 1], '  2:23  error    The value of attribute "x" must be quoted.  parse-error');
    const row = /^ {2}\s*\d+:\d+ {2}(error|warning|info) +\S.* {2}[a-z0-9-]+$/;
    for (const l of lines.filter((x) => /^\s+\d+:\d+/.test(x))) assert.match(l, row);
    const summary = lines.find((l) => l.startsWith('✖'))!;
    assert.match(summary, /^✖ \d+ problems \(3 errors, \d+ warnings?, \d+ info\)$/);
    assert.ok(lines.includes('Rule documentation:'));
    assert.ok(lines.includes(`  parse-error: ${docsUrl('parse-error')}`));
  });

  test('json: one object per finding with 1-based positions, offsets, relative paths and docs links', () => {
    const r = btslint(['-f', 'json', '.'], ws);
    assert.equal(r.status, 1);
    const findings = JSON.parse(r.stdout) as Record<string, unknown>[];
    const keys = ['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'offset', 'endOffset', 'nodePath', 'environment', 'topology', 'environments', 'topologies', 'docsUrl', 'fix', 'suggestions', 'related'];
    for (const f of findings) assert.deepEqual(Object.keys(f).sort(), [...keys].sort());
    const parse = findings.filter((f) => f.ruleId === 'parse-error');
    assert.deepEqual(
      parse.map((f) => [f.file, f.line, f.column, f.endLine, f.endColumn, f.offset, f.endOffset, f.severity]),
      [
        ['Broken.BindingInfo.xml', 2, 1, 2, 13, 39, 51, 'error'],
        ['Broken.BindingInfo.xml', 3, 3, 3, 22, 55, 74, 'error'],
        ['wide.xml', 2, 23, 2, 26, 54, 57, 'error'],
      ],
    );
    assert.equal(parse[0].docsUrl, docsUrl('parse-error'));
    assert.equal(parse[0].fix, null);
    assert.deepEqual(parse[0].suggestions, []);
    assert.deepEqual(parse[0].related, []);
    const ok = findings.find((f) => f.file === path.join('sub dir', 'Ok#1.BindingInfo.xml'));
    assert.ok(ok, 'a finding for the well-formed binding (no topology: the first readable file)');
    assert.equal(ok.ruleId, 'no-topology');
    assert.equal(findings.filter((f) => f.ruleId === 'no-topology').length, 1, 'one no-topology finding per workspace');
  });

  test('sarif: a 2.1.0 log with the rules, results, regions and relative, percent-encoded URIs', () => {
    const r = btslint(['--format', 'sarif'], ws);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'btslint');
    assert.deepEqual(
      run.tool.driver.rules.map((x: { id: string }) => x.id),
      allRules.map((x) => x.meta.id),
    );
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.shortDescription.text && rule.helpUri.endsWith(`/${rule.id}.md`));
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, fileUri(fs.realpathSync(ws) + '/'));
    assert.ok(run.originalUriBaseIds.SRCROOT.uri.endsWith('/'));
    const uris = new Set(run.results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), ['Broken.BindingInfo.xml', 'sub%20dir/Ok%231.BindingInfo.xml', 'wide.xml']);
    for (const res of run.results) {
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, 'SRCROOT');
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.match(res.partialFingerprints['btslintNodePath/v1'], /^[0-9a-f]{32}$/);
    }
    const wide = run.results.find((x: any) => x.locations[0].physicalLocation.artifactLocation.uri === 'wide.xml');
    assert.deepEqual(wide.locations[0].physicalLocation.region, { startLine: 2, startColumn: 23, endLine: 2, endColumn: 26 });
    assert.equal(wide.level, 'error');
  });

  test('--output-file writes the report (creating folders) and nothing to stdout; the exit code stays', () => {
    const r = btslint(['-f', 'json', '--output-file', path.join('reports', 'deep', 'out.json')], ws);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    const written = JSON.parse(fs.readFileSync(path.join(ws, 'reports', 'deep', 'out.json'), 'utf8'));
    assert.ok(written.length >= 3);
    const s = btslint(['-o', 'report.txt'], ws);
    assert.equal(s.status, 1);
    assert.equal(s.stdout, '');
    const text = fs.readFileSync(path.join(ws, 'report.txt'), 'utf8');
    assert.ok(text.includes('Broken.BindingInfo.xml') && !text.includes(ESC));
  });

  test('paths are relative to the current folder, from wherever it is run', () => {
    const r = btslint(['-f', 'json', 'sub dir'], ws);
    assert.deepEqual([...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file))], [path.join('sub dir', 'Ok#1.BindingInfo.xml')]);
    const inner = btslint(['-f', 'json', '.'], path.join(ws, 'sub dir'));
    assert.deepEqual([...new Set((JSON.parse(inner.stdout) as { file: string }[]).map((f) => f.file))], ['Ok#1.BindingInfo.xml']);
    const outside = btslint(['-f', 'json', path.join(ws, 'Broken.BindingInfo.xml')], ROOT);
    assert.deepEqual([...new Set((JSON.parse(outside.stdout) as { file: string }[]).map((f) => f.file))], [path.join(ws, 'Broken.BindingInfo.xml')]);
  });

  test('displayPath: inside the folder relative (even under a folder named "..drafts"), outside absolute', () => {
    const cwd = path.resolve(os.tmpdir(), 'ws');
    assert.equal(displayPath(path.join(cwd, 'a', 'b.xml'), cwd), path.join('a', 'b.xml'));
    assert.equal(displayPath(path.join(cwd, '..drafts', 'b.xml'), cwd), path.join('..drafts', 'b.xml'));
    assert.equal(displayPath(path.join(cwd, '..', 'b.xml'), cwd), path.join(cwd, '..', 'b.xml'));
    assert.equal(displayPath(path.dirname(cwd), cwd), path.dirname(cwd));
    assert.equal(displayPath(cwd, cwd), cwd);
  });

  test('model --json: what was read from each file', () => {
    const r = btslint(['model', '--json'], ws);
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(r.stdout);
    assert.deepEqual(
      m.documents.map((d: any) => [d.path, d.kind, d.encoding, d.problems]),
      [
        ['Broken.BindingInfo.xml', 'binding', 'utf8', 2],
        [path.join('sub dir', 'Ok#1.BindingInfo.xml'), 'binding', 'utf8', 0],
        ['wide.xml', 'binding', 'utf16le', 1],
      ],
    );
    assert.deepEqual(m.documents[1].sendPorts, [{ name: 'S1', isStatic: true, adapter: 'FILE', address: 'C:\\out\\%MessageID%.xml', host: 'SendHost' }]);
    assert.deepEqual(m.documents[1].hosts, ['SendHost']);
    assert.deepEqual(m.documents[1].adapters, ['FILE']);
  });
});

describe('examples/', () => {
  test('btslint examples exits 1 and shows most rules', () => {
    const r = btslint(['examples', '-f', 'json'], ROOT);
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as { ruleId: string; file: string }[];
    const fired = new Set(findings.map((f) => f.ruleId));
    const checkable = allRules.filter((x) => !['parse-error', 'topology-schema', 'internal-error'].includes(x.meta.id));
    assert.ok(fired.size * 2 > checkable.length, `only ${fired.size} of ${checkable.length} rules fire: ${[...fired].join(', ')}`);
    assert.ok(!fired.has('parse-error') && !fired.has('internal-error'));
    for (const f of findings) assert.ok(f.file.startsWith('examples' + path.sep), f.file);
  });

  test('model examples --json: documents with path, kind, send ports and receive locations', () => {
    const r = btslint(['model', 'examples', '--json'], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(m), ['documents']);
    const kinds = m.documents.map((d: any) => d.kind).sort();
    assert.deepEqual(kinds, ['binding', 'binding', 'binding', 'btdf-project', 'btdf-settings', 'config-export', 'topology', 'topology']);
    for (const d of m.documents) {
      assert.equal(typeof d.path, 'string');
      assert.ok(d.path.startsWith('examples' + path.sep));
    }
    const b = m.documents.find((d: any) => d.kind === 'binding' && d.path.endsWith('Contoso.Orders.BindingInfo.xml'));
    assert.ok(b.sendPorts.length >= 1 && b.receiveLocations.length >= 1);
    for (const sp of b.sendPorts) for (const k of ['name', 'adapter', 'address', 'host']) assert.ok(k in sp, `sendPorts[].${k}`);
    for (const rl of b.receiveLocations) for (const k of ['name', 'receivePort', 'adapter', 'address', 'host']) assert.ok(k in rl, `receiveLocations[].${k}`);
    const ftp = b.receiveLocations.find((rl: any) => rl.adapter === 'FTP');
    assert.deepEqual([ftp.receivePort, ftp.host], ['Orders.Receive', 'ReceiveHost_FTP']);
    const cfg = m.documents.find((d: any) => d.kind === 'config-export');
    assert.ok(cfg.databases.some((d: any) => d.role === 'msgbox'));
  });

  test('rules --format json: id, description, defaultSeverity, category, docsUrl, fixable, fixKinds for every rule', () => {
    const r = btslint(['rules', '--format', 'json'], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const rules = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.deepEqual(
      rules.map((x) => x.id),
      allRules.map((x) => x.meta.id),
    );
    for (const x of rules) {
      assert.match(x.id as string, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(typeof x.description, 'string');
      assert.ok(['error', 'warning', 'info'].includes(x.defaultSeverity as string));
      assert.equal(typeof x.category, 'string');
      assert.equal(x.docsUrl, docsUrl(x.id as string));
      assert.ok(fs.existsSync(fileURLToPath(x.docsUrl)), String(x.docsUrl));
      assert.equal(typeof x.fixable, 'boolean');
      assert.equal(x.fixable, (x.fixKinds as string[]).length > 0, 'fixKinds: the kinds of change the rule offers');
    }
    assert.deepEqual(rules.find((x) => x.id === 'ftp-sftp-receive-not-clustered')!.fixKinds, ['suggestion']);
    const text = btslint(['rules'], ROOT);
    assert.equal(text.status, 0);
    assert.equal(text.stdout.trim().split('\n').length, allRules.length);
  });
});

describe('--timing', () => {
  test('prints the phases and the slowest rules to stderr; the report is the same as without it', () => {
    const plain = btslint(['examples', '-f', 'json', '--today', '2026-12-01'], ROOT);
    const timed = btslint(['examples', '-f', 'json', '--today', '2026-12-01', '--timing'], ROOT);
    assert.equal(timed.status, plain.status, timed.stderr);
    assert.equal(timed.stdout, plain.stdout);
    const [phases, rules] = timed.stderr.trim().split('\n\n').map((t) => t.split('\n'));
    assert.match(phases[0], /^Phase +\| Time \(ms\) \| Relative$/);
    assert.match(phases[1], /^:-+\|-+:\|-+:$/);
    assert.equal(phases[1].length, phases[0].length);
    const row = /^(.+?) +\| +(\d+\.\d) \| +(\d+\.\d)%$/;
    const names = phases.slice(2).map((l) => row.exec(l)?.[1]);
    assert.deepEqual(names, ['starting Node.js and btslint', 'reading and parsing files', 'checking (rules, suppressions, config)', 'writing the report', 'total']);
    const ms = phases.slice(2).map((l) => Number(row.exec(l)![2]));
    assert.ok(Math.abs(ms.slice(0, -1).reduce((a, b) => a + b, 0) - ms[ms.length - 1]) < 0.5, phases.join('\n'));
    assert.match(rules[0], /^Rule +\| Time \(ms\) \| Relative$/);
    // The ten slowest rules by name, the others on one line, then all of them (100%).
    const ruleRows = rules.slice(2).map((l) => row.exec(l));
    assert.ok(ruleRows.every(Boolean), rules.join('\n'));
    assert.equal(ruleRows.length, 12);
    for (const r of ruleRows.slice(0, 10)) assert.ok(allRules.some((x) => x.meta.id === r![1]), r![1]);
    assert.match(ruleRows[10]![1], /^\d+ other rules$/);
    assert.deepEqual([ruleRows[11]![1], ruleRows[11]![3]], ['all rules', '100.0']);
    const times = ruleRows.slice(0, 10).map((r) => Number(r![2]));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });

  test('with --fix-dry-run: the planning of the fixes is a phase of its own', () => {
    const r = btslint(['examples', '--fix-dry-run', '--today', '2026-12-01', '--timing'], ROOT);
    assert.match(r.stderr, /^planning fixes +\| +\d+\.\d \|/m);
    assert.match(r.stderr, /^writing the diff +\| +\d+\.\d \|/m);
  });
});

describe('SARIF paths written the Windows way', () => {
  const finding = (uri: string): Finding => ({ ruleId: 'parse-error', severity: 'error', message: 'm', uri, range: { start: 0, end: 1 }, nodePath: 'p' });
  const run = (cwd: string, displays: Record<string, string>) =>
    JSON.parse(
      sarif({
        findings: Object.keys(displays).map(finding),
        display: (u) => displays[u],
        position: (_u, o) => ({ line: 0, character: o }),
        color: false,
        cwd,
        version: '0.0.0',
      }),
    ).runs[0];

  test('relative paths: forward slashes, each segment percent-encoded, resolved against SRCROOT', () => {
    const r = run('C:\\Work\\repo', {
      'C:\\Work\\repo\\bindings\\Orders 100%#1.xml': 'bindings\\Orders 100%#1.xml',
      'C:\\Work\\repo\\déploiement\\b.xml': 'déploiement\\b.xml',
    });
    assert.deepEqual(
      r.results.map((x: any) => x.locations[0].physicalLocation.artifactLocation),
      [
        { uri: 'bindings/Orders%20100%25%231.xml', uriBaseId: 'SRCROOT' },
        { uri: 'd%C3%A9ploiement/b.xml', uriBaseId: 'SRCROOT' },
      ],
    );
    assert.equal(r.originalUriBaseIds.SRCROOT.uri, 'file:///C:/Work/repo/');
  });

  test('paths outside the current folder: absolute file: URIs with no uriBaseId (drive letters, UNC, POSIX)', () => {
    assert.deepEqual(artifactLocation('D:\\Other Share\\b.xml'), { uri: 'file:///D:/Other%20Share/b.xml' });
    assert.deepEqual(artifactLocation('\\\\fileserver\\share\\x y.xml'), { uri: 'file://fileserver/share/x%20y.xml' });
    assert.deepEqual(artifactLocation('/srv/ci/b.xml'), { uri: 'file:///srv/ci/b.xml' });
    assert.deepEqual(artifactLocation('c:/x/y.xml'), { uri: 'file:///C:/x/y.xml' });
    const r = run('C:\\Work\\repo', { 'D:\\Other Share\\b.xml': 'D:\\Other Share\\b.xml' });
    assert.deepEqual(r.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///D:/Other%20Share/b.xml' });
  });

  test('fileUri of a folder keeps its trailing slash; POSIX cwd', () => {
    assert.equal(fileUri('C:\\'), 'file:///C:/');
    assert.equal(fileUri('/home/me/My Repo/'), 'file:///home/me/My%20Repo/');
    assert.equal(run('/home/me/repo', {}).originalUriBaseIds.SRCROOT.uri, 'file:///home/me/repo/');
  });

  test('fingerprints do not depend on the separator', () => {
    const a = run('C:\\r', { 'C:\\r\\a\\b.xml': 'a\\b.xml' }).results[0].partialFingerprints;
    const b = run('/r', { '/r/a/b.xml': 'a/b.xml' }).results[0].partialFingerprints;
    assert.deepEqual(a, b);
  });
});
