// The V8 code cache of btslint's modules (server/src/host/codeCache.ts): it may only skip compiling.
// Each case runs in a child process of its own (the cache patches that process's module loader): a
// recorded cache is used for unchanged modules, and a module changed since it was recorded runs its
// new source, never the cached one; a missing, truncated, foreign or corrupt cache changes nothing;
// modules run with the same wrapper arguments as under Node's own loader. The cache the build writes
// is used by the real bin, and the bin's output is byte for byte the same without it.

import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { repoRoot } from '../helpers/paths';

const ROOT = repoRoot();
const CODE_CACHE = path.join(ROOT, 'out', 'server', 'src', 'host', 'codeCache.js');

/** Runs `script` in a fresh Node process (CommonJS, `cc` the codeCache module); its last stdout line as JSON. */
function child(script: string): unknown {
  const r = spawnSync(process.execPath, ['-e', `const cc = require(${JSON.stringify(CODE_CACHE)});\n${script}`], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

describe('code cache', () => {
  let dir: string;
  let cacheFile: string;
  // A tiny package: a.js requires b.js and reports what a module sees.
  const A = `'use strict';
const b = require('./b');
exports.seen = { b: b.value(), thisIsExports: this === exports, dirname: __dirname, filename: __filename, moduleOk: module.exports === exports, resolves: require.resolve('./b') };
`;
  const B = `'use strict';
exports.value = function value() { return 'one'.repeat(2); };
`;
  const loadA = (pkg: string) => `const a = require(${JSON.stringify(path.join(pkg, 'lib', 'a.js'))}); console.log(JSON.stringify({ seen: a.seen, stats: cc.codeCacheStats }));`;

  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-code-cache-test-')));
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.writeFileSync(path.join(dir, 'lib', 'a.js'), A);
    fs.writeFileSync(path.join(dir, 'lib', 'b.js'), B);
    cacheFile = path.join(dir, 'cache.bin');
    const recorded = child(`const write = cc.recordCodeCache(${JSON.stringify(dir)});
require(${JSON.stringify(path.join(dir, 'lib', 'a.js'))});
console.log(JSON.stringify(write(${JSON.stringify(cacheFile)})));`) as { modules: number; bytes: number };
    assert.equal(recorded.modules, 2);
    assert.ok(fs.statSync(cacheFile).size === recorded.bytes);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const expectedSeen = () => ({ b: 'oneone', thisIsExports: true, dirname: path.join(dir, 'lib'), filename: path.join(dir, 'lib', 'a.js'), moduleOk: true, resolves: path.join(dir, 'lib', 'b.js') });

  it('compiles unchanged modules from the cache, which run as under Node’s loader', () => {
    const r = child(`cc.installCodeCache(${JSON.stringify(cacheFile)}, ${JSON.stringify(dir)});\n${loadA(dir)}`) as { seen: unknown; stats: unknown };
    assert.deepEqual(r.seen, expectedSeen());
    assert.deepEqual(r.stats, { used: 2, rejected: 0, changed: 0 });
    // Without the cache, the same.
    const plain = child(loadA(dir)) as { seen: unknown; stats: unknown };
    assert.deepEqual(plain.seen, expectedSeen());
    assert.deepEqual(plain.stats, { used: 0, rejected: 0, changed: 0 });
  });

  it('runs the new source of a module changed since the cache was written, of the same length too', () => {
    const copy = path.join(dir, 'changed');
    fs.mkdirSync(path.join(copy, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(copy, 'lib', 'a.js'), A);
    // Same length as B: V8's own check of cached data compares only the source's length.
    const changed = B.replace("'one'", "'two'");
    assert.equal(changed.length, B.length);
    fs.writeFileSync(path.join(copy, 'lib', 'b.js'), changed);
    fs.copyFileSync(cacheFile, path.join(copy, 'cache.bin'));
    const r = child(`cc.installCodeCache(${JSON.stringify(path.join(copy, 'cache.bin'))}, ${JSON.stringify(copy)});\n${loadA(copy)}`) as { seen: { b: string }; stats: unknown };
    assert.equal(r.seen.b, 'twotwo');
    assert.deepEqual(r.stats, { used: 1, rejected: 0, changed: 1 });
  });

  it('a missing, truncated, foreign or corrupt cache file changes nothing', () => {
    const bytes = fs.readFileSync(cacheFile);
    const variants: [string, Buffer | undefined][] = [
      ['missing', undefined],
      ['empty', Buffer.alloc(0)],
      ['truncated', bytes.subarray(0, bytes.length - 10)],
      ['another format', Buffer.concat([Buffer.from('btslint-code-cache-9\n'), bytes.subarray(21)])],
      ['an index that is not JSON', Buffer.concat([bytes.subarray(0, 25), Buffer.from('{{{{'), bytes.subarray(29)])],
      ['an index longer than the file', Buffer.concat([bytes.subarray(0, 21), Buffer.from([0xff, 0xff, 0xff, 0x7f]), bytes.subarray(25)])],
    ];
    for (const [what, content] of variants) {
      const f = path.join(dir, `variant-${what.replace(/\W+/g, '-')}.bin`);
      if (content) fs.writeFileSync(f, content);
      const r = child(`cc.installCodeCache(${JSON.stringify(f)}, ${JSON.stringify(dir)});\n${loadA(dir)}`) as { seen: unknown; stats: unknown };
      assert.deepEqual(r.seen, expectedSeen(), what);
      assert.deepEqual(r.stats, { used: 0, rejected: 0, changed: 0 }, what);
    }
    // Cached data V8 refuses (bytes of another kind): the module compiles as usual.
    const garbled = Buffer.from(bytes);
    const dataStart = 25 + garbled.readUInt32LE(21);
    for (let k = dataStart; k < garbled.length; k++) garbled[k] = (k * 31) & 0xff;
    const g = path.join(dir, 'garbled.bin');
    fs.writeFileSync(g, garbled);
    const r = child(`cc.installCodeCache(${JSON.stringify(g)}, ${JSON.stringify(dir)});\n${loadA(dir)}`) as { seen: unknown; stats: unknown };
    assert.deepEqual(r.seen, expectedSeen());
    assert.deepEqual(r.stats, { used: 0, rejected: 2, changed: 0 });
  });

  it('reads no module outside the package folder it was given', () => {
    const other = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-code-cache-other-')));
    try {
      fs.mkdirSync(path.join(other, 'lib'));
      fs.writeFileSync(path.join(other, 'lib', 'a.js'), A);
      fs.writeFileSync(path.join(other, 'lib', 'b.js'), B);
      // The cache names lib/a.js and lib/b.js relative to `dir`: a package elsewhere is not read from it.
      const r = child(`cc.installCodeCache(${JSON.stringify(cacheFile)}, ${JSON.stringify(dir)});\n${loadA(other)}`) as { stats: unknown };
      assert.deepEqual(r.stats, { used: 0, rejected: 0, changed: 0 });
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('the cache the build wrote is used by the bin’s modules, and the bin’s output is the same without it', () => {
    const file = path.join(ROOT, 'out', 'code-cache', `${process.version}-${process.arch}.bin`);
    assert.ok(fs.existsSync(file), `${file} is missing: the build (scripts/code-cache.js) writes it`);
    const r = child(`require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'host', 'cliStart.js'))}).prepareCli();
const { main } = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'cli', 'main.js'))});
console.log(JSON.stringify(cc.codeCacheStats));`) as { used: number; rejected: number; changed: number };
    assert.equal(r.rejected, 0);
    assert.ok(r.used >= 100, `only ${r.used} modules from the cache`);
    // The bin with its cache and the CLI loaded without it: the same report.
    const bin = path.join(ROOT, 'server', 'bin', 'btslint.js');
    const withCache = spawnSync(process.execPath, [bin, 'examples', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const without = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'cli', 'main.js'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`, 'examples', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(withCache.status, 1, withCache.stderr);
    assert.equal(without.status, 1, without.stderr);
    assert.equal(withCache.stdout, without.stdout);
    assert.ok(withCache.stdout.length > 1000);
  });
});
