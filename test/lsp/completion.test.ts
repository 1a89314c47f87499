// Completion that fits the key: host instances are BizTalk servers (never a SQL server, nor one only a
// configuration export names), and a list never offers what it already holds.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import type { CompletionItem, CompletionList } from 'vscode-languageserver/node';
import { LspTestClient, makeWorkspace } from './lspClient';

const EXPORT = `<?xml version="1.0" encoding="utf-8"?>
<Configuration>
  <Feature Name="Group" DisplayName="Group">
    <Question ID="MsgBoxDb" Text="MessageBox">
      <Answer Selected="yes">
        <Server>SQLEXPORT01</Server>
        <Database>BizTalkMsgBoxDb</Database>
      </Answer>
    </Question>
  </Feature>
</Configuration>
`;

const TOPOLOGY = [
  'topology: 1',
  'environment: production',
  'servers:',
  '  - name: BTS01',
  '    roles: [biztalk]',
  '  - name: BTS02',
  '    roles: [biztalk]',
  '  - name: SQL01',
  '    roles: [sql]',
  'hosts:',
  '  - name: HostA',
  '    type: in-process',
  '    instances: [BTS01, BTS03]',
  '  - name: HostB',
  '    type: in-process',
  '    instances: [BTS01, ',
  '',
].join('\n');

const labels = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : r?.items ?? []).map((i) => i.label).sort();

describe('btslint lsp: completion fits the key', () => {
  it('instances of a host: BizTalk servers only, not those already in the list', async () => {
    const root = makeWorkspace({ 'prod.topology.yaml': TOPOLOGY, 'BizTalkConfiguration.xml': EXPORT });
    const c = new LspTestClient(root);
    try {
      await c.initialize();
      await c.waitForStatus();
      const uri = c.open('prod.topology.yaml');
      const lines = TOPOLOGY.split('\n');
      const line = lines.findIndex((l) => l === '    instances: [BTS01, ');
      const r = await c.conn.sendRequest<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: lines[line].length } });
      assert.deepEqual(labels(r), ['BTS02', 'BTS03']);
    } finally {
      await c.shutdown();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('rule ids in suppression comments (XML and YAML), those already named left out', async () => {
    const binding = '<?xml version="1.0"?>\n<BindingInfo>\n  <!-- btslint-disable ftp-sftp-receive-not-clustered, ho\n</BindingInfo>\n';
    const root = makeWorkspace({ 'prod.topology.yaml': TOPOLOGY, 'Orders.BindingInfo.xml': binding });
    const c = new LspTestClient(root);
    try {
      await c.initialize();
      await c.waitForStatus();
      const xml = c.open('Orders.BindingInfo.xml', binding);
      const r = await c.conn.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: xml }, position: { line: 2, character: binding.split('\n')[2].length } });
      const ids = r.map((i) => i.label);
      assert.ok(ids.includes('host-single-instance'), ids.join(', '));
      assert.ok(!ids.includes('ftp-sftp-receive-not-clustered'));
      const edit = r.find((i) => i.label === 'host-single-instance')!.textEdit as { range: { start: { character: number } } };
      assert.equal(edit.range.start.character, binding.split('\n')[2].length - 2, 'replaces the id being typed');
      const yaml = '# btslint-disable-file \n' + TOPOLOGY;
      const topo = c.open('prod.topology.yaml', yaml);
      const y = await c.conn.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: topo }, position: { line: 0, character: 23 } });
      assert.ok(y.some((i) => i.label === 'msgbox-not-clustered'));
      // Outside a directive: the topology's own completion, no rule ids.
      const k = await c.conn.sendRequest<CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: topo }, position: { line: 3, character: 10 } });
      assert.ok(!(k ?? []).some((i) => i.label === 'msgbox-not-clustered'));
    } finally {
      await c.shutdown();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
