'use strict';
// `npm run test:pack`: the package a pipeline installs (docs/ci.md). Packs btslint with `npm pack`
// (which builds it in `prepack`), checks what the tarball holds (the compiled CLI and language
// server, schemas, rule pages, LICENSE, README; no test, no TypeScript source, no source map),
// installs it into an empty temporary project (dependencies from the npm cache when they are there:
// --prefer-offline) and runs `npx btslint` there on a copy of the examples and on the binding
// fixtures: findings, exit codes, and rule links that open. Takes a minute or so (the build).
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { fileURLToPath } = require('url');

const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, args, cwd, timeout = 300_000) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout, shell: process.platform === 'win32', env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The file names inside a .tgz (tar in gzip), read with node alone. */
function tarEntries(file) {
  const tar = require('zlib').gunzipSync(fs.readFileSync(file));
  const names = [];
  for (let p = 0; p + 512 <= tar.length; ) {
    const name = tar.toString('utf8', p, p + 100).replace(/\0.*$/s, '');
    if (!name) break;
    const prefix = tar.toString('utf8', p + 345, p + 500).replace(/\0.*$/s, '');
    const size = parseInt(tar.toString('utf8', p + 124, p + 136).replace(/\0.*$/s, '').trim() || '0', 8);
    names.push((prefix ? prefix + '/' : '') + name);
    p += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

describe('npm pack: the package installs and runs', () => {
  let tmp;
  let tgz;
  let project;
  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-pack-')));
    const r = run(npm, ['pack', '--pack-destination', tmp, '--json'], root, 600_000);
    assert.equal(r.status, 0, r.stderr);
    tgz = path.join(tmp, JSON.parse(r.stdout)[0].filename);
    project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'bindings-repo', version: '1.0.0', private: true }, null, 2));
  });
  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the tarball holds the compiled CLI and language server, schemas, rule pages, LICENSE and README, and no test or source', () => {
    const names = tarEntries(tgz).map((n) => n.replace(/^package\//, ''));
    for (const need of ['package.json', 'LICENSE', 'README.md', 'server/bin/btslint.js', 'out/server/src/cli/main.js', 'out/server/src/lsp/main.js', 'out/server/src/host/output.js', 'out/schemas/topology.schema.json', 'schemas/topology.schema.json', 'docs/ci.md']) {
      assert.ok(names.includes(need), `missing ${need}`);
    }
    // The V8 code cache of this Node version (prepack writes it; server/src/host/codeCache.ts).
    assert.ok(names.includes(`out/code-cache/${process.version}-${process.arch}.bin`), 'missing the code cache');
    const rules = names.filter((n) => /^docs\/rules\/.+\.md$/.test(n));
    assert.ok(rules.length >= 40, `${rules.length} rule pages`);
    const wrong = names.filter((n) => /(^|\/)test\/|\.ts$|\.map$|^client\/|^examples\/|^scripts\/|node_modules/.test(n));
    assert.deepEqual(wrong, []);
    assert.equal(pkg.license, 'MIT');
    assert.match(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} btslint contributors\n/);
  });

  it('installs into an empty project with no build step, and `npx btslint` reports findings with exit 1', () => {
    const inst = run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tgz], project, 600_000);
    assert.equal(inst.status, 0, inst.stderr);
    const installed = path.join(project, 'node_modules', 'btslint');
    assert.ok(!fs.existsSync(path.join(installed, 'node_modules', 'typescript')), 'no development dependency installed');
    fs.cpSync(path.join(root, 'examples'), path.join(project, 'examples'), { recursive: true });
    const r = run(npx, ['--no-install', 'btslint', 'examples'], project);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /msgbox-not-clustered/);
    assert.match(r.stdout, /✖ \d+ problems/);
    const v = run(npx, ['--no-install', 'btslint', '--version'], project);
    assert.equal(v.stdout.trim(), pkg.version);
  });

  it('every rule link of the installed CLI opens the installed rule page; SARIF links are valid file: URLs', () => {
    fs.cpSync(path.join(root, 'test', 'fixtures', 'bindings'), path.join(project, 'bindings'), { recursive: true });
    const r = run(npx, ['--no-install', 'btslint', 'bindings', 'examples/contoso.topology.yaml', '--format', 'json'], project);
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout);
    assert.ok(findings.some((f) => f.ruleId === 'file-receive-local-path'));
    const installed = fs.realpathSync(path.join(project, 'node_modules', 'btslint'));
    for (const f of findings) {
      const p = fileURLToPath(f.docsUrl);
      assert.ok(p.startsWith(installed), `${f.docsUrl} is not in the installed package`);
      assert.ok(fs.existsSync(p), `${f.docsUrl} does not open`);
    }
    const s = run(npx, ['--no-install', 'btslint', 'examples', '--format', 'sarif', '--output-file', 'reports/btslint.sarif'], project);
    assert.equal(s.status, 1, s.stderr);
    const driver = JSON.parse(fs.readFileSync(path.join(project, 'reports', 'btslint.sarif'), 'utf8')).runs[0].tool.driver;
    assert.ok(fs.existsSync(fileURLToPath(driver.informationUri)));
    for (const rule of driver.rules) assert.ok(fs.existsSync(fileURLToPath(rule.helpUri)), rule.helpUri);
  });

  it('a clean folder exits 0, an unmatched path or a usage error 2', () => {
    // A folder of its own (the project's topologies would judge a folder inside it), running the
    // installed bin with node, as npx does.
    const clean = path.join(tmp, 'clean');
    fs.mkdirSync(clean);
    const bin = path.join(project, 'node_modules', 'btslint', 'server', 'bin', 'btslint.js');
    // No path given: the current folder, where finding nothing is not an error (a path named
    // explicitly that matches nothing is, exit 2, unless --no-error-on-unmatched-pattern).
    const ok = run(process.execPath, [bin], clean);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    const unmatched = run(process.execPath, [bin, '.'], clean);
    assert.equal(unmatched.status, 2, unmatched.stdout + unmatched.stderr);
    assert.equal(run(process.execPath, [bin, '.', '--no-error-on-unmatched-pattern'], clean).status, 0);
    const bad = run(npx, ['--no-install', 'btslint', 'no-such-folder'], project);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'btslint: no such file or folder: no-such-folder\n');
  });
});
