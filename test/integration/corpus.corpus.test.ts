// Every real file of the shared corpus (../shared/corpus, read in place) is read without a parse
// error, gets the right kind, and for bindings and configuration exports yields exactly what an
// independent, position-free reading with xml2js finds. The corpus manifest (SOURCES.md) is a third
// opinion for kinds, encodings, adapters, hosts and endpoint counts.

import { test, describe, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Parser } from 'xml2js';
import { BtsDocument, DocumentKind, readDocument } from '../../server/src/core/document';
import { describeModel } from '../../server/src/core/model/describe';
import { lint } from '../../server/src/core/engine';
import { corpusDir, corpusFiles } from '../helpers/paths';

// ---------------------------------------------------------------------------------------------------
// The independent reading: bytes decoded here with Buffer/TextDecoder (not core/text.ts), parsed by
// xml2js, walked with plain property access.

function decodeIndependently(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes); // drops the BOM
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  return bytes.toString('utf8');
}

// xml2js nodes: with explicitCharkey, an element is '' / a string (no attributes, whitespace text) or
// { $?: attributes, _?: text, <child>: node[] }.
type XNode = string | { $?: Record<string, string>; _?: string; [child: string]: unknown };

function kids(n: XNode | undefined, name: string): XNode[] {
  if (!n || typeof n === 'string') return [];
  return (n[name] as XNode[] | undefined) ?? [];
}
function kid(n: XNode | undefined, name: string): XNode | undefined {
  return kids(n, name)[0];
}
function attrOf(n: XNode | undefined, name: string): string | undefined {
  return n && typeof n !== 'string' ? n.$?.[name] : undefined;
}
function textOf(n: XNode | undefined): string {
  if (n === undefined) return '';
  return typeof n === 'string' ? n : (n._ ?? '');
}
function nil(n: XNode | undefined): boolean {
  const v = attrOf(n, 'xsi:nil');
  return n === undefined || v === 'true' || v === '1';
}
const orNull = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());
const attrOrNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);

interface XTransport {
  adapter: string | null;
  address: string | null;
  host: string | null;
}

function xTransport(owner: XNode | undefined, typeName: string, handlerName: string): XTransport {
  const handler = kid(owner, handlerName);
  const live = !nil(handler);
  return {
    adapter: attrOrNull(attrOf(kid(owner, typeName), 'Name')) ?? (live ? attrOrNull(attrOf(kid(handler, 'TransportType'), 'Name')) : null),
    address: nil(kid(owner, 'Address')) ? null : orNull(textOf(kid(owner, 'Address'))),
    host: live ? attrOrNull(attrOf(handler, 'Name')) : null,
  };
}

async function xml2jsParse(text: string): Promise<Record<string, XNode>> {
  return new Parser({ explicitCharkey: true, explicitArray: true }).parseStringPromise(text);
}

async function independentBinding(text: string) {
  const parsed = await xml2jsParse(text);
  const root = parsed.BindingInfo;
  const sendPorts: Record<string, unknown>[] = [];
  const receiveLocations: Record<string, unknown>[] = [];
  const hosts = new Set<string>();
  const adapters = new Set<string>();
  const note = (t: XTransport) => {
    if (t.host) hosts.add(t.host);
    if (t.adapter) adapters.add(t.adapter);
  };
  let receivePorts = 0;
  for (const sp of kids(kid(root, 'SendPortCollection'), 'SendPort')) {
    const isStatic = (attrOf(sp, 'IsStatic') ?? 'true').toLowerCase() !== 'false';
    const pt = kid(sp, 'PrimaryTransport');
    const primary = isStatic && !nil(pt) ? xTransport(pt, 'TransportType', 'SendHandler') : { adapter: null, address: null, host: null };
    if (isStatic && !nil(pt)) note(primary);
    const st = kid(sp, 'SecondaryTransport');
    if (!nil(st) && textOf(kid(st, 'Address')).trim() !== '') note(xTransport(st, 'TransportType', 'SendHandler'));
    sendPorts.push({ name: attrOf(sp, 'Name') ?? '', ...primary });
  }
  for (const rp of kids(kid(root, 'ReceivePortCollection'), 'ReceivePort')) {
    receivePorts++;
    for (const rl of kids(kid(rp, 'ReceiveLocations'), 'ReceiveLocation')) {
      const t = xTransport(rl, 'ReceiveLocationTransportType', 'ReceiveHandler');
      note(t);
      receiveLocations.push({ name: attrOf(rl, 'Name') ?? '', receivePort: attrOf(rp, 'Name') ?? '', ...t });
    }
  }
  const orchestrations: { assembly: string; name: string; host: string | null }[] = [];
  for (const mr of kids(kid(root, 'ModuleRefCollection'), 'ModuleRef')) {
    for (const svc of kids(kid(mr, 'Services'), 'Service')) {
      const host = kid(svc, 'Host');
      orchestrations.push({ assembly: attrOf(mr, 'Name') ?? '', name: attrOf(svc, 'Name') ?? '', host: nil(host) ? null : attrOrNull(attrOf(host, 'Name')) });
    }
  }
  return { sendPorts, receiveLocations, receivePorts, orchestrations, hosts: [...hosts].sort(), adapters: [...adapters].sort() };
}

/** SQL Server and database of every `SQL` element that no unselected `Answer` hides. */
async function independentConfigExport(text: string) {
  const parsed = await xml2jsParse(text);
  const out: { displayName: string; server: string; database: string }[] = [];
  const visit = (n: XNode) => {
    if (typeof n === 'string') return;
    for (const [key, value] of Object.entries(n)) {
      if (key === '$' || key === '_') continue;
      for (const c of value as XNode[]) {
        if (key === 'Answer' && (attrOf(c, 'Selected') ?? '').toLowerCase() !== 'yes') continue;
        if (key === 'SQL') {
          out.push({ displayName: attrOf(c, 'DisplayName') ?? '', server: textOf(kid(c, 'Server')).trim(), database: textOf(kid(c, 'Database')).trim() });
          continue;
        }
        visit(c);
      }
    }
  };
  visit(parsed.Configuration);
  return out;
}

/** The kind a file should get, from its xml2js root element (and extension). */
async function independentKind(file: string, text: string): Promise<DocumentKind> {
  const parsed = await xml2jsParse(text);
  const [rootName] = Object.keys(parsed);
  const root = parsed[rootName];
  const local = rootName.replace(/^.*:/, '');
  if (local === 'BindingInfo') return 'binding';
  if (local === 'Configuration' && kids(root, 'Feature').length > 0) return 'config-export';
  if (local === 'Project' && file.endsWith('.btdfproj')) return 'btdf-project';
  if (local === 'Workbook') return 'btdf-settings';
  if (local === 'settings') return 'settings-export';
  if (local === 'ApplicationDefinition') return 'app-definition';
  return 'other';
}

// ---------------------------------------------------------------------------------------------------
// SOURCES.md: the corpus manifest, one table row per file under a section heading that names its kind.

interface ManifestRow {
  kind: DocumentKind;
  encoding: string;
  adapters: string[];
  hosts: string[];
  counts: number[];
}

function readManifest(): Map<string, ManifestRow> {
  const text = fs.readFileSync(path.join(corpusDir(), 'SOURCES.md'), 'utf8');
  const kindOf: [RegExp, DocumentKind][] = [
    [/BindingInfo binding/, 'binding'],
    [/btdfproj/, 'btdf-project'],
    [/SettingsFileGenerator/, 'btdf-settings'],
    [/exported environment settings/, 'settings-export'],
    [/Configuration\.exe/, 'config-export'],
    [/ApplicationDefinition/, 'app-definition'],
  ];
  const rows = new Map<string, ManifestRow>();
  let kind: DocumentKind | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('## ')) {
      kind = kindOf.find(([re]) => re.test(line))?.[1];
      continue;
    }
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 11 || !/^`.+`$/.test(cells[1])) continue;
    assert.ok(kind, `SOURCES.md: a row outside a known section: ${line.slice(0, 80)}`);
    const list = (c: string) => (c === '-' ? [] : c.split(';').sort());
    rows.set(cells[1].slice(1, -1), { kind, encoding: cells[6], adapters: list(cells[7]), hosts: list(cells[8]), counts: cells[9].split('/').map(Number) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------

interface Read {
  file: string;
  name: string;
  bytes: Buffer;
  doc: BtsDocument;
}

describe('the real corpus', () => {
  const files = corpusFiles();
  const reads: Read[] = [];
  let manifest: Map<string, ManifestRow>;

  before(() => {
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      reads.push({ file, name: path.basename(file), bytes, doc: readDocument(file, bytes) });
    }
    manifest = readManifest();
    const total = reads.reduce((s, r) => s + r.bytes.length, 0);
    const kinds = new Map<string, number>();
    for (const r of reads) kinds.set(r.doc.kind, (kinds.get(r.doc.kind) ?? 0) + 1);
    console.log(`corpus: ${reads.length} files, ${total} bytes read from ${corpusDir()}; kinds: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  });

  test('the corpus is there and the manifest lists exactly its files', () => {
    assert.ok(files.length >= 25, `only ${files.length} corpus files`);
    assert.deepEqual([...manifest.keys()].sort(), reads.map((r) => r.name).sort());
  });

  test('every file is well-formed XML to xml2js and reads without any parse-error finding', async () => {
    for (const r of reads) {
      await assert.doesNotReject(xml2jsParse(decodeIndependently(r.bytes)), `${r.name}: xml2js rejects it`);
      assert.deepEqual(r.doc.problems, [], `${r.name}: reader problems`);
      const findings = lint([r.doc], { rules: [] });
      assert.deepEqual(
        findings.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        `${r.name}: engine findings`,
      );
    }
  });

  test('every file decodes to the same text as the independent decoder; the encoding matches the manifest', () => {
    for (const r of reads) {
      assert.equal(r.doc.text, decodeIndependently(r.bytes), `${r.name}: decoded text differs`);
      const declared = manifest.get(r.name)!.encoding;
      const expected = /UTF-16LE \+BOM/.test(declared) ? 'utf16le' : /UTF-8 \+BOM/.test(declared) ? 'utf8bom' : /^UTF-8/.test(declared) ? 'utf8' : `? ${declared}`;
      assert.equal(r.doc.encoding, expected, `${r.name}: encoding`);
      if (/CRLF/.test(declared)) assert.equal(r.doc.eol, '\r\n', `${r.name}: line endings`);
    }
  });

  test('every file gets its kind: from the root element (xml2js) and from the manifest section', async () => {
    for (const r of reads) {
      const expected = await independentKind(r.name, decodeIndependently(r.bytes));
      assert.notEqual(expected, 'other', `${r.name}: not a BizTalk file?`);
      assert.equal(r.doc.kind, expected, `${r.name}: kind`);
      assert.equal(r.doc.kind, manifest.get(r.name)!.kind, `${r.name}: kind per SOURCES.md`);
    }
  });

  test('bindings: send ports, receive locations, adapters and hosts equal the xml2js reading', async () => {
    const bindings = reads.filter((r) => r.doc.kind === 'binding');
    assert.ok(bindings.length >= 15, `only ${bindings.length} bindings`);
    let endpoints = 0;
    for (const r of bindings) {
      const mine = describeModel(r.doc);
      const theirs = await independentBinding(decodeIndependently(r.bytes));
      const project = (list: unknown, keys: string[]) =>
        (list as Record<string, unknown>[]).map((o) => Object.fromEntries(keys.map((k) => [k, o[k]])));
      assert.deepEqual(project(mine.sendPorts, ['name', 'adapter', 'address', 'host']), theirs.sendPorts, `${r.name}: send ports`);
      assert.deepEqual(project(mine.receiveLocations, ['name', 'receivePort', 'adapter', 'address', 'host']), theirs.receiveLocations, `${r.name}: receive locations`);
      assert.deepEqual(mine.adapters, theirs.adapters, `${r.name}: adapters`);
      assert.deepEqual(mine.hosts, theirs.hosts, `${r.name}: hosts`);
      assert.equal(r.doc.binding!.receivePorts.length, theirs.receivePorts, `${r.name}: receive ports`);
      endpoints += theirs.sendPorts.length + theirs.receiveLocations.length;
    }
    assert.ok(endpoints >= 40, `only ${endpoints} endpoints compared`);
  });

  test('bindings: orchestrations and their processing hosts (ModuleRef/Services/Service/Host) equal the xml2js reading', async () => {
    let bound = 0;
    for (const r of reads.filter((x) => x.doc.kind === 'binding')) {
      const theirs = await independentBinding(decodeIndependently(r.bytes));
      const mine = r.doc.binding!.orchestrations.map((o) => ({ assembly: o.assembly, name: o.name, host: o.host?.value ?? null }));
      assert.deepEqual(mine, theirs.orchestrations, `${r.name}: orchestrations`);
      bound += theirs.orchestrations.filter((o) => o.host).length;
    }
    assert.ok(bound >= 10, `only ${bound} orchestrations bound to a host in the corpus`);
  });

  test('bindings: adapters, hosts and SP/RP/RL counts match the manifest', () => {
    for (const r of reads.filter((x) => x.doc.kind === 'binding')) {
      const row = manifest.get(r.name)!;
      const m = describeModel(r.doc);
      assert.deepEqual(m.adapters, row.adapters, `${r.name}: adapters`);
      assert.deepEqual(m.hosts, row.hosts, `${r.name}: hosts`);
      const b = r.doc.binding!;
      assert.deepEqual([b.sendPorts.length, b.receivePorts.length, b.receiveLocations.length], row.counts, `${r.name}: SP/RP/RL`);
    }
  });

  test('configuration exports: the database -> server map under selected answers equals the xml2js reading', async () => {
    const exports = reads.filter((r) => r.doc.kind === 'config-export');
    assert.equal(exports.length, 3);
    for (const r of exports) {
      const key = (d: { displayName: string; server: string; database: string }) => JSON.stringify([d.displayName, d.server, d.database]);
      const mine = r.doc.configExport!.databases.map((d) => key({ displayName: d.displayName, server: d.rawServer, database: d.rawDatabase })).sort();
      const theirs = (await independentConfigExport(decodeIndependently(r.bytes))).map(key).sort();
      assert.ok(theirs.length >= 3, `${r.name}: only ${theirs.length} databases`);
      assert.deepEqual(mine, theirs, `${r.name}: databases`);
    }
  });

  test('configuration exports: an unselected answer hides its databases from both readings', async () => {
    // The corpus exports select every answer, so the Selected="Yes" filter needs its own case.
    const text = `<Configuration>
  <Feature Name="WMI" DisplayName="BizTalk Server Group">
    <SQL ID="{A}" DisplayName="BizTalk Management Database"><Server>SQLMGMT</Server><Database>BizTalkMgmtDb</Database></SQL>
    <Question ID="CREATEORJOIN">
      <Answer Value="Create" Selected="yes">
        <SQL ID="{B}" DisplayName="BizTalk MessageBox Database"><Server> SQLBTS\\BTS </Server><Database>BizTalkMsgBoxDb</Database></SQL>
      </Answer>
      <Answer Value="Join" Selected="No">
        <SQL ID="{C}" DisplayName="BizTalk MessageBox Database"><Server>OTHERSQL</Server><Database>BizTalkMsgBoxDb</Database></SQL>
      </Answer>
    </Question>
  </Feature>
</Configuration>`;
    const doc = readDocument('cfg.xml', Buffer.from(text, 'utf8'));
    assert.equal(doc.kind, 'config-export');
    const mine = doc.configExport!.databases.map((d) => [d.displayName, d.rawServer, d.rawDatabase]);
    const theirs = (await independentConfigExport(text)).map((d) => [d.displayName, d.server, d.database]);
    assert.deepEqual(mine, [
      ['BizTalk Management Database', 'SQLMGMT', 'BizTalkMgmtDb'],
      ['BizTalk MessageBox Database', 'SQLBTS\\BTS', 'BizTalkMsgBoxDb'],
    ]);
    assert.deepEqual(theirs, mine);
  });

  test('the whole corpus lints in one workspace with every rule and no rule fails', () => {
    const findings = lint(reads.map((r) => r.doc), { now: new Date('2026-01-01T00:00:00Z') });
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'internal-error' || f.ruleId === 'parse-error').map((f) => f.message),
      [],
    );
    for (const f of findings) {
      const doc = reads.find((r) => r.file === f.uri)!.doc;
      assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= doc.text.length, `${f.ruleId} range in ${f.uri}`);
    }
  });
});
