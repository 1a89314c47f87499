// URI <-> path conversion, the one place the server does it: Windows drive letters in both
// spellings, UNC shares, spaces and '#', and POSIX paths.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { isInside, pathToUri, uriKey, uriToPath } from '../../server/src/lsp/paths';

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
});
