// The three kinds of change in the editor (core/types.ts FixKind): `source.fixAll.btslint` applies
// fixes of kind `fix` only; only a `fix` is ever a preferred quick-fix; declarations and suggestions
// are offered, never preferred; a change to another file (the topology) comes with the command that
// shows that file with the change (its first <<placeholder>>) selected, instead of editing it unseen.

import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import type { CodeAction, Diagnostic, InitializeResult } from 'vscode-languageserver/node';
import { applyTextEdits, editsFor, LspTestClient, makeWorkspace } from './lspClient';
import { SELECT_PLACEHOLDER_COMMAND } from '../../server/src/lsp/protocol';

const TOPOLOGY = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    databases:\n      - name: BizTalkMsgBoxDb\nhosts:\n  - name: RecvHost\n    instances: [BTS01, BTS02]\n';

// A suppression comment with `--` (XML forbids it): suppression-invalid's fix rewrites it, in this file.
const BINDING = `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo>
  <ReceivePortCollection>
    <ReceivePort Name="In">
      <ReceiveLocations>
        <!-- btslint-disable handler-host-unknown -- the host is declared elsewhere -->
        <ReceiveLocation Name="In.File">
          <Address>\\\\files\\in\\*.xml</Address>
          <ReceiveHandler Name="UnknownHost" />
          <ReceiveLocationTransportType Name="FILE" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;

// A configuration export placing the BAM Primary Import on a server the topology does not declare: a
// `fix` (declare the instance as the export states) that edits the topology.
const EXPORT = '<Configuration><Feature Name="WMI"><SQL ID="{x}" DisplayName="BAM Primary Import Database"><Server>SQLBAM</Server><Database>BAMPrimaryImport</Database></SQL></Feature></Configuration>';

async function actions(c: LspTestClient, uri: string, d: Diagnostic | undefined, only?: string[]): Promise<CodeAction[]> {
  const range = d?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return (await c.conn.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: d ? [d] : [], only } }));
}

describe('btslint lsp: fixes, declarations and suggestions', () => {
  let root: string;
  let c: LspTestClient;
  let init: InitializeResult;
  let topoUri: string;
  let bindingUri: string;
  let exportUri: string;

  before(async () => {
    root = makeWorkspace({ 'prod.topology.yaml': TOPOLOGY, 'b.BindingInfo.xml': BINDING, 'cfg.xml': EXPORT });
    c = new LspTestClient(root);
    topoUri = c.uri('prod.topology.yaml');
    bindingUri = c.uri('b.BindingInfo.xml');
    exportUri = c.uri('cfg.xml');
    init = (await c.initialize()) as InitializeResult;
  });
  after(async () => {
    await c.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('registers source.fixAll.btslint beside quickfix', () => {
    assert.deepEqual((init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.btslint']);
  });

  it('fix-all applies the fix of kind `fix` in the document, and only when asked for by kind', async () => {
    const ds = await c.waitForDiagnostics(bindingUri, (l) => l.some((d) => d.code === 'suppression-invalid'));
    c.open('b.BindingInfo.xml', BINDING);
    for (const only of [['source.fixAll.btslint'], ['source.fixAll'], ['source']]) {
      const list = await actions(c, bindingUri, undefined, only);
      assert.equal(list.length, 1, `only ${only}`);
      assert.equal(list[0].kind, 'source.fixAll.btslint');
      const fixed = applyTextEdits(BINDING, editsFor(list[0].edit!, bindingUri));
      assert.equal(fixed, BINDING.replace('handler-host-unknown -- the host', 'handler-host-unknown: the host'));
    }
    // The light bulb (no `only`) lists quick-fixes, never fix-all; the `fix` there is preferred.
    const d = ds.find((x) => x.code === 'suppression-invalid')!;
    const quick = await actions(c, bindingUri, d);
    assert.ok(!quick.some((a) => a.kind === 'source.fixAll.btslint'));
    const fix = quick.find((a) => a.title === 'Write the reason after ":"')!;
    assert.equal(fix.isPreferred, true);
  });

  it('fix-all applies no suggestion: on the topology, whose findings have suggestions only, it offers nothing', async () => {
    const ds = await c.waitForDiagnostics(topoUri, (l) => l.some((d) => d.code === 'msgbox-not-clustered'));
    c.open('prod.topology.yaml', TOPOLOGY);
    assert.deepEqual(await actions(c, topoUri, undefined, ['source.fixAll.btslint']), []);
    const d = ds.find((x) => x.code === 'msgbox-not-clustered')!;
    const quick = await actions(c, topoUri, d, ['quickfix']);
    const suggestion = quick.find((a) => a.title === 'SQL1 is now a failover cluster instance: declare it with its nodes');
    assert.ok(suggestion, quick.map((a) => a.title).join(' | '));
    assert.equal(suggestion.isPreferred, false);
    assert.equal(suggestion.command, undefined, 'an edit of the document itself needs no command');
  });

  it('a declaration is never preferred; its edit of the topology shows it with the first placeholder selected', async () => {
    const ds = await c.waitForDiagnostics(topoUri, (l) => l.some((d) => d.code === 'host-single-instance' || d.code === 'no-offsite-copy'));
    const d = ds.find((x) => x.code === 'no-offsite-copy')!;
    const quick = await actions(c, topoUri, d, ['quickfix']);
    const decl = quick.find((a) => a.title === 'Declare the off-site copy')!;
    assert.ok(decl, quick.map((a) => a.title).join(' | '));
    assert.equal(decl.isPreferred, false);
  });

  it('a fix that edits the topology from another file is preferred, and shows the topology at the change', async () => {
    const ds = await c.waitForDiagnostics(exportUri, (l) => l.some((d) => d.code === 'bam-primary-import-not-clustered'));
    const d = ds.find((x) => x.code === 'bam-primary-import-not-clustered')!;
    const quick = await actions(c, exportUri, d, ['quickfix']);
    const fix = quick.find((a) => a.title.startsWith('Declare SQLBAM in the topology'))!;
    assert.ok(fix, quick.map((a) => a.title).join(' | '));
    assert.equal(fix.isPreferred, true);
    const suggestion = quick.find((a) => a.title === 'SQLBAM is now a failover cluster instance: declare it with its nodes')!;
    assert.equal(suggestion.isPreferred, false);
    // The suggestion's first placeholder, in the topology as it will be once the edit is applied.
    const after = applyTextEdits(TOPOLOGY, editsFor(suggestion.edit!, topoUri));
    const line = after.split('\n').findIndex((l) => l.includes('<<first SQL node>>'));
    const character = after.split('\n')[line].indexOf('<<first SQL node>>');
    assert.deepEqual(suggestion.command, {
      title: 'Show the change in the topology',
      command: SELECT_PLACEHOLDER_COMMAND,
      arguments: [topoUri, { start: { line, character }, end: { line, character: character + '<<first SQL node>>'.length } }],
    });
    // The server shows the document with that selection when the client runs the command.
    const shown = c.shownDocuments.length;
    await c.conn.sendRequest('workspace/executeCommand', { command: suggestion.command.command, arguments: suggestion.command.arguments });
    assert.deepEqual(c.shownDocuments.slice(shown), [{ uri: topoUri, selection: suggestion.command.arguments[1], takeFocus: true }]);
    // The fix itself (no placeholder): the inserted entry is selected.
    assert.equal(fix.command?.command, SELECT_PLACEHOLDER_COMMAND);
  });
});
