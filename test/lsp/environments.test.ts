// Environments end to end: the CLI and the language server run the same pipeline (core/pipeline.ts),
// so on the same files they report the same findings; a single-file CLI run finds the topologies in
// the file's folder or above; the editor shows the environment (related information, hover) and the
// quick-fix title names the topology file it edits.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver/node';
import { adapterConfig, bindingXml, flat } from '../helpers/bindingFixtures';
import { BIN, exampleFiles, LspTestClient, makeWorkspace } from './lspClient';


const topology = (env: string) => `topology: 1\nenvironment: ${env}\nhosts:\n  - { name: FtpHost, clustered: false, instances: [BTS01, BTS02] }\n`;
const BINDING = bindingXml({
  receive: [
    { name: 'RL_Ftp', adapter: 'FTP', host: 'FtpHost', address: 'ftp://ftp.contoso.com/in/*.xml', data: adapterConfig({ uri: 'ftp://ftp.contoso.com/in/*.xml', serverAddress: 'ftp.contoso.com' }) },
    { name: 'RL_File', adapter: 'FILE', host: 'FtpHost', address: 'C:\\In\\*.xml', data: flat({ FileMask: '*.xml' }) },
  ],
});
const UNKNOWN_HOST = bindingXml({ receive: [{ name: 'RL_Web', adapter: 'HTTP', host: 'WebHost', address: '/orders/in.ashx' }] });

const FILES = {
  'app/prod.topology.yaml': topology('production'),
  'app/dev.topology.yaml': topology('development'),
  'app/bindings/Orders_Dev.xml': BINDING,
  'app/bindings/Orders_Prod.xml': BINDING,
  'app/bindings/Web.BindingInfo.xml': UNKNOWN_HOST,
  'app/bindings/Web_Dev.xml': UNKNOWN_HOST,
};

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  environment: string | null;
  topology: string | null;
  environments: string[] | null;
  fix: { title: string } | null;
}

function cli(args: string[], cwd: string): { status: number | null; findings: JsonFinding[]; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  const json = args.includes('json');
  return { status: r.status, findings: json ? (JSON.parse(r.stdout) as JsonFinding[]) : [], stderr: r.stderr, stdout: r.stdout };
}

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

/** The CLI's findings on a folder and the language server's diagnostics on it, as comparable lines. */
function sameFindings(root: string, c: LspTestClient): { fromCli: string[]; fromLsp: string[] } {
  const r = cli(['--format', 'json', '.'], root);
  assert.equal(r.status, 1, r.stderr);
  const fromCli = r.findings.map((f) => `${f.file.replace(/\\/g, '/')}|${f.line}:${f.column}|${f.ruleId}|${f.severity}|${f.message}`).sort();
  const fromLsp: string[] = [];
  for (const [uri, ds] of c.diagnostics) {
    const rel = path.relative(root, decodeURIComponent(new URL(uri).pathname)).replace(/\\/g, '/');
    for (const d of ds) fromLsp.push(`${rel}|${d.range.start.line + 1}:${d.range.start.character + 1}|${d.code}|${SEVERITY[d.severity!]}|${d.message}`);
  }
  return { fromCli, fromLsp: fromLsp.sort() };
}

describe('environments: the CLI and the language server', () => {
  let root: string;
  let c: LspTestClient;

  before(async () => {
    root = makeWorkspace(FILES);
    c = new LspTestClient(root);
    await c.initialize();
    await c.waitForStatus();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('give the same findings on the same files', () => {
    const { fromCli, fromLsp } = sameFindings(root, c);
    assert.ok(fromCli.length > 5);
    assert.deepEqual(fromLsp, fromCli);
  });

  it('give the same findings on the example workspace (config mapping, Deployment Framework, file names)', async () => {
    const files = exampleFiles();
    const ex = makeWorkspace(files);
    // The config's $schema points outside the copy; it is ignored by btslint.
    const ec = new LspTestClient(ex);
    try {
      await ec.initialize();
      await ec.waitForStatus();
      const { fromCli, fromLsp } = sameFindings(ex, ec);
      assert.ok(fromCli.some((l) => l.startsWith('bindings/Contoso.Orders.BindingInfo_Dev.xml|')));
      assert.deepEqual(fromLsp, fromCli);
    } finally {
      await ec.shutdown();
      fs.rmSync(ex, { recursive: true, force: true });
    }
  });

  it('a single-file CLI run finds the topologies of the file\'s folder and above, and judges it by its environment\'s', () => {
    const r = cli(['--format', 'json', 'app/bindings/Orders_Dev.xml'], root);
    assert.equal(r.status, 1, r.stderr);
    const mine = r.findings.filter((f) => f.file === path.join('app', 'bindings', 'Orders_Dev.xml'));
    assert.ok(mine.some((f) => f.ruleId === 'ftp-sftp-receive-not-clustered' && f.severity === 'error'));
    for (const f of mine) {
      assert.equal(f.environment, 'development');
      assert.equal(f.topology, path.join('app', 'dev.topology.yaml'));
      assert.ok(!/no topology file/.test(f.message), f.message);
    }
    // The same findings on that file as the whole-folder run.
    const all = cli(['--format', 'json', '.'], root).findings.filter((f) => f.file === path.join('app', 'bindings', 'Orders_Dev.xml'));
    assert.deepEqual(mine, all);
  });

  it('stylish output groups the findings under a header per environment, naming the topology file', () => {
    const r = cli(['app'], root);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stdout.includes(`Environment development (${path.join('app', 'dev.topology.yaml')})`), r.stdout);
    assert.ok(r.stdout.includes(`Environment production (${path.join('app', 'prod.topology.yaml')})`));
    assert.match(r.stdout, /Environments development, production \(.*\): the same in each/);
  });

  it('with one topology, the output has no environment headers', () => {
    const one = makeWorkspace({ 'prod.topology.yaml': topology('production'), 'Orders_Prod.xml': BINDING });
    try {
      const r = cli(['.'], one);
      assert.equal(r.status, 1, r.stderr);
      assert.ok(!/^Environment/m.test(r.stdout), r.stdout);
      assert.match(r.stdout, /^Orders_Prod\.xml$/m);
    } finally {
      fs.rmSync(one, { recursive: true, force: true });
    }
  });

  it('SARIF results carry the environment and topology as properties', () => {
    const r = spawnSync(process.execPath, [BIN, '--format', 'sarif', 'app'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; properties?: Record<string, unknown>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const dev = results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'app/bindings/Orders_Dev.xml' && x.ruleId === 'ftp-sftp-receive-not-clustered');
    assert.deepEqual(dev?.properties, { environment: 'development', topology: 'app/dev.topology.yaml' });
    const once = results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'app/bindings/Web.BindingInfo.xml' && x.ruleId === 'handler-host-unknown');
    assert.deepEqual(once?.properties, { environments: ['development', 'production'], topologies: ['app/dev.topology.yaml', 'app/prod.topology.yaml'] });
  });

  it('the diagnostic names its environment and topology as related information; the quick-fix title names the topology file', async () => {
    const uri = c.uri('app/bindings/Web_Dev.xml');
    const ds = await c.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'handler-host-unknown'));
    const d = ds.find((x) => x.code === 'handler-host-unknown') as Diagnostic;
    const env = d.relatedInformation?.find((r) => /environment development/.test(r.message));
    assert.ok(env, JSON.stringify(d.relatedInformation));
    assert.equal(env.location.uri, c.uri('app/dev.topology.yaml'));
    assert.equal(env.location.range.start.line, 1, 'at the topology\'s environment key');
    const actions = await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.edit);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.match(fix.title, /\(in dev\.topology\.yaml\)$/);
    const edited = (fix.edit!.documentChanges ?? []).map((e) => ('textDocument' in e ? e.textDocument.uri : ''));
    assert.deepEqual(edited, [c.uri('app/dev.topology.yaml')]);
  });

  it('the hover over a finding says its environment', async () => {
    const uri = c.uri('app/bindings/Orders_Prod.xml');
    const ds = await c.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'file-receive-local-path'));
    const d = ds.find((x) => x.code === 'file-receive-local-path')!;
    const h = await c.conn.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    const text = (h?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(text, /`file-receive-local-path`: environment \*\*production\*\* \(\[prod\.topology\.yaml:2\]/);
  });
});
