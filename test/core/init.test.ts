// btslint init in the core (core/init): on the project's own fixtures, every host (send, receive,
// orchestration, configuration export), SQL instance and database, SharePoint farm, MSMQ server and
// file share is found; the topology is schema-valid and lints with no topology-schema or unknown-host
// finding, each placeholder being reported once by unfilled-placeholder; one topology per environment
// named by Deployment Framework settings or file names.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { BtsDocument, ConfigResolver, lint, readDocument } from '../../server/src/core';
import { canonicalEnvironment, fileNameEnvironments, initTopologies, InitTopology } from '../../server/src/core/init';
import { adapterConfig, bindingXml, flat } from '../helpers/bindingFixtures';
import { repoRoot } from '../helpers/paths';

const ORCHESTRATIONS = `<ModuleRefCollection>
    <ModuleRef Name="Contoso.Orders.Orchestrations">
      <Services>
        <Service Name="Contoso.Orders.ProcessOrder" State="Started">
          <Ports />
          <Host Name="OrchestrationHost" NTGroupName="BizTalk Application Users" Type="1" Trusted="false" />
        </Service>
        <Service Name="Contoso.Orders.Unbound" State="Unenlisted">
          <Host xsi:nil="true" />
        </Service>
      </Services>
    </ModuleRef>
  </ModuleRefCollection>`;

const BINDING = bindingXml({
  send: [
    { name: 'Archive', adapter: 'FILE', host: 'SendHost', address: '\\\\FileShare01\\Orders\\archive\\%MessageID%.xml' },
    { name: 'ToSharePoint', adapter: 'Windows SharePoint Services', host: 'SendHost', address: 'wss://portal.contoso.com/sites/orders', data: flat({ SiteUrl: 'http://portal.contoso.com/sites/orders' }) },
    { name: 'ToQueue', adapter: 'MSMQ', host: 'SendHost', address: 'FORMATNAME:DIRECT=OS:MSMQ01\\private$\\orders', data: adapterConfig({ queue: 'FORMATNAME:DIRECT=OS:MSMQ01\\private$\\orders' }) },
  ],
  receive: [
    { name: 'FromFtp', adapter: 'FTP', host: 'ReceiveHost_FTP', address: 'ftp://ftp.contoso.com/in/*.xml' },
    { name: 'FromWeb', adapter: 'WCF-BasicHttp', host: 'IsolatedHost', address: '/Orders/Service.svc' },
    { name: 'FromNetMsmq', adapter: 'WCF-NetMsmq', host: 'ReceiveHost', address: 'net.msmq://MSMQCLU/private/orders' },
    { name: 'FromLocalQueue', adapter: 'MSMQ', host: 'ReceiveHost', address: 'FORMATNAME:DIRECT=OS:.\\private$\\local' },
  ],
}).replace('<BindingInfo Version="3.5.1.0">', `<BindingInfo Version="3.5.1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  ${ORCHESTRATIONS}`);

const SQL = (display: string, server: string, db: string) => `<SQL ID="${display}" DisplayName="${display}"><Server>${server}</Server><Database>${db}</Database></SQL>`;
const HOST = (id: 'HOST' | 'ISOHOST', name: string) =>
  `<Question ID="${id}"><Answer Value="Yes" Selected="Yes"><Name ID="${id === 'HOST' ? 'BTS_HOST_NAME' : 'BTS_IHOST_NAME'}"><Value>${name}</Value></Name></Answer><Answer Value="No" /></Question>`;
const EXPORT = `<Configuration>
  <Feature Name="SSOServer,Engine">
    <Question ID="IsSecretServer"><Answer Value="Create" Selected="Yes"><FILE ID="SSO_ID_BACKUP_SECRET_FILE"><Value>\\\\vault01\\sso\\secret.bak</Value></FILE></Answer><Answer Value="Join" /></Question>
    ${SQL('SSO Database', 'SQLBTS\\BTS', 'SSODB')}
  </Feature>
  <Feature Name="WMI">
    ${SQL('BizTalk Management Database', 'SQLBTS\\BTS', 'BizTalkMgmtDb')}
    ${SQL('BizTalk MessageBox Database', 'sqlbts\\bts', 'ContosoMsgBox')}
    ${SQL('BizTalk Tracking Database', 'SQLDTA,1433', 'BizTalkDTADb')}
    ${SQL('BAM Primary Import Database', '%%BAMSERVER%%', 'BAMPrimaryImport')}
  </Feature>
  <Feature Name="Runtime">
    ${HOST('HOST', 'BizTalkServerApplication')}
    ${HOST('ISOHOST', 'BizTalkServerIsolatedHost')}
  </Feature>
</Configuration>
`;

function docs(files: Record<string, string | Buffer>): BtsDocument[] {
  return Object.entries(files).map(([name, text]) => readDocument(name, text));
}

function names(list: unknown): string[] {
  return ((list as { name: string }[] | undefined) ?? []).map((x) => x.name);
}

/** The topology read back, linted with the files it was written from. */
function check(t: InitTopology, from: BtsDocument[], file = `${t.environment}.topology.yaml`) {
  const topo = readDocument(file, t.text);
  assert.equal(topo.kind, 'topology');
  assert.deepEqual(topo.problems, [], 'schema-valid, and the YAML reads without error');
  const findings = lint([...from, topo], { now: new Date('2026-12-01T00:00:00Z') });
  const bad = findings.filter((f) => ['topology-schema', 'parse-error', 'handler-host-unknown', 'internal-error', 'no-topology'].includes(f.ruleId));
  assert.deepEqual(bad.map((f) => `${f.ruleId}: ${f.message}`), []);
  const placeholders = findings.filter((f) => f.ruleId === 'unfilled-placeholder');
  assert.equal(placeholders.length, t.placeholders, 'each placeholder is reported by unfilled-placeholder');
  return { data: parse(t.text) as Record<string, any>, findings };
}

describe('btslint init (core)', () => {
  it('finds every host, SQL instance, database, farm, MSMQ server and file share of the fixtures', () => {
    const ws = docs({ 'bindings/Orders.BindingInfo.xml': BINDING, 'config/BizTalkConfiguration.xml': EXPORT });
    const out = initTopologies(ws, { display: (u) => u });
    assert.equal(out.length, 1);
    const t = out[0];
    assert.equal(t.environment, 'production');
    assert.equal(t.foundIn, undefined, 'no environment named: assumed');
    assert.equal(t.fileName, 'btslint.topology.yaml');
    const { data } = check(t, ws);
    assert.equal(data.topology, 1);
    assert.equal(data.environment, 'production');
    const hosts = Object.fromEntries((data.hosts as any[]).map((h) => [h.name, h]));
    assert.deepEqual(Object.keys(hosts).sort(), ['BizTalkServerApplication', 'BizTalkServerIsolatedHost', 'IsolatedHost', 'OrchestrationHost', 'ReceiveHost', 'ReceiveHost_FTP', 'SendHost']);
    assert.equal(hosts.IsolatedHost.type, 'isolated');
    assert.equal(hosts.BizTalkServerIsolatedHost.type, 'isolated');
    assert.equal(hosts.SendHost.type, 'in-process');
    assert.equal(hosts.OrchestrationHost.type, 'in-process');
    for (const h of Object.values<{ instances: string[] }>(hosts)) assert.deepEqual(h.instances, ['<<first server>>', '<<second server>>']);
    // One instance per SQL Server however it is written (case, port); the token-placed database is left out.
    const sql = Object.fromEntries((data.sqlInstances as any[]).map((i) => [i.name, i]));
    assert.deepEqual(Object.keys(sql), ['SQLBTS\\BTS', 'SQLDTA,1433']);
    assert.deepEqual(names(sql['SQLBTS\\BTS'].databases), ['SSODB', 'BizTalkMgmtDb', 'ContosoMsgBox']);
    assert.equal(sql['SQLBTS\\BTS'].databases[2].role, 'messagebox', 'a renamed MessageBox keeps its role');
    assert.equal(sql['SQLBTS\\BTS'].databases[1].role, undefined);
    assert.deepEqual(names(sql['SQLDTA,1433'].databases), ['BizTalkDTADb']);
    assert.deepEqual(sql['SQLBTS\\BTS'].failoverCluster.nodes, ['<<first SQL node>>', '<<second SQL node>>']);
    assert.deepEqual(sql['SQLBTS\\BTS'].volumes.map((v: any) => v.raid), ['<<RAID level: 10, 1, 5, 6, 0 or none>>', '<<RAID level: 10, 1, 5, 6, 0 or none>>']);
    assert.deepEqual(t.databases, ['SSODB', 'BizTalkMgmtDb', 'ContosoMsgBox', 'BizTalkDTADb']);
    assert.match(t.text, /# Not placed: databases whose server is a token in config\/BizTalkConfiguration\.xml\./);
    assert.deepEqual(names(data.servers), ['<<first server>>', '<<second server>>', 'SQLBTS', 'SQLDTA']);
    assert.deepEqual(data.servers[0].roles, ['biztalk', 'iis'], 'isolated hosts run in IIS on the BizTalk servers');
    assert.deepEqual(names(data.sharepoint), ['portal.contoso.com']);
    assert.deepEqual(names(data.msmqServers), ['MSMQ01', 'MSMQCLU'], 'remote queues only: a local queue is the BizTalk server');
    assert.deepEqual(data.fileShares.map((s: any) => s.path), ['\\\\FileShare01\\Orders']);
    assert.equal(data.sso.secretBackup.destination, '\\\\vault01\\sso\\secret.bak');
    assert.deepEqual(data.dr.destinationInstances, ['<<DR SQL instance>>']);
  });

  it('names the file each fact came from in a comment', () => {
    const ws = docs({ 'bindings/Orders.BindingInfo.xml': BINDING, 'config/BizTalkConfiguration.xml': EXPORT });
    const t = initTopologies(ws, { display: (u) => u })[0];
    assert.match(t.text, /\n {2}- name: SendHost {2}# send ports in bindings\/Orders\.BindingInfo\.xml\n/);
    assert.match(t.text, /\n {2}- name: OrchestrationHost {2}# orchestrations in bindings\/Orders\.BindingInfo\.xml\n/);
    assert.match(t.text, /\n {2}- name: BizTalkServerApplication {2}# created by the configuration in config\/BizTalkConfiguration\.xml\n/);
    assert.match(t.text, /\n {2}- name: 'SQLBTS\\BTS' {2}# databases placed by config\/BizTalkConfiguration\.xml\n/);
    assert.match(t.text, /\n {6}- name: SSODB {2}# config\/BizTalkConfiguration\.xml\n/);
    assert.match(t.text, /destination: '\\\\vault01\\sso\\secret\.bak' {2}# config\/BizTalkConfiguration\.xml/);
    assert.deepEqual(t.sources.sort(), ['bindings/Orders.BindingInfo.xml', 'config/BizTalkConfiguration.xml']);
  });

  it('one topology per environment named by binding file names; a file is in the topology of its environment only', () => {
    const dev = bindingXml({ send: [{ name: 'S', adapter: 'FILE', host: 'DevHost', address: 'C:\\out\\x.xml' }] });
    const prod = bindingXml({ send: [{ name: 'S', adapter: 'FILE', host: 'ProdHost', address: 'C:\\out\\x.xml' }] });
    const shared = bindingXml({ send: [{ name: 'S2', adapter: 'FILE', host: 'SharedHost', address: 'C:\\out\\y.xml' }] });
    const ws = docs({ 'Orders_Dev.BindingInfo.xml': dev, 'Orders_Prod.BindingInfo.xml': prod, 'Common.BindingInfo.xml': shared });
    const out = initTopologies(ws);
    assert.deepEqual(out.map((t) => [t.environment, t.fileName]), [['production', 'production.topology.yaml'], ['development', 'development.topology.yaml']]);
    assert.deepEqual(out[0].hosts.sort(), ['ProdHost', 'SharedHost']);
    assert.deepEqual(out[1].hosts.sort(), ['DevHost', 'SharedHost']);
    assert.match(out[0].text, /environment: production {2}# from Orders_Prod\.BindingInfo\.xml\n/);
    for (const t of out) check(t, ws.filter((d) => !d.uri.includes(t.environment === 'production' ? '_Dev' : '_Prod')));
  });

  it('one topology per environment of the Deployment Framework settings, host tokens resolved per environment', () => {
    const dir = path.join(repoRoot(), 'examples', 'deployment');
    const ws = fs.readdirSync(dir).map((f) => readDocument(path.join(dir, f), fs.readFileSync(path.join(dir, f))));
    const out = initTopologies(ws);
    const envs = out.map((t) => t.environment);
    assert.ok(envs.includes('production') && envs.includes('test'), envs.join());
    const prod = out.find((t) => t.environment === 'production')!;
    const test = out.find((t) => t.environment === 'test')!;
    assert.deepEqual(prod.hosts.sort(), ['IsolatedReceiveHost', 'PaymentsHost', 'SendHost']);
    // PaymentsHost in test too: Deployment.btdfproj restarts it (BizTalkHosts) in every environment.
    assert.deepEqual(test.hosts.sort(), ['BizTalkServerApplication', 'BizTalkServerIsolatedHost', 'PaymentsHost', 'SendHost']);
    assert.match(test.text, /- name: PaymentsHost {2}# restarted by the deployment in Deployment\.btdfproj\r?\n/);
    assert.match(prod.text, /# BizTalk servers: the machines that run host instances; IIS for the applications of Deployment\.btdfproj\r?\n/);
    assert.match(prod.text, /environment: production {2}# from SettingsFileGenerator\.xml \(column "Production"\)/);
    assert.match(prod.text, /- name: PaymentsHost {2}# receive locations in PortBindingsMaster\.xml \(\$\{PaymentsHost\} from SettingsFileGenerator\.xml, column "Production" \(PROD_settings\.xml\)\); restarted by the deployment in Deployment\.btdfproj\r?\n/);
    for (const t of out) check(t, ws);
  });

  it('a btslint config\'s environment mapping and file-name markers decide a file\'s environment, as in the lint', () => {
    const config = JSON.stringify({ environments: { production: { files: ['bindings/Main.BindingInfo.xml'] }, test: { fileNameMarkers: ['-acc'] } } });
    const resolver = new ConfigResolver((p) => (p.replace(/\\/g, '/') === '/repo/btslint.config.json' ? config : undefined));
    const b = (host: string) => bindingXml({ send: [{ name: 'S', adapter: 'FILE', host, address: 'C:\\x' }] });
    const ws = docs({ '/repo/bindings/Main.BindingInfo.xml': b('MainHost'), '/repo/bindings/Orders-acc.BindingInfo.xml': b('AccHost'), '/repo/bindings/Common.BindingInfo.xml': b('CommonHost') });
    const out = initTopologies(ws, { configFor: (uri) => ({ config: resolver.forFile(uri), path: uri }) });
    assert.deepEqual(out.map((t) => [t.environment, t.hosts.sort()]), [
      ['production', ['CommonHost', 'MainHost']],
      ['test', ['AccHost', 'CommonHost']],
    ]);
    assert.match(out[0].text, /environment: production {2}# from Main\.BindingInfo\.xml \(mapped by btslint\.config\)\n/);
  });

  it('--environment writes that environment only, and accepts the usual aliases', () => {
    const ws = docs({ 'Orders_Dev.BindingInfo.xml': bindingXml({ send: [{ name: 'S', adapter: 'FILE', host: 'DevHost', address: 'C:\\x' }] }), 'Orders_Prod.BindingInfo.xml': bindingXml({ send: [{ name: 'S', adapter: 'FILE', host: 'ProdHost', address: 'C:\\x' }] }) });
    const out = initTopologies(ws, { environment: 'prod' });
    assert.deepEqual(out.map((t) => [t.environment, t.hosts]), [['production', ['ProdHost']]]);
    assert.throws(() => initTopologies(ws, { environment: 'nowhere' }), /unknown environment "nowhere"/);
  });

  it('environment names: file-name conventions and settings columns', () => {
    // The markers the lint itself uses (core/environments.ts), so init writes a file into the topologies that judge it.
    assert.deepEqual(fileNameEnvironments('Chapter06-Example01.DEV.Binding.xml'), ['development']);
    assert.deepEqual(fileNameEnvironments('C:\\src\\Orders_Prod.BindingInfo.xml'), ['production']);
    assert.deepEqual(fileNameEnvironments('Bindings_UAT.xml'), ['staging']);
    assert.deepEqual(fileNameEnvironments('Contoso.Orders.BindingInfo.xml'), []);
    assert.deepEqual(fileNameEnvironments('Orders_Device.BindingInfo.xml'), [], 'a marker stands as a word');
    assert.equal(canonicalEnvironment('Local Development'), 'development');
    assert.equal(canonicalEnvironment('PROD_settings.xml'), 'production');
    assert.equal(canonicalEnvironment('Default Values'), undefined);
  });

  it('a host name from the repository cannot break the YAML: quotes, comment marks and line breaks round-trip', () => {
    const hostile = ['Host: with colon', "O'Brien #1", '- dash', 'true', '2020', 'multi\nline', '\u001b[31mred'];
    const b = bindingXml({ send: hostile.map((h, i) => ({ name: `S${i}`, adapter: 'FILE', host: h.replace(/\n/g, '&#10;').replace(/\u001b/g, '&#27;'), address: 'C:\\x' })) });
    const ws = docs({ 'b.BindingInfo.xml': b });
    const t = initTopologies(ws)[0];
    const data = parse(t.text) as { hosts: { name: string }[] };
    const got = data.hosts.map((h) => h.name).sort();
    assert.ok(!t.text.includes('\u001b'), 'no terminal escape in the file');
    assert.deepEqual(got, [...hostile].sort());
  });

  it('writes CRLF when the files read use CRLF', () => {
    const b = bindingXml({ send: [{ name: 'S', adapter: 'FILE', host: 'H', address: 'C:\\x' }] }, '\r\n');
    const t = initTopologies(docs({ 'b.BindingInfo.xml': b }))[0];
    assert.ok(t.text.includes('\r\n') && !/[^\r]\n/.test(t.text));
    check(t, docs({ 'b.BindingInfo.xml': b }));
  });
});
