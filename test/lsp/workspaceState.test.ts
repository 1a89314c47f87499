// WorkspaceState.documentForRequest: a request on a large open document whose newest version is not
// parsed yet is answered from the last parse (the check parses the new version), with the client's
// edits since to map positions through; without known edits, and for small documents, the newest
// version is parsed for the request.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { LARGE_DOCUMENT, WorkspaceState } from '../../server/src/lsp/workspace';
import { pathToUri } from '../../server/src/lsp/paths';

function binding(ports: number): string {
  const sp = (i: number) => `    <SendPort Name="SP${i}" IsStatic="true"><PrimaryTransport><Address>C:\\\\out\\\\${i}</Address><TransportType Name="FILE" /><SendHandler Name="SendHost" /></PrimaryTransport></SendPort>\n`;
  let body = '';
  for (let i = 0; i < ports; i++) body += sp(i);
  return `<?xml version="1.0"?>\n<BindingInfo>\n  <SendPortCollection>\n${body}  </SendPortCollection>\n</BindingInfo>\n`;
}

describe('WorkspaceState.documentForRequest', () => {
  const uri = pathToUri(process.platform === 'win32' ? 'C:\\w\\Big.BindingInfo.xml' : '/w/Big.BindingInfo.xml');

  it('a large document: the last parse until the check parses the new version', () => {
    const s = new WorkspaceState();
    const text = binding(Math.ceil(LARGE_DOCUMENT / 150));
    assert.ok(text.length > LARGE_DOCUMENT);
    s.setOpen(uri, text, 1);
    const v1 = s.documentAt(uri)!;
    assert.equal(v1.binding!.sendPorts.length > 1000, true);
    // The client inserts 'x' after SP5's name, and a line before SP1.
    const at = text.indexOf('Name="SP5"') + 'Name="SP5'.length;
    const line = text.indexOf('    <SendPort Name="SP1"');
    const edited = text.slice(0, line) + '<!-- new -->\n' + text.slice(line, at) + 'x' + text.slice(at);
    s.setOpen(uri, edited, 2, [
      { start: at, oldEnd: at, newEnd: at + 1 },
      { start: line, oldEnd: line, newEnd: line + 13 },
    ]);
    const r = s.documentForRequest(uri)!;
    assert.equal(r.doc, v1, 'answered from the last parse');
    assert.equal(r.edits.length, 2);
    // Before the edits: unchanged; after them: moved by what was typed; inside typed text: nothing.
    assert.equal(r.toDoc(5), 5);
    assert.equal(r.toDoc(line + 13), line);
    assert.equal(r.toDoc(line + 5), undefined);
    assert.equal(r.toDoc(at + 14), at, 'just after the typed x: where it was typed');
    const sp6 = edited.indexOf('Name="SP6"');
    assert.equal(r.toDoc(sp6), text.indexOf('Name="SP6"'));
    assert.equal(r.toClient(text.indexOf('Name="SP6"'), 'start'), sp6);
    const v2 = s.documentAt(uri)!;
    assert.notEqual(v2, v1);
    assert.equal(v2.binding!.sendPorts[5].name, 'SP5x');
    assert.equal(v2.text, edited);
    assert.equal(s.documentForRequest(uri)!.doc, v2);
    assert.equal(s.documentForRequest(uri)!.edits.length, 0);
  });

  it('a large document changed by edits not known (replaced whole): parsed for the request', () => {
    const s = new WorkspaceState();
    const text = binding(Math.ceil(LARGE_DOCUMENT / 150));
    s.setOpen(uri, text, 1);
    const v1 = s.documentAt(uri)!;
    s.setOpen(uri, text.replace('Name="SP5"', 'Name="SP5x"'), 2);
    const r = s.documentForRequest(uri)!;
    assert.notEqual(r.doc, v1);
    assert.equal(r.edits.length, 0);
    assert.equal(r.doc.binding!.sendPorts[5].name, 'SP5x');
  });

  it('a small document is parsed at its newest version for a request', () => {
    const s = new WorkspaceState();
    const text = binding(3);
    s.setOpen(uri, text, 1);
    const v1 = s.documentAt(uri)!;
    s.setOpen(uri, text.replace('Name="SP1"', 'Name="SP1x"'), 2);
    const at = text.indexOf('Name="SP1"') + 'Name="SP1'.length;
    s.setOpen(uri, text.replace('Name="SP1"', 'Name="SP1x"'), 2, [{ start: at, oldEnd: at, newEnd: at + 1 }]);
    const r = s.documentForRequest(uri)!;
    assert.notEqual(r.doc, v1);
    assert.equal(r.edits.length, 0);
    assert.equal(r.doc.binding!.sendPorts[1].name, 'SP1x');
  });
});
