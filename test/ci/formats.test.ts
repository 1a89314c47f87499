// The CI output formats on a workspace of the binding fixtures and a topology with gaps: JUnit has
// exactly one failure per error or warning finding (and is well-formed, classic JUnit XML); GitHub
// has one workflow command per finding; Azure DevOps one logging command per error or warning.
// Plus the escaping each format documents, --quiet and --max-warnings.

import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import { cli, bindingsWorkspace, jsonFindings, JsonFinding, removeWorkspace } from './helpers';
import { escapeData, escapeProperty as ghProperty, github } from '../../server/src/cli/format/github';
import { azureDevops, escapeMessage, escapeProperty as azProperty } from '../../server/src/cli/format/azureDevops';
import { junit, xmlEscape } from '../../server/src/cli/format/junit';
import type { FormatInput } from '../../server/src/cli/format';
import type { Finding } from '../../server/src/core';

const TODAY = ['--today', '2026-12-01'];

interface XmlEl {
  name: string;
  attrs: Record<string, string>;
  children: XmlEl[];
  text: string;
}

/** Parses with saxes (a strict, conformant parser): throws on anything that is not well-formed XML. */
function parseStrict(xml: string): XmlEl {
  const parser = new SaxesParser();
  const stack: XmlEl[] = [];
  let root: XmlEl | undefined;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const el: XmlEl = { name: t.name, attrs: t.attributes, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  assert.ok(root, 'no root element');
  return root;
}

describe('CI formats on real bindings and a topology with gaps', () => {
  let dir: string;
  let findings: JsonFinding[];
  before(async () => {
    dir = bindingsWorkspace();
    findings = (await jsonFindings(dir)).findings;
  });
  after(() => removeWorkspace(dir));

  it('the workspace has errors, warnings and findings in several files (the fixture is meaningful)', () => {
    assert.ok(findings.some((f) => f.severity === 'error'));
    assert.ok(findings.some((f) => f.severity === 'warning'));
    assert.ok(new Set(findings.map((f) => f.file)).size >= 2, 'findings in the binding and the topology');
    assert.ok(findings.some((f) => f.file.replace(/\\/g, '/') === 'bindings/FtpRelay.BindingInfo.xml' && f.ruleId === 'ftp-sftp-receive-not-clustered'));
  });

  it('junit: one failing test case per error or warning finding, one suite per checked file, counts right', async () => {
    const r = await cli(['--format', 'junit', ...TODAY], dir);
    assert.equal(r.code, 1);
    const root = parseStrict(r.stdout);
    assert.equal(root.name, 'testsuites');
    const suites = root.children.filter((c) => c.name === 'testsuite');
    const cases = suites.flatMap((s) => s.children.filter((c) => c.name === 'testcase'));
    const failures = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
    const failing = findings.filter((f) => f.severity !== 'info');
    assert.equal(failures.length, failing.length, 'one <failure> per error or warning');
    assert.equal(Number(root.attrs.failures), failing.length);
    assert.equal(Number(root.attrs.tests), cases.length);
    for (const s of suites) {
      const own = s.children.filter((c) => c.name === 'testcase');
      assert.equal(Number(s.attrs.tests), own.length, `tests of ${s.attrs.name}`);
      assert.equal(Number(s.attrs.failures), own.filter((c) => c.children.some((x) => x.name === 'failure')).length, `failures of ${s.attrs.name}`);
    }
    // Every checked BizTalk file is a suite, even the clean UTF-16 and CRLF ones.
    const names = suites.map((s) => s.attrs.name.replace(/\\/g, '/')).sort();
    assert.deepEqual(names, ['bindings/FtpRelay.BindingInfo.xml', 'bindings/OrderedLedger.Bindings.xml', 'bindings/OrdersFileSql.Bindings.xml', 'bindings/QuotesWcf.BindingInfo.xml', 'prod.topology.yaml']);
    // Each failure names its rule and says where.
    for (const f of failing) {
      const c = failures.find((x) => x.attrs.name.startsWith(f.ruleId + ': ') && Number(x.attrs.line) === f.line && x.attrs.file === f.file);
      assert.ok(c, `a failing test case for ${f.ruleId} at ${f.file}:${f.line}`);
      const failure = c.children.find((x) => x.name === 'failure')!;
      assert.equal(failure.attrs.type, f.severity);
      assert.equal(failure.attrs.message, f.message);
      assert.ok(failure.text.includes(`${f.file}:${f.line}:${f.column}`));
    }
  });

  it('github: one workflow command per finding, error / warning / notice', async () => {
    const r = await cli(['--format', 'github', ...TODAY], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, findings.length);
    for (const [i, f] of findings.entries()) {
      const kind = f.severity === 'info' ? 'notice' : f.severity;
      const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.*)$/.exec(lines[i]);
      assert.ok(m, `not a workflow command: ${lines[i]}`);
      assert.equal(m[1], kind);
      assert.equal(m[2], f.file.replace(/\\/g, '/'));
      assert.equal(Number(m[3]), f.line);
      assert.equal(Number(m[4]), f.column);
      assert.equal(m[7], f.ruleId);
      assert.equal(m[8], escapeData(f.message));
    }
  });

  it('azure-devops: one logging command per error or warning finding, none for info', async () => {
    const r = await cli(['--format', 'azure-devops', ...TODAY], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n').filter(Boolean);
    const covered = findings.filter((f) => f.severity !== 'info');
    assert.equal(lines.length, covered.length);
    for (const [i, f] of covered.entries()) {
      const m = /^##vso\[task\.logissue type=(error|warning);sourcepath=([^;]+);linenumber=(\d+);columnnumber=(\d+);code=([^\]]+)\](.*)$/.exec(lines[i]);
      assert.ok(m, `not a logging command: ${lines[i]}`);
      assert.equal(m[1], f.severity);
      assert.equal(m[2], f.file);
      assert.equal(Number(m[3]), f.line);
      assert.equal(Number(m[4]), f.column);
      assert.equal(m[5], f.ruleId);
      assert.equal(m[6], escapeMessage(f.message));
    }
  });

  it('--quiet reports errors only (exit code still 1 on errors)', async () => {
    const r = await cli(['--format', 'json', '--quiet', ...TODAY], dir);
    const shown = JSON.parse(r.stdout) as JsonFinding[];
    assert.deepEqual(
      shown.map((f) => `${f.file}:${f.line}:${f.ruleId}`),
      findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line}:${f.ruleId}`),
    );
    assert.equal(r.code, 1);
  });

  it('--max-warnings: exit 1 above the limit, and says so; at the limit the exit code is the errors\'', async () => {
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    // Only warnings: turn every rule that gives errors here into a warning with a config file.
    const errorRules = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId))];
    const cfg = JSON.stringify({ rules: Object.fromEntries(errorRules.map((id) => [id, 'warning'])) });
    const total = warnings + findings.filter((f) => f.severity === 'error').length;
    const d2 = bindingsWorkspace({ 'btslint.config.json': cfg });
    try {
      const atLimit = await cli(['--format', 'json', '--max-warnings', String(total), ...TODAY], d2);
      assert.equal(atLimit.code, 0, atLimit.stderr);
      const above = await cli(['--format', 'json', '--max-warnings', String(total - 1), ...TODAY], d2);
      assert.equal(above.code, 1);
      assert.match(above.stderr, new RegExp(`${total} warnings, more than --max-warnings ${total - 1}`));
    } finally {
      removeWorkspace(d2);
    }
    const bad = await cli(['--max-warnings', 'lots'], dir);
    assert.equal(bad.code, 2);
  });
});

describe('format escaping', () => {
  const finding = (message: string, severity: Finding['severity'] = 'warning', uri = '/ws/a,b:c.xml'): Finding => ({
    ruleId: 'msgbox-not-clustered',
    severity,
    message,
    uri,
    range: { start: 0, end: 1 },
    nodePath: 'x',
  });
  const input = (findings: Finding[]): FormatInput => ({
    findings,
    display: (u) => u.replace('/ws/', ''),
    position: (_u, o) => ({ line: 0, character: o }),
    color: false,
    cwd: '/ws',
    version: '0.0.0',
  });

  it('github escapes % CR LF in the message and also : , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(ghProperty('a:b,c%'), 'a%3Ab%2Cc%25');
    const out = github(input([finding('line one\nline two: 100%')]));
    assert.equal(out, '::warning file=a%2Cb%3Ac.xml,line=1,col=1,endLine=1,endColumn=2,title=msgbox-not-clustered::line one%0Aline two: 100%25\n');
  });

  it('azure-devops escapes % CR LF in the message and also ; ] in properties', () => {
    assert.equal(escapeMessage('50%\r\n'), '50%AZP25%0D%0A');
    assert.equal(azProperty('a;b]c'), 'a%3Bb%5Dc');
    const out = azureDevops(input([finding('x]; y\nz', 'error', '/ws/dir;1/f].xml'), finding('an info', 'info')]));
    assert.equal(out, '##vso[task.logissue type=error;sourcepath=dir%3B1/f%5D.xml;linenumber=1;columnnumber=1;code=msgbox-not-clustered]x]; y%0Az\n');
  });

  it('junit escapes markup and drops characters XML cannot hold; a clean file is one passing case', () => {
    assert.equal(xmlEscape(`<a href="x">&'\u0001</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    const xml = junit({ ...input([finding('bad <value> & "quotes"\u0007')]), files: ['/ws/a,b:c.xml', '/ws/clean.xml'] });
    const root = parseStrict(xml);
    assert.equal(root.attrs.tests, '2');
    assert.equal(root.attrs.failures, '1');
    const clean = root.children.find((s) => s.attrs.name === 'clean.xml')!;
    assert.equal(clean.children.length, 1);
    assert.equal(clean.children[0].children.length, 0, 'the clean file passes');
    const failure = root.children.find((s) => s.attrs.name === 'a,b:c.xml')!.children[0].children[0];
    assert.equal(failure.attrs.message, 'bad <value> & "quotes"');
  });

  it('info findings are passing JUnit test cases, not failures', () => {
    const root = parseStrict(junit(input([finding('just so you know', 'info')])));
    assert.equal(root.attrs.tests, '1');
    assert.equal(root.attrs.failures, '0');
    const tc = root.children[0].children[0];
    assert.equal(tc.children.some((c) => c.name === 'failure'), false);
  });
});
