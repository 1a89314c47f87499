// The incremental re-parse (xml/incremental.ts): after any edit it either declines or gives exactly
// the tree parseXml gives for the new text, node for node and offset for offset. Differential and
// seeded: thousands of random edits (characters that make and break markup, snippets of elements,
// comments and references, deletions) in sequences on the same document, on the example binding and
// the binding fixtures (incrementalRuns.ts; over the corpus: incremental.corpus.test.ts). Also:
// readDocument with `previous` reuses the tree (and marks the old version superseded) when it can, and gives what a fresh read gives.

import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseXml } from '../../server/src/core/xml/parser';
import { changedRange, reparseXml } from '../../server/src/core/xml/incremental';
import { readDocument, lint } from '../../server/src/core';
import type { Transport } from '../../server/src/core/readers/binding';
import { dump, edit, examplesDir, randomEditTests } from './incrementalRuns';
import { mulberry32 } from '../helpers/random';

/**
 * `count` one-character edits of the current text (read through `current` before each, as the caller
 * moves on to the edited text): after a random occurrence of one of `anchors` in turn, an 'x' inserted
 * (70%) or the next character deleted.
 */
function* anchoredEdits(current: () => string, anchors: string[], rnd: () => number, count: number): Generator<{ k: number; at: number; next: string }> {
  for (let k = 0; k < count; k++) {
    const text = current();
    const a = anchors[k % anchors.length];
    let at = text.indexOf(a, Math.floor(rnd() * text.length));
    if (at < 0) at = text.indexOf(a);
    if (at < 0) continue;
    at += a.length;
    yield { k, at, next: rnd() < 0.7 ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1) };
  }
}

describe('changedRange', () => {
  test('covers exactly the differing region, across chunk boundaries', () => {
    const base = 'x'.repeat(10_000);
    assert.equal(changedRange(base, base), undefined);
    assert.deepEqual(changedRange(base, base.slice(0, 5000) + 'y' + base.slice(5001)), { start: 5000, oldEnd: 5001, newEnd: 5001 });
    assert.deepEqual(changedRange('abc', 'abXYc'), { start: 2, oldEnd: 2, newEnd: 4 });
    assert.deepEqual(changedRange('aaaa', 'aa'), { start: 2, oldEnd: 4, newEnd: 2 });
    const rnd = mulberry32(5);
    for (let k = 0; k < 300; k++) {
      const a = base.slice(0, Math.floor(rnd() * 9000)) + 'q' + base;
      const b = edit(a, rnd);
      const c = changedRange(a, b);
      if (!c) {
        assert.equal(a, b);
        continue;
      }
      assert.equal(a.slice(0, c.start) + b.slice(c.start, c.newEnd) + a.slice(c.oldEnd), b);
    }
  });
});

describe('reparseXml', () => {
  randomEditTests('fixtures');

  test('an edit inside one element re-parses that element only; the others keep their identity', () => {
    const text = '<a><b x="1">one</b><c>two</c><d><e/></d></a>';
    const doc = parseXml(text);
    const [b, c, d] = doc.root!.children as import('../../server/src/core/xml/parser').XmlElement[];
    const next = text.replace('two', 'three');
    assert.ok(reparseXml(doc, next, changedRange(text, next)!));
    const [b2, c2, d2] = doc.root!.children;
    assert.equal(b2, b);
    assert.equal(c2, c);
    assert.equal(d2, d);
    assert.equal(c.edits, 1);
    assert.equal(b.edits, undefined);
    assert.equal(d.start, text.indexOf('<d>') + 2);
    assert.deepEqual(dump(doc), dump(parseXml(next)));
  });

  test('moves the nodes after an edit at any depth (past the levels it walks by recursion)', () => {
    const levels = 3000;
    const text = `<r><a>x</a>${'<d k="v">'.repeat(levels)}<!--c-->t${'</d>'.repeat(levels)}</r>`;
    const doc = parseXml(text);
    const next = text.replace('<a>x', '<a>xyz');
    assert.ok(reparseXml(doc, next, changedRange(text, next)!));
    // Compared node by node without recursion (dump() recurses).
    const flat = (d: ReturnType<typeof parseXml>) => {
      const out: unknown[] = [];
      const stack: import('../../server/src/core/xml/parser').XmlNode[] = [...d.nodes];
      while (stack.length) {
        const x = stack.pop()!;
        if (x.kind === 'element') {
          out.push([x.name, x.start, x.end, x.nameStart, x.nameEnd, x.openEnd, x.closeStart, x.attrs.map((a) => [a.nameStart, a.nameEnd, a.valueStart, a.valueEnd])]);
          stack.push(...x.children);
        } else out.push(x.kind === 'comment' ? [x.kind, x.start, x.end, x.contentStart, x.contentEnd] : [x.kind, x.start, x.end]);
      }
      return out;
    };
    assert.deepEqual(flat(doc), flat(parseXml(next)));
  });

  test('re-parses in place around errors that stay inside the element; declines when a construct runs past it', () => {
    const bad = '<a><b></a>';
    const doc = parseXml(bad);
    const fixedText = '<a><b>x</a>';
    assert.ok(reparseXml(doc, fixedText, { start: 6, oldEnd: 6, newEnd: 7 }));
    assert.deepEqual(dump(doc), dump(parseXml(fixedText)));
    assert.equal(doc.errors[0]?.code, 'unclosed-element');
    const text = '<a><b>x</b><c/></a>';
    const clean = parseXml(text);
    const next = text.replace('x', '<!--');
    assert.equal(reparseXml(clean, next, changedRange(text, next)!), false, 'an unclosed comment runs to the end of the file');
    assert.equal(clean.text, text, 'left untouched');
    assert.deepEqual(dump(clean), dump(parseXml(text)));
    // An element left open inside is closed by the end tag, after that end tag's own syntax error.
    const broken = '<a><b><c>t</c></b </a>';
    const d2 = parseXml(broken);
    const typed = '<a><b><c>t</c><d></b </a>';
    assert.ok(reparseXml(d2, typed, changedRange(broken, typed)!));
    assert.deepEqual(dump(d2), dump(parseXml(typed)));
    assert.deepEqual(d2.errors.map((e) => e.code), ['syntax', 'unclosed-element']);
    const closing = text.replace('x', '</a>');
    assert.equal(reparseXml(clean, closing, changedRange(text, closing)!), false, 'an end tag closing an ancestor');
    assert.deepEqual(dump(clean), dump(parseXml(text)));
  });
});

describe('readDocument with a previous version', () => {
  test('reuses the tree, marks the old version superseded, and lints the same as a fresh read', () => {
    const file = path.join(examplesDir(), 'bindings', 'Contoso.Orders.BindingInfo.xml');
    const text = fs.readFileSync(file, 'utf8');
    const uri = 'file:///w/Contoso.Orders.BindingInfo.xml';
    const v1 = readDocument(uri, text);
    const at = text.indexOf('<ReceiveLocation Name="') + '<ReceiveLocation Name="'.length;
    const next = text.slice(0, at) + 'X' + text.slice(at);
    const v2 = readDocument(uri, next, { previous: v1 });
    assert.equal(v2.xml, v1.xml, 'the tree is reused');
    assert.equal(v1.superseded, true);
    const fresh = readDocument(uri, next);
    assert.deepEqual(dump(v2.xml!), dump(fresh.xml!));
    const now = new Date('2026-12-01');
    const strip = (fs_: ReturnType<typeof lint>) => fs_.map((f) => ({ ...f, fix: f.fix && JSON.stringify(f.fix) }));
    assert.deepEqual(strip(lint([v2], { now })), strip(lint([fresh], { now })));
    assert.equal(v2.binding!.receiveLocations[0].name, fresh.binding!.receiveLocations[0].name);
  });

  test('a run of edits, linted at every version, finds what fresh reads find (settings read once, then moved)', () => {
    const file = path.join(examplesDir(), 'bindings', 'Contoso.Orders.BindingInfo.xml');
    let text = fs.readFileSync(file, 'utf8');
    const uri = 'file:///w/Contoso.Orders.BindingInfo.xml';
    const topo = readDocument('file:///w/contoso.topology.yaml', fs.readFileSync(path.join(examplesDir(), 'contoso.topology.yaml'), 'utf8'));
    const now = new Date('2026-12-01');
    const strip = (fs_: ReturnType<typeof lint>) => fs_.map((f) => JSON.stringify(f));
    let doc = readDocument(uri, text);
    lint([doc, topo], { now });
    const rnd = mulberry32(11);
    let inPlace = 0;
    // Edits before the endpoints (their settings move), inside escaped settings (an address, a
    // queue: they change), and in names.
    const anchors = ['<Description', 'ReceiveLocationTransportTypeData>', 'TransportTypeData>', 'Name="', '&lt;', 'C:\\'];
    for (const { k, at, next } of anchoredEdits(() => text, anchors, rnd, 40)) {
      const v = readDocument(uri, next, { previous: doc });
      if (v.xml === doc.xml) inPlace++;
      const fresh = readDocument(uri, next);
      assert.deepEqual(strip(lint([v, topo], { now })), strip(lint([fresh, topo], { now })), `edit ${k} at ${at}`);
      doc = v;
      text = next;
    }
    assert.ok(inPlace > 20, `in place ${inPlace}`);
  });

  test('a run of edits gives the binding model a fresh read gives, ports the edit did not touch kept (moved) from the last version', () => {
    const file = path.join(examplesDir(), 'bindings', 'Contoso.Orders.BindingInfo.xml');
    let text = fs.readFileSync(file, 'utf8');
    const uri = 'file:///w/Contoso.Orders.BindingInfo.xml';
    // Everything a rule reads of the model, elements by their offsets, settings and their problems.
    const transport = (t: Transport | undefined) =>
      t && { adapter: t.adapter, address: t.address, host: t.host, handler: t.handlerElement?.start, data: t.dataElement?.start, settings: t.settings()?.all(), errors: t.settingsErrors() };
    const model = (d: ReturnType<typeof readDocument>) => {
      const b = d.binding!;
      return {
        send: b.sendPorts.map((p) => ({ ...p, element: [p.element.start, p.element.end], primary: transport(p.primary), secondary: transport(p.secondary) })),
        receive: b.receivePorts.map((p) => ({ ...p, element: [p.element.start, p.element.end], locations: p.locations.map((l) => l.name) })),
        locations: b.receiveLocations.map((l) => ({ ...l, element: [l.element.start, l.element.end], transport: transport(l.transport) })),
        orchestrations: b.orchestrations.map((o) => ({ ...o, element: o.element.start })),
      };
    };
    let doc = readDocument(uri, text);
    const rnd = mulberry32(23);
    let kept = 0;
    let moved = 0;
    const anchors = ['<Description', 'TransportTypeData>', 'Name="', '&lt;', '<Address>', 'C:\\'];
    for (const { k, at, next } of anchoredEdits(() => text, anchors, rnd, 40)) {
      const before = doc.binding!;
      const v = readDocument(uri, next, { previous: doc, change: changedRange(text, next) });
      assert.deepEqual(model(v), model(readDocument(uri, next)), `edit ${k} at ${at}`);
      const now = v.binding!;
      kept += now.sendPorts.filter((p) => before.sendPorts.includes(p)).length + now.receivePorts.filter((p) => before.receivePorts.includes(p)).length;
      moved += now.sendPorts.filter((p) => before.sendPorts.some((q) => q.element === p.element && q !== p)).length;
      doc = v;
      text = next;
    }
    assert.ok(kept > 20 && moved >= 10, `ports kept ${kept}, moved ${moved}`);
  });

  test('settings first read after their element moved are where a fresh read puts them (the check saw them before the move)', () => {
    const escape = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const queue = 'FORMATNAME:DIRECT=OS:.\\PRIVATE$\\IN';
    const data = escape(`<CustomProps><AdapterConfig vt="8">${escape(`<Config><queue>${queue}</queue></Config>`)}</AdapterConfig><Other vt="8">x</Other></CustomProps>`);
    const text = (description: string, data: string) =>
      `<BindingInfo><Description>${description}</Description><SendPortCollection><SendPort Name="S" IsStatic="true"><PrimaryTransport><Address>x</Address>` +
      `<TransportType Name="MSMQ" /><TransportTypeData>${data}</TransportTypeData><SendHandler Name="H"><TransportType Name="MSMQ" /></SendHandler></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>`;
    const uri = 'file:///w/a.BindingInfo.xml';
    // Read escaped, read decoded (a character reference), each moved one way and the other.
    for (const d of [data, data.replace('x&lt;/Other', '&#120;&lt;/Other')]) {
      for (const [before, after] of [['a', 'a longer description'], ['a longer description', 'a']]) {
        const v1 = readDocument(uri, text(before, d));
        assert.deepEqual(v1.binding!.sendPorts[0].primary!.settingsErrors(), []); // the check, no read
        const next = text(after, d);
        const v2 = readDocument(uri, next, { previous: v1 });
        assert.equal(v2.xml, v1.xml, 'parsed in place');
        const got = v2.binding!.sendPorts[0].primary!.settings()!;
        const fresh = readDocument(uri, next).binding!.sendPorts[0].primary!.settings()!;
        assert.deepEqual(got.all(), fresh.all());
        const q = got.get('queue')!;
        assert.equal(next.slice(q.range.start, q.range.end), queue);
      }
    }
  });

  test('versions with errors, typed and mended, read as fresh reads read them', () => {
    const uri = 'file:///w/B.BindingInfo.xml';
    const text = '<BindingInfo><SendPortCollection><SendPort Name="a" IsStatic="true"/></SendPortCollection></BindingInfo>';
    const strip = (d: ReturnType<typeof readDocument>) => ({ problems: d.problems, ports: d.binding?.sendPorts.map((p) => [p.name, p.nameRange]), xml: d.xml && dump(d.xml) });
    let prev = readDocument(uri, text);
    let inPlace = 0;
    for (const next of [text.replace('<SendPort ', '<SendPort <'), text.replace('<SendPort ', '<SendPort <X'), text, text.replace('Name="a"', 'Name="b"')]) {
      const v = readDocument(uri, next, { previous: prev });
      if (v.xml === prev.xml) inPlace++;
      assert.deepEqual(strip(v), strip(readDocument(uri, next)));
      prev = v;
    }
    assert.ok(inPlace >= 3, `${inPlace} of 4 in place`);
    assert.equal(prev.binding!.sendPorts[0].name, 'b');
  });
  test('with the change told (an editor\'s edits): the same reads, line indexes and NUL findings as fresh reads', () => {
    const uri = 'file:///w/B.BindingInfo.xml';
    let text = '<BindingInfo>\r\n<SendPortCollection>\r\n<SendPort Name="a" IsStatic="true">\n<Address>C:\\x</Address>\r</SendPort>\r\n</SendPortCollection>\n</BindingInfo>\r\n';
    let doc = readDocument(uri, text);
    doc.lines();
    const rnd = mulberry32(5);
    const pieces = ['\r', '\n', '\r\n', 'x', '', '\u0000', 'ab\ncd'];
    for (let k = 0; k < 300; k++) {
      const start = Math.floor(rnd() * (text.length + 1));
      const oldEnd = Math.min(text.length, start + Math.floor(rnd() * 3));
      const piece = pieces[Math.floor(rnd() * pieces.length)];
      const next = text.slice(0, start) + piece + text.slice(oldEnd);
      // The region told may be larger than the change, never smaller.
      const wider = Math.floor(rnd() * 2);
      const change = { start: Math.max(0, start - wider), oldEnd: Math.min(text.length, oldEnd + wider), newEnd: Math.min(next.length, start + piece.length + wider) };
      if (text.length - change.oldEnd !== next.length - change.newEnd) continue;
      const v = readDocument(uri, next, { previous: doc, change });
      const fresh = readDocument(uri, next);
      assert.deepEqual(v.problems, fresh.problems, `edit ${k}`);
      for (let o = 0; o <= next.length; o++) assert.deepEqual(v.lines().position(o), fresh.lines().position(o), `edit ${k}: offset ${o} of ${JSON.stringify(next)}`);
      assert.equal(v.lines().lineCount, fresh.lines().lineCount);
      doc = v;
      text = next;
    }
  });
});
