// Protocol tests of the team's policy in the editor, the same as the CLI's: btslint.config files
// (nearest wins, levels per rule and per environment, include/exclude, config-invalid on the config
// file, watched for changes), the btslint.severityOverrides setting applied last, suppressions, and
// the "Suppress <rule> with a reason" quick-fixes (snippet edits, or the literal placeholder and a
// showDocument selection), in XML (CRLF kept), YAML and JSON.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, Range, TextDocumentEdit } from 'vscode-languageserver/node';
import { applyTextEdits, editsFor, LspTestClient, makeWorkspace, pos } from './lspClient';

// Two FTP locations in two hosts, neither clustered: two findings (one host would be one cause, one finding).
const BINDING = `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection />
  <ReceivePortCollection>
    <ReceivePort Name="Orders.In" IsTwoWay="false">
      <ReceiveLocations>
        <ReceiveLocation Name="Orders.In.FTP">
          <Address>ftp://partner/orders/*.xml</Address>
          <ReceiveHandler Name="FtpHost" HostTrusted="false">
            <TransportType Name="FTP" />
          </ReceiveHandler>
          <ReceiveLocationTransportType Name="FTP" />
        </ReceiveLocation>
        <ReceiveLocation Name="Returns.In.FTP">
          <Address>ftp://partner/returns/*.xml</Address>
          <ReceiveHandler Name="FtpHostB" HostTrusted="false">
            <TransportType Name="FTP" />
          </ReceiveHandler>
          <ReceiveLocationTransportType Name="FTP" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;

const TOPOLOGY = [
  'topology: 1',
  'environment: production',
  'servers:',
  '  - name: BTSAPP01',
  '    roles: [biztalk]',
  'sqlInstances:',
  '  - name: SQLBTS\\BTS',
  '    databases:',
  '      - name: BizTalkMsgBoxDb',
  'hosts:',
  '  - name: FtpHost',
  '    type: in-process',
  '    instances: [BTSAPP01, BTSAPP02]',
  '  - name: FtpHostB',
  '    type: in-process',
  '    instances: [BTSAPP01, BTSAPP02]',
  '',
].join('\n');

const FTP = 'ftp-sftp-receive-not-clustered';
const has = (id: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === id);
const lacks = (id: string) => (ds: Diagnostic[]) => !ds.some((d) => d.code === id);
const count = (ds: Diagnostic[], id: string) => ds.filter((d) => d.code === id).length;

function textAt(text: string, r: Range): string {
  const lines = text.split('\n');
  assert.equal(r.start.line, r.end.line);
  return lines[r.start.line].slice(r.start.character, r.end.character);
}

async function actionsFor(c: LspTestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return (await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } }));
}

describe('btslint lsp: config files', () => {
  let root: string;
  let c: LspTestClient;
  let binding: string;
  let legacy: string;
  let topo: string;
  let config: string;

  before(async () => {
    root = makeWorkspace({
      'btslint.config.json': '{\n  // the FTP partner allows one connection\n  "rules": { "ftp-sftp-receive-not-clustered": "off" }\n}\n',
      'apps/Orders.BindingInfo.xml': BINDING,
      'legacy/Old.BindingInfo.xml': BINDING.replace(/FtpHost/g, 'LegacyHost'),
      'prod.topology.yaml': TOPOLOGY,
    });
    c = new LspTestClient(root);
    binding = c.uri('apps/Orders.BindingInfo.xml');
    legacy = c.uri('legacy/Old.BindingInfo.xml');
    topo = c.uri('prod.topology.yaml');
    config = c.uri('btslint.config.json');
    await c.initialize();
    await c.waitForStatus();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('watches config files', async () => {
    const reg = await c.waitFor('watcher registration', () => c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const globs = (reg.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/btslint.config.{json,jsonc,yaml,yml}'), globs.join(', '));
  });

  it('a config file turning a rule off removes its diagnostics (and only those)', async () => {
    const ds = await c.waitForDiagnostics(topo, has('msgbox-not-clustered'));
    assert.ok(ds.length > 0);
    assert.ok(!c.publishes.some((p) => p.uri === binding && has(FTP)(p.diagnostics)), 'never shown');
    assert.ok(!c.publishes.some((p) => p.uri === config), 'a valid config file has no diagnostics');
  });

  it('a config edit on disk (didChangeWatchedFiles) brings them back, with per-environment levels', async () => {
    const since = c.publishes.length;
    c.writeFile('btslint.config.json', JSON.stringify({ environments: { production: { rules: { [FTP]: 'info' } } }, rules: { 'msgbox-not-clustered': 'warning' } }));
    const ds = await c.waitForDiagnostics(binding, has(FTP), since);
    assert.equal(count(ds, FTP), 2);
    assert.ok(ds.filter((d) => d.code === FTP).every((d) => d.severity === 3), 'info in production, as the config says');
    const t = await c.waitForDiagnostics(topo, has('msgbox-not-clustered'), since);
    assert.equal(t.find((d) => d.code === 'msgbox-not-clustered')!.severity, 2);
  });

  it('an unknown key in the config shows config-invalid on the config file, at the key', async () => {
    const since = c.publishes.length;
    const text = '{\n  "rulez": { "msgbox-not-clustered": "off" }\n}\n';
    c.writeFile('btslint.config.json', text);
    const ds = await c.waitForDiagnostics(config, has('config-invalid'), since);
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 1);
    assert.equal(ds[0].source, 'btslint');
    assert.match(ds[0].message as string, /Unknown key "rulez" .*did you mean "rules"\?/);
    assert.deepEqual(ds[0].range, { start: pos(text, '"rulez"'), end: { line: 1, character: 9 } });
    // The documentation action is offered on the config file too.
    const actions = await actionsFor(c, config, ds[0]);
    assert.deepEqual(actions.map((a) => a.title), ['Show documentation for config-invalid']);
    // The rest of the config does not apply; the defaults do.
    await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 2 && l.every((d) => d.code !== FTP || d.severity === 1), since);
  });

  it('fixing the config clears config-invalid; deleting it restores the defaults', async () => {
    const since = c.publishes.length;
    c.writeFile('btslint.config.json', '{ "rules": { "msgbox-not-clustered": "off" } }');
    await c.waitForDiagnostics(config, (ds) => ds.length === 0, since, 'cleared diagnostics');
    await c.waitForDiagnostics(topo, lacks('msgbox-not-clustered'), since);
    const since2 = c.publishes.length;
    c.deleteFile('btslint.config.json');
    await c.waitForDiagnostics(topo, has('msgbox-not-clustered'), since2);
  });

  it('include and exclude decide which files are checked; the nearest config file wins', async () => {
    await c.waitForDiagnostics(legacy, has('handler-host-unknown'));
    const since = c.publishes.length;
    const statusSince = c.notifications.length;
    c.writeFile('btslint.config.yaml', 'exclude: [legacy]\n', true);
    await c.waitForDiagnostics(legacy, (ds) => ds.length === 0, since, 'cleared diagnostics');
    // The check that cleared them reports 2 files: the excluded binding is not counted.
    await c.waitFor('a status of 2 files', () => c.notifications.slice(statusSince).some((n) => n.method === 'btslint/status' && (n.params as { files: number }).files === 2));
    // A config file in apps/ applies alone to the files below it (nothing is merged).
    const since2 = c.publishes.length;
    c.writeFile('apps/btslint.config.yaml', `rules:\n  ${FTP}: warning\n`, true);
    const ds = await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 2 && l.every((d) => d.code !== FTP || d.severity === 2), since2);
    assert.ok(ds.length >= 2);
    c.deleteFile('apps/btslint.config.yaml');
    c.deleteFile('btslint.config.yaml');
    await c.waitForDiagnostics(legacy, has('handler-host-unknown'), since2);
  });

  it('btslint.severityOverrides applies last: over the config file\'s level, and off hides the rule', async () => {
    const since = c.publishes.length;
    c.writeFile('btslint.config.json', JSON.stringify({ rules: { [FTP]: 'warning', 'msgbox-not-clustered': 'off' } }), true);
    await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 2 && l.every((d) => d.code !== FTP || d.severity === 2), since);
    const since2 = c.publishes.length;
    void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { btslint: { severityOverrides: { [FTP]: 'error', 'msgbox-not-clustered': 'error', 'handler-host-unknown': 'off' } } } });
    await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 2 && l.every((d) => d.code !== FTP || d.severity === 1), since2);
    await c.waitForDiagnostics(legacy, lacks('handler-host-unknown'), since2);
    // A rule the config file turns off stays off: the setting changes what the policy reports.
    const topoNow = c.diagnostics.get(topo) ?? [];
    assert.ok(lacks('msgbox-not-clustered')(topoNow));
    void c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { btslint: {} } });
    c.deleteFile('btslint.config.json');
    await c.waitForDiagnostics(topo, has('msgbox-not-clustered'), since2);
  });
});

describe('btslint lsp: suppressions and the "Suppress with a reason" quick-fix', () => {
  let root: string;
  let c: LspTestClient;
  let binding: string;

  before(async () => {
    root = makeWorkspace({ 'Orders.BindingInfo.xml': BINDING, 'prod.topology.yaml': TOPOLOGY, 'Crlf.BindingInfo.xml': BINDING.replace(/Orders|Returns/g, 'Crlf$&').replace(/\n/g, '\r\n') });
    c = new LspTestClient(root); // no snippet edits: the literal placeholder and a showDocument selection
    binding = c.uri('Orders.BindingInfo.xml');
    await c.initialize();
    await c.waitForDiagnostics(binding, (ds) => count(ds, FTP) === 2);
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a suppression with a reason removes exactly its finding', async () => {
    c.open('Orders.BindingInfo.xml');
    const since = c.publishes.length;
    const text = BINDING.replace('        <ReceiveLocation Name="Returns.In.FTP">', `        <!-- btslint-disable ${FTP}: the partner's FTP server allows one connection -->\n        <ReceiveLocation Name="Returns.In.FTP">`);
    c.change(binding, { text });
    const ds = await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 1, since);
    assert.equal(ds.find((d) => d.code === FTP)!.range.start.line, pos(text, 'FtpHost').line, 'the other receive location\'s finding stays');
    assert.ok(lacks('suppression-invalid')(ds) && lacks('suppression-unused')(ds));
    // Without the reason it suppresses nothing and is reported at the comment.
    const since2 = c.publishes.length;
    const bare = text.replace(": the partner's FTP server allows one connection", '');
    c.change(binding, { text: bare });
    const ds2 = await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 2 && has('suppression-invalid')(l), since2);
    assert.equal(ds2.find((d) => d.code === 'suppression-invalid')!.range.start.line, pos(bare, '<!-- btslint-disable').line);
    const since3 = c.publishes.length;
    c.change(binding, { text: BINDING });
    await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 2 && lacks('suppression-invalid')(l), since3);
  });

  it('the quick-fix inserts the comment with <<reason>>, selects it, and after the reason is typed the finding is gone', async () => {
    const d = (c.diagnostics.get(binding) ?? []).filter((x) => x.code === FTP)[1];
    const actions = await actionsFor(c, binding, d);
    assert.deepEqual(actions.map((a) => a.title), [
      'Host FtpHostB is now clustered (one active instance at a time): declare it',
      `Suppress ${FTP} with a reason`,
      `Suppress ${FTP} in this file with a reason`,
      `Show documentation for ${FTP}`,
    ]);
    const suppress = actions[1];
    assert.equal(suppress.isPreferred, undefined);
    const edits = editsFor(suppress.edit!, binding);
    // Before the innermost element that holds the finding and starts its own line.
    assert.deepEqual(edits.map((e) => e.newText), [`<!-- btslint-disable ${FTP}: <<reason>> -->\n          `]);
    const withPlaceholder = applyTextEdits(c.texts.get(binding)!, edits);
    assert.ok(withPlaceholder.includes(`<Address>ftp://partner/returns/*.xml</Address>\n          <!-- btslint-disable ${FTP}: <<reason>> -->\n          <ReceiveHandler Name="FtpHostB"`));
    // The placeholder's range after the edit: in `data`, and the command that selects it.
    const range = (suppress.data as { placeholder: { range: Range } }).placeholder.range;
    assert.equal(textAt(withPlaceholder, range), '<<reason>>');
    assert.deepEqual(suppress.command?.arguments, [binding, range]);

    const since = c.publishes.length;
    c.applyEdit(suppress.edit!);
    await c.conn.sendRequest('workspace/executeCommand', { command: suppress.command.command, arguments: suppress.command.arguments });
    const shown = await c.waitFor('showDocument', () => c.shownDocuments.find((s) => (s as { uri: string }).uri === binding) as { selection: Range; takeFocus: boolean } | undefined);
    assert.deepEqual(shown, { uri: binding, selection: range, takeFocus: true });
    // Until the reason is written: suppression-invalid at the comment, and the finding stays.
    const invalid = await c.waitForDiagnostics(binding, has('suppression-invalid'), since);
    assert.equal(count(invalid, FTP), 2);
    assert.equal(invalid.find((x) => x.code === 'suppression-invalid')!.range.start.line, range.start.line);
    assert.match(invalid.find((x) => x.code === 'suppression-invalid')!.message as string, /Replace the <<placeholder>>/);
    // No suppression of the findings about suppressions.
    const onInvalid = await actionsFor(c, binding, invalid.find((x) => x.code === 'suppression-invalid')!);
    assert.ok(!onInvalid.some((a) => /^Suppress/.test(a.title)));

    const since2 = c.publishes.length;
    c.change(binding, [{ range, text: 'one FTP connection allowed by the partner' }]);
    const done = await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 1, since2);
    assert.ok(lacks('suppression-invalid')(done));
    assert.ok(c.texts.get(binding)!.includes(`<!-- btslint-disable ${FTP}: one FTP connection allowed by the partner -->`));
  });

  it('"in this file" writes btslint-disable-file, which covers every finding of the rule', async () => {
    const since0 = c.publishes.length;
    c.change(binding, { text: BINDING });
    const d = (await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 2 && lacks('suppression-invalid')(l), since0)).find((x) => x.code === FTP)!;
    const file = (await actionsFor(c, binding, d)).find((a) => a.title === `Suppress ${FTP} in this file with a reason`)!;
    const range = (file.data as { placeholder: { range: Range } }).placeholder.range;
    const since = c.publishes.length;
    c.applyEdit(file.edit!);
    assert.ok(c.texts.get(binding)!.includes(`<!-- btslint-disable-file ${FTP}: <<reason>> -->\n<BindingInfo`));
    c.change(binding, [{ range, text: 'single-connection partner' }]);
    const ds = await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 0, since);
    assert.ok(lacks('suppression-invalid')(ds) && lacks('suppression-unused')(ds));
    assert.ok(c.texts.get(binding)!.startsWith(`<?xml version="1.0" encoding="utf-8"?>\n<!-- btslint-disable-file ${FTP}: single-connection partner -->\n<BindingInfo`));
  });

  it('applying the quick-fix on a CRLF binding keeps CRLF line endings', async () => {
    const uri = c.uri('Crlf.BindingInfo.xml');
    const ds = await c.waitForDiagnostics(uri, (l) => count(l, FTP) === 2);
    const action = (await actionsFor(c, uri, ds.find((x) => x.code === FTP)!)).find((a) => a.title === `Suppress ${FTP} with a reason`)!;
    const edits = editsFor(action.edit!, uri);
    assert.deepEqual(edits.map((e) => e.newText), [`<!-- btslint-disable ${FTP}: <<reason>> -->\r\n          `]);
    // Not open: the client writes the file, as an editor saves a workspace edit.
    c.applyEdit(action.edit!);
    const text = fs.readFileSync(path.join(root, 'Crlf.BindingInfo.xml'), 'utf8');
    assert.equal(text.split('\r\n').length, BINDING.split('\n').length + 1);
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
    const range = (action.data as { placeholder: { range: Range } }).placeholder.range;
    assert.equal(text.split('\r\n')[range.start.line].slice(range.start.character, range.end.character), '<<reason>>');
    await c.waitForDiagnostics(uri, (l) => has('suppression-invalid')(l) && count(l, FTP) === 2);
  });
});

describe('btslint lsp: the suppress quick-fix as a snippet edit (LSP 3.18 clients)', () => {
  let root: string;
  let c: LspTestClient;

  const JSON_TOPOLOGY = JSON.stringify(
    {
      topology: 1,
      environment: 'production',
      servers: [{ name: 'BTSAPP01', roles: ['biztalk'] }],
      sqlInstances: [{ name: 'SQLBTS\\BTS', databases: [{ name: 'BizTalkMsgBoxDb' }] }],
      hosts: [{ name: 'FtpHost', type: 'in-process', instances: ['BTSAPP01', 'BTSAPP02'] }],
    },
    null,
    2,
  );

  before(async () => {
    root = makeWorkspace({ 'Orders.BindingInfo.xml': BINDING, 'prod.topology.yaml': TOPOLOGY, 'json/prod.topology.json': JSON_TOPOLOGY });
    c = new LspTestClient(root, { snippetEdits: true });
    await c.initialize();
    await c.waitForStatus();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('XML: one snippet edit from the start of the line, whose only placeholder is <<reason>>', async () => {
    const since0 = c.publishes.length;
    const uri = c.open('Orders.BindingInfo.xml');
    // The check of the opened text (version 1): code actions are built on the latest check's text.
    const opened = await c.waitFor('diagnostics at version 1', () => c.publishes.slice(since0).find((p) => p.uri === uri && p.version === 1));
    const d = opened.diagnostics.find((x) => x.code === FTP)!;
    const action = (await actionsFor(c, uri, d)).find((a) => a.title === `Suppress ${FTP} with a reason`)!;
    assert.equal(action.command, undefined, 'the editor places the cursor itself');
    const dc = action.edit!.documentChanges as TextDocumentEdit[];
    assert.equal(dc.length, 1);
    assert.deepEqual(dc[0].textDocument, { uri, version: 1 });
    const edit = dc[0].edits[0] as unknown as { range: Range; snippet: { kind: string; value: string } };
    assert.equal(edit.snippet.kind, 'snippet');
    const line = pos(BINDING, '<ReceiveHandler Name="FtpHost"').line;
    assert.deepEqual(edit.range, { start: { line, character: 0 }, end: { line, character: 10 } });
    assert.equal(edit.snippet.value, `          <!-- btslint-disable ${FTP}: \${1:<<reason>>} -->\n          `);
    const since = c.publishes.length;
    c.applyEdit(action.edit!);
    await c.waitForDiagnostics(uri, (l) => has('suppression-invalid')(l) && count(l, FTP) === 2, since);
    const typed = c.texts.get(uri)!.replace('<<reason>>', 'one connection only');
    const since2 = c.publishes.length;
    c.change(uri, { text: typed });
    await c.waitForDiagnostics(uri, (l) => count(l, FTP) === 1 && lacks('suppression-invalid')(l), since2);
  });

  it('YAML: a # comment before the node; the finding is gone once the reason is written', async () => {
    const uri = c.open('prod.topology.yaml');
    const d = (await c.waitForDiagnostics(uri, has('msgbox-not-clustered'))).find((x) => x.code === 'msgbox-not-clustered')!;
    const action = (await actionsFor(c, uri, d)).find((a) => a.title === 'Suppress msgbox-not-clustered with a reason')!;
    const edit = (action.edit!.documentChanges as TextDocumentEdit[])[0].edits[0] as unknown as { range: Range; snippet: { value: string } };
    assert.equal(edit.snippet.value, '  # btslint-disable msgbox-not-clustered -- ${1:<<reason>>}\n');
    c.applyEdit(action.edit!);
    assert.ok(c.texts.get(uri)!.includes('sqlInstances:\n  # btslint-disable msgbox-not-clustered -- <<reason>>\n  - name: SQLBTS\\BTS\n'));
    const since = c.publishes.length;
    c.change(uri, { text: c.texts.get(uri)!.replace('<<reason>>', 'single SQL node until the cluster is built') });
    const ds = await c.waitForDiagnostics(uri, lacks('msgbox-not-clustered'), since);
    assert.ok(lacks('suppression-invalid')(ds) && lacks('suppression-unused')(ds));
  });

  it('JSON: the "$btslint-disable" key, escaped in the snippet', async () => {
    const uri = c.open('json/prod.topology.json');
    const d = (await c.waitForDiagnostics(uri, has('msgbox-not-clustered'))).find((x) => x.code === 'msgbox-not-clustered')!;
    const action = (await actionsFor(c, uri, d)).find((a) => a.title === 'Suppress msgbox-not-clustered with a reason')!;
    const edit = (action.edit!.documentChanges as TextDocumentEdit[])[0].edits[0] as unknown as { snippet: { value: string } };
    assert.ok(edit.snippet.value.includes('"\\$btslint-disable"'), edit.snippet.value);
    assert.ok(edit.snippet.value.includes('${1:<<reason>>}'), edit.snippet.value);
    c.applyEdit(action.edit!);
    const text = c.texts.get(uri)!;
    const parsed = JSON.parse(text) as { sqlInstances: Record<string, unknown>[] };
    assert.deepEqual(parsed.sqlInstances[0]['$btslint-disable'], [{ rules: ['msgbox-not-clustered'], reason: '<<reason>>' }]);
    const since = c.publishes.length;
    c.change(uri, { text: text.replace('<<reason>>', 'single SQL node until the cluster is built') });
    const ds = await c.waitForDiagnostics(uri, lacks('msgbox-not-clustered'), since);
    assert.ok(lacks('suppression-invalid')(ds));
  });
});

describe('btslint lsp: topology files a config file points at, inside the workspace folder only', () => {
  let base: string;
  let c: LspTestClient;

  before(async () => {
    base = makeWorkspace({
      'app/btslint.config.yaml': 'topologies: ["../deploy/*.topology.yaml"]\n',
      'app/Orders.BindingInfo.xml': BINDING,
      'app/env/prod.topology.yaml': TOPOLOGY,
      'deploy/prod.topology.yaml': TOPOLOGY,
    });
    c = new LspTestClient(path.join(base, 'app'));
    await c.initialize();
    await c.waitForStatus();
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('a pattern that reaches outside the workspace folder is config-invalid, and nothing there is read', async () => {
    const config = c.uri('btslint.config.yaml');
    const outside = c.uri('../deploy/prod.topology.yaml');
    const ds = await c.waitForDiagnostics(config, has('config-invalid'));
    assert.match(String(ds.find((d) => d.code === 'config-invalid')!.message), /reaches outside the workspace/);
    assert.deepEqual(ds.find((d) => d.code === 'config-invalid')!.range.start, { line: 0, character: 'topologies: ["'.length });
    assert.ok(!c.publishes.some((p) => p.uri === outside), 'no diagnostics for a file outside the workspace');
  });

  it('a pattern inside it: the bindings are joined with those topologies, as the CLI does', async () => {
    const binding = c.uri('Orders.BindingInfo.xml');
    const since = c.publishes.length;
    c.writeFile('btslint.config.yaml', 'include: ["*.xml"]\ntopologies: ["env/*.topology.yaml"]\n');
    // include leaves the topology out; topologies brings it back in.
    await c.waitForDiagnostics(c.uri('btslint.config.yaml'), (l) => l.length === 0, since, 'cleared config diagnostics');
    const ds = await c.waitForDiagnostics(binding, (l) => count(l, FTP) === 2);
    assert.ok(lacks('handler-host-unknown')(ds));
    await c.waitForDiagnostics(c.uri('env/prod.topology.yaml'), has('msgbox-not-clustered'));
    assert.ok(!c.publishes.some((p) => p.uri === c.uri('../deploy/prod.topology.yaml')));
  });
});
