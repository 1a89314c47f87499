// The command line's reads (host/confine.ts Confinement.forCommandLine): a file is read by its
// folder's realpath and opened without following a link, and a link is resolved as before, so what is
// read, and what is refused with which reason, is what a realpath per file gives: a link inside the
// workspace to a file inside it is followed, a link out of it is refused, a folder link out of it too.

import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Confinement } from '../../server/src/host/confine';

const posix = process.platform !== 'win32';

describe('command-line reads through folder realpaths', { skip: !posix && 'symbolic links need privileges on Windows' }, () => {
  let tmp: string;
  let ws: string;
  let outside: string;
  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-confine-')));
    ws = path.join(tmp, 'ws');
    outside = path.join(tmp, 'outside');
    fs.mkdirSync(path.join(ws, 'bindings'), { recursive: true });
    fs.mkdirSync(path.join(ws, 'real'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(ws, 'bindings', 'A.BindingInfo.xml'), '<BindingInfo/>');
    fs.writeFileSync(path.join(ws, 'real', 'B.BindingInfo.xml'), '<BindingInfo b="1"/>');
    fs.writeFileSync(path.join(outside, 'Secret.BindingInfo.xml'), '<secret/>');
    fs.symlinkSync(path.join(ws, 'real', 'B.BindingInfo.xml'), path.join(ws, 'bindings', 'LinkIn.BindingInfo.xml'), 'file');
    fs.symlinkSync(path.join(outside, 'Secret.BindingInfo.xml'), path.join(ws, 'bindings', 'LinkOut.BindingInfo.xml'), 'file');
    fs.symlinkSync(path.join(ws, 'real'), path.join(ws, 'alias'), 'dir');
    fs.symlinkSync(outside, path.join(ws, 'away'), 'dir');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const text = (r: ReturnType<Confinement['read']>) => ('bytes' in r ? r.bytes.toString('utf8') : r);

  it('reads what a realpath per file reads, and refuses what it refuses, with the same reasons', () => {
    const cli = Confinement.forCommandLine(ws, ['.']);
    const plain = new Confinement(cli.roots); // the language server's: a realpath per file
    const cases: [string, unknown][] = [
      ['bindings/A.BindingInfo.xml', '<BindingInfo/>'],
      ['bindings/LinkIn.BindingInfo.xml', '<BindingInfo b="1"/>'],
      ['alias/B.BindingInfo.xml', '<BindingInfo b="1"/>'],
      ['bindings/LinkOut.BindingInfo.xml', { refused: `it leads outside the workspace (to ${path.join(outside, 'Secret.BindingInfo.xml')})` }],
      ['away/Secret.BindingInfo.xml', { refused: `it leads outside the workspace (to ${path.join(outside, 'Secret.BindingInfo.xml')})` }],
      ['bindings/Missing.BindingInfo.xml', { missing: true }],
      ['nowhere/Missing.BindingInfo.xml', { missing: true }],
    ];
    // Twice: the second time from the folders already resolved.
    for (let pass = 0; pass < 2; pass++) {
      for (const [rel, expected] of cases) {
        const p = path.join(ws, rel);
        assert.deepEqual(text(cli.read(p, 1 << 20)), expected, `${rel} (pass ${pass + 1})`);
        assert.deepEqual(text(plain.read(p, 1 << 20)), expected, `${rel}, a realpath per file`);
      }
    }
  });
});
