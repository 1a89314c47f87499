// The host-and-adapter rules on every real binding of the shared corpus: with a topology that declares
// each host the bindings name as unclustered, with two instances and no load balancer, each rule fires
// at exactly the endpoints an independent reading says it concerns (xml2js, adapter settings unescaped
// by hand), each finding inside that endpoint's element, and nowhere else.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Parser } from 'xml2js';
import { lint, readDocument } from '../../server/src/core';
import { ruleById } from '../../server/src/core/rules';
import { corpusFiles } from '../helpers/paths';
import { environmentsByName } from '../../server/src/core/environments';

const RULES = ['ftp-sftp-receive-not-clustered', 'pop3-receive-not-clustered', 'msmq-local-queue-not-clustered', 'polling-receive-not-clustered', 'isolated-receive-no-nlb', 'file-receive-local-path'];

// --- The independent reading ------------------------------------------------------------------------

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  return bytes.toString('utf8');
}

type X = { $?: Record<string, string>; _?: string; [k: string]: unknown } | string;
const kids = (n: X | undefined, name: string): X[] => (n && typeof n !== 'string' ? ((n[name] as X[]) ?? []) : []);
const kid = (n: X | undefined, name: string) => kids(n, name)[0];
const attr = (n: X | undefined, name: string) => (n && typeof n !== 'string' ? n.$?.[name] : undefined);
const text = (n: X | undefined) => (n === undefined ? '' : typeof n === 'string' ? n : (n._ ?? ''));
const nil = (n: X | undefined) => !n || attr(n, 'xsi:nil') === 'true';

function parse(xml: string): X | undefined {
  let out: X | undefined;
  new Parser({ explicitCharkey: false, async: false }).parseString(xml, (err: unknown, r: Record<string, X>) => {
    if (!err) out = Object.values(r)[0];
  });
  return out;
}

/** Every setting of escaped transport data, flattened: CustomProps children, their nested Config children and binding attributes. */
function settingsOf(data: X | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = text(data);
  if (!raw.includes('<')) return out;
  const props = parse(raw);
  if (!props || typeof props === 'string') return out;
  for (const [k, v] of Object.entries(props)) {
    if (k === '$' || k === '_') continue;
    const node = (v as X[])[0];
    const value = text(node);
    out[k.toLowerCase()] = value;
    if (/^(adapterconfig|bindingconfiguration)$/i.test(k) && value.includes('<')) {
      const inner = parse(value);
      if (inner && typeof inner !== 'string') {
        for (const [ik, iv] of Object.entries(inner.$ ?? {})) out[ik.toLowerCase()] = iv;
        for (const [ik, iv] of Object.entries(inner)) if (ik !== '$' && ik !== '_') out[ik.toLowerCase()] = text((iv as X[])[0]);
      }
    }
  }
  return out;
}

interface Endpoint {
  kind: 'receive' | 'send';
  name: string;
  adapter: string;
  host: string;
  address: string;
  settings: Record<string, string>;
}

function endpoints(root: X): Endpoint[] {
  const out: Endpoint[] = [];
  for (const sp of kids(kid(root, 'SendPortCollection'), 'SendPort')) {
    const pt = kid(sp, 'PrimaryTransport');
    const handler = kid(pt, 'SendHandler');
    if (attr(sp, 'IsStatic') === 'false' || nil(pt) || nil(handler)) continue;
    out.push({ kind: 'send', name: attr(sp, 'Name')!, adapter: attr(kid(pt, 'TransportType'), 'Name') ?? '', host: attr(handler, 'Name') ?? '', address: text(kid(pt, 'Address')).trim(), settings: settingsOf(kid(pt, 'TransportTypeData')) });
  }
  for (const rp of kids(kid(root, 'ReceivePortCollection'), 'ReceivePort')) {
    for (const rl of kids(kid(rp, 'ReceiveLocations'), 'ReceiveLocation')) {
      const handler = kid(rl, 'ReceiveHandler');
      if (nil(handler)) continue;
      out.push({
        kind: 'receive',
        name: attr(rl, 'Name')!,
        adapter: attr(kid(rl, 'ReceiveLocationTransportType'), 'Name') ?? '',
        host: attr(handler, 'Name') ?? '',
        address: text(kid(rl, 'Address')).trim(),
        settings: settingsOf(kid(rl, 'ReceiveLocationTransportTypeData')),
      });
    }
  }
  return out;
}

/** Which rules each endpoint concerns, decided here from the catalogue's wording, not from the rules' code. */
function expectedRules(e: Endpoint): string[] {
  if (/\$\{|\$\(/.test(e.host)) return []; // an unresolved host token: unresolved-token's
  const a = e.adapter.toLowerCase();
  const out: string[] = [];
  if (e.kind === 'send') {
    if (a === 'msmq') out.push('msmq-local-queue-not-clustered');
    return out;
  }
  if (/(^|[^a-z])s?ftps?([^a-z]|$)/.test(a)) out.push('ftp-sftp-receive-not-clustered');
  if (a === 'pop3') out.push('pop3-receive-not-clustered');
  if (a === 'msmq') {
    const q = (e.settings.queue ?? e.address).replace(/^formatname:direct=os:/i, '');
    if (/^(\.|localhost)\\/i.test(q)) out.push('msmq-local-queue-not-clustered');
  }
  const sqlBinding = /^wcf-custom(isolated)?$/.test(a) && (e.settings.bindingtype ?? '').toLowerCase() === 'sqlbinding';
  if ((a === 'wcf-sql' || sqlBinding) && (e.settings.inboundoperationtype ?? '').toLowerCase() !== 'notification') out.push('polling-receive-not-clustered');
  if (a === 'sql' || a === 'wcf-sap' || a === 'sap') out.push('polling-receive-not-clustered');
  if (['http', 'soap', 'wcf-basichttp', 'wcf-wshttp', 'wcf-webhttp', 'wcf-customisolated'].includes(a)) out.push('isolated-receive-no-nlb');
  if (a === 'file' && /^[A-Za-z]:[\\/]/.test(e.address)) out.push('file-receive-local-path');
  return out;
}

// --- The check ----------------------------------------------------------------------------------------

const bindings = corpusFiles()
  .map((f) => ({ file: f, name: path.basename(f), bytes: fs.readFileSync(f) }))
  .filter((f) => /<BindingInfo[\s>]/.test(decode(f.bytes)));

describe('host-and-adapter rules on the real bindings of the corpus', () => {
  it('the corpus holds bindings that concern these rules (FTP, MSMQ, HTTP, WCF isolated, local FILE folders)', () => {
    const all = bindings.flatMap((b) => endpoints(parse(decode(b.bytes))!).flatMap(expectedRules));
    for (const r of ['ftp-sftp-receive-not-clustered', 'msmq-local-queue-not-clustered', 'isolated-receive-no-nlb', 'file-receive-local-path']) assert.ok(all.includes(r), r);
  });

  for (const b of bindings) {
    it(b.name, () => {
      const eps = endpoints(parse(decode(b.bytes))!);
      const hosts = [...new Set(eps.map((e) => e.host).filter((h) => h && !/\$\{|\$\(/.test(h)))];
      // The topology of the binding's environment (a `.DEV.` binding is judged by a development topology only).
      const environment = environmentsByName(b.name)[0] ?? 'production';
      const topology = `topology: 1\nenvironment: ${environment}\nhosts:\n${hosts.map((h) => `  - { name: '${h}', clustered: false, instances: [BTS01, BTS02] }\n`).join('')}`;
      const doc = readDocument(b.name, b.bytes);
      const topo = readDocument('prod.topology.yaml', topology);
      const findings = lint([doc, topo], { rules: RULES.map((id) => ruleById(id)!) }).filter((f) => f.uri === b.name);
      // Each finding sits inside one endpoint element of this binding.
      const elements = [
        ...doc.binding!.receiveLocations.map((r) => ({ key: `receive:${r.name}`, el: r.element })),
        ...doc.binding!.sendPorts.map((s) => ({ key: `send:${s.name}`, el: s.element })),
      ];
      const ownerOf = (r: { start: number; end: number }, what: string): string => {
        const owner = elements.filter((e) => r.start > e.el.start && r.end < e.el.end);
        assert.equal(owner.length, 1, `${what} at ${r.start} is inside exactly one endpoint element`);
        return owner[0].key;
      };
      // A repeated cause is reported once per file: a finding stands for its own endpoint and for the
      // others it counts ("(and N other … of this file)"), the first five of them related locations.
      const got: string[] = [];
      for (const f of findings) {
        got.push(`${f.ruleId}@${ownerOf(f.range, f.ruleId)}`);
        const others = Number(/\(and (\d+) other [a-z ]+ of this file\)/.exec(f.message)?.[1] ?? 0);
        const related = (f.related ?? []).filter((r) => r.uri === b.name && r.message.endsWith(' too')).map((r) => `${f.ruleId}@${ownerOf(r.range, `${f.ruleId}'s related location`)}`);
        assert.equal(related.length, Math.min(others, 5), `${f.ruleId}: the related locations are the endpoints the message counts`);
        got.push(...related);
        // Endpoints past the fifth are counted, not located: stand-ins the comparison below accounts for.
        for (let k = related.length; k < others; k++) got.push(`${f.ruleId}@(counted)`);
      }
      const want = eps.flatMap((e) => expectedRules(e).map((r) => `${r}@${e.kind}:${e.name}`));
      const located = got.filter((g) => !g.endsWith('@(counted)'));
      assert.equal(new Set(located).size, located.length, 'no endpoint is reported twice');
      for (const g of located) assert.ok(want.includes(g), `${g} is expected`);
      for (const r of RULES) assert.equal(got.filter((g) => g.startsWith(`${r}@`)).length, want.filter((w) => w.startsWith(`${r}@`)).length, `${r}: every expected endpoint is reported or counted`);
    });
  }
});
