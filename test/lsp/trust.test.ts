// An untrusted workspace (issue 16): nothing outside the workspace folders is read. The server runs
// with initializationOptions.workspaceTrusted false (VS Code's workspace trust, sent by the client) and
// BTSLINT_TEST_READ_LOG, which makes the read gate (host/confine.ts, host/walk.ts) log every file it
// reads and every folder it lists. The workspace tries every way out: a config's `topologies` that
// climbs out with `..` and one with an absolute path, a topology that is a symlink to a file outside,
// a folder that is a symlink to a folder outside, a config file in the folder above the workspace, a
// file opened from outside, and the model asked of a file outside.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LspTestClient } from './lspClient';
import { pathToUri } from '../../server/src/lsp/paths';

const TOPOLOGY = ['topology: 1', 'environment: production', 'hosts:', '  - name: Outside_Host', '    type: in-process', '    instances: [BTS01, BTS02]', ''].join('\n');
const BINDING = `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo>
  <SendPortCollection>
    <SendPort Name="Orders.Out" IsStatic="true" IsTwoWay="false">
      <PrimaryTransport><Address>C:\\out\\%MessageID%.xml</Address><TransportType Name="FILE" /><SendHandler Name="SendHost" /></PrimaryTransport>
    </SendPort>
  </SendPortCollection>
</BindingInfo>
`;

function layout(): { base: string; ws: string; outside: string } {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-trust-')));
  const ws = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(ws, 'team'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'real.topology.yaml'), TOPOLOGY);
  fs.writeFileSync(path.join(outside, 'Secret.BindingInfo.xml'), BINDING);
  // Above the workspace: a config file the workspace's root folder would inherit (nearest wins).
  fs.writeFileSync(path.join(base, 'btslint.config.json'), JSON.stringify({ rules: { 'no-topology': 'error' } }));
  fs.writeFileSync(path.join(ws, 'Orders.BindingInfo.xml'), BINDING);
  fs.writeFileSync(path.join(ws, 'team', 'Team.BindingInfo.xml'), BINDING);
  fs.writeFileSync(path.join(ws, 'team', 'btslint.config.json'), JSON.stringify({ topologies: ['../../outside/*.topology.yaml', path.join(outside, 'real.topology.yaml').replace(/\\/g, '/')] }));
  fs.symlinkSync(path.join(outside, 'real.topology.yaml'), path.join(ws, 'link.topology.yaml'));
  fs.symlinkSync(outside, path.join(ws, 'linked'), 'dir');
  return { base, ws, outside };
}

/** The paths the server read or listed (the log's lines), each with its realpath when it exists. */
function logged(log: string): { kind: string; p: string; real: string }[] {
  if (!fs.existsSync(log)) return [];
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [kind, ...rest] = l.split(' ');
      const p = rest.join(' ');
      let real = p;
      try {
        real = fs.realpathSync(p);
      } catch {
        // a probe of a file that is not there
      }
      return { kind, p, real };
    });
}

const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep);

async function run(trusted: boolean, f: (c: LspTestClient, l: ReturnType<typeof layout>, log: string) => Promise<void>): Promise<void> {
  const l = layout();
  const log = path.join(l.base, 'read.log');
  const c = new LspTestClient(l.ws, { workspaceTrusted: trusted, env: { BTSLINT_TEST_READ_LOG: log } });
  try {
    await c.initialize();
    await c.waitForStatus();
    await f(c, l, log);
  } finally {
    await c.shutdown();
    fs.rmSync(l.base, { recursive: true, force: true });
  }
}

describe('btslint lsp: an untrusted workspace', () => {
  it('reads nothing outside the workspace folders: topologies patterns, symlinks, a config above, an outside file', async () => {
    await run(false, async (c, l, log) => {
      // The config's patterns that reach out are config-invalid problems, and nothing is joined from outside.
      const cfg = await c.waitForDiagnostics(pathToUri(path.join(l.ws, 'team', 'btslint.config.json')), (d) => d.length >= 2);
      assert.deepEqual(cfg.map((d) => d.code), ['config-invalid', 'config-invalid']);
      assert.match(String(cfg[0].message), /reaches outside the workspace/);
      assert.match(String(cfg[1].message), /is an absolute path/);
      // The bindings are judged with no topology: the one outside (directly or by a symlink) was not read.
      const orders = await c.waitForDiagnostics(pathToUri(path.join(l.ws, 'Orders.BindingInfo.xml')), (d) => d.length > 0);
      assert.deepEqual(orders.map((d) => d.code), ['no-topology']);
      // The config file above the workspace does not apply (it would make no-topology an error).
      assert.equal(orders[0].severity, 3, 'no-topology at its default, info');
      // A file opened from outside is checked from the text the client sent, not read from disk.
      const secret = pathToUri(path.join(l.outside, 'Secret.BindingInfo.xml'));
      const n = c.notifications.length;
      void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: secret, languageId: 'xml', version: 1, text: BINDING } });
      await c.waitForDiagnostics(secret, (d) => d.length > 0);
      await c.waitForStatus(n);
      void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: secret } });
      await c.waitForDiagnostics(secret, (d) => d.length === 0);
      // The model of a file outside that is not open: not read, so no model.
      assert.equal(await c.conn.sendRequest('btslint/model', { uri: pathToUri(path.join(l.outside, 'real.topology.yaml')) }), null);
      const lines = logged(log);
      assert.ok(lines.some((x) => x.kind === 'read' && x.p.endsWith('Orders.BindingInfo.xml')), 'the gate logs what is read');
      const out = lines.filter((x) => !inside(x.real, l.ws) || !inside(x.p, l.ws));
      assert.deepEqual(out, [], 'read or listed outside the workspace');
    });
  });

  it('a trusted workspace still confines the scan and the topologies patterns, but applies the config file above it', async () => {
    await run(true, async (c, l, log) => {
      const orders = await c.waitForDiagnostics(pathToUri(path.join(l.ws, 'Orders.BindingInfo.xml')), (d) => d.length > 0);
      assert.deepEqual(orders.map((d) => [d.code, d.severity]), [['no-topology', 1]], 'the config above sets no-topology to error');
      const out = logged(log).filter((x) => !inside(x.real, l.ws) || !inside(x.p, l.ws));
      // Only config files in the folders above: no topology, binding or folder outside.
      assert.ok(out.length > 0);
      for (const x of out) assert.match(path.basename(x.p), /^btslint\.config\.(json|jsonc|yaml|yml)$/, `${x.kind} ${x.p}`);
      assert.ok(out.some((x) => x.p === path.join(l.base, 'btslint.config.json')));
    });
  });
});
