// The language server against what a client (or a repository) can send it: malformed notifications,
// bad framing on its stdio, names that would turn a hover into a remote image, and files outside the
// workspace folder. After each, the server must still answer the next request.

import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { LspTestClient } from '../lsp/lspClient';
import { bindingXml } from '../helpers/bindingFixtures';
import { cleanup, tempDir, writeFiles } from './hostile';

const IMAGE_NAME = '![x](https://attacker.example/p.png)<img src=https://attacker.example/q.png>';

describe('attack: the language server keeps serving', () => {
  let base: string;
  let c: LspTestClient;
  before(async () => {
    base = tempDir('btslint-lsp-attack-');
    writeFiles(base, {
      'ws/prod.topology.yaml': `topology: 1\nenvironment: production\nhosts:\n  - name: "${IMAGE_NAME}"\n    instances: [A]\n`,
      'ws/a.BindingInfo.xml': bindingXml({ receive: [{ name: IMAGE_NAME.replace(/</g, '&lt;').replace(/>/g, '&gt;'), adapter: 'FTP', host: IMAGE_NAME.replace(/</g, '&lt;').replace(/>/g, '&gt;'), address: 'ftp://x/in' }] }),
      'outside/evil.topology.yaml': 'topology: 1\nenvironment: production\n',
    });
    c = new LspTestClient(path.join(base, 'ws'));
    await c.initialize();
    await c.waitForStatus();
  });
  after(async () => {
    await c.shutdown();
    cleanup(base);
  });

  /** The server still answers: a hover on the binding's handler. */
  const answers = async () => {
    // A hang guard, not a timing: the server answers at once or fails the test (never hangs the run).
    const hover = c.conn.sendRequest('textDocument/hover', { textDocument: { uri: c.uri('a.BindingInfo.xml') }, position: { line: 11, character: 35 } });
    let timer: NodeJS.Timeout | undefined;
    const guard = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within 15 s (stderr: ${c.stderr})`)), 15_000)));
    const r = (await Promise.race([hover, guard]).finally(() => clearTimeout(timer))) as { contents: { value: string } } | null;
    assert.ok(c.child.exitCode === null, `the server exited (stderr: ${c.stderr})`);
    return r;
  };

  it('a hover never carries a link or an image made from a name', async () => {
    const r = await answers();
    assert.ok(r, 'a hover on the handler');
    const md = r.contents.value;
    assert.match(md, /attacker/, 'the name is shown');
    assert.ok(!/!\[[^\]]*\]\(https:\/\/attacker/.test(md), md);
    assert.ok(!/<img/i.test(md), md);
    assert.ok(!/\]\(https:\/\/attacker/.test(md), md);
  });

  for (const [what, params] of [
    ['changes: null', { changes: null }],
    ['no changes at all', {}],
    ['a malformed URI', { changes: [{ uri: 'file:///%E0%A4%A.topology.yaml', type: 1 }, { uri: 'file://%ZZ/x.topology.yaml', type: 2 }] }],
    ['a URI that is not a string, a change that is null', { changes: [{ uri: 42, type: 1 }, null, { type: 3 }] }],
    ['a URI with a NUL', { changes: [{ uri: 'file:///tmp/a%00.topology.yaml', type: 2 }] }],
  ] as const) {
    it(`didChangeWatchedFiles with ${what}`, async () => {
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', params);
      await answers();
    });
  }

  it('a change notification for a file outside the workspace folder: not read, no diagnostics', async () => {
    const outside = 'file://' + path.join(base, 'outside', 'evil.topology.yaml');
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: outside, type: 2 }] });
    await answers();
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!c.publishes.some((p) => p.uri.includes('/outside/')), 'no diagnostics for a file outside the workspace');
  });

  it('bad messages on stdin: a body that is not JSON, a batch, a null', async () => {
    const write = (s: string) => new Promise<void>((resolve) => c.child.stdin!.write(s, () => resolve()));
    await write('Content-Length: 7\r\n\r\n{oops}!');
    await answers();
    await write('Content-Length: 2\r\n\r\n[]');
    await answers();
    await write('Content-Length: 4\r\n\r\nnull');
    await answers();

  });

  it('notifications and requests with wrong parameters', async () => {
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: null });
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 7 }, contentChanges: null });
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { btslint: { maxFileSizeMB: 'lots' } } });
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: null, removed: [{ uri: '%%' }] } });
    // Answered (an error or null), not left unanswered.
    await c.conn.sendRequest('textDocument/hover', { textDocument: null, position: null }).catch(() => null);
    await answers();
  });

  it('the file on disk swapped for a FIFO, then a change notification: the server does not wait on it', async () => {
    const file = path.join(base, 'ws', 'pipe.topology.yaml');
    const { spawnSync } = await import('child_process');
    assert.equal(spawnSync('mkfifo', [file]).status, 0);
    try {
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('pipe.topology.yaml'), type: 1 }] });
      await answers();
      const since = c.notifications.length;
      await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri('prod.topology.yaml'), type: 2 }] });
      await c.waitForStatus(since);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
