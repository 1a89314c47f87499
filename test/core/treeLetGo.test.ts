// A command-line read (ReadOptions.shortLived) parses a binding into the elements its model is read
// from (ParseOptions.keep, readers/binding.ts BINDING_READS) and lets that tree go once the model is
// read (document.ts letTreeGo, readers/binding.ts withoutTree): everything read from the model, the
// comments and the tree asked for again must be what an editor's read (which keeps the whole tree)
// gives, and so must every finding.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { commentsOf, isCandidateName, readDocument, withoutItsTree } from '../../server/src/core/document';
import { parseElementAt, parseXml, XmlElement } from '../../server/src/core/xml/parser';
import { detach, walk } from '../../server/src/core/xml/dom';
import { BINDING_READS } from '../../server/src/core/readers/binding';
import { listFiles, modelFacts, shape } from '../helpers/modelFacts';
import { lint } from '../../server/src/core/engine';
import { repoRoot } from '../helpers/paths';
import { commentsMayHoldSuppressions } from '../../server/src/core/suppress/directives';

const SETTINGS =
  '&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;uri&amp;gt;ftp://ftp.contoso.com/in&amp;lt;/uri&amp;gt;&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;';
const BINDING = `<?xml version="1.0" encoding="utf-8"?>
<!-- Orders, production -->
<BindingInfo>
  <ModuleRefCollection>
    <ModuleRef Name="Orders"><Services><Service Name="Orders.Process"><Host Name="Orch" /></Service></Services></ModuleRef>
  </ModuleRefCollection>
  <SendPortCollection>
    <SendPort Name="ToFtp" IsStatic="true" IsTwoWay="false">
      <PrimaryTransport>
        <!-- ifdef \${_xml_preprocess} -->
        <!-- <Address>ftp://\${FtpHost}/out</Address> -->
        <!-- endif -->
        <TransportType Name="FTP" />
        <TransportTypeData>${SETTINGS}</TransportTypeData>
        <SendHandler Name="Send"><TransportType Name="FTP" /></SendHandler>
      </PrimaryTransport>
      <SecondaryTransport><Address>C:\\out</Address><TransportType Name="FILE" /><SendHandler Name="Send2" /></SecondaryTransport>
    </SendPort>
  </SendPortCollection>
  <ReceivePortCollection>
    <ReceivePort Name="In">
      <ReceiveLocations>
        <ReceiveLocation Name="InFile">
          <Address>C:\\in\\*.xml</Address>
          <ReceiveLocationTransportType Name="FILE" />
          <ReceiveLocationTransportTypeData>&lt;CustomProps&gt;&lt;FileMask vt="8"&gt;*.xml&lt;/FileMask&gt;&lt;/CustomProps</ReceiveLocationTransportTypeData>
          <ReceiveHandler Name="Recv"><TransportType Name="FILE" /></ReceiveHandler>
          <Enable>true</Enable>
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;

describe('parseElementAt: one element parsed alone, at the file offsets', () => {
  it('gives every element of a binding as the whole parse does', () => {
    const whole = parseXml(BINDING);
    let n = 0;
    walk(whole.root!, (el) => {
      const alone = parseElementAt(BINDING, el.start, el.end);
      assert.ok(alone, `${el.name} at ${el.start}`);
      assert.equal(alone.parent, null);
      assert.deepEqual(shape(alone), shape(el));
      n++;
    });
    assert.equal(n, 27);
  });

  it('gives nothing for a range that is not one element', () => {
    const whole = parseXml(BINDING);
    const sp = whole.root!.children.find((c): c is XmlElement => c.kind === 'element' && c.name === 'SendPortCollection')!;
    assert.equal(parseElementAt(BINDING, sp.start + 1, sp.end), undefined); // not at its '<'
    assert.equal(parseElementAt(BINDING, whole.root!.start, sp.end), undefined); // an element left open
    assert.equal(parseElementAt(BINDING, sp.start, whole.root!.end), undefined); // more than one element
    // An element its document leaves unclosed was closed by an ancestor's end tag: not found alone.
    const unclosed = BINDING.replace('</ReceiveLocation>', '');
    const rl = parseXml(unclosed).root!;
    let loc: XmlElement | undefined;
    walk(rl, (el) => void (el.name === 'ReceiveLocation' && (loc = el)));
    assert.ok(loc && loc.closeStart === loc.end);
    assert.equal(parseElementAt(unclosed, loc.start, loc.end), undefined);
  });
});

describe('ParseOptions.keep: only the elements a reader reads are made nodes', () => {
  it('reports the same problems as a whole parse, keeps what BINDING_READS lists, and nothing else', () => {
    const extra = BINDING.replace('IsTwoWay="false">', '$&<Description>orders &amp; more</Description><Tracking>0</Tracking><!-- kept -->');
    // Problems inside elements not kept, and in one that is.
    const broken = extra.replace('<Tracking>0</Tracking>', '<Tracking a="1" a="2">&bogus;<Stray x=1></Tracking>').replace('<Enable>true</Enable>', '<Enable>&bogus;</Enable>');
    // Nesting, stray and mismatched end tags inside elements not kept.
    const tangled = extra.replace('<Tracking>0</Tracking>', '<Tracking><a><b><!-- c --><c/></b></x></a><a><b></a></Tracking></Nope>');
    for (const text of [extra, broken, tangled]) {
      const whole = parseXml(text);
      const some = parseXml(text, { keep: BINDING_READS });
      assert.deepEqual(some.errors, whole.errors);
      assert.deepEqual(some.comments.map((c) => [c.start, c.end]), whole.comments.map((c) => [c.start, c.end]));
      const names = (root: XmlElement) => {
        const out: string[] = [];
        walk(root, (el) => void out.push(`${el.name}@${el.start}-${el.end}`));
        return out;
      };
      const kept = names(some.root!);
      assert.ok(kept.length < names(whole.root!).length);
      // Every kept element is the whole parse's, at the same place.
      const all = new Set(names(whole.root!));
      for (const k of kept) assert.ok(all.has(k), k);
      assert.ok(!kept.some((k) => /^(Description|Tracking|Stray)@/.test(k)));
      assert.ok(kept.some((k) => k.startsWith('TransportTypeData@')));
    }
  });

  it('keeps a document whose root is not BindingInfo whole', () => {
    const text = '<Configuration><Feature Name="x"><Database Name="BizTalkMsgBoxDb" /></Feature></Configuration>';
    assert.deepEqual(shape(parseXml(text, { keep: BINDING_READS }).root!), shape(parseXml(text).root!));
  });
});

describe('detach: a copy that stands alone', () => {
  it('is equal to the element, with no parent, and shares no element with the tree', () => {
    const whole = parseXml(BINDING);
    const original = whole.root!;
    const copy = detach(original);
    assert.equal(copy.parent, null);
    assert.deepEqual(shape(copy), shape(original));
    walk(copy, (el) => {
      for (const c of el.children) if (c.kind === 'element' || c.kind === 'comment') assert.equal(c.parent, el);
      if (el !== copy) assert.notEqual(el.parent, null);
    });
    const firstChild = copy.children.find((c): c is XmlElement => c.kind === 'element')!;
    assert.notEqual(firstChild, original.children.find((c) => c.kind === 'element'));
  });
});

describe('a command-line read lets the tree go', () => {
  const editor = readDocument('Orders.BindingInfo.xml', BINDING);
  const cli = readDocument('Orders.BindingInfo.xml', Buffer.from(BINDING, 'utf8'), { shortLived: true });

  it('reads the same model: names, ranges, transports, elements found again, settings and their problems', () => {
    assert.deepEqual(modelFacts(cli), modelFacts(editor));
    // The broken receive settings (no closing '>') are a problem in both.
    assert.ok(cli.binding!.receiveLocations[0].transport.settingsErrors().length > 0);
    assert.equal(cli.binding!.sendPorts[0].primary!.addressComments.length, 3);
    assert.ok(cli.binding!.sendPorts[0].primary!.addressComments.every((c) => c.parent === null));
  });

  it('keeps no tree: `xml` parses the text again when asked, and the comments stand alone', () => {
    assert.equal(typeof Object.getOwnPropertyDescriptor(cli, 'xml')?.get, 'function');
    assert.equal(withoutItsTree(cli), true);
    assert.equal(withoutItsTree(editor), false);
    assert.deepEqual(shape(cli.xml!.root!), shape(editor.xml!.root!));
    assert.deepEqual(
      commentsOf(cli).map((c) => [c.start, c.end, c.contentStart, c.contentEnd]),
      commentsOf(editor).map((c) => [c.start, c.end, c.contentStart, c.contentEnd]),
    );
    assert.ok(commentsOf(cli).every((c) => c.parent === null));
  });

  it('finds an element its document left unclosed in the text parsed again', () => {
    const text = BINDING.replace('</ReceiveLocation>', '');
    const a = readDocument('Orders.BindingInfo.xml', text);
    const b = readDocument('Orders.BindingInfo.xml', Buffer.from(text, 'utf8'), { shortLived: true });
    assert.ok(b.problems.length > 0);
    assert.deepEqual(modelFacts(b), modelFacts(a));
    assert.equal(b.binding!.receiveLocations[0].element.parent?.name, 'ReceiveLocations');
  });

  it('keeps the tree of a binding with suppressions (the policy step reads them from it)', () => {
    const text = BINDING.replace('<!-- Orders, production -->', '<!-- btslint-disable-file ftp-no-tls -- test -->');
    const doc = readDocument('Orders.BindingInfo.xml', Buffer.from(text, 'utf8'), { shortLived: true });
    assert.equal(Object.getOwnPropertyDescriptor(doc, 'xml')?.get, undefined);
    assert.equal(withoutItsTree(doc), false);
    assert.ok(doc.xml?.root);
  });

  it('asks the comments only: a suppression in a later comment keeps the tree, `btslint-` outside a comment does not', () => {
    // The suppression is in the last of several comments: the tree is parsed again, whole.
    const late = BINDING.replace('<!-- endif -->', '<!-- endif --><!-- btslint-disable ftp-no-tls -- test -->');
    const kept = readDocument('Orders.BindingInfo.xml', Buffer.from(late, 'utf8'), { shortLived: true });
    assert.equal(withoutItsTree(kept), false);
    assert.deepEqual(shape(kept.xml!.root!), shape(readDocument('Orders.BindingInfo.xml', late).xml!.root!));
    // In an attribute and in text (no XML suppression is either), between and after comments: let go.
    const outside = BINDING.replace('<SendPort Name="ToFtp"', '<SendPort Name="btslint-ToFtp"').replace('C:\\out', 'C:\\btslint-out');
    assert.notEqual(outside, BINDING);
    const released = readDocument('Orders.BindingInfo.xml', Buffer.from(outside, 'utf8'), { shortLived: true });
    assert.equal(withoutItsTree(released), true);
    assert.deepEqual(modelFacts(released), modelFacts(readDocument('Orders.BindingInfo.xml', outside)));
  });

  it('reads the same model from every binding fixture and example', () => {
    const files = [...listFiles(path.join(repoRoot(), 'test', 'fixtures')), ...listFiles(path.join(repoRoot(), 'examples'))].filter((f) => /\.xml$/i.test(f));
    let bindings = 0;
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      const a = readDocument(f, bytes);
      if (a.kind !== 'binding') continue;
      bindings++;
      assert.deepEqual(modelFacts(readDocument(f, bytes, { shortLived: true })), modelFacts(a), f);
    }
    assert.ok(bindings >= 5, `${bindings} bindings`);
  });

  it('finds the same on the bundled examples, whichever way they are read', () => {
    const files = listFiles(path.join(repoRoot(), 'examples')).filter(isCandidateName);
    const now = new Date('2026-12-07T00:00:00Z');
    const read = (shortLived: boolean) => files.map((f) => readDocument(f, fs.readFileSync(f), { shortLived }));
    const released = read(true);
    assert.ok(released.some((d) => typeof Object.getOwnPropertyDescriptor(d, 'xml')?.get === 'function'));
    const findings = lint(released, { now });
    assert.ok(findings.length > 10);
    assert.deepEqual(findings, lint(read(false), { now }));
  });
});

describe('commentsMayHoldSuppressions: `btslint-` inside a comment', () => {
  const ask = (text: string) => commentsMayHoldSuppressions(text, parseXml(text).comments);
  it('answers for the comments alone, to their last unit', () => {
    assert.equal(ask('<a><!-- btslint-disable-file x -- y --></a>'), true);
    assert.equal(ask('<a><!--btslint- --></a>'), true); // at the content's first unit
    assert.equal(ask('<a><!--btslint--></a>'), false); // 'btslint-' runs into the '-->'
    assert.equal(ask('<a b="btslint-x"><!-- note --></a>'), false);
    assert.equal(ask('<a><!-- note -->btslint-x<!-- other --></a>'), false);
    assert.equal(ask('<a>btslint-</a>'), false); // no comment at all
    assert.equal(ask(`<a>${'<!-- c -->'.repeat(1000)}x<!-- btslint-disable-next-line y -- z --><b/></a>`), true);
  });
});

describe('documents stay fast-mode objects (V8)', () => {
  it('a getter shared by all documents (eol, a released tree\'s xml) keeps every document in one fast shape, and settings read are fast too', () => {
    // %HasFastProperties needs --allow-natives-syntax: asked in a child process. A getter of each
    // object's own (a closure per document), or a value redefined as an accessor, turned every
    // document after the first into a dictionary, which each rule then read slowly.
    const script = `
      const { readDocument } = require(${JSON.stringify(path.join(repoRoot(), 'out', 'server', 'src', 'core', 'document.js'))});
      const binding = (name) => Buffer.from(${JSON.stringify(BINDING)}.replace('ToFtp', name), 'utf8');
      const cli = ['A', 'B', 'C'].map((n) => readDocument(n + '.BindingInfo.xml', binding(n), { shortLived: true }));
      const editor = ['A', 'B'].map((n) => readDocument(n + '.BindingInfo.xml', binding(n).toString('utf8')));
      const topologies = ['a', 'b'].map((n) => readDocument(n + '.topology.yaml', 'topology: 1\\nhosts: []\\n'));
      const all = [...cli, ...editor, ...topologies];
      console.log(JSON.stringify({
        fast: all.map((d) => %HasFastProperties(d)),
        sameShape: [%HaveSameMap(cli[1], cli[2]), %HaveSameMap(editor[0], editor[1]), %HaveSameMap(topologies[0], topologies[1])],
        eol: cli[0].eol, xml: !!cli[2].xml && cli[2].xml.root.name,
        settings: [...cli, ...editor].map((d) => {
          const s = d.binding.sendPorts[0].primary.settings();
          return !!s.get('uri') && s.errors.length === 0 && %HasFastProperties(s);
        }),
      }));`;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout) as { fast: boolean[]; sameShape: boolean[]; eol: string; xml: string; settings: boolean[] };
    assert.deepEqual(got.fast, [true, true, true, true, true, true, true]);
    assert.deepEqual(got.sameShape, [true, true, true]);
    assert.equal(got.eol, '\n');
    assert.equal(got.xml, 'BindingInfo');
    // A transport's settings, read and asked for their problems: fast too (SettingsList, a class).
    assert.deepEqual(got.settings, [true, true, true, true, true]);
  });
});
