// Environments: each binding and manifest is checked against the topologies of the environments it is
// deployed to (core/environments.ts), through the one pipeline (core/pipeline.ts). Membership from
// each source (config mapping, Deployment Framework settings, file-name markers, every topology), no
// duplicate findings with several topologies, fixes that edit the topology of the finding's
// environment, the nearest topology, and severities by environment.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { BtsDocument, ConfigResolver, Finding, readDocument } from '../../server/src/core';
import { environmentRuns, environmentsByName, MAX_TOPOLOGIES } from '../../server/src/core/environments';
import { check } from '../../server/src/core/pipeline';
import { applyEdits } from '../../server/src/core/fix/apply';
import { adapterConfig, bindingXml, flat } from '../helpers/bindingFixtures';

const NOW = new Date('2026-12-01T00:00:00Z');

const topology = (env: string) => `topology: 1\nenvironment: ${env}\nhosts:\n  - { name: FtpHost, clustered: false, instances: [BTS01, BTS02] }\n`;

/** An FTP receive location (wrong processing: full severity everywhere) and a FILE one on a local folder (availability). */
const BINDING = bindingXml({
  receive: [
    { name: 'RL_Ftp', adapter: 'FTP', host: 'FtpHost', address: 'ftp://ftp.contoso.com/in/*.xml', data: adapterConfig({ uri: 'ftp://ftp.contoso.com/in/*.xml', serverAddress: 'ftp.contoso.com' }) },
    { name: 'RL_File', adapter: 'FILE', host: 'FtpHost', address: 'C:\\In\\*.xml', data: flat({ FileMask: '*.xml' }) },
  ],
});

/** A binding whose host is not declared (handler-host-unknown, fixable: the fix edits a topology). */
const UNKNOWN_HOST = bindingXml({ receive: [{ name: 'RL_Web', adapter: 'HTTP', host: 'WebHost', address: '/orders/in.ashx' }] });

function docsOf(files: Record<string, string>): BtsDocument[] {
  return Object.entries(files).map(([uri, text]) => readDocument(uri, text));
}

/** The pipeline over in-memory files, config files included (resolved from the same map). */
function run(files: Record<string, string>): Finding[] {
  const docs = docsOf(Object.fromEntries(Object.entries(files).filter(([k]) => !/btslint\.config\./.test(k))));
  const resolver = new ConfigResolver((p) => files[p.replace(/\\/g, '/')]);
  return check(docs, { now: NOW, configFor: (uri) => resolver.forFile(uri), configs: () => resolver.configs() }).findings;
}

const on = (findings: Finding[], uri: string, ruleId?: string) => findings.filter((f) => f.uri === uri && (!ruleId || f.ruleId === ruleId));

describe('file-name markers', () => {
  it('the table: _Dev, .DEV., _Test, _QA, _UAT, _Prod, .PROD., Production, Development, case-insensitive', () => {
    const cases: [string, string[]][] = [
      ['Orders.BindingInfo_Dev.xml', ['development']],
      ['Orders.BindingInfo_DEV.xml', ['development']],
      ['Chapter06-Example01.DEV.Binding.xml', ['development']],
      ['Orders_Development.xml', ['development']],
      ['Orders.BindingInfo_Test.xml', ['test']],
      ['Orders_qa.xml', ['test']],
      ['Orders_UAT.xml', ['staging']],
      ['Orders.BindingInfo_Prod.xml', ['production']],
      ['Orders.PROD.Bindings.xml', ['production']],
      ['ProductionBindings.xml', ['production']],
      ['OrdersProduction.xml', ['production']],
      ['C:\\repo\\dev\\Orders.BindingInfo.xml', []],
      ['Orders.BindingInfo.xml', []],
      ['Orders_Device.xml', []],
      ['Orders_Testing_Prod.xml', ['production']],
      ['Reproduction.xml', []],
    ];
    for (const [name, want] of cases) assert.deepEqual(environmentsByName(name), want, name);
  });

  it('a config file can extend the table (environments.<env>.fileNameMarkers)', () => {
    assert.deepEqual(environmentsByName('Orders_Local.xml', { development: ['_Local'] }), ['development']);
    assert.deepEqual(environmentsByName('Orders.PRD.xml', { production: ['.PRD.'] }), ['production']);
  });
});

describe('membership from each source', () => {
  it('file names: a _Dev binding is judged by the development topology only, a _Prod one by production only', () => {
    const f = run({ 'prod.topology.yaml': topology('production'), 'dev.topology.yaml': topology('development'), 'Orders_Dev.xml': BINDING, 'Orders_Prod.xml': BINDING });
    const dev = on(f, 'Orders_Dev.xml');
    const prod = on(f, 'Orders_Prod.xml');
    assert.ok(dev.length && prod.length);
    assert.deepEqual([...new Set(dev.map((x) => `${x.environment}:${x.topology}`))], ['development:dev.topology.yaml']);
    assert.deepEqual([...new Set(prod.map((x) => `${x.environment}:${x.topology}`))], ['production:prod.topology.yaml']);
    // Wrong processing keeps its severity in development; availability is relaxed there.
    assert.equal(on(f, 'Orders_Dev.xml', 'ftp-sftp-receive-not-clustered')[0].severity, 'error');
    assert.equal(on(f, 'Orders_Dev.xml', 'file-receive-local-path')[0].severity, 'info');
    assert.equal(on(f, 'Orders_Prod.xml', 'file-receive-local-path')[0].severity, 'warning');
  });

  it('a config mapping wins over the file name (environments.<env>.files and .topology)', () => {
    const files = {
      '/repo/btslint.config.yaml': 'environments:\n  production:\n    topology: deploy/live.topology.yaml\n    files: ["bindings/**"]\n  development:\n    topology: deploy/dev.topology.yaml\n',
      '/repo/deploy/live.topology.yaml': topology('production'),
      '/repo/deploy/dev.topology.yaml': topology('development'),
      '/repo/bindings/Orders_Dev.xml': BINDING,
      '/repo/other/Orders_Dev.xml': BINDING,
    };
    const f = run(files);
    assert.deepEqual([...new Set(on(f, '/repo/bindings/Orders_Dev.xml').map((x) => x.environment))], ['production'], 'mapped by the config');
    assert.deepEqual([...new Set(on(f, '/repo/other/Orders_Dev.xml').map((x) => x.environment))], ['development'], 'not mapped: its name decides');
    const { membership } = environmentRuns(docsOf(files), { configFor: (u) => new ConfigResolver((p) => files[p as keyof typeof files]).forFile(u) });
    const sources = [...membership].map(([d, m]) => `${d.uri}:${m.source}`).sort();
    assert.deepEqual(sources, ['/repo/bindings/Orders_Dev.xml:config', '/repo/other/Orders_Dev.xml:file-name']);
  });

  it('the Deployment Framework: a master binding is checked once per settings column that has a topology', () => {
    const master = bindingXml({ receive: [{ name: 'RL_Ftp', adapter: 'FTP', host: '${FtpHostName}', address: 'ftp://ftp.contoso.com/in/*.xml', data: adapterConfig({ uri: 'ftp://ftp.contoso.com/in/*.xml', serverAddress: 'ftp.contoso.com' }) }] });
    const files = {
      'prod.topology.yaml': topology('production'),
      'dev.topology.yaml': topology('development'),
      'test.topology.yaml': topology('test'),
      'PortBindingsMaster.xml': master,
      'SettingsFileGenerator.xml': workbook(['Development', 'Production'], { FtpHostName: ['FtpHost', 'FtpHost'] }),
    };
    const { membership } = environmentRuns(docsOf(files));
    const m = [...membership].find(([d]) => d.uri === 'PortBindingsMaster.xml')![1];
    assert.equal(m.source, 'deployment-framework');
    assert.deepEqual([...m.environments!].sort(), ['development', 'production'], 'no test column: not checked against the test topology');
    const f = on(run(files), 'PortBindingsMaster.xml', 'ftp-sftp-receive-not-clustered');
    // The same finding (same severity, same message) under both: reported once, labelled with both.
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].environments, ['development', 'production']);
  });

  it('otherwise every topology, and a finding the same under all of them is reported once', () => {
    const f = run({ 'prod.topology.yaml': topology('production'), 'dev.topology.yaml': topology('development'), 'Orders.BindingInfo.xml': BINDING });
    const ftp = on(f, 'Orders.BindingInfo.xml', 'ftp-sftp-receive-not-clustered');
    assert.equal(ftp.length, 1, 'once, not once per topology');
    assert.equal(ftp[0].environment, undefined);
    assert.deepEqual(ftp[0].environments, ['development', 'production']);
    assert.deepEqual(ftp[0].topologies, ['dev.topology.yaml', 'prod.topology.yaml']);
    assert.ok(!/\(topology:/.test(ftp[0].message), 'the message is not suffixed with the topology');
    // Different severities are different findings: one per environment, each labelled.
    const file = on(f, 'Orders.BindingInfo.xml', 'file-receive-local-path');
    assert.deepEqual(file.map((x) => `${x.environment}:${x.severity}`).sort(), ['development:info', 'production:warning']);
    // No two findings at the same place say the same thing.
    const keys = on(f, 'Orders.BindingInfo.xml').map((x) => `${x.ruleId}|${x.range.start}|${x.message}|${x.severity}`);
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('fixes edit the topology of the finding\'s environment', () => {
  it('a _Dev binding\'s fix edits dev.topology.yaml only, and its title says so', () => {
    const files = { 'prod.topology.yaml': topology('production'), 'dev.topology.yaml': topology('development'), 'Web_Dev.xml': UNKNOWN_HOST };
    const [f] = on(run(files), 'Web_Dev.xml', 'handler-host-unknown');
    assert.ok(f?.fix, 'a fix');
    assert.deepEqual([...new Set(f.fix.edits.map((e) => e.uri))], ['dev.topology.yaml']);
    assert.match(f.fix.title, /\(in dev\.topology\.yaml\)$/);
    const fixed = applyEdits(topology('development'), f.fix.edits).text;
    assert.match(fixed, /name: WebHost/);
  });

  it('a finding reported once for every topology carries one fix that edits each of them', () => {
    const files = { 'prod.topology.yaml': topology('production'), 'dev.topology.yaml': topology('development'), 'Web.BindingInfo.xml': UNKNOWN_HOST };
    const found = on(run(files), 'Web.BindingInfo.xml', 'handler-host-unknown');
    assert.equal(found.length, 1);
    assert.deepEqual([...new Set(found[0].fix!.edits.map((e) => e.uri))].sort(), ['dev.topology.yaml', 'prod.topology.yaml']);
    assert.match(found[0].fix!.title, /\(in (dev|prod)\.topology\.yaml, (dev|prod)\.topology\.yaml\)$/);
  });

  it('with one topology, titles are unchanged', () => {
    const [f] = on(run({ 'prod.topology.yaml': topology('production'), 'Web.BindingInfo.xml': UNKNOWN_HOST }), 'Web.BindingInfo.xml', 'handler-host-unknown');
    assert.ok(f.fix && !/\(in /.test(f.fix.title));
    assert.equal(f.environment, 'production');
  });
});

describe('a budget of topologies', () => {
  it(`a file is judged by at most ${MAX_TOPOLOGIES} topologies, the first in URI order; the files capped are reported once`, () => {
    // Hundreds of topology files of a few bytes would multiply a run's time by hundreds (the rules run once per topology).
    const files: Record<string, string> = { 'Orders.BindingInfo.xml': BINDING, 'Returns.BindingInfo.xml': BINDING };
    const n = MAX_TOPOLOGIES + 8;
    for (let k = 0; k < n; k++) files[`env${String(k).padStart(3, '0')}.topology.yaml`] = topology(`env${k}`);
    const { runs, membership, capped } = environmentRuns(docsOf(files));
    assert.equal(runs.length, n, 'every topology still has its run (its own findings)');
    assert.deepEqual(capped.map((c) => [c.doc.uri, c.judges]), [['Orders.BindingInfo.xml', n], ['Returns.BindingInfo.xml', n]]);
    const judges = [...membership].find(([d]) => d.uri === 'Orders.BindingInfo.xml')![1].topologies;
    assert.deepEqual(judges, Array.from({ length: MAX_TOPOLOGIES }, (_, k) => `env${String(k).padStart(3, '0')}.topology.yaml`));
    const f = run(files);
    const over = f.filter((x) => x.ruleId === 'file-too-large');
    assert.equal(over.length, 1);
    assert.equal(over[0].uri, 'Orders.BindingInfo.xml');
    assert.equal(over[0].severity, 'info');
    assert.equal(
      over[0].message,
      `This file and 1 other were checked against ${MAX_TOPOLOGIES} of the ${n} topologies that apply, not all: btslint checks a file against at most ${MAX_TOPOLOGIES}. Keep each environment's topology nearest to its files, or name them in the config (topologies).`,
    );
    assert.deepEqual((over[0].related ?? []).map((r) => r.uri), ['Returns.BindingInfo.xml']);
    // The binding's findings come from the topologies within the budget only.
    const envs = new Set(on(f, 'Orders.BindingInfo.xml', 'ftp-sftp-receive-not-clustered').flatMap((x) => x.environments ?? [x.environment]));
    assert.equal(envs.size, MAX_TOPOLOGIES);
    assert.ok(!envs.has(`env${MAX_TOPOLOGIES}`));
  });

  it('many topologies, each nearest to its own files (a repository of many groups): nothing capped', () => {
    const files: Record<string, string> = {};
    for (let k = 0; k < MAX_TOPOLOGIES + 8; k++) {
      files[`/repo/app${k}/prod.topology.yaml`] = topology('production');
      files[`/repo/app${k}/Orders.BindingInfo.xml`] = BINDING;
    }
    const { capped, membership } = environmentRuns(docsOf(files));
    assert.equal(capped.length, 0);
    assert.deepEqual([...membership].find(([d]) => d.uri === '/repo/app3/Orders.BindingInfo.xml')![1].topologies, ['/repo/app3/prod.topology.yaml']);
    assert.equal(run(files).filter((x) => x.ruleId === 'file-too-large').length, 0);
  });
});

describe('the nearest topology', () => {
  it('a binding is judged by the topologies of its folder or the closest folder above, not by a sibling folder\'s', () => {
    const files = {
      '/ws/appA/prod.topology.yaml': topology('production'),
      '/ws/appB/prod.topology.yaml': topology('production').replace('FtpHost, clustered: false', 'FtpHost, clustered: true'),
      '/ws/appA/bindings/Orders.xml': BINDING,
      '/ws/appB/Orders.xml': BINDING,
    };
    const f = run(files);
    assert.deepEqual([...new Set(on(f, '/ws/appA/bindings/Orders.xml').map((x) => x.topology))], ['/ws/appA/prod.topology.yaml']);
    assert.deepEqual(on(f, '/ws/appB/Orders.xml', 'ftp-sftp-receive-not-clustered'), [], 'appB clusters its host');
  });

  it('with no topology above, every topology; a config with root: true stops the search at its folder', () => {
    const base = { '/ws/deploy/prod.topology.yaml': topology('production'), '/ws/bindings/Orders.xml': BINDING };
    assert.deepEqual([...new Set(on(run(base), '/ws/bindings/Orders.xml').map((x) => x.topology))], ['/ws/deploy/prod.topology.yaml']);
    const rooted = { ...base, '/ws/app/btslint.config.json': '{ "root": true }', '/ws/app/Orders.xml': BINDING, '/ws/app/sub/dev.topology.yaml': topology('development') };
    const f = run(rooted);
    assert.deepEqual([...new Set(on(f, '/ws/app/Orders.xml').map((x) => x.topology))], ['/ws/app/sub/dev.topology.yaml'], 'only the topologies under the root config');
  });
});

/** A SettingsFileGenerator workbook (SpreadsheetML) with these environment columns and settings. */
function workbook(columns: string[], settings: Record<string, string[]>): string {
  const cell = (s: string) => `<Cell><Data ss:Type="String">${s}</Data></Cell>`;
  const rows = [
    `<Row>${cell('Environment Settings')}</Row>`,
    `<Row>${cell('Environment Name:')}${cell('Default Values')}${columns.map(cell).join('')}</Row>`,
    `<Row>${cell('Settings:')}</Row>`,
    ...Object.entries(settings).map(([k, vs]) => `<Row>${cell(k)}${cell('')}${vs.map(cell).join('')}</Row>`),
  ];
  return `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n<Worksheet ss:Name="Settings"><Table>\n${rows.join('\n')}\n</Table></Worksheet></Workbook>\n`;
}
