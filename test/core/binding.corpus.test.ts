// The binding reader: ports, locations, transports and the escaped adapter settings, positioned
// exactly in the file through one or two levels of escaping: the real corpus files (npm run
// test:corpus; the inline bindings and fixtures are in binding.test.ts).

import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { readDocument, BtsDocument } from '../../server/src/core/document';
import { hasToken } from '../../server/src/core/model/tokens';
import { adapterIs, handlers, workspaceOf } from '../../server/src/core/model/join';
import { lint } from '../../server/src/core/engine';
import { corpusFile } from '../helpers/paths';

/** The file text a range covers. */
function at(doc: BtsDocument, r: { start: number; end: number } | undefined): string | undefined {
  return r ? doc.text.slice(r.start, r.end) : undefined;
}

/** Findings the engine itself makes from reader problems (no rule runs). */
function parseErrors(doc: BtsDocument) {
  return lint([doc], { rules: [] }).filter((f) => f.ruleId === 'parse-error');
}

describe('real corpus files', () => {
  const read = (name: string) => {
    const p = corpusFile(name);
    return readDocument(p, fs.readFileSync(p));
  };

  test('aimbiztalk FTP: serverAddress through double escaping, in the send port and the receive location', () => {
    const doc = read('Azure__aimbiztalk__scenarios__001-FtpPassthru__bindings__Bindings.xml');
    assert.deepEqual(parseErrors(doc), []);
    const marker = '&amp;lt;serverAddress&amp;gt;';
    const first = doc.text.indexOf(marker);
    const second = doc.text.indexOf(marker, first + 1);
    assert.ok(first > 0 && second > first);
    const send = doc.binding!.sendPorts[0].primary!.settings()!.get('serverAddress')!;
    const recv = doc.binding!.receiveLocations[0].transport.settings()!.get('serverAddress')!;
    assert.equal(send.value, '127.0.0.1');
    assert.deepEqual(send.range, { start: first + marker.length, end: first + marker.length + 9 });
    assert.deepEqual(recv.range, { start: second + marker.length, end: second + marker.length + 9 });
    const p = doc.lines().position(send.range.start);
    assert.equal(doc.lines().lineText(p.line).slice(p.character, p.character + 9), '127.0.0.1');
    assert.equal(adapterIs(doc.binding!.sendPorts[0].primary, 'ftp'), true);
    // The send port's Filter declares utf-16 inside a UTF-8 file.
    assert.match(doc.text, /<Filter>&lt;\?xml version="1.0" encoding="utf-16"\?&gt;/);
    assert.equal(doc.encoding, 'utf8');
  });

  test('Apress BookOrders WCF-SQL: pollingStatement and pollingIntervalInSeconds map to the attribute values', () => {
    const doc = read('Apress__biztalk-server-2016__Chapter5__BookOrdersSolutionBAM__BookOrdersSolution__Bindings__Bindings.xml');
    assert.deepEqual(parseErrors(doc), []);
    const sp = doc.binding!.sendPorts.find((s) => s.name === 'WcfSendPort_SQL_Approvals')!;
    const s = sp.primary!.settings()!;
    assert.deepEqual(s.errors, []);
    assert.equal(s.get('BindingType')!.value, 'sqlBinding');
    const ps = s.get('pollingStatement')!;
    const i = doc.text.indexOf('pollingStatement="') + 'pollingStatement="'.length;
    assert.deepEqual([ps.value, ps.range], ['', { start: i, end: i }]);
    const pi = s.get('pollingIntervalInSeconds')!;
    assert.equal(pi.value, '30');
    assert.equal(at(doc, pi.range), '30');
    assert.equal(at(doc, pi.elementRange), 'pollingIntervalInSeconds="30"');
  });

  test('aimbiztalk BindingInfo: $(Token) hosts stay values, no parse finding, BOM read', () => {
    const doc = read('Azure__aimbiztalk__src__Microsoft.AzureIntegrationMigration.BizTalk.Types__Schemas__BindingInfo.xml');
    assert.equal(doc.encoding, 'utf8bom');
    assert.deepEqual(parseErrors(doc), []);
    const hosts = handlers(workspaceOf([doc])).map((h) => h.hostName);
    assert.ok(hosts.includes('$(ProcessingHostName)'));
    assert.deepEqual(
      [...new Set(hosts.filter((h) => !hasToken(h)))],
      ['BizTalkServerIsolatedHost'],
    );
  });

  test('Packt WCF wizard output: UTF-16 LE with a BOM, declared utf-16, CRLF', () => {
    const doc = read(
      'PacktPublishing__Microsoft-BizTalk-Server-Certification-Assessment-Guide-Second-Edition__Chapter07__Chapter07__Example01-ExposeWCFService__Chapter07Example01__App_Data__Temp__BindingInfo.xml',
    );
    assert.equal(doc.encoding, 'utf16le');
    assert.equal(doc.eol, '\r\n');
    assert.deepEqual(parseErrors(doc), []);
    assert.equal(doc.binding!.receiveLocations.length, 1);
    assert.equal(doc.binding!.receiveLocations[0].transport.adapter!.value, 'WCF-BasicHttp');
    assert.equal(doc.binding!.receiveLocations[0].transport.host, undefined);
  });

  test('every send port of the recipes MSMQ file keeps an unused SecondaryTransport out of the model', () => {
    const doc = read('Apress__biztalk-2006-recipes__1590597117-1__Chapter04__Recipe_4.15__4_-_15_--_Maintaining_Message_Order.zip__SequentialConvoyOrchestration__Bindings.xml');
    assert.deepEqual(parseErrors(doc), []);
    assert.ok(doc.binding!.sendPorts.length > 0);
    for (const sp of doc.binding!.sendPorts) assert.equal(sp.secondary, undefined);
    assert.equal(adapterIs(doc.binding!.receiveLocations[0].transport, 'msmq'), true);
  });
});
