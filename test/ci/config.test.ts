// The config file: nearest-wins discovery (monorepos), per-rule and per-environment levels, include
// and exclude globs, topology globs, problems reported at their positions, --config and
// --print-config with the source of every setting. Plus the pure glob and path helpers, with Windows
// paths.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { cli, fixtureBindings, GAPPY_TOPOLOGY, jsonFindings, removeWorkspace, workspace } from './helpers';
import { compileGlob, ConfigResolver, dirnameOf, globBase, isIncluded, relativeInside, relativePath, resolveConfig, applyLevel, resolveConfigPath, topologySources } from '../../server/src/core/config';

describe('config files through the CLI', () => {
  it('the nearest config file wins alone: a sub-folder config replaces the root one entirely', async () => {
    const dir = workspace({
      'btslint.config.json': '{ "rules": { "restore-not-tested": "off", "no-offsite-copy": "info" } }',
      'team-a/prod.topology.yaml': GAPPY_TOPOLOGY,
      'team-b/btslint.config.yaml': 'rules:\n  no-offsite-copy: error\n',
      'team-b/prod.topology.yaml': GAPPY_TOPOLOGY,
    });
    try {
      const { findings } = await jsonFindings(dir);
      const a = findings.filter((f) => f.file.startsWith('team-a'));
      const b = findings.filter((f) => f.file.startsWith('team-b'));
      assert.ok(!a.some((f) => f.ruleId === 'restore-not-tested'), 'root config: off in team-a');
      assert.equal(a.find((f) => f.ruleId === 'no-offsite-copy')?.severity, 'info');
      assert.ok(b.some((f) => f.ruleId === 'restore-not-tested'), 'team-b has its own config: the root one does not apply');
      assert.equal(b.find((f) => f.ruleId === 'no-offsite-copy')?.severity, 'error');
    } finally {
      removeWorkspace(dir);
    }
  });

  it('per-environment levels win over rules, keyed by the topology\'s environment', async () => {
    const cfg = `{
  // production is strict, test is relaxed
  "rules": { "restore-not-tested": "error" },
  "environments": {
    "test": { "rules": { "restore-not-tested": "off", "msgbox-not-clustered": "warning" } }
  }
}`;
    const dir = workspace({ 'btslint.config.json': cfg, 'prod.topology.yaml': GAPPY_TOPOLOGY, 'test.topology.yaml': GAPPY_TOPOLOGY.replace('environment: production', 'environment: test') });
    try {
      const { findings } = await jsonFindings(dir);
      const sev = (file: string, rule: string) => findings.find((f) => f.file === file && f.ruleId === rule)?.severity;
      assert.equal(sev('prod.topology.yaml', 'restore-not-tested'), 'error');
      assert.equal(sev('test.topology.yaml', 'restore-not-tested'), undefined);
      assert.equal(sev('prod.topology.yaml', 'msgbox-not-clustered'), 'error');
      // msgbox-not-clustered is an availability rule (info in test by default); the config raises it.
      assert.equal(sev('test.topology.yaml', 'msgbox-not-clustered'), 'warning');
    } finally {
      removeWorkspace(dir);
    }
  });

  it('include and exclude choose the files read when a folder is walked; named files are always read', async () => {
    const dir = workspace({
      ...fixtureBindings(),
      'legacy/Old.Bindings.xml': '<BindingInfo><SendPortCollection>',
      'prod.topology.yaml': GAPPY_TOPOLOGY,
      'btslint.config.json': '{ "exclude": ["legacy", "**/OrdersFileSql.*"] }',
    });
    try {
      const r = await cli(['--format', 'junit', '--today', '2026-12-01'], dir);
      const suites = [...r.stdout.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(!suites.some((s) => s.startsWith('legacy')), 'the legacy folder is excluded (its parse error is not reported)');
      assert.ok(!suites.some((s) => s.includes('OrdersFileSql')));
      assert.ok(suites.includes('bindings/QuotesWcf.BindingInfo.xml'));
      const named = await jsonFindings(dir, ['legacy/Old.Bindings.xml']);
      assert.ok(named.findings.some((f) => f.ruleId === 'parse-error'), 'a file named on the command line is read');

      fs.writeFileSync(path.join(dir, 'btslint.config.json'), '{ "include": ["bindings/Ftp*.xml", "*.topology.yaml"] }');
      const inc = await cli(['--format', 'junit', '--today', '2026-12-01'], dir);
      assert.deepEqual([...inc.stdout.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]), ['bindings/FtpRelay.BindingInfo.xml', 'prod.topology.yaml']);
    } finally {
      removeWorkspace(dir);
    }
  });

  it('topologies: a config can point at topology files outside the linted folder, inside the workspace', async () => {
    const dir = workspace({ ...fixtureBindings(), 'deploy/prod.topology.yaml': GAPPY_TOPOLOGY, 'bindings/btslint.config.yaml': 'topologies: ["../deploy/*.topology.yaml"]\n' });
    try {
      // Run from the workspace, naming the bindings folder: ../deploy is inside the current folder.
      const { findings } = await jsonFindings(dir, ['bindings']);
      assert.ok(findings.some((f) => f.ruleId === 'ftp-sftp-receive-not-clustered' && f.file === 'bindings/FtpRelay.BindingInfo.xml'), 'joined with the topology from ../deploy');
      assert.ok(findings.some((f) => f.file === 'deploy/prod.topology.yaml'), 'the topology is linted too');
      // Run from the bindings folder itself: ../deploy is outside what the user named, so it is a
      // config-invalid finding at the pattern, and the topology is not read.
      const inside = await jsonFindings(path.join(dir, 'bindings'));
      assert.ok(!inside.findings.some((f) => f.file.endsWith('prod.topology.yaml')), 'not read');
      const refused = inside.findings.filter((f) => f.ruleId === 'config-invalid');
      assert.equal(refused.length, 1);
      assert.match(refused[0].message, /reaches outside the workspace/);
      assert.equal(refused[0].column, 'topologies: ["'.length + 1);
      // In a repository (a .git folder above), the repository is the workspace: ../deploy is read again.
      fs.mkdirSync(path.join(dir, '.git'));
      const repo = await jsonFindings(path.join(dir, 'bindings'));
      assert.ok(repo.findings.some((f) => f.ruleId === 'ftp-sftp-receive-not-clustered' && f.file === 'FtpRelay.BindingInfo.xml'), 'joined with the topology from ../deploy');
      assert.ok(!repo.findings.some((f) => f.ruleId === 'config-invalid'));
    } finally {
      removeWorkspace(dir);
    }
  });

  it('a config problem is a config-invalid finding at its position, and fails the run', async () => {
    const cfg = '{\n  "rules": {\n    "restore-not-tested": "warn"\n  },\n  "excludes": []\n}\n';
    const dir = workspace({ 'btslint.config.json': cfg, 'prod.topology.yaml': 'topology: 1\nenvironment: production\nsqlInstances: []\n' });
    try {
      const r = await cli(['--format', 'github', '--today', '2026-12-01'], dir);
      const lines = r.stdout.split('\n').filter((l) => l.includes('title=config-invalid'));
      assert.deepEqual(
        lines.map((l) => l.slice(0, l.indexOf('::', 2))),
        ['::error file=btslint.config.json,line=3,col=27,endLine=3,endColumn=33,title=config-invalid', '::error file=btslint.config.json,line=5,col=3,endLine=5,endColumn=13,title=config-invalid'],
      );
      assert.equal(r.code, 1);
    } finally {
      removeWorkspace(dir);
    }
  });

  it('--config uses one file for every linted file', async () => {
    const dir = workspace({ 'prod.topology.yaml': GAPPY_TOPOLOGY, 'ci/strict.yaml': 'rules:\n  restore-not-tested: off\n', 'btslint.config.json': '{}' });
    try {
      const { findings } = await jsonFindings(dir, ['--config', 'ci/strict.yaml']);
      assert.ok(!findings.some((f) => f.ruleId === 'restore-not-tested'));
      assert.equal((await cli(['--config', 'nope.json'], dir)).code, 2);
    } finally {
      removeWorkspace(dir);
    }
  });

  it('--print-config shows the config file, inclusion, and every rule\'s level with its source', async () => {
    const cfg = '{\n  "rules": { "restore-not-tested": "error" },\n  "environments": { "test": { "rules": { "restore-not-tested": "off" } } },\n  "exclude": ["legacy"]\n}\n';
    const dir = workspace({ 'btslint.config.json': cfg, 'sub/prod.topology.yaml': GAPPY_TOPOLOGY });
    try {
      const text = await cli(['--print-config', 'sub/prod.topology.yaml'], dir);
      assert.equal(text.code, 0);
      assert.match(text.stdout, /^File: +sub[\\/]prod\.topology\.yaml$/m);
      assert.match(text.stdout, /^Config file: +btslint\.config\.json \(the nearest to the file; it alone applies\)$/m);
      assert.match(text.stdout, /^exclude: +legacy +<- btslint\.config\.json:4:3 \(exclude\)$/m);
      const row = text.stdout.split('\n').find((l) => l.trim().startsWith('restore-not-tested'))!;
      assert.match(row, /restore-not-tested +error +error +error +off +error +btslint\.config\.json:2:14 \(rules\.restore-not-tested\); btslint\.config\.json:3:42 \(environments\.test\.rules\.restore-not-tested\)/);
      const msgbox = text.stdout.split('\n').find((l) => l.trim().startsWith('msgbox-not-clustered '))!;
      assert.match(msgbox, /error +error +error +info +info +default; default \(availability rule: info in test\); default \(availability rule: info in development\)/);

      const json = await cli(['--print-config', 'sub/prod.topology.yaml', '--format', 'json'], dir);
      const d = JSON.parse(json.stdout);
      assert.equal(d.config, 'btslint.config.json');
      const r = d.rules.find((x: { id: string }) => x.id === 'restore-not-tested');
      assert.deepEqual(r.levels.test, { level: 'off', source: { file: 'btslint.config.json', key: 'environments.test.rules.restore-not-tested', line: 3, column: 42 } });
      assert.deepEqual(r.levels.none.source, { file: 'btslint.config.json', key: 'rules.restore-not-tested', line: 2, column: 14 });

      const none = await cli(['--print-config', path.join(dir, 'sub', 'prod.topology.yaml')], path.parse(dir).root);
      assert.match(none.stdout, /Config file: +btslint\.config\.json|Config file: +.*btslint\.config\.json/);
    } finally {
      removeWorkspace(dir);
    }
  });

  it('--print-config lists the config file\'s problems and exits 1', async () => {
    const dir = workspace({ 'btslint.config.yaml': 'rulez: {}\n' });
    try {
      const r = await cli(['--print-config', 'x.xml'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /btslint\.config\.yaml:1:1 +Unknown key "rulez" in the top level: did you mean "rules"\?/);
    } finally {
      removeWorkspace(dir);
    }
  });
});

describe('config resolution (core, no file system)', () => {
  it('walks up from the file\'s folder on Windows paths, caching per folder', () => {
    const reads: string[] = [];
    const files: Record<string, string> = { 'C:\\repo\\btslint.config.json': '{ "rules": { "restore-not-tested": "off" } }' };
    const resolver = new ConfigResolver((p) => {
      reads.push(p);
      return files[p];
    });
    const a = resolver.forFile('C:\\repo\\apps\\orders\\Bindings.xml');
    assert.equal(a.file, 'C:\\repo\\btslint.config.json');
    assert.equal(a.dir, 'C:\\repo');
    const n = reads.length;
    const b = resolver.forFile('C:\\repo\\apps\\orders\\Other.xml');
    assert.equal(b, a);
    assert.equal(reads.length, n, 'the second file of a folder reads nothing');
    assert.equal(applyLevel(a, 'restore-not-tested', 'production', 'warning'), undefined);
    assert.equal(applyLevel(a, 'no-offsite-copy', 'production', 'warning'), 'warning');
    const none = resolveConfig('D:\\other\\x.xml', (p) => files[p]);
    assert.equal(none.file, undefined);
  });

  it('include / exclude are relative to the config folder and case-insensitive', () => {
    const cfg = resolveConfig('/r/x', (p) => (p === '/r/btslint.config.yaml' ? 'exclude: ["Legacy", "**/*.old.xml"]\ninclude: ["src/**"]\n' : undefined));
    assert.deepEqual(isIncluded(cfg, '/r/src/a/b.xml'), { included: true, reason: 'matched by include' });
    assert.equal(isIncluded(cfg, '/r/src/legacy/b.xml').included, false);
    assert.equal(isIncluded(cfg, '/r/src/a/b.OLD.xml').included, false);
    assert.equal(isIncluded(cfg, '/r/docs/b.xml').included, false);
    assert.equal(isIncluded(cfg, '/elsewhere/b.xml').included, true);
  });
});

describe('glob and path helpers', () => {
  const cases: [string, string, boolean][] = [
    ['*.xml', 'a.xml', true],
    ['*.xml', 'deep/dir/a.xml', true],
    ['src/*.xml', 'src/a.xml', true],
    ['src/*.xml', 'src/sub/a.xml', false],
    ['src/**/*.xml', 'src/a.xml', true],
    ['src/**/*.xml', 'src/x/y/a.xml', true],
    ['**/Bindings/*.xml', 'App/bindings/X.XML', true],
    ['legacy', 'a/legacy/b/c.xml', true],
    ['src/legacy', 'src/legacy/c.xml', true],
    ['src/legacy', 'other/src/legacy/c.xml', false],
    ['{dev,test}.topology.yaml', 'test.topology.yaml', true],
    ['{dev,test}.topology.yaml', 'prod.topology.yaml', false],
    ['deploy/{a,b/{c,d}}/*.yaml', 'deploy/b/d/x.yaml', true],
    ['?.xml', 'a.xml', true],
    ['?.xml', 'ab.xml', false],
    ['.\\win\\*.xml', 'win/a.xml', true],
    ['a.b+c(d).xml', 'a.b+c(d).xml', true],
    ['a.b+c(d).xml', 'aXb+c(d).xml', false],
    ['../deploy/*.topology.yaml', '../deploy/prod.topology.yaml', true],
  ];
  for (const [pattern, file, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${file}`, () => {
      assert.equal(compileGlob(pattern).test(file), expected);
    });
  }

  it('globBase splits the literal folder from the pattern', () => {
    assert.deepEqual(globBase('../deploy/*.topology.yaml'), { base: '../deploy', rest: '*.topology.yaml' });
    assert.deepEqual(globBase('deploy/prod.topology.yaml'), { base: 'deploy', rest: 'prod.topology.yaml' });
    assert.deepEqual(globBase('**/x.yaml'), { base: '', rest: '**/x.yaml' });
  });

  it('path helpers handle Windows, UNC and POSIX paths', () => {
    assert.equal(dirnameOf('C:\\a\\b.xml'), 'C:\\a');
    assert.equal(dirnameOf('C:\\a'), 'C:\\');
    assert.equal(dirnameOf('C:\\'), 'C:\\');
    assert.equal(dirnameOf('\\\\srv\\share\\a.xml'), '\\\\srv\\share');
    assert.equal(dirnameOf('\\\\srv\\share'), '\\\\srv\\share');
    assert.equal(dirnameOf('/a'), '/');
    assert.equal(dirnameOf('/'), '/');
    assert.equal(relativeInside('C:\\Repo', 'c:\\repo\\Src\\a.xml'), 'Src/a.xml');
    assert.equal(relativeInside('/r', '/other/a.xml'), undefined);
    assert.equal(relativePath('C:\\repo\\ci', 'C:\\repo\\src\\a.xml'), '../src/a.xml');
  });

  it('resolveConfigPath: the one resolution of paths written in a config file, never above the drive or share', () => {
    assert.equal(resolveConfigPath('C:\\repo\\ci', '../deploy/prod.topology.yaml'), 'C:\\repo\\deploy\\prod.topology.yaml');
    assert.equal(resolveConfigPath('C:\\repo', './a/./b/../c.yaml'), 'C:\\repo\\a\\c.yaml');
    assert.equal(resolveConfigPath('C:\\repo', '../../../../x.yaml'), 'C:\\x.yaml');
    assert.equal(resolveConfigPath('\\\\srv\\share\\repo', '../../x.yaml'), '\\\\srv\\share\\x.yaml');
    assert.equal(resolveConfigPath('/repo/ci', '../deploy'), '/repo/deploy');
    assert.equal(resolveConfigPath('/repo', '.'), '/repo');
    assert.equal(resolveConfigPath('/repo', '/etc/x.yaml'), '/etc/x.yaml');
  });
});

describe('environments in a config file', () => {
  it('reads root, environments.<env>.topology, files and fileNameMarkers, with their sources', () => {
    const files: Record<string, string> = {
      '/repo/btslint.config.yaml': 'root: true\nenvironments:\n  production:\n    topology: deploy/prod.topology.yaml\n    files: ["bindings/*_Live.xml"]\n  development:\n    fileNameMarkers: ["_Local"]\n    rules: { restore-not-tested: off }\n',
    };
    const cfg = resolveConfig('/repo/bindings/a.xml', (p) => files[p]);
    assert.deepEqual(cfg.problems, []);
    assert.equal(cfg.root, true);
    assert.deepEqual(cfg.members, {
      production: { topology: '/repo/deploy/prod.topology.yaml', files: ['bindings/*_Live.xml'], fileNameMarkers: [] },
      development: { topology: undefined, files: [], fileNameMarkers: ['_Local'] },
    });
    assert.deepEqual(Object.keys(cfg.sources).sort(), ['environments.development.fileNameMarkers', 'environments.development.rules.restore-not-tested', 'environments.production.files', 'environments.production.topology', 'root']);
    const [src] = topologySources(cfg);
    assert.equal(src.base, '/repo/deploy');
    assert.ok(src.matches('/repo/deploy/prod.topology.yaml') && src.matches('/REPO/deploy/PROD.topology.yaml') && !src.matches('/repo/deploy/dev.topology.yaml'));
  });

  it('wrong shapes are config-invalid problems at their keys', () => {
    const text = 'root: yes please\nenvironments:\n  production:\n    topology: 3\n    files: bindings\n    fileNames: []\n';
    const cfg = resolveConfig('/repo/a.xml', (p) => (p === '/repo/btslint.config.yaml' ? text : undefined));
    const messages = cfg.problems.map((p) => p.message);
    assert.deepEqual(messages, [
      '"root" must be true or false; found "yes please".',
      'Unknown key "fileNames" in "environments.production": known keys: rules, topology, files, fileNameMarkers.',
      '"environments.production.topology" must be text; found 3.',
      '"environments.production.files" must be a list; found "bindings".',
    ]);
    assert.deepEqual(cfg.members.production, undefined, 'nothing of a wrongly shaped mapping is used');
  });
});
