// WorkspaceState.documentForRequest: a request on a large open document whose newest version is not
// parsed yet is answered from the last parse (the check parses the new version); small documents
// and parsed versions are always current.

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
    s.setOpen(uri, text.replace('Name="SP5"', 'Name="SP5x"'), 2);
    assert.equal(s.documentForRequest(uri), v1, 'answered from the last parse');
    const v2 = s.documentAt(uri)!;
    assert.notEqual(v2, v1);
    assert.equal(v2.binding!.sendPorts[5].name, 'SP5x');
    assert.equal(s.documentForRequest(uri), v2);
  });

  it('a small document is parsed at its newest version for a request', () => {
    const s = new WorkspaceState();
    const text = binding(3);
    s.setOpen(uri, text, 1);
    const v1 = s.documentAt(uri)!;
    s.setOpen(uri, text.replace('Name="SP1"', 'Name="SP1x"'), 2);
    const r = s.documentForRequest(uri)!;
    assert.notEqual(r, v1);
    assert.equal(r.binding!.sendPorts[1].name, 'SP1x');
  });
});
