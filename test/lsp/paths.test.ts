// URI <-> path conversion, the one place the server does it: Windows drive letters in both
// spellings, UNC shares, spaces and '#', and POSIX paths.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { isInside, isVirtualPath, pathKey, pathToUri, uriKey, uriToPath } from '../../server/src/lsp/paths';

describe('lsp paths', () => {
  it('reads VS Code\'s and other clients\' spellings of a Windows file URI', () => {
    assert.equal(uriToPath('file:///c%3A/Deploy/Bindings%20Prod.xml', 'win32'), 'C:\\Deploy\\Bindings Prod.xml');
    assert.equal(uriToPath('file:///C:/Deploy/Bindings%20Prod.xml', 'win32'), 'C:\\Deploy\\Bindings Prod.xml');
    assert.equal(uriKey('file:///c%3A/Deploy/B.xml', 'win32'), uriKey('file:///C:/DEPLOY/b.XML', 'win32'));
  });

  it('writes Windows URIs as VS Code does (lower-case drive, %3A)', () => {
    assert.equal(pathToUri('C:\\Deploy\\Bindings Prod#1.xml', 'win32'), 'file:///c%3A/Deploy/Bindings%20Prod%231.xml');
    assert.equal(uriToPath(pathToUri('C:\\a\\b.topology.yaml', 'win32'), 'win32'), 'C:\\a\\b.topology.yaml');
  });

  it('handles UNC shares', () => {
    assert.equal(pathToUri('\\\\fs01\\deploy\\B.xml', 'win32'), 'file://fs01/deploy/B.xml');
    assert.equal(uriToPath('file://fs01/deploy/B.xml', 'win32'), '\\\\fs01\\deploy\\B.xml');
  });

  it('handles POSIX paths, and leaves other schemes alone', () => {
    assert.equal(pathToUri('/home/u/my repo/a.xml', 'posix'), 'file:///home/u/my%20repo/a.xml');
    assert.equal(uriToPath('file:///home/u/my%20repo/a.xml', 'posix'), '/home/u/my repo/a.xml');
    assert.equal(uriToPath('untitled:Untitled-1', 'posix'), undefined);
    assert.equal(uriKey('untitled:Untitled-1', 'posix'), 'untitled:Untitled-1');
  });

  it('tells whether a path is inside a folder', () => {
    assert.ok(isInside('C:\\Repo\\Sub\\a.xml', 'c:\\repo', 'win32'));
    assert.ok(!isInside('C:\\Repo2\\a.xml', 'C:\\Repo', 'win32'));
    assert.ok(isInside('/r/sub/a.xml', '/r/', 'posix'));
    assert.ok(!isInside('/rr/a.xml', '/r', 'posix'));
  });

  it('gives URIs of other schemes a virtual path that round-trips and no file-system path can be', () => {
    for (const platform of ['win32', 'posix'] as const) {
      const uri = 'vscode-vfs://github/contoso/biztalk/bindings/Orders%20Prod.BindingInfo.xml';
      const p = uriToPath(uri, platform)!;
      assert.equal(p, 'vscode-vfs:/@github/contoso/biztalk/bindings/Orders Prod.BindingInfo.xml');
      assert.ok(isVirtualPath(p));
      assert.equal(pathToUri(p, platform), uri);
      assert.equal(uriKey(uri, platform), uri);
      assert.equal(pathKey(p, platform), uri);
      assert.ok(isInside(p, uriToPath('vscode-vfs://github/contoso/biztalk', platform)!, platform));
      assert.ok(!isInside(p, uriToPath('vscode-vfs://github/contoso/biz', platform)!, platform));
      assert.ok(!isInside(p, uriToPath('vscode-vfs://gitlab/contoso/biztalk', platform)!, platform), 'another authority');
      assert.ok(!isInside(p, platform === 'win32' ? 'C:\\' : '/', platform), 'never inside a file-system folder');
    }
    assert.equal(pathToUri(uriToPath('vscode-remote://ssh-remote%2Bbox:22/home/u/a.xml', 'posix')!, 'posix'), 'vscode-remote://ssh-remote%2Bbox:22/home/u/a.xml');
    assert.ok(!isVirtualPath('C:\\a\\b.xml') && !isVirtualPath('/a:b/c.xml') && !isVirtualPath('c:/a.xml'));
    assert.equal(uriToPath('vscode-vfs://github/o/r/../x.xml', 'posix'), undefined, 'a URI with .. names no file');
    assert.equal(uriToPath('git:/a.xml?{}', 'posix'), undefined);
  });

  it('keys file: URIs by a canonical URI (case-insensitive on Windows)', () => {
    assert.equal(uriKey('file:///C:/Deploy/B.xml', 'win32'), 'file:///c%3A/deploy/b.xml');
    assert.equal(uriKey('file:///home/u/B.xml', 'posix'), 'file:///home/u/B.xml');
  });
});
