// No reach beyond the workspace: the `btslint` command, run on a hostile workspace, opens no file
// outside it (other than its own install folder), follows no symlink out of it, resolves no external
// entity, XInclude, UNC path or URL, opens no socket and starts no process. Observed from inside the
// child process by the probe preload (probe.ts), and from outside by a TCP server that counts every
// connection the hostile files point at.

import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { cleanup, CliRun, isInside, ROOT, runCli, SECRET, tempDir, writeFiles, xxeBinding } from './hostile';

/**
 * The names btslint documents looking for in the workspace folder and every folder above it: config
 * files (read), and `.git` (only whether it exists: the repository is the workspace, SECURITY.md).
 */
const DOCUMENTED_CONFIG = /^(btslint\.config\.(json|jsonc|yaml|yml)|\.git)$/i;

let base: string;
let ws: string;
let outside: string;
let server: net.Server;
let port: number;
let connections = 0;

before(async () => {
  server = net.createServer((s) => {
    connections++;
    s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;

  base = tempDir('btslint-sandbox-');
  ws = path.join(base, 'ws');
  outside = path.join(base, 'outside');
  const url = `http://127.0.0.1:${port}`;
  writeFiles(outside, {
    'secret.txt': SECRET,
    'Secret.BindingInfo.xml': `<BindingInfo><Description>${SECRET}</Description></BindingInfo>`,
    'evil.topology.yaml': `topology: 1\nenvironment: production\nx-secret: ${SECRET}\n`,
    'secret.dtd': `<!ENTITY leak "${SECRET}">`,
  });
  const secretUrl = `file://${path.join(outside, 'secret.txt').replace(/\\/g, '/')}`;
  writeFiles(ws, {
    // External entities: a file: URL, an absolute path, a URL on the counting server.
    'bindings/Xxe.BindingInfo.xml': xxeBinding(secretUrl),
    'bindings/XxePath.BindingInfo.xml': xxeBinding(path.join(outside, 'secret.txt')),
    'bindings/XxeHttp.BindingInfo.xml': xxeBinding(`${url}/xxe`),
    // XInclude, and a DTD that pulls parameter entities from the server.
    'bindings/XInclude.BindingInfo.xml': `<?xml version="1.0"?>
<!DOCTYPE BindingInfo SYSTEM "${url}/bindinginfo.dtd">
<BindingInfo xmlns:xi="http://www.w3.org/2001/XInclude">
  <xi:include href="${secretUrl}" parse="text"/>
  <xi:include href="${url}/include.xml"/>
  <SendPortCollection>
    <SendPort Name="Include.Port" IsStatic="true">
      <PrimaryTransport>
        <Address>${url}/address</Address>
        <TransportType Name="WCF-BasicHttp" />
        <TransportTypeData>&lt;CustomProps&gt;&lt;BindingConfiguration vt="8"&gt;&amp;lt;!DOCTYPE x SYSTEM "${url}/inner.dtd"&amp;gt;&amp;lt;binding name="x" /&amp;gt;&lt;/BindingConfiguration&gt;&lt;/CustomProps&gt;</TransportTypeData>
        <SendHandler Name="SendHost" />
      </PrimaryTransport>
    </SendPort>
  </SendPortCollection>
</BindingInfo>
`,
    // UNC paths and URLs in a topology: names to compare, never places to visit.
    'prod.topology.yaml': `topology: 1
environment: production
$schema: ${url}/topology.schema.json
servers:
  - name: BTSAPP01
    roles: [biztalk]
    backup:
      windows: { schedule: daily, destination: '\\\\127.0.0.1\\share\\platform' }
backup:
  biztalkJob:
    enabled: true
    fullFrequency: d
    fullDestination: '\\\\127.0.0.1@${port}\\DavWWWRoot\\full'
    logDestination: '${url}/log'
  offsite: { location: '${secretUrl}', schedule: daily, copies: 3 }
sso:
  masterSecretServer: SSOCLU
  secretBackup: { destination: '${secretUrl}', lastBackup: 2026-10-01 }
hosts:
  - name: SendHost
    instances: [BTSAPP01, BTSAPP02]
`,
    'json/prod.topology.json': JSON.stringify({ topology: 1, environment: 'production', $schema: `${url}/schema.json`, sharepoint: [{ name: 'P', backup: { destination: `${url}/sp` } }] }),
  });
  // Symlinks out of the workspace: a folder and a file. Where the platform forbids symlinks (Windows
  // without the privilege) the test says so and fails rather than passing without them.
  fs.symlinkSync(outside, path.join(ws, 'linked-folder'), 'dir');
  fs.symlinkSync(path.join(outside, 'Secret.BindingInfo.xml'), path.join(ws, 'bindings', 'Linked.BindingInfo.xml'), 'file');
  fs.symlinkSync(path.join(outside, 'evil.topology.yaml'), path.join(ws, 'linked.topology.yaml'), 'file');
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  cleanup(base);
});

function checkContained(run: CliRun, what: string) {
  assert.ok(run.probe, `${what}: the probe wrote no report (stderr: ${run.stderr})`);
  assert.deepEqual(run.probe.forbidden, [], `${what}: sockets, lookups or processes were attempted`);
  assert.deepEqual(run.probe.workers.filter((w) => !isInside(w, ROOT)), [], `${what}: worker threads run scripts from outside btslint`);
  const allowed = (p: string) => isInside(p, ws) || isInside(p, ROOT) || DOCUMENTED_CONFIG.test(path.basename(p));
  const escaped = run.probe.files.filter((f) => !allowed(f.path) || (f.real !== undefined && !allowed(f.real)));
  assert.deepEqual(escaped, [], `${what}: files outside the workspace and the install folder were touched`);
  const writes = run.probe.files.filter((f) => f.op.startsWith('write:'));
  assert.deepEqual(writes, [], `${what}: linting wrote files`);
  for (const out of [run.stdout, run.stderr]) {
    assert.ok(!out.includes(SECRET), `${what}: the content of a file outside the workspace appears in the output`);
  }
  assert.ok(run.status === 0 || run.status === 1, `${what}: exit code ${run.status} (stderr: ${run.stderr.slice(0, 2000)})`);
}

describe('no reach beyond the workspace', () => {
  it('the hostile workspace is in place (symlinks included)', () => {
    assert.ok(fs.lstatSync(path.join(ws, 'linked-folder')).isSymbolicLink());
    assert.ok(fs.lstatSync(path.join(ws, 'bindings', 'Linked.BindingInfo.xml')).isSymbolicLink());
  });

  for (const format of ['json', 'sarif']) {
    it(`btslint --format ${format} on the workspace`, async () => {
      const run = await runCli(['--format', format, '.'], ws, { probe: true });
      checkContained(run, `lint --format ${format}`);
      // The files inside were read (the probe saw them), the linked ones were not.
      const read = new Set(run.probe!.files.filter((f) => (f.op === 'readFile' || f.op === 'open')).map((f) => f.path));
      assert.ok(read.has(path.join(ws, 'bindings', 'Xxe.BindingInfo.xml')), 'the workspace files are read');
      assert.ok(read.has(path.join(ws, 'prod.topology.yaml')));
      assert.ok(!read.has(path.join(ws, 'bindings', 'Linked.BindingInfo.xml')), 'a symlinked file is not followed');
      assert.ok(![...read].some((p) => p.startsWith(path.join(ws, 'linked-folder'))), 'a symlinked folder is not walked');
      if (format === 'json') {
        const list = JSON.parse(run.stdout) as { ruleId: string; message: string; file: string }[];
        for (const name of ['Xxe', 'XxePath', 'XxeHttp', 'XInclude']) {
          assert.ok(
            list.some((f) => f.ruleId === 'parse-error' && /DOCTYPE/.test(f.message) && f.file.endsWith(`${name}.BindingInfo.xml`)),
            `the DOCTYPE of ${name}.BindingInfo.xml is reported`,
          );
        }
      }
      if (format === 'sarif') JSON.parse(run.stdout);
    });
  }

  it('btslint model --json on the workspace', async () => {
    const run = await runCli(['model', '--json', '.'], ws, { probe: true });
    checkContained(run, 'model');
    const model = JSON.parse(run.stdout) as { documents: { path: string }[] };
    assert.ok(model.documents.some((d) => /Xxe\.BindingInfo\.xml$/.test(d.path)));
    assert.ok(!model.documents.some((d) => /Linked|evil/.test(d.path)), 'no document read through a symlink');
  });

  it('the hostile files named one by one, the stylish report', async () => {
    const files = ['bindings/Xxe.BindingInfo.xml', 'bindings/XxePath.BindingInfo.xml', 'bindings/XxeHttp.BindingInfo.xml', 'bindings/XInclude.BindingInfo.xml', 'prod.topology.yaml', 'json/prod.topology.json'];
    const run = await runCli(['--format', 'stylish', ...files], ws, { probe: true });
    checkContained(run, 'explicit files');
    assert.match(run.stdout, /DOCTYPE/);
  });

  it('no connection reached the server the hostile files point at', () => {
    assert.equal(connections, 0);
  });

  it('the probe does see what it guards against (a control run)', async () => {
    // The same probe around a script that does reach out: proves the assertions above can fail.
    const script = path.join(base, 'reach.js');
    fs.writeFileSync(script, `require('fs').readFileSync(${JSON.stringify(path.join(outside, 'secret.txt'))});\ntry { require('net').connect(${port}, '127.0.0.1'); } catch {}\ntry { require('child_process').spawnSync('true'); } catch {}\n`);
    const { spawnSync } = await import('child_process');
    const log = path.join(base, 'control.json');
    const r = spawnSync(process.execPath, ['--require', path.join(ROOT, 'out', 'test', 'robustness', 'probe.js'), script], { env: { ...process.env, BTSLINT_PROBE_LOG: log } });
    assert.equal(r.status, 0, r.stderr?.toString());
    assert.ok(JSON.parse(fs.readFileSync(log, 'utf8')).maxRss > 0);
    const entries = fs
      .readFileSync(`${log}.0.jsonl`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { kind: string; op: string; path?: string });
    assert.ok(entries.some((e) => e.kind === 'file' && e.path === path.join(outside, 'secret.txt')));
    assert.deepEqual(entries.filter((e) => e.kind === 'forbidden').map((e) => e.op), ['net.connect', 'child_process.spawnSync']);
    assert.equal(connections, 0, 'the probe blocked the connection');
  });
});
