// The SARIF btslint writes, checked by Microsoft's SARIF Multitool (the devDependency
// @microsoft/sarif-multitool, a native binary in its platform package): the SARIF 2.1.0 schema,
// Microsoft's SARIF rules and GitHub code scanning's ingestion rules. Offline: the one rule that makes
// HTTP requests (SARIF2006, "URIs should be reachable") is disabled. The multitool exits 0 even when
// it finds errors, so its output is read for lines with ": error ".

import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { fixtureFile, repoRoot } from '../helpers/paths';

const ROOT = repoRoot();
const BIN = path.join(ROOT, 'server', 'bin', 'btslint.js');

/** The multitool binary for this platform; fails with what to do when it cannot run here. */
function multitool(): string {
  const pkg = `@microsoft/sarif-multitool-${process.platform}`;
  let bin: string;
  try {
    bin = require(pkg) as string; // the platform package's index.js exports the binary's path
  } catch {
    throw new Error(
      `SARIF validation needs ${pkg}, an optional dependency of the devDependency @microsoft/sarif-multitool (pinned 5.7.0), and it is not installed on ${process.platform}-${process.arch}. ` +
        `Run "npm ci" on linux-x64 (CI) or on a platform Microsoft ships a binary for (linux, win32, darwin).`,
    );
  }
  if (process.platform === 'linux' && process.arch !== 'x64') {
    throw new Error(`${pkg} ships an x86-64 binary only; this machine is linux-${process.arch}. Run the SARIF validation on linux-x64.`);
  }
  if (!fs.existsSync(bin)) throw new Error(`${pkg} is installed but its binary ${bin} is missing: reinstall with "npm ci".`);
  if (process.platform !== 'win32') {
    try {
      fs.accessSync(bin, fs.constants.X_OK);
    } catch {
      // The package's postinstall ("chmod u+x Sarif.Multitool") does not run when npm skips install
      // scripts (npm 11 by default): do it here.
      fs.chmodSync(bin, fs.statSync(bin).mode | 0o100);
    }
  }
  return bin;
}

interface Validation {
  errors: string[];
  warnings: string[];
  output: string;
}

function validate(tool: string, config: string, files: string[]): Validation {
  const r = spawnSync(tool, ['validate', '--config', config, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', ...files], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  if (r.error) throw new Error(`the SARIF Multitool could not run: ${r.error.message}`);
  const output = `${r.stdout}${r.stderr}`;
  assert.equal(r.status, 0, `the SARIF Multitool failed (exit ${r.status}):\n${output}`);
  assert.match(output, new RegExp(`Done\\. ${files.length} files? scanned\\.`), `the SARIF Multitool did not scan every file:\n${output}`);
  const lines = output.split(/\r?\n/);
  return {
    errors: lines.filter((l) => l.includes(': error ')),
    // WRN999 only says that SARIF2006 was disabled on purpose.
    warnings: lines.filter((l) => l.includes(': warning ') && !l.includes('WRN999.RuleExplicitlyDisabled')),
    output,
  };
}

function btslintSarif(args: string[], cwd: string, out: string): { status: number | null; log: any } {
  const r = spawnSync(process.execPath, [BIN, ...args, '--format', 'sarif', '--output-file', out], { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.stderr, '', r.stderr);
  return { status: r.status, log: JSON.parse(fs.readFileSync(out, 'utf8')) };
}

// A topology for the binding fixtures: their hosts declared (single instances, not clustered), a SQL
// instance without a cluster, a local backup path: enough for most rules to fire, several with fixes.
const TOPOLOGY = `topology: 1
environment: production
servers:
  - name: BTS01
    roles: [biztalk]
  - name: SQL01
    roles: [sql]
sqlInstances:
  - name: SQL01
    volumes:
      - { drive: 'D:', raid: 0, holds: [data, log] }
    databases:
      - { name: BizTalkMgmtDb, dataVolume: 'D:', logVolume: 'D:' }
      - { name: BizTalkMsgBoxDb, dataVolume: 'D:', logVolume: 'D:' }
hosts:
  - name: BizTalkServerApplication
    type: in-process
    instances: [BTS01, BTS02]
  - name: BizTalkServerIsolatedHost
    type: isolated
    instances: [BTS01]
backup:
  biztalkJob:
    enabled: true
    fullDestination: 'D:\\Backups'
    logDestination: 'D:\\Backups\\log'
`;

// A binding whose escaped adapter settings are malformed: a parse error positioned inside the escaping.
const BAD_SETTINGS = `<BindingInfo><SendPortCollection><SendPort Name="S" IsStatic="true"><PrimaryTransport><Address>C:\\out</Address><TransportType Name="FILE"/>
<TransportTypeData>&lt;CustomProps&gt;&lt;FileName vt="8"&gt;%MessageID%.xml&lt;/CustomProps&gt;</TransportTypeData>
<SendHandler Name="BizTalkServerApplication"/></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>
`;

describe('SARIF validated by the SARIF Multitool', () => {
  let tool: string;
  let tmp: string;
  let config: string;
  const produced: { name: string; file: string; log: any }[] = [];
  let broken: { schema: string; rule: string };
  /** One multitool run over every log, the broken ones included (each run costs seconds). */
  let v: Validation;

  before(() => {
    tool = multitool();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-sarif-'));
    config = path.join(tmp, 'multitool.config.json');
    fs.writeFileSync(config, JSON.stringify({ 'SARIF2006.UrisShouldBeReachable.Options': { RuleEnabled: 'Disabled' } }));

    // 1. examples/, from the repository root.
    const ex = path.join(tmp, 'examples.sarif');
    const exRun = btslintSarif(['examples'], ROOT, ex);
    assert.equal(exRun.status, 1);
    produced.push({ name: 'examples', file: ex, log: exRun.log });

    // 2. A workspace of the binding fixtures (copied to the temporary folder, under names that need
    //    percent-encoding), a binding whose hosts are $(Token)s, a configuration export, a topology,
    //    and a binding with malformed escaped settings.
    const ws = path.join(tmp, 'work space');
    const put = (rel: string, content: string | Buffer) => {
      fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      fs.writeFileSync(path.join(ws, rel), content);
    };
    put('prod.topology.yaml', TOPOLOGY);
    const ftp = fs.readFileSync(fixtureFile('bindings/FtpRelay.BindingInfo.xml'), 'utf8');
    put('bindings/FTP #1 (100%).BindingInfo.xml', ftp);
    put('bindings/Zürich/WCF-SQL.xml', fs.readFileSync(fixtureFile('bindings/OrdersFileSql.Bindings.xml')));
    put('bindings/utf16/BindingInfo.xml', fs.readFileSync(fixtureFile('bindings/QuotesWcf.BindingInfo.xml')));
    put('bindings/tokens.xml', ftp.replace(/"BizTalkServerApplication"/g, '"$(FtpHostName)"'));
    put('config/BizTalkConfiguration.xml', fs.readFileSync(path.join(ROOT, 'examples', 'config', 'BizTalkConfiguration.xml')));
    put('bindings/bad settings.xml', BAD_SETTINGS);
    const wsOut = path.join(tmp, 'workspace.sarif');
    const wsRun = btslintSarif([], ws, wsOut);
    assert.equal(wsRun.status, 1);
    produced.push({ name: 'fixtures workspace', file: wsOut, log: wsRun.log });

    // 3. The fixtures read in place from the examples folder: files outside the current folder.
    const inPlace = path.join(tmp, 'fixtures-in-place.sarif');
    produced.push({ name: 'fixtures in place', file: inPlace, log: btslintSarif([path.join('..', 'test', 'fixtures', 'bindings')], path.join(ROOT, 'examples'), inPlace).log });

    // Negative controls, to show the check can fail: a schema error (the multitool then skips its SARIF
    // rules for that file) and, in another file, a rule error: btslint's old mistake of an absolute
    // path resolved against SRCROOT.
    const schema = JSON.parse(fs.readFileSync(ex, 'utf8'));
    delete schema.runs[0].tool.driver.name;
    const rule = JSON.parse(fs.readFileSync(ex, 'utf8'));
    rule.runs[0].results[0].locations[0].physicalLocation.artifactLocation = { uri: '/abs/path.xml', uriBaseId: 'SRCROOT' };
    broken = { schema: path.join(tmp, 'broken-schema.sarif'), rule: path.join(tmp, 'broken-rule.sarif') };
    fs.writeFileSync(broken.schema, JSON.stringify(schema, null, 2));
    fs.writeFileSync(broken.rule, JSON.stringify(rule, null, 2));

    v = validate(tool, config, [...produced.map((p) => p.file), broken.schema, broken.rule]);
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the logs hold results worth validating: regions, fixes, related locations, encoded URIs', () => {
    const all = produced.flatMap((p) => p.log.runs[0].results);
    assert.ok(all.length >= 50, `only ${all.length} results`);
    assert.ok(all.some((r: any) => r.fixes?.length), 'no result with a fix');
    const ws = produced[1].log.runs[0];
    const uris = new Set(ws.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('bindings/FTP%20%231%20(100%25).BindingInfo.xml'), [...uris].join(', '));
    assert.ok(uris.has('bindings/bad%20settings.xml'));
    assert.ok(ws.results.some((r: any) => r.ruleId === 'parse-error'));
    assert.match(ws.originalUriBaseIds.SRCROOT.uri, /^file:\/\/\/.*\/work%20space\/$/);
    const inPlace = produced[2].log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.equal(inPlace.uriBaseId, undefined);
    assert.match(inPlace.uri, /^file:\/\/\/.+\/test\/fixtures\/bindings\/.+\.xml$/);
  });

  test('no errors or warnings from the multitool in any of btslint\'s logs', () => {
    const ours = (l: string) => !l.startsWith(broken.schema) && !l.startsWith(broken.rule);
    const notes = new Map<string, number>();
    for (const l of v.output.split(/\r?\n/).filter(ours)) {
      const m = /: note (\w+):/.exec(l);
      if (m) notes.set(m[1], (notes.get(m[1]) ?? 0) + 1);
    }
    const listed = [...notes].map(([id, n]) => `${id} x${n}`).join(', ');
    console.log(`SARIF Multitool: ${produced.length} logs, ${produced.reduce((s, p) => s + p.log.runs[0].results.length, 0)} results; notes: ${listed || 'none'}`);
    assert.deepEqual(v.errors.filter(ours), [], v.output);
    assert.deepEqual(v.warnings.filter(ours), [], v.output);
  });

  test('the check itself catches broken logs (the multitool exits 0 on errors)', () => {
    const schemaErrors = v.errors.filter((l) => l.startsWith(broken.schema));
    const ruleErrors = v.errors.filter((l) => l.startsWith(broken.rule));
    assert.ok(schemaErrors.some((l) => /: error JSON\d+: runs\[0\]\.tool\.driver: The required property 'name' is missing/.test(l)), v.output);
    assert.ok(ruleErrors.some((l) => /: error SARIF1004: /.test(l)), v.output);
  });
});
