// The worker-thread path of the CLI (cli/parallel.ts) must report exactly what the single-threaded path
// reports: same findings, messages, severities, positions, related locations and fixes. Compared on a
// generated multi-file workspace built to exercise every cross-file join: a topology whose hosts are
// used by handlers in many bindings (host-single-instance counts them all; platform-backup-missing
// looks for isolated receive hosts in all of them), a configuration export, Deployment Framework
// settings resolving a ${Token} host, suppressions in a binding and in the topology, malformed escaped
// settings, a UTF-16 binding, a binding whose root comes after a long comment (not recognised from its
// first bytes, so read by every thread), an empty file named like a binding, and a file over
// --max-file-size. Also: when the worker path is chosen.

import { describe, test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { parseConcurrency, workerCount, AUTO_MIN_BYTES, AUTO_MIN_CORES, AUTO_MIN_FILES } from '../../server/src/cli/parallel';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Endpoint {
  side: 'send' | 'receive';
  name: string;
  adapter: string;
  host: string;
  address: string;
  /** The adapter settings, unescaped (escaped once into TransportTypeData here). */
  settings?: string;
  /** Written into TransportTypeData as it is (to write malformed escaping). */
  rawSettings?: string;
}

function binding(app: string, endpoints: Endpoint[], head = ''): string {
  const data = (e: Endpoint) => e.rawSettings ?? esc(e.settings ?? '<CustomProps />');
  const sends = endpoints
    .filter((e) => e.side === 'send')
    .map(
      (e) => `    <SendPort Name="${e.name}" IsStatic="true" IsTwoWay="false" BindingOption="1">
      <PrimaryTransport>
        <Address>${esc(e.address)}</Address>
        <TransportType Name="${e.adapter}" Capabilities="11" ConfigurationClsid="00000000-0000-0000-0000-000000000000" />
        <TransportTypeData>${data(e)}</TransportTypeData>
        <SendHandler Name="${e.host}" HostTrusted="false">
          <TransportType Name="${e.adapter}" Capabilities="11" ConfigurationClsid="00000000-0000-0000-0000-000000000000" />
        </SendHandler>
      </PrimaryTransport>
      <SecondaryTransport>
        <Address />
        <SendHandler xsi:nil="true" />
      </SecondaryTransport>
    </SendPort>`,
    )
    .join('\r\n');
  const receives = endpoints
    .filter((e) => e.side === 'receive')
    .map(
      (e) => `    <ReceivePort Name="${e.name}.Port" IsTwoWay="false" BindingOption="1">
      <ReceiveLocations>
        <ReceiveLocation Name="${e.name}">
          <Address>${esc(e.address)}</Address>
          <Enable>true</Enable>
          <ReceiveLocationTransportType Name="${e.adapter}" Capabilities="11" ConfigurationClsid="00000000-0000-0000-0000-000000000000" />
          <ReceiveLocationTransportTypeData>${data(e)}</ReceiveLocationTransportTypeData>
          <ReceiveHandler Name="${e.host}" HostTrusted="false">
            <TransportType Name="${e.adapter}" Capabilities="11" ConfigurationClsid="00000000-0000-0000-0000-000000000000" />
          </ReceiveHandler>
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>`,
    )
    .join('\r\n');
  return `<?xml version="1.0" encoding="utf-8"?>\r\n${head}<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" Version="3.5.1.0">\r\n  <SendPortCollection>\r\n${sends}\r\n  </SendPortCollection>\r\n  <ReceivePortCollection>\r\n${receives}\r\n  </ReceivePortCollection>\r\n</BindingInfo>\r\n`;
}

const FTP = '<CustomProps><AdapterConfig vt="8">&lt;Config&gt;&lt;uri&gt;ftp://ftp1:21/in&lt;/uri&gt;&lt;serverAddress&gt;ftp1&lt;/serverAddress&gt;&lt;/Config&gt;</AdapterConfig></CustomProps>';
const SQL_POLLING =
  '<CustomProps><BindingType vt="8">sqlBinding</BindingType><BindingConfiguration vt="8">&lt;binding name="sqlBinding" inboundOperationType="TypedPolling" pollingStatement="SELECT * FROM Orders" /&gt;</BindingConfiguration></CustomProps>';
const WSS = '<CustomProps><AdapterConfig vt="8">&lt;Config&gt;&lt;SiteUrl&gt;http://portal/sites/orders&lt;/SiteUrl&gt;&lt;/Config&gt;</AdapterConfig></CustomProps>';

function endpoints(k: number): Endpoint[] {
  const list: Endpoint[] = [
    { side: 'receive', name: `App${k}.Ftp`, adapter: 'FTP', host: 'ReceiveHost', address: `ftp://ftp1:21/in${k}/*.xml`, settings: FTP },
    { side: 'receive', name: `App${k}.File`, adapter: 'FILE', host: 'BizTalkServerApplication', address: `C:\\In\\App${k}\\*.xml` },
    { side: 'receive', name: `App${k}.Http`, adapter: 'WCF-BasicHttp', host: 'IsolatedHost', address: `/App${k}/Service.svc` },
    { side: 'receive', name: `App${k}.Sql`, adapter: 'WCF-Custom', host: 'ReceiveHost', address: `mssql://sql1//Orders${k}?InboundId=o${k}`, settings: SQL_POLLING },
    { side: 'send', name: `App${k}.Out`, adapter: 'FILE', host: k % 3 === 0 ? '${SendHostToken}' : 'SendHost', address: `\\\\share\\out${k}\\%MessageID%.xml` },
    { side: 'send', name: `App${k}.Wss`, adapter: 'Windows SharePoint Services', host: 'BizTalkServerApplication', address: `wss://portal/sites/orders${k}`, settings: WSS },
    { side: 'send', name: `App${k}.Unknown`, adapter: 'FILE', host: `UnknownHost${k % 2}`, address: `\\\\share\\u${k}` },
  ];
  if (k === 4) list.push({ side: 'receive', name: 'App4.Broken', adapter: 'FTP', host: 'ReceiveHost', address: 'ftp://x/*', rawSettings: '&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&lt;/CustomProps&gt;' });
  return list;
}

const TOPOLOGY = `# the group
topology: 1
environment: production
servers:
  - name: BTS1
    roles: [biztalk]
  - name: BTS2
    roles: [biztalk]
  # btslint-disable-next-line platform-backup-missing -- reason="backed up by the hosting team" until=2099-01-01
  - name: SQL1
    roles: [sql]
sqlInstances:
  - name: SQL1
    databases:
      - { name: BizTalkMsgBoxDb }
hosts:
  - name: ReceiveHost
    type: in-process
    instances: [BTS1, BTS2]
  - name: BizTalkServerApplication
    type: in-process
    instances: [BTS1]
  - name: IsolatedHost
    type: isolated
    instances: [BTS2]
  - name: SendHost
    type: in-process
    instances: [BTS1, BTS2]
`;

const CONFIG_EXPORT = `<Configuration>
  <Feature Name="WMI" DisplayName="BizTalk Server Group" Version="1.0">
    <SQL ID="{D757DBF9-5D71-4995-9F20-A552B7DFE7F1}" DisplayName="BizTalk Management Database">
      <Server>SQL1</Server>
      <Database>BizTalkMgmtDb</Database>
    </SQL>
    <SQL ID="{84ADD76E-EBEB-4bb8-B9EB-64F87E483C39}" DisplayName="BizTalk MessageBox Database">
      <Server>SQL2</Server>
      <Database>BizTalkMsgBoxDb</Database>
    </SQL>
  </Feature>
</Configuration>
`;

const SETTINGS_EXPORT = `<?xml version="1.0" encoding="utf-8"?>
<settings>
  <property name="SendHostToken">SendHost</property>
</settings>
`;

function writeWorkspace(dir: string): void {
  const put = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  };
  put('group.topology.yaml', TOPOLOGY);
  put('config/BizTalkConfiguration.xml', CONFIG_EXPORT);
  put('settings/PROD_settings.xml', SETTINGS_EXPORT);
  for (let k = 0; k < 14; k++) {
    let text = binding(`App${k}`, endpoints(k));
    if (k === 2) text = text.replace('<SendPortCollection>', '<!-- btslint-disable-next-line handler-host-unknown -- reason="host created by the deployment script" -->\r\n  <SendPortCollection>');
    put(`apps/App${k}/App${k}.BindingInfo.xml`, text);
  }
  // Not recognisable from its first 4 KB: read and linted by every thread, reported by the main one.
  put('apps/Late/Late.BindingInfo.xml', binding('Late', endpoints(20), `<!-- ${'x'.repeat(6000)} -->\r\n`));
  // UTF-16 with a byte order mark.
  put('apps/Wide/Wide.BindingInfo.xml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(binding('Wide', endpoints(21)).replace('utf-8', 'utf-16'), 'utf16le')]));
  put('apps/Empty/Empty.BindingInfo.xml', '');
  // Over --max-file-size (0.05 MB below): reported as file-too-large, never read.
  put('apps/Huge/Huge.BindingInfo.xml', binding('Huge', Array.from({ length: 40 }, (_, j) => endpoints(30 + j)).flat()));
}

/** Runs the CLI in this process; with `traced`, the parallel path's trace goes to `err` (and is checked). */
async function run(argv: string[], cwd: string, traced = false): Promise<{ code: number; out: string; err: string }> {
  if (traced) process.env.BTSLINT_TRACE_PARALLEL = '1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-par-out-'));
  const file = path.join(dir, 'report');
  let err = '';
  const write = process.stderr.write;
  (process.stderr as { write: unknown }).write = (chunk: string | Uint8Array) => ((err += String(chunk)), true);
  try {
    const code = await main([...argv, '--output-file', file], cwd);
    return { code, out: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', err };
  } finally {
    process.stderr.write = write;
    delete process.env.BTSLINT_TRACE_PARALLEL;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** stderr without the parallel path's trace, after checking that the worker threads did the work. */
function untraced(err: string, threads: number): string {
  const trace = err.split('\n').filter((l) => l.startsWith('btslint: parallel '));
  assert.ok(trace.some((l) => /main .*: results received/.test(l)), `the worker-thread path was not taken:\n${err}`);
  assert.equal(trace.filter((l) => /: job received/.test(l)).length, threads, `expected ${threads} threads at work:\n${trace.join('\n')}`);
  return err
    .split('\n')
    .filter((l) => !l.startsWith('btslint: parallel '))
    .join('\n');
}

/** The report's entries as sorted JSON lines: equal as multisets means equal modulo order. */
function entries(report: unknown[]): string[] {
  return report.map((x) => JSON.stringify(x)).sort();
}

describe('the worker-thread path gives the single-threaded findings', () => {
  let dir = '';
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-par-')));
    writeWorkspace(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const common = ['.', '--today', '2026-12-01', '--max-file-size', '0.05'];

  test('json: every finding, position, related location and fix', async () => {
    const single = await run([...common, '--format', 'json', '--concurrency', 'off'], dir);
    const parallel = await run([...common, '--format', 'json', '--concurrency', '3'], dir, true);
    assert.equal(parallel.code, single.code);
    assert.equal(untraced(parallel.err, 3), single.err);
    const a = JSON.parse(single.out) as { ruleId: string; file: string }[];
    const b = JSON.parse(parallel.out) as unknown[];
    assert.deepEqual(entries(b), entries(a));
    // The workspace exercises what it is meant to: findings in bindings and in the topology that join
    // many bindings, a malformed setting, a suppression, an unread huge file, the late-rooted binding.
    const rules = new Set(a.map((f) => f.ruleId));
    for (const id of ['host-single-instance', 'handler-host-unknown', 'ftp-sftp-receive-not-clustered', 'parse-error', 'file-too-large']) {
      assert.ok(rules.has(id), `the workspace should produce ${id}; it produced ${[...rules].join(', ')}`);
    }
    assert.ok(a.some((f) => f.file.includes('Late.BindingInfo.xml')), 'findings in the late-rooted binding');
    assert.ok(a.some((f) => f.file.includes('Wide.BindingInfo.xml')), 'findings in the UTF-16 binding');
    assert.ok(a.length > 60, `only ${a.length} findings`);
  });

  test('sarif: regions of findings, related locations and fix replacements', async () => {
    const single = await run([...common, '--format', 'sarif', '--concurrency', 'off'], dir);
    const parallel = await run([...common, '--format', 'sarif', '--concurrency', '2'], dir, true);
    untraced(parallel.err, 2);
    const results = (s: string) => (JSON.parse(s) as { runs: { results: unknown[] }[] }).runs[0].results;
    assert.deepEqual(entries(results(parallel.out)), entries(results(single.out)));
  });

  test('the baseline written by either path is the same', async () => {
    const base = (n: string) => path.join(dir, `..`, `${path.basename(dir)}-${n}.baseline.json`);
    try {
      await run([...common, '--write-baseline', base('single'), '--concurrency', 'off'], dir);
      await run([...common, '--write-baseline', base('parallel'), '--concurrency', '2'], dir);
      assert.equal(fs.readFileSync(base('parallel'), 'utf8'), fs.readFileSync(base('single'), 'utf8'));
    } finally {
      for (const n of ['single', 'parallel']) fs.rmSync(base(n), { force: true });
    }
  });
});

describe('when the worker threads are used', () => {
  test('--concurrency: a number of threads, auto or off', () => {
    assert.equal(parseConcurrency('4'), 4);
    assert.equal(parseConcurrency('auto'), 'auto');
    assert.equal(parseConcurrency('off'), 'off');
    assert.equal(parseConcurrency('0'), undefined);
    assert.equal(parseConcurrency('two'), undefined);
  });

  test('never with --fix or --fix-dry-run, never for one file, never when off', () => {
    const sizes = Array.from({ length: 100 }, () => 1000);
    assert.equal(workerCount(sizes, { concurrency: 4, fix: true }), 0);
    assert.equal(workerCount(sizes, { concurrency: 4, fixDryRun: true }), 0);
    assert.equal(workerCount([50_000_000], { concurrency: 4 }), 0);
    assert.equal(workerCount(sizes, { concurrency: 'off' }), 0);
    assert.equal(workerCount(sizes, { concurrency: 1 }), 0);
  });

  test('a number is taken as given (up to the number of files); auto only when it pays', () => {
    assert.equal(workerCount([1, 2, 3], { concurrency: 8 }), 3);
    assert.equal(workerCount([1, 2, 3], { concurrency: 2 }), 2);
    assert.equal(workerCount([1, 2, 3], { concurrency: 'auto' }), 0);
    const many = Array.from({ length: AUTO_MIN_FILES }, () => 1000);
    const big = [AUTO_MIN_BYTES, 1];
    const cores = os.availableParallelism();
    const expected = (n: number) => (cores >= AUTO_MIN_CORES ? Math.min(cores, n) : 0);
    assert.equal(workerCount(many, { concurrency: 'auto' }), expected(many.length));
    assert.equal(workerCount(big, { concurrency: 'auto' }), expected(2));
  });
});
