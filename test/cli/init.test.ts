// `btslint init` as users run it, and the first-run behaviour around it: one no-topology finding per
// workspace, --require-topology, and paths that match no BizTalk file (exit 2 unless
// --no-error-on-unmatched-pattern).

import { test, describe, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { repoRoot } from '../helpers/paths';
import { bindingXml } from '../helpers/bindingFixtures';

const ROOT = repoRoot();
const BIN = path.join(ROOT, 'server', 'bin', 'btslint.js');

function btslint(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirs: string[] = [];
function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-init-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const B = (host: string) => bindingXml({ send: [{ name: 'S', adapter: 'FILE', host, address: '\\\\fs01\\out\\%MessageID%.xml' }], receive: [{ name: 'R', adapter: 'FTP', host: 'FtpHost', address: 'ftp://ftp.contoso.com/in' }] });

describe('btslint init', () => {
  test('writes the topology into the folder given; the lint that follows has no schema or unknown-host finding', () => {
    const ws = workspace({ 'bindings/Orders.BindingInfo.xml': B('SendHost') });
    const r = btslint(['init', 'bindings'], ws);
    assert.equal(r.status, 0, r.stderr);
    const file = path.join(ws, 'bindings', 'btslint.topology.yaml');
    assert.ok(fs.existsSync(file));
    assert.match(r.stdout, /^btslint: wrote bindings[\\/]btslint\.topology\.yaml \(production, assumed\): 2 hosts, 0 SQL instances, 0 databases read from 1 file; \d+ <<placeholders>> to fill in\.\n/);
    assert.match(r.stdout, /Next: fill in the placeholders, then run "btslint bindings" to see what is left\.\n$/, 'the folder holds the topology now');
    const lint = btslint(['-f', 'json', 'bindings'], ws);
    const findings = JSON.parse(lint.stdout) as { ruleId: string }[];
    assert.deepEqual(findings.filter((f) => ['topology-schema', 'handler-host-unknown', 'no-topology', 'parse-error'].includes(f.ruleId)), []);
    assert.ok(findings.some((f) => f.ruleId === 'unfilled-placeholder'), 'the placeholders are what is left');
  });

  test('never overwrites without --force: exit 2, one line, the file untouched', () => {
    const ws = workspace({ 'Orders.BindingInfo.xml': B('SendHost'), 'mine.topology.yaml': 'topology: 1\nenvironment: test\n' });
    const r = btslint(['init', '.', '-o', 'mine.topology.yaml'], ws);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'btslint: mine.topology.yaml already exists; use --force to overwrite\n');
    assert.equal(r.stdout, '');
    assert.equal(fs.readFileSync(path.join(ws, 'mine.topology.yaml'), 'utf8'), 'topology: 1\nenvironment: test\n');
    const forced = btslint(['init', '.', '-o', 'mine.topology.yaml', '--force'], ws);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(fs.readFileSync(path.join(ws, 'mine.topology.yaml'), 'utf8'), /- name: SendHost/);
  });

  test('one file per environment; -o with several environments puts the environment in each name', () => {
    const ws = workspace({ 'Orders_Dev.BindingInfo.xml': B('DevHost'), 'Orders_Prod.BindingInfo.xml': B('ProdHost') });
    const r = btslint(['init', '-o', 'topologies/contoso.topology.yaml'], ws);
    assert.equal(r.status, 0, r.stderr);
    const prod = fs.readFileSync(path.join(ws, 'topologies', 'contoso.production.topology.yaml'), 'utf8');
    const dev = fs.readFileSync(path.join(ws, 'topologies', 'contoso.development.topology.yaml'), 'utf8');
    assert.match(prod, /environment: production/);
    assert.match(prod, /- name: ProdHost/);
    assert.doesNotMatch(prod, /DevHost/);
    assert.match(dev, /- name: DevHost/);
    const only = btslint(['init', '--environment', 'dev', '-o', 'dev.topology.yaml'], ws);
    assert.equal(only.status, 0, only.stderr);
    assert.match(fs.readFileSync(path.join(ws, 'dev.topology.yaml'), 'utf8'), /environment: development/);
  });

  test('never writes through a symbolic link, even with --force', () => {
    const ws = workspace({ 'Orders.BindingInfo.xml': B('SendHost'), 'outside/victim.txt': 'keep me' });
    fs.symlinkSync(path.join(ws, 'outside', 'victim.txt'), path.join(ws, 'btslint.topology.yaml'));
    const r = btslint(['init', '--force'], ws);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'btslint: btslint.topology.yaml is a symbolic link; btslint does not write through links\n');
    assert.equal(fs.readFileSync(path.join(ws, 'outside', 'victim.txt'), 'utf8'), 'keep me');
  });

  test('never writes under a symbolic link to a folder (the one output writer refuses it)', () => {
    const ws = workspace({ 'Orders.BindingInfo.xml': B('SendHost'), 'outside/keep.txt': 'keep me' });
    fs.symlinkSync(path.join(ws, 'outside'), path.join(ws, 'linked'), 'dir');
    const r = btslint(['init', '-o', 'linked/prod.topology.yaml'], ws);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^btslint: cannot write .*linked\/prod\.topology\.yaml: linked is a symbolic link/);
    assert.deepEqual(fs.readdirSync(path.join(ws, 'outside')), ['keep.txt']);
  });

  const usage: [string, string[], RegExp][] = [
    ['an -o that is not a topology file name', ['init', '-o', 'topo.yaml'], /^btslint: -o needs a file name ending in \.topology\.yaml/],
    ['an unknown environment', ['init', '--environment', 'nowhere'], /^btslint: --environment needs production, staging, test or development, not "nowhere"\n$/],
    ['--force outside init', ['--force'], /^btslint: --force is an option of btslint init\n/],
    ['nothing to read', ['init', 'empty'], /^btslint: no binding file, configuration export or Deployment Framework settings found in empty/],
  ];
  for (const [name, args, stderr] of usage) {
    test(`exit 2: ${name}`, () => {
      const ws = workspace({ 'Orders.BindingInfo.xml': B('SendHost'), 'empty/readme.xml': '<root/>' });
      const r = btslint(args, ws);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, stderr);
    });
  }
});

describe('a first run without a topology', () => {
  test('one no-topology finding for the workspace, exit 0; --require-topology makes it an error (exit 1)', () => {
    const ws = workspace({ 'a.BindingInfo.xml': B('H1'), 'b.BindingInfo.xml': B('H2'), 'c.BindingInfo.xml': B('H3') });
    const r = btslint(['-f', 'json'], ws);
    assert.equal(r.status, 0, r.stderr);
    const findings = JSON.parse(r.stdout) as { ruleId: string; severity: string; file: string }[];
    assert.deepEqual(findings.filter((f) => f.ruleId === 'no-topology').map((f) => [f.file, f.severity]), [['a.BindingInfo.xml', 'info']]);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'handler-host-unknown'), []);
    const ci = btslint(['-f', 'json', '--require-topology'], ws);
    assert.equal(ci.status, 1);
    assert.deepEqual((JSON.parse(ci.stdout) as { ruleId: string; severity: string }[]).filter((f) => f.ruleId === 'no-topology').map((f) => f.severity), ['error']);
  });

  test('the config equivalent of --require-topology: rules.no-topology: error', () => {
    const ws = workspace({ 'a.BindingInfo.xml': B('H1'), 'btslint.config.json': '{ "rules": { "no-topology": "error" } }' });
    assert.equal(btslint([], ws).status, 1);
  });

  test('a path with no BizTalk file is an error unless --no-error-on-unmatched-pattern', () => {
    const ws = workspace({ 'a.BindingInfo.xml': B('H1'), 'docs/readme.xml': '<root/>' });
    const r = btslint(['a.BindingInfo.xml', 'docs'], ws);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'btslint: no BizTalk file (binding, configuration export, Deployment Framework file or topology) found in docs; use --no-error-on-unmatched-pattern to allow that\n');
    const ok = btslint(['a.BindingInfo.xml', 'docs', '--no-error-on-unmatched-pattern'], ws);
    assert.equal(ok.status, 0, ok.stderr);
  });
});
