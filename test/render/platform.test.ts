// The platform picture: the pure model (core/model/platform.ts: elements, links, single points of
// failure, the worst finding per element), the renderer (render/: dagre layout, SVG, the HTML page,
// the Markdown summary) and their escaping of repository text; then the CLI's --format html and
// --format markdown on the example workspace. The page in a real browser: scripts/test-html.js.

import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { readDocument } from '../../server/src/core';
import type { Finding } from '../../server/src/core';
import { platformModel, platformsOf } from '../../server/src/core/model/platform';
import type { Platform } from '../../server/src/core/model/platform';
import { layoutPlatform, renderPlatformSvg } from '../../server/src/render/platformSvg';
import { renderReport } from '../../server/src/render/report';
import { escapeHtml, escapeMarkdown } from '../../server/src/render/escape';
import { markdown, MAX_ERRORS } from '../../server/src/cli/format/markdown';
import { repoRoot } from '../helpers/paths';

const TOPO = 'file:///ws/prod.topology.yaml';

function platform(yaml: string, findings: Finding[] = [], uri = TOPO): Platform {
  return platformModel(readDocument(uri, yaml), { configExports: [] }, findings);
}

const BASE = `topology: 1
environment: production
biztalk: { group: G, version: "2020", edition: Enterprise }
servers:
  - name: APP1
    roles: [biztalk]
    backup:
      windows: { schedule: daily, destination: '\\\\APP1\\backups' }
  - name: APP2
    roles: [biztalk]
    backup:
      windows: { schedule: daily, destination: '\\\\backup01\\APP2' }
  - name: SQL1
    roles: [sql]
sqlInstances:
  - name: SQL1\\BTS
    databases:
      - { name: BizTalkMsgBoxDb }
      - { name: BizTalkMgmtDb }
  - name: SQLCLU\\BTS
    failoverCluster: { nodes: [NODE1, NODE2] }
    databases:
      - { name: BizTalkDTADb }
  - name: SQLONE\\BTS
    failoverCluster: { nodes: [NODE3] }
    databases:
      - { name: PIT, role: bam-primary-import }
  - name: SQLAG
    availabilityGroup: { name: AG1, listener: SQLAG, availabilityMode: synchronous }
    databases:
      - { name: BAMPrimaryImport }
  - name: SQLBAM
    databases:
      - { name: BAMPrimaryImport }
hosts:
  - { name: Single, type: in-process, instances: [APP1] }
  - { name: Double, type: in-process, instances: [APP1, APP2] }
sso:
  masterSecretServer: APP1
  clustered: false
  secretBackup: { destination: 'D:\\sso\\secret.bak' }
backup:
  biztalkJob:
    enabled: true
    fullDestination: '\\\\SQL1\\backups\\full'
    logDestination: '\\\\backup01\\bts\\log'
  offsite: { location: vault, schedule: daily, copies: 2 }
dr:
  logShipping: biztalk
  destinationInstances: [DRSQL\\BTS]
`;

describe('platform model', () => {
  const p = platform(BASE);
  const spof = (name: string) => p.spofs.find((s) => s.name === name);

  test('every declared element is there, once', () => {
    const names = p.elements.map((e) => `${e.kind}:${e.name}`).sort();
    for (const want of [
      'server:APP1',
      'server:APP2',
      'server:SQL1',
      'server:NODE1',
      'server:NODE2',
      'server:NODE3',
      'sql-instance:SQL1\\BTS',
      'sql-instance:SQLCLU\\BTS',
      'sql-instance:SQLONE\\BTS',
      'sql-instance:SQLAG',
      'sql-instance:SQLBAM',
      'database:BizTalkMsgBoxDb',
      'database:BizTalkMgmtDb',
      'database:BizTalkDTADb',
      'database:PIT',
      'host:Single',
      'host:Double',
      'master-secret:APP1',
      'backup:\\\\APP1\\backups',
      'backup:\\\\backup01\\APP2',
      'backup:D:\\sso\\secret.bak',
      'backup:\\\\SQL1\\backups\\full',
      'backup:\\\\backup01\\bts\\log',
      'offsite:vault',
      'dr:DRSQL\\BTS',
    ]) {
      assert.ok(names.includes(want), `missing ${want} in ${names.join(', ')}`);
    }
    assert.equal(new Set(p.elements.map((e) => e.id)).size, p.elements.length);
    assert.equal(names.filter((n) => n === 'database:BAMPrimaryImport').length, 2, 'one per instance');
  });

  test('links: host instances, databases, cluster nodes, backups, off-site copy, DR', () => {
    const has = (from: string, to: string, label: string) =>
      assert.ok(
        p.links.some((l) => p.elements.find((e) => e.id === l.from)?.name === from && p.elements.find((e) => e.id === l.to)?.name === to && l.label === label),
        `no link ${from} -${label}-> ${to}`,
      );
    has('Double', 'APP1', 'instance');
    has('Double', 'APP2', 'instance');
    has('BizTalkMsgBoxDb', 'SQL1\\BTS', 'on');
    has('SQLCLU\\BTS', 'NODE1', 'node');
    has('SQL1\\BTS', 'SQL1', 'runs on');
    has('APP1', 'APP1', 'runs on');
    has('APP1', 'D:\\sso\\secret.bak', 'secret backup');
    has('SQL1\\BTS', '\\\\SQL1\\backups\\full', 'full backup');
    has('\\\\SQL1\\backups\\full', 'vault', 'copied off site');
    has('SQL1\\BTS', 'DRSQL\\BTS', 'log shipping');
    assert.ok(p.links.every((l) => p.elements.some((e) => e.id === l.from) && p.elements.some((e) => e.id === l.to)));
  });

  test('single points of failure, and only those', () => {
    assert.match(spof('SQL1\\BTS')!.reason, /not clustered, and holds BizTalkMsgBoxDb, BizTalkMgmtDb: its loss stops BizTalk/);
    assert.match(spof('SQLBAM')!.reason, /BAMPrimaryImport: its loss loses BAM data/);
    assert.match(spof('SQLONE\\BTS')!.reason, /failover cluster with one node, holding PIT/);
    assert.match(spof('Single')!.reason, /one host instance \(on APP1\)/);
    assert.equal(p.spofs.filter((s) => s.name === 'APP1' && s.kind === 'master-secret').length, 1);
    assert.match(spof('\\\\APP1\\backups')!.reason, /windows backup of APP1 is on APP1 itself/);
    assert.match(spof('D:\\sso\\secret.bak')!.reason, /on the master secret server APP1 itself/);
    assert.match(spof('\\\\SQL1\\backups\\full')!.reason, /on sql1, which runs SQL instance SQL1\\BTS/);
    for (const safe of ['SQLCLU\\BTS', 'SQLAG', 'Double', 'APP2', '\\\\backup01\\APP2', '\\\\backup01\\bts\\log', 'vault', 'DRSQL\\BTS', 'BizTalkMsgBoxDb']) {
      assert.equal(spof(safe), undefined, `${safe} is not a single point of failure`);
    }
  });

  test('a clustered master secret server and a local job destination', () => {
    const q = platform(BASE.replace('clustered: false', 'clustered: true').replace("logDestination: '\\\\backup01\\bts\\log'", "logDestination: 'E:\\log'"));
    assert.equal(q.spofs.find((s) => s.kind === 'master-secret'), undefined);
    assert.match(q.spofs.find((s) => s.name === 'E:\\log')!.reason, /on drive E: of the SQL Server it protects \(SQL1\\BTS\)/);
  });

  test('each element takes the worst finding about it: by range, or a related location in the topology', () => {
    const doc = readDocument(TOPO, BASE);
    const at = (needle: string) => {
      const start = doc.text.indexOf(needle);
      assert.ok(start >= 0, needle);
      return { start, end: start + needle.length };
    };
    const f = (severity: Finding['severity'], range: { start: number; end: number }, extra: Partial<Finding> = {}): Finding => ({ ruleId: 'r', severity, message: 'm', uri: TOPO, range, nodePath: 'x', ...extra });
    const findings: Finding[] = [
      f('warning', at('SQL1\\BTS')),
      f('error', at('name: SQL1\\BTS')),
      f('info', at('BizTalkMsgBoxDb')),
      // A binding finding whose related location is the host in this topology.
      f('warning', { start: 0, end: 1 }, { uri: 'file:///ws/b.xml', topology: TOPO, related: [{ uri: TOPO, range: at('name: Single'), message: 'declared here' }] }),
      // Computed against another topology: not this picture's.
      f('error', at('name: Double'), { topology: 'file:///ws/other.topology.yaml' }),
    ];
    const q = platformModel(doc, { configExports: [] }, findings);
    const el = (name: string) => q.elements.find((e) => e.name === name)!;
    assert.equal(el('SQL1\\BTS').severity, 'error');
    assert.equal(el('SQL1\\BTS').findings, 2);
    assert.equal(el('BizTalkMsgBoxDb').severity, 'info', 'the innermost element');
    assert.equal(el('Single').severity, 'warning');
    assert.equal(el('Double').severity, undefined);
    assert.equal(el('Double').findings, 0);
  });

  test('databases a configuration export places join their instance', () => {
    const root = repoRoot();
    const read = (rel: string) => readDocument('file://' + path.join(root, rel), fs.readFileSync(path.join(root, rel)));
    const [prod] = platformsOf([read('examples/contoso.topology.yaml'), read('examples/config/BizTalkConfiguration.xml')]);
    const ssodb = prod.elements.find((e) => e.name === 'SSODB');
    assert.ok(ssodb, 'SSODB, placed by the export');
    assert.ok(ssodb.uri.endsWith('BizTalkConfiguration.xml'));
    assert.ok(prod.links.some((l) => l.from === ssodb.id && l.to === 'sql:sqlbts01\\bts'));
  });

  test('production comes first', () => {
    const dev = readDocument('file:///ws/a-dev.topology.yaml', BASE.replace('production', 'development'));
    const prod = readDocument('file:///ws/z.topology.yaml', BASE);
    assert.deepEqual(platformsOf([dev, prod]).map((p) => p.environment), ['production', 'development']);
  });
});

describe('layout and SVG', () => {
  test('forty hosts on ten servers: every element drawn, no two boxes overlap', () => {
    const hosts = Array.from({ length: 40 }, (_, i) => `  - { name: Host${i}, type: in-process, instances: [APP${i % 10}, APP${(i + 1) % 10}] }`).join('\n');
    const p = platform(`topology: 1\nenvironment: production\nhosts:\n${hosts}\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: BizTalkMsgBoxDb }]\n`);
    const lay = layoutPlatform(p);
    assert.equal(lay.nodes.length, 40 + 10 + 2);
    for (let i = 0; i < lay.nodes.length; i++) {
      const a = lay.nodes[i];
      assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.width <= lay.width + 0.5 && a.y + a.height <= lay.height + 0.5, `${a.el.name} inside the picture`);
      for (let j = i + 1; j < lay.nodes.length; j++) {
        const b = lay.nodes[j];
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        assert.ok(apart, `${a.el.name} and ${b.el.name} overlap`);
      }
    }
    const svg = renderPlatformSvg(p);
    assert.equal((svg.match(/<g class="el /g) ?? []).length, 52);
    for (const e of p.elements) assert.ok(svg.includes(`>${escapeHtml(e.name)}</text>`), e.name);
    assert.equal((svg.match(/<path class="link"/g) ?? []).length, p.links.length);
  });

  test('severity and single point of failure are classes; the tooltip says why', () => {
    const svg = renderPlatformSvg(platform(BASE));
    assert.match(svg, /<g class="el kind-host sev-ok spof" data-id="host:single"/);
    assert.match(svg, /<title>BizTalk host: Single\nin-process host, 1 instance\nno finding\nsingle point of failure: one host instance/);
  });
});

// A topology whose names try to be markup, CI commands and terminal escapes.
const HOSTILE = `topology: 1
environment: production
hosts:
  - { name: "<script>alert(1)</script>", instances: ["<img src=http://evil.example/x.png>"] }
  - { name: "##vso[task.setvariable variable=x]1", instances: [A] }
  - { name: "\\e[31mred\\e]0;title\\a", instances: [A] }
  - { name: "[link](http://evil.example) | cell ![i](http://evil.example/i.png)", instances: [A] }
sqlInstances:
  - name: "S\\"onmouseover=\\"x"
    databases: [{ name: BizTalkMsgBoxDb }]
`;

describe('escaping repository text', () => {
  const doc = readDocument(TOPO, HOSTILE);
  const findings: Finding[] = [{ ruleId: 'host-single-instance', severity: 'error', message: 'Host "##vso[task.complete result=Failed]" <b>x</b>\n::error::boom \u001b[2J', uri: TOPO, range: { start: 40, end: 50 }, nodePath: 'h' }];
  const platforms = [platformModel(doc, { configExports: [] }, findings)];
  const page = renderReport({ findings, platforms, display: (u) => u.replace('file:///ws/', ''), line: () => 3, version: '0.0.0', ruleUrl: (id) => `https://example.test/rules/${id}.md` });

  test('the HTML page carries no markup, control character or CI command from the repository', () => {
    assert.ok(!page.includes('<script'), 'no script element');
    assert.ok(!page.includes('<img'), 'no image element');
    assert.ok(!page.includes('<b>x'), 'no markup from a message');
    assert.ok(!page.includes('##vso['), 'no Azure DevOps command');
    assert.ok(!/^\s*::/m.test(page), 'no line starts a GitHub command');
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(page), 'no control character');
    assert.ok(!page.includes('" onmouseover') && !page.includes('"onmouseover'), 'no attribute breaks out');
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(page.includes('\\x1b[31mred'), 'escapes shown visibly');
  });

  test('the HTML page loads nothing: no script, no external style, font or image', () => {
    const html = renderReport({ findings: [], platforms: platformsOf([readDocument(TOPO, BASE)]), display: (u) => u, line: () => 0, version: '1', ruleUrl: (id) => `https://example.test/rules/${id}.md` });
    for (const p of [page, html]) {
      assert.ok(!/<script|<link|<img|<iframe|<object|<embed|@import|@font-face/i.test(p));
      const attributes = [...p.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0].replace(/"[^"]*"/g, '""'));
      assert.ok(!attributes.some((a) => /\s(src|srcset|background|poster|data)=/i.test(a)), 'no src attribute');
      assert.ok(!attributes.some((a) => /\son[a-z]+=/i.test(a)), 'no event handler');
      const urls = [...p.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(urls)], ['#arrow'], 'only the in-page arrow marker');
      const hrefs = [...p.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      for (const h of hrefs) assert.match(h, /^https:\/\/example\.test\/rules\/[a-z0-9-]+\.md$/, 'links only to rule pages');
      assert.match(p, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    }
  });

  test('Markdown: no link, image, HTML, table cell or CI command from the repository', () => {
    const md = markdown({ findings, documents: [doc], display: (u) => u.replace('file:///ws/', ''), position: () => ({ line: 3, character: 0 }), color: false, cwd: '/ws', version: '1' });
    assert.ok(!md.includes('##vso['));
    assert.ok(!/^::/m.test(md), 'no line starts a GitHub command');
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(md));
    assert.ok(!md.includes('<script') && !md.includes('<b>') && !md.includes('<img'));
    assert.ok(!md.includes('[link](http') && !md.includes('![i]('), 'no link or image from a name');
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      assert.ok(cells === 4 || cells === 6, `a table row keeps its cells: ${line}`);
    }
    assert.equal(escapeMarkdown('a|b [c](d) <e> ##vso[x] `f` *g* _h_ \u001b'), 'a\\|b \\[c\\]\\(d\\) &lt;e&gt; #\\\\#vso\\[x\\] \\`f\\` \\*g\\* \\_h\\_ \\\\x1b');
  });
});

describe('Markdown summary', () => {
  const f = (severity: Finding['severity'], ruleId: string, topology?: string, line = 1): Finding => ({ ruleId, severity, message: `${ruleId} here`, uri: 'file:///ws/b.xml', range: { start: line, end: line + 1 }, nodePath: 'x', topology });
  const prod = readDocument('file:///ws/prod.topology.yaml', BASE);
  const dev = readDocument('file:///ws/dev.topology.yaml', BASE.replace('production', 'development'));
  const input = (findings: Finding[], documents = [prod, dev]) => ({ findings, documents, display: (u: string) => u.replace('file:///ws/', ''), position: (_u: string, o: number) => ({ line: o, character: 0 }), color: false, cwd: '/ws', version: '1' });

  test('counts by severity and by rule; errors with file:line grouped by environment', () => {
    const md = markdown(input([f('error', 'msgbox-not-clustered', prod.uri, 4), f('error', 'msgbox-not-clustered', dev.uri, 9), f('warning', 'raid-undeclared', prod.uri), f('info', 'no-offsite-copy')]));
    assert.match(md, /^## btslint: 4 problems\n/);
    assert.match(md, /\| Error \| 2 \|\n\| Warning \| 1 \|\n\| Info \| 1 \|/);
    assert.match(md, /\| \[msgbox-not-clustered\]\(file:\/\/\/[^)]*\/docs\/rules\/msgbox-not-clustered\.md\) \| 2 \| 0 \| 0 \|/);
    assert.match(md, /\*\*Environment production\*\* \(prod\.topology\.yaml\)\n\n- b\.xml:5: msgbox-not-clustered here/);
    assert.match(md, /\*\*Environment development\*\* \(dev\.topology\.yaml\)\n\n- b\.xml:10: msgbox-not-clustered here/);
    assert.match(md, /### Single points of failure/);
    assert.ok(!md.includes('raid-undeclared here'), 'warnings are counted, not listed');
  });

  test('one environment: no environment headers; the list of errors is capped', () => {
    const many = Array.from({ length: MAX_ERRORS + 7 }, (_, i) => f('error', 'parse-error', prod.uri, i));
    const md = markdown(input(many, [prod]));
    assert.ok(!md.includes('**Environment'));
    assert.equal((md.match(/^- b\.xml:/gm) ?? []).length, MAX_ERRORS);
    assert.match(md, /… and 7 more errors/);
  });

  test('no finding', () => {
    assert.match(markdown(input([], [])), /^## btslint: no problem\n/);
  });
});

describe('CLI: --format html and --format markdown on the example workspace', () => {
  const root = repoRoot();
  const bin = path.join(root, 'server', 'bin', 'btslint.js');
  const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  test('html with -o: one page, both environments drawn, exit 1 for the errors', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-html-')), 'report', 'platform.html');
    const r = run(['examples', '--format', 'html', '-o', out]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stdout, '');
    const page = fs.readFileSync(out, 'utf8');
    assert.match(page, /^<!DOCTYPE html>/);
    assert.equal((page.match(/<svg /g) ?? []).length, 2);
    assert.ok(page.indexOf('Environment production') < page.indexOf('Environment development'));
    for (const name of ['SQLBTS01\\BTS', 'SQLBTS02', 'BizTalkMsgBoxDb', 'BAMPrimaryImport', 'ProcessingHost', 'BTSAPP01', 'BTSAPP02', 'BTSDEV01', 'contoso-dr blob storage']) {
      assert.ok(page.includes(`>${escapeHtml(name)}</text>`), name);
    }
    assert.match(page, /<td><strong>SQLBTS01\\BTS<\/strong><\/td><td>SQL instance<\/td><td>not clustered, and holds BizTalkMgmtDb, BizTalkMsgBoxDb, SSODB: its loss stops BizTalk/);
  });

  test('markdown on stdout', () => {
    const r = run(['examples', '--format', 'markdown']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^## btslint: \d+ problems\n/);
    assert.match(r.stdout, /\*\*Environment production\*\* \(examples\/contoso\.topology\.yaml\)/);
    assert.match(r.stdout, /- examples\/contoso\.topology\.yaml:\d+: SQL instance "SQLBTS01\\\\BTS" holds the MessageBox/);
  });
});

describe('scripts/test-html.js without a browser', () => {
  const script = path.join(repoRoot(), 'scripts', 'test-html.js');
  for (const [what, env] of [
    ['CHROMIUM names no file', { ...process.env, CHROMIUM: path.join(os.tmpdir(), 'no-such-chromium') }],
    ['no chromium on PATH', { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CHROMIUM')), PATH: fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-empty-path-')) }],
  ] as const) {
    test(`fails (does not skip) and says how to install it: ${what}`, () => {
      const r = spawnSync(process.execPath, [script], { env, encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /test-html: FAIL: chromium is not installed \(Debian: `apt-get install -y chromium`/);
    });
  }
});
