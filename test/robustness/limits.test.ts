// Limits: one rule that throws is isolated (an internal-error finding, a log line, the other rules
// still run), in the engine, in the CLI and in the language server; the size limit's CLI flag is
// checked for sense. (The size limit itself: test/rules/file-too-large.test.ts and cli-survives.)

import { describe, it, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { BtsDocument, lint, NodePath, readDocument, Rule } from '../../server/src/core';
import msgboxNotClustered from '../../server/src/core/rules/msgbox-not-clustered';
import handlerHostUnknown from '../../server/src/core/rules/handler-host-unknown';
import { main } from '../../server/src/cli/main';
import { cleanup, ROOT, runCli, tempDir, writeFiles } from './hostile';
import { spawn } from 'child_process';

const NOW = new Date('2026-12-01T00:00:00Z');
const TOPOLOGY = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: BizTalkMsgBoxDb }]\nhosts:\n  - name: SendHost\n    instances: [BTSAPP01, BTSAPP02]\n';
const BINDING = '<BindingInfo><SendPortCollection><SendPort Name="P" IsStatic="true"><PrimaryTransport><TransportType Name="FILE"/><SendHandler Name="NoSuchHost"/></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>';

function throwing(id: string, what: unknown, reportFirst = false): Rule {
  return {
    meta: { id, description: 'throws', defaultSeverity: 'warning', category: 'workspace', fixable: false, byEnvironment: 'full', sources: [], messages: { before: 'before the failure' } },
    check(ctx) {
      if (reportFirst && ctx.topology) ctx.report({ doc: ctx.topology.doc, range: { start: 0, end: 8 }, messageId: 'before', nodePath: NodePath.id('x') });
      throw what;
    },
  };
}

const base = tempDir('btslint-limits-');
after(() => cleanup(base));

describe('a rule that throws is isolated', () => {
  const docs = (): BtsDocument[] => [readDocument('prod.topology.yaml', TOPOLOGY), readDocument('Orders.BindingInfo.xml', BINDING)];

  it('in the engine: an internal-error finding, the log callback, and every other rule still runs', () => {
    const logged: [string, unknown][] = [];
    const error = new TypeError("Cannot read properties of undefined (reading 'str')");
    const rules = [throwing('boom', error), msgboxNotClustered, handlerHostUnknown];
    const findings = lint(docs(), { now: NOW, rules, onInternalError: (id, e) => logged.push([id, e]) });
    assert.deepEqual(logged, [['boom', error]]);
    const internal = findings.filter((f) => f.ruleId === 'internal-error');
    assert.equal(internal.length, 1);
    assert.equal(internal[0].severity, 'error');
    assert.equal(internal[0].uri, 'prod.topology.yaml');
    assert.deepEqual(internal[0].range, { start: 0, end: 0 });
    assert.equal(internal[0].message, "btslint's rule boom failed on this workspace (Cannot read properties of undefined (reading 'str')); the other rules still ran. Please report it.");
    assert.ok(findings.some((f) => f.ruleId === 'msgbox-not-clustered'), 'a rule after the failing one ran');
    assert.ok(findings.some((f) => f.ruleId === 'handler-host-unknown'));
  });

  it('whatever is thrown (a string, undefined, an object), and wherever the rule stands in the list', () => {
    for (const thrown of ['a string', undefined, { code: 42 }, new RangeError('Maximum call stack size exceeded')]) {
      for (const order of [0, 1, 2]) {
        const rules = [msgboxNotClustered, handlerHostUnknown];
        rules.splice(order, 0, throwing('boom', thrown));
        const findings = lint(docs(), { now: NOW, rules });
        assert.equal(findings.filter((f) => f.ruleId === 'internal-error').length, 1, `${String(thrown)} at ${order}`);
        assert.ok(findings.some((f) => f.ruleId === 'msgbox-not-clustered') && findings.some((f) => f.ruleId === 'handler-host-unknown'));
      }
    }
  });

  it('what the rule reported before it threw is kept; two failing rules give two findings', () => {
    const findings = lint(docs(), { now: NOW, rules: [throwing('one', new Error('x'), true), throwing('two', new Error('y')), msgboxNotClustered] });
    assert.deepEqual(findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.nodePath).sort(), ['internal-error:one', 'internal-error:two']);
    assert.ok(findings.some((f) => f.ruleId === 'one' && f.message === 'before the failure'));
  });

  it('with no BizTalk file to anchor a finding: the log callback still hears of it', () => {
    const logged: string[] = [];
    const findings = lint([readDocument('notes.xml', '<notes/>')], { now: NOW, rules: [throwing('boom', new Error('x'))], onInternalError: (id) => logged.push(id) });
    assert.deepEqual(findings, []);
    assert.deepEqual(logged, ['boom']);
  });

  it('in the CLI: exit 1, the internal-error finding, a log line on stderr, the other findings', async () => {
    const dir = path.join(base, 'cli0');
    writeFiles(dir, { 'prod.topology.yaml': TOPOLOGY, 'Orders.BindingInfo.xml': BINDING, 'Second.BindingInfo.xml': BINDING.replace('Name="P"', 'Name="Q"') });
    const run = await runCliWith(['--format', 'json', '.'], dir);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /^btslint: rule test-throws failed: TypeError: injected failure/m);
    const findings = JSON.parse(run.stdout) as { ruleId: string; message: string; file: string }[];
    assert.ok(findings.some((f) => f.ruleId === 'internal-error' && /rule test-throws failed/.test(f.message)));
    assert.ok(findings.some((f) => f.ruleId === 'msgbox-not-clustered'));
    assert.deepEqual(findings.filter((f) => f.ruleId === 'handler-host-unknown').map((f) => f.file).sort(), ['Orders.BindingInfo.xml', 'Second.BindingInfo.xml']);
  });
});

describe('--max-file-size', () => {
  it('needs a size in megabytes greater than 0: anything else is a usage error (exit 2)', async () => {
    // In process (main() is the CLI minus the bin script), with stderr captured.
    const write = process.stderr.write;
    for (const bad of ['0', '-1', 'abc', '1e3', '']) {
      let err = '';
      process.stderr.write = ((chunk: string) => ((err += chunk), true));
      let code: number;
      try {
        code = await main(['--max-file-size', bad, '.'], base);
      } finally {
        process.stderr.write = write;
      }
      assert.equal(code, 2, `--max-file-size "${bad}"`);
      assert.match(err, /--max-file-size needs/);
    }
  });

  it('takes fractions: 0.001 MB skips a 2 KB file', async () => {
    const dir = path.join(base, 'frac');
    writeFiles(dir, { 'Orders.BindingInfo.xml': BINDING + ' '.repeat(2048) });
    const run = await runCli(['--format', 'json', '--max-file-size', '0.001', '.'], dir);
    assert.equal(run.status, 0, run.stderr);
    const findings = JSON.parse(run.stdout) as { ruleId: string; severity: string }[];
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [['file-too-large', 'info']]);
  });
});

/** The CLI with the throwing rule injected (inject.ts). */
function runCliWith(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', path.join(ROOT, 'out', 'test', 'robustness', 'inject.js'), path.join(ROOT, 'server', 'bin', 'btslint.js'), ...args], {
      cwd,
      env: { ...process.env, BTSLINT_INJECT_THROWING_RULE: '1', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
