// btslint init on the shared real-file corpus (../shared/corpus, read in place; `npm run test:corpus`):
// every host a real binding names (send and receive handlers, orchestrations), as an independent
// reading with xml2js finds them, is in the topology; every database a real configuration export
// places is under its SQL instance; the Deployment Framework settings give one topology per
// environment with the host tokens resolved; and each topology is schema-valid and lints with no
// topology-schema or unknown-host finding.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Parser } from 'xml2js';
import { parse } from 'yaml';
import { BtsDocument, lint, readDocument } from '../../server/src/core';
import { normaliseSqlName } from '../../server/src/core/model/join';
import { DEFAULT_DB_NAME } from '../../server/src/core/readers/configExport';
import { canonicalEnvironment, initTopologies, InitTopology } from '../../server/src/core/init';
import { corpusDir, corpusFiles } from '../helpers/paths';

const TOKEN = /\$\{[^}]+\}|\$\([^)]+\)/;

function read(file: string): BtsDocument {
  return readDocument(file, fs.readFileSync(file));
}

function lintsClean(t: InitTopology, from: BtsDocument[], label: string): Record<string, any> {
  const topo = readDocument(`${t.environment}.topology.yaml`, t.text);
  assert.deepEqual(topo.problems, [], `${label}: the topology is schema-valid`);
  const findings = lint([...from, topo], { now: new Date('2026-12-01T00:00:00Z') });
  const bad = findings.filter((f) => ['topology-schema', 'handler-host-unknown', 'no-topology', 'internal-error'].includes(f.ruleId) || (f.ruleId === 'parse-error' && f.uri === topo.uri));
  assert.deepEqual(bad.map((f) => `${f.ruleId}: ${f.message}`), [], label);
  assert.equal(findings.filter((f) => f.ruleId === 'unfilled-placeholder').length, t.placeholders, `${label}: every placeholder is reported`);
  return parse(t.text);
}

// The independent reading of a binding's hosts: xml2js, plain property access, the same selection as
// BizTalk deploys (static send ports' primary transport, a secondary transport with an address,
// receive locations, bound orchestrations).
type X = Record<string, any>;
const all = (n: X | undefined, k: string): X[] => (n && typeof n === 'object' && Array.isArray(n[k]) ? n[k] : []);
const one = (n: X | undefined, k: string): X | undefined => all(n, k)[0];
const attr = (n: X | undefined, k: string): string | undefined => (n && typeof n === 'object' ? n.$?.[k] : undefined);
const text = (n: X | undefined): string => (n === undefined ? '' : typeof n === 'string' ? n : (n._ ?? ''));
const nil = (n: X | undefined) => n === undefined || attr(n, 'xsi:nil') === 'true';

async function bindingHosts(file: string): Promise<string[]> {
  const x = (await new Parser({ explicitCharkey: true }).parseStringPromise(read(file).text)) as X;
  const root = x.BindingInfo as X;
  const out: string[] = [];
  for (const sp of all(one(root, 'SendPortCollection'), 'SendPort')) {
    const primary = one(sp, 'PrimaryTransport');
    if (attr(sp, 'IsStatic') !== 'false' && !nil(primary)) out.push(attr(one(primary, 'SendHandler'), 'Name') ?? '');
    const secondary = one(sp, 'SecondaryTransport');
    if (!nil(secondary) && text(one(secondary, 'Address')).trim()) out.push(attr(one(secondary, 'SendHandler'), 'Name') ?? '');
  }
  for (const rp of all(one(root, 'ReceivePortCollection'), 'ReceivePort')) {
    for (const rl of all(one(rp, 'ReceiveLocations'), 'ReceiveLocation')) out.push(attr(one(rl, 'ReceiveHandler'), 'Name') ?? '');
  }
  for (const ref of all(one(root, 'ModuleRefCollection'), 'ModuleRef')) {
    for (const svc of all(one(ref, 'Services'), 'Service')) out.push(attr(one(svc, 'Host'), 'Name') ?? '');
  }
  return [...new Set(out.map((h) => h.trim()).filter((h) => h && !TOKEN.test(h)).map((h) => h.toLowerCase()))].sort();
}

describe('btslint init on the real corpus', () => {
  const files = corpusFiles();
  const bindings = files.map(read).filter((d) => d.kind === 'binding');
  const exports = files.map(read).filter((d) => d.kind === 'config-export');

  it('the corpus has bindings, configuration exports and Deployment Framework settings', () => {
    assert.ok(bindings.length >= 15, `${bindings.length} bindings`);
    assert.ok(exports.length >= 3, `${exports.length} configuration exports`);
  });

  it('each binding: every host it names (send, receive, orchestration) is declared; the lint has no unknown host', async () => {
    let total = 0;
    for (const doc of bindings) {
      const label = path.basename(doc.uri);
      const out = initTopologies([doc]);
      assert.equal(out.length, 1, label);
      const want = await bindingHosts(doc.uri);
      assert.deepEqual(out[0].hosts.map((h) => h.toLowerCase()).sort(), want, label);
      total += want.length;
      lintsClean(out[0], [doc], label);
    }
    assert.ok(total >= 15, `${total} hosts found in the corpus bindings`);
  });

  it('each configuration export: every database it places is under its SQL instance', () => {
    let placedAnywhere = 0;
    for (const doc of exports) {
      const label = path.basename(doc.uri);
      const t = initTopologies([doc])[0];
      const data = lintsClean(t, [doc], label);
      const placed = doc.configExport!.databases.filter((d) => d.server && (d.database ?? DEFAULT_DB_NAME[d.role]));
      placedAnywhere += placed.length;
      // A template whose servers are all tokens ({{SqlServer}}) places nothing; its topology says so.
      if (!placed.length) assert.match(t.text, /Not placed: databases whose server is a token|no configuration export places the BizTalk databases/, label);
      for (const d of placed) {
        const inst = (data.sqlInstances as { name: string; databases?: { name: string }[] }[]).find((i) => normaliseSqlName(i.name) === normaliseSqlName(d.server!));
        assert.ok(inst, `${label}: instance ${d.server}`);
        const name = (d.database ?? DEFAULT_DB_NAME[d.role])!;
        assert.ok(inst.databases?.some((x) => x.name.toLowerCase() === name.toLowerCase()), `${label}: ${name} on ${d.server}`);
      }
      for (const h of doc.configExport!.hosts.filter((x) => x.name)) assert.ok(t.hosts.includes(h.name!), `${label}: host ${h.name}`);
    }
    // The corpus exports are templates: most servers are tokens (%%SSODB-Server%%, {{WMI_DB_ID_SERVER}}).
    assert.ok(placedAnywhere >= 1, `${placedAnywhere} databases placed by the corpus exports`);
  });

  for (const prefix of ['BTDF__DeploymentFramework__src__Samples__BizTalk__Advanced__Deployment__', 'vikas15bhardwaj__biztalk-kafka__src__Deployment__']) {
    it(`Deployment Framework settings: one topology per environment column (${prefix.split('__')[0]})`, () => {
      const docs = fs.readdirSync(corpusDir()).filter((f) => f.startsWith(prefix)).map((f) => read(path.join(corpusDir(), f)));
      const workbook = docs.find((d) => d.settingsWorkbook)!;
      assert.ok(workbook, 'a SettingsFileGenerator workbook');
      const columns = new Set(workbook.settingsWorkbook!.environments.map((e) => canonicalEnvironment(e.name) ?? canonicalEnvironment(e.settingsFile)).filter(Boolean));
      const out = initTopologies(docs);
      assert.deepEqual(new Set(out.map((t) => t.environment)), columns);
      for (const t of out) {
        assert.ok(t.foundIn?.includes('column'), `${t.environment}: ${t.foundIn}`);
        assert.ok(!t.hosts.some((h) => TOKEN.test(h)), `${t.environment}: tokens resolved`);
        lintsClean(t, docs, `${prefix} ${t.environment}`);
      }
    });
  }

  it('the whole corpus at once: every topology is schema-valid', () => {
    const docs = files.map(read);
    const out = initTopologies(docs);
    assert.ok(out.length >= 2);
    for (const t of out) {
      const topo = readDocument(`${t.environment}.topology.yaml`, t.text);
      assert.deepEqual(topo.problems, [], t.environment);
    }
  });
});
