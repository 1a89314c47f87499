// The `btslint` command survives every hostile case: it exits 0 or 1 (never 2 on input alone), within
// 20 s, with a peak memory under 1 GB, and prints a report that parses. Each case is a workspace of its
// own in a temporary folder, linted by a child process watched by the probe preload (probe.ts), which
// also reports the process's memory and any socket or process it tried.

import { describe, it, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { encode } from '../../server/src/core';
import {
  aliasBomb,
  billionLaughs,
  binaryBytes,
  cleanup,
  deepBinding,
  deepConfigExport,
  deepJson,
  deepYaml,
  MALFORMED_SETTINGS,
  ROOT,
  runCli,
  tempDir,
  UTF16_DECLARED_ON_UTF8,
  writeFiles,
  xxeBinding,
} from './hostile';

const LIMIT_MS = 20_000;
const LIMIT_RSS = 1024 * 1024 * 1024;
const base = tempDir('btslint-survive-');
after(() => cleanup(base));

const TOPOLOGY = 'topology: 1\nenvironment: production\nhosts:\n  - name: SendHost\n    instances: [BTSAPP01, BTSAPP02]\n';

interface Case {
  name: string;
  files: () => Record<string, string | Uint8Array>;
  /** Extra CLI arguments. */
  args?: string[];
  /** A rule id the report must hold (the case is not just survived but reported). */
  expect?: string;
}

// Each directive here suppresses nothing, so each is also reported (suppression-unused).
const wideDirectives = (n: number) => '<BindingInfo>' + '<!-- btslint-disable handler-host-unknown: hostile --><SendPortCollection/>'.repeat(n) + '</BindingInfo>';
const deepDirective = (n: number) =>
  '<BindingInfo><ReceivePortCollection>' + '<x>'.repeat(n) + '<!-- btslint-disable handler-host-unknown: hostile --><y/>' + '</x>'.repeat(n) + '</ReceivePortCollection></BindingInfo>';
const N = 20_000;

/**
 * Heavy cases: one run each, so that time and memory are theirs. The full 200,000 levels for nesting
 * and the entity bomb; the other shapes at 20,000 in one workspace (the core tests,
 * hostile-xml and hostile-yaml, run them at full size in process, where a quadratic regression shows).
 */
const HEAVY: Case[] = [
  { name: '200,000 levels of nesting, closed and unclosed', files: () => ({ 'Deep.BindingInfo.xml': deepBinding(), 'Unclosed.BindingInfo.xml': deepBinding(200_000, false), 'prod.topology.yaml': TOPOLOGY }), expect: 'handler-host-unknown' },
  { name: 'billion laughs', files: () => ({ 'Lol.BindingInfo.xml': billionLaughs() }), expect: 'parse-error' },
  {
    name: 'hostile shapes: deep answers, deep escaped settings, directives wide and deep, attributes, ampersands, quotes, deep YAML and JSON',
    files: () => ({
      'BizTalkConfiguration.xml': deepConfigExport(N),
      'Esc.BindingInfo.xml': `<BindingInfo><SendPortCollection><SendPort Name="P"><PrimaryTransport><TransportTypeData>${'&lt;a&gt;'.repeat(N)}</TransportTypeData></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>`,
      'Wide.BindingInfo.xml': wideDirectives(N / 4),
      'DeepDirective.BindingInfo.xml': deepDirective(N),
      'Attrs.BindingInfo.xml': '<BindingInfo ' + Array.from({ length: N }, (_, k) => `a${k}="v"`).join(' ') + '/>',
      'Amp.BindingInfo.xml': '<BindingInfo>' + '&'.repeat(10 * N) + ';</BindingInfo>',
      'Quotes.BindingInfo.xml': '<BindingInfo>' + "<a b='x>".repeat(N) + '</BindingInfo>',
      'deep.topology.yaml': deepYaml(N),
      'deep.topology.json': deepJson(N),
      'prod.topology.yaml': TOPOLOGY,
    }),
    expect: 'parse-error',
  },
];

/** Small hostile files, all in one workspace: each must get its finding, and the run survive them all. */
const SMALL: Record<string, { content: () => string | Uint8Array; expect: string }> = {
  'Xxe.BindingInfo.xml': { content: () => xxeBinding('file:///etc/passwd'), expect: 'parse-error' },
  'Lol.BindingInfo.xml': { content: billionLaughs, expect: 'parse-error' },
  'binary/Bindings.xml': { content: () => binaryBytes(1 << 20), expect: 'parse-error' },
  'empty/Bindings.xml': { content: () => new Uint8Array(0), expect: 'parse-error' },
  'Utf16Declared.BindingInfo.xml': { content: () => UTF16_DECLARED_ON_UTF8, expect: 'handler-host-unknown' },
  'Odd.BindingInfo.xml': { content: () => Buffer.concat([encode(UTF16_DECLARED_ON_UTF8, 'utf16le'), Buffer.from([0x3c])]), expect: 'parse-error' },
  'Malformed.BindingInfo.xml': { content: () => MALFORMED_SETTINGS, expect: 'parse-error' },
  'bomb.topology.yaml': { content: aliasBomb, expect: 'parse-error' },
  'tabs.topology.yaml': { content: () => 'topology: 1\nenvironment: production\nhosts:\n\t- name: A\n', expect: 'parse-error' },
  'u.topology.yaml': { content: () => 'topology: 1\nenvironment: production\nhosts: [ { name: A, instances: [B', expect: 'parse-error' },
  'u.topology.json': { content: () => '{"topology": 1, "hosts": [', expect: 'parse-error' },
  'v2.topology.yaml': { content: () => 'topology: 2\nenvironment: production\n', expect: 'topology-schema' },
  'w.topology.yaml': { content: () => 'topology: one\nenvironment: [production]\nservers: 5\nsqlInstances: {a: 1}\nhosts: yes\nsso: [1]\nbackup: "x"\nsharepoint: {}\ndr: 7\n', expect: 'topology-schema' },
  'prod.topology.yaml': { content: () => TOPOLOGY, expect: 'backup-job-missing-or-disabled' },
};

async function survive(t: { diagnostic(m: string): void }, dir: string, args: string[] = []) {
  const run = await runCli(['--format', 'json', ...args, '.'], dir, { probe: true, timeoutMs: LIMIT_MS });
  assert.equal(run.signal, null, `killed after ${run.ms} ms (limit ${LIMIT_MS} ms)`);
  assert.ok(run.status === 0 || run.status === 1, `exit code ${run.status}; stderr:\n${run.stderr.slice(0, 3000)}`);
  assert.ok(!/internal error|failed:/i.test(run.stderr), run.stderr.slice(0, 3000));
  assert.ok(run.probe, 'the probe report is missing');
  const mb = (n: number) => Math.round(n / (1024 * 1024));
  t.diagnostic(`${run.ms} ms, exit ${run.status}, RSS ${mb(run.probe.rssStart)} MB at start, ${mb(run.probe.rssEnd)} MB at exit, peak ${mb(run.probe.maxRss)} MB`);
  assert.deepEqual(run.probe.forbidden, []);
  assert.deepEqual(run.probe.workers.filter((w) => !w.startsWith(ROOT)), [], 'worker threads run btslint\'s own scripts only');
  assert.ok(run.probe.maxRss < LIMIT_RSS, `peak memory ${mb(run.probe.maxRss)} MB`);
  const findings = JSON.parse(run.stdout) as { ruleId: string; file: string; line: number; column: number }[];
  assert.ok(Array.isArray(findings));
  assert.deepEqual(findings.filter((f) => f.ruleId === 'internal-error'), [], 'a rule failed');
  for (const f of findings) assert.ok(f.line >= 1 && f.column >= 1);
  return findings;
}

describe('the CLI survives each hostile case', { concurrency: 2 }, () => {
  for (const c of HEAVY) {
    it(c.name, async (t) => {
      const dir = fs.mkdtempSync(path.join(base, 'case-'));
      writeFiles(dir, c.files());
      const findings = await survive(t, dir, c.args);
      if (c.expect) assert.ok(findings.some((f) => f.ruleId === c.expect), `no ${c.expect} finding`);
    });
  }

  it('small hostile files side by side, and a sparse 51 MB binding', async (t) => {
    const dir = fs.mkdtempSync(path.join(base, 'small-'));
    writeFiles(dir, Object.fromEntries(Object.entries(SMALL).map(([name, c]) => [name, c.content()])));
    const huge = path.join(dir, 'Huge.BindingInfo.xml');
    fs.writeFileSync(huge, '<BindingInfo>');
    fs.truncateSync(huge, 51 * 1024 * 1024);
    const findings = await survive(t, dir);
    const expected = { ...Object.fromEntries(Object.entries(SMALL).map(([n, c]) => [n, c.expect])), 'Huge.BindingInfo.xml': 'file-too-large' };
    for (const [name, rule] of Object.entries(expected)) {
      assert.ok(findings.some((f) => f.file.replace(/\\/g, '/') === name && f.ruleId === rule), `no ${rule} finding in ${name}`);
    }
  });
});
