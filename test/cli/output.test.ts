// Where the CLI writes, spawned as users run it: a closed stdout pipe (`btslint big | head -1`) ends the
// run quietly with its exit code; every output-file problem (a path under a file, a folder in the way, a
// symbolic link as the file or as a folder on its way inside the workspace, a device that refuses the
// write) is one line on stderr and exit 2, with no stack; missing folders are created; a missing input,
// config or baseline is one line. All output files go through host/output.ts.

import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn, spawnSync } from 'child_process';
import { fixtureFile, repoRoot } from '../helpers/paths';

const ROOT = repoRoot();
const BIN = path.join(ROOT, 'server', 'bin', 'btslint.js');
const TOPOLOGY = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.topology.yaml'));

function btslint(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One line on stderr, no stack trace, exit 2. */
function oneLineError(r: { status: number | null; stderr: string }, pattern: RegExp): void {
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
}

describe('btslint output: closed pipes and file-system problems', () => {
  let ws: string;
  let outside: string;
  before(() => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-out-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-outside-')));
    fs.writeFileSync(path.join(ws, 'prod.topology.yaml'), TOPOLOGY);
    const binding = fs.readFileSync(fixtureFile('bindings/OrdersFileSql.Bindings.xml'));
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(ws, `app${i}.BindingInfo.xml`), binding);
    fs.writeFileSync(path.join(ws, 'a-file'), 'not a folder');
    fs.mkdirSync(path.join(ws, 'a-folder'));
    fs.symlinkSync(outside, path.join(ws, 'linked'), 'dir');
    fs.symlinkSync(path.join(outside, 'target.txt'), path.join(ws, 'report-link.txt'));
  });
  after(() => {
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('a reader that closes the pipe after the first bytes ends the run quietly, with its exit code', async () => {
    for (const format of ['stylish', 'json']) {
      const child = spawn(process.execPath, [BIN, '.', '--format', format], { cwd: ws, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      // Like `head -c 1`: read one chunk, then close the read end (the report, over 100 KB, is bigger than
      // the pipe's buffer, so the writer meets the closed end).
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      assert.equal(stderr, '', `${format}: ${stderr}`);
      assert.equal(code, 1, `${format}: the findings' exit code`);
    }
  });

  it('-o under a file, or onto a folder: one line, exit 2', () => {
    oneLineError(btslint(['.', '-o', 'a-file/report.txt'], ws), /^btslint: cannot write a-file\/report\.txt: a-file is a file, not a folder$/);
    oneLineError(btslint(['.', '-o', 'a-folder'], ws), /^btslint: cannot write a-folder: it is a folder$/);
    oneLineError(btslint(['.', '--write-baseline', 'a-file/baseline.json'], ws), /^btslint: cannot write a-file\/baseline\.json: a-file is a file, not a folder$/);
  });

  it('never writes through a symbolic link: the file itself, or a folder on its way inside the workspace', () => {
    oneLineError(btslint(['.', '-o', 'report-link.txt'], ws), /^btslint: cannot write report-link\.txt: it is a symbolic link/);
    oneLineError(btslint(['.', '-o', 'linked/report.txt'], ws), /^btslint: cannot write linked\/report\.txt: linked is a symbolic link/);
    oneLineError(btslint(['.', '--format', 'sarif', '--output-file', 'linked/deeper/r.sarif'], ws), /linked is a symbolic link/);
    oneLineError(btslint(['.', '--write-baseline', 'linked/baseline.json'], ws), /^btslint: cannot write linked\/baseline\.json: linked is a symbolic link/);
    assert.deepEqual(fs.readdirSync(outside), [], 'nothing was written through the links');
  });

  it('a device that refuses the write: one line, exit 2', () => {
    oneLineError(btslint(['prod.topology.yaml', '-o', '/proc/version'], ws), /^btslint: cannot write \/proc\/version: /);
  });

  it('missing folders of the output file are created', () => {
    const r = btslint(['.', '--format', 'json', '-o', 'reports/deep/btslint.json'], ws);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(Array.isArray(JSON.parse(fs.readFileSync(path.join(ws, 'reports', 'deep', 'btslint.json'), 'utf8'))));
    const b = btslint(['.', '--write-baseline', 'baselines/new/b.json'], ws);
    assert.equal(b.status, 0, b.stderr);
    assert.ok(fs.existsSync(path.join(ws, 'baselines', 'new', 'b.json')));
  });

  it('an output file outside the workspace is written when asked for (the user chose it)', () => {
    const target = path.join(outside, 'chosen', 'report.txt');
    const r = btslint(['prod.topology.yaml', '-o', target], ws);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(fs.readFileSync(target, 'utf8').includes('msgbox-not-clustered'));
    fs.rmSync(path.join(outside, 'chosen'), { recursive: true });
  });

  it('a missing input, config or baseline: one line, exit 2', () => {
    oneLineError(btslint(['no-such.BindingInfo.xml'], ws), /^btslint: no such file or folder: no-such\.BindingInfo\.xml$/);
    oneLineError(btslint(['.', '--config', 'a-file/c.json'], ws), /^btslint: no such config file: a-file\/c\.json$/);
    oneLineError(btslint(['.', '--baseline', 'none.json'], ws), /^btslint: no such baseline file: none\.json/);
  });
});
