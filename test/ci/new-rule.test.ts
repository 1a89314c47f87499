// `npm run new-rule <id>` (scripts/new-rule.js) scaffolds a rule in a copy of the repository's registry
// and docs: its file, docs page and table test, registered. Half-made, it fails the meta-test's checks
// (test/helpers/ruleMeta.ts) and RuleTester (test/helpers/ruleTester.ts); once its <<TODO markers are
// filled, it passes both, as the meta-test and the rule's own table test would run them.

import { describe, it, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import * as vm from 'vm';
import * as ts from 'typescript';
import type { Rule } from '../../server/src/core';
import { repoRoot } from '../helpers/paths';
import { assertRuleComplete } from '../helpers/ruleMeta';
import { caseRunner, RuleTables } from '../helpers/ruleTester';

const ROOT = repoRoot();
const SCRIPT = path.join(ROOT, 'scripts', 'new-rule.js');
const RULES_OUT = path.join(ROOT, 'out', 'server', 'src', 'core', 'rules');
const ID = 'demo-express-edition';
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

/** A folder with what the scaffold edits: the registry and docs/topology.md, copied. */
function copy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-new-rule-'));
  temps.push(dir);
  for (const f of ['server/src/core/rules/index.ts', 'docs/topology.md']) {
    fs.mkdirSync(path.join(dir, path.dirname(f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  fs.mkdirSync(path.join(dir, 'docs', 'rules'));
  fs.mkdirSync(path.join(dir, 'test', 'rules'), { recursive: true });
  return dir;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
}

/** The TypeScript file compiled, its relative imports pointed at the built repository (or given modules). */
function load(file: string, modules: Record<string, unknown> = {}): Record<string, unknown> {
  const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const exports: Record<string, unknown> = {};
  const req = (m: string) => (m in modules ? modules[m] : require(m.startsWith('./') ? path.join(RULES_OUT, m) : m));
  (vm.runInThisContext(`(function (require, exports, module) {${js}\n})`) as (r: typeof req, e: typeof exports, m: { exports: typeof exports }) => void)(req, exports, { exports });
  return exports;
}

function ruleOf(dir: string): Rule {
  return load(path.join(dir, 'server', 'src', 'core', 'rules', `${ID}.ts`)).default as Rule;
}

function tablesOf(dir: string, rule: Rule): RuleTables {
  let tables: RuleTables | undefined;
  load(path.join(dir, 'test', 'rules', `${ID}.test.ts`), {
    [`../../server/src/core/rules/${ID}`]: { __esModule: true, default: rule },
    '../helpers/ruleTester': { ruleTester: (_r: Rule, t: RuleTables) => (tables = t) },
  });
  assert.ok(tables, 'the test file calls ruleTester');
  return tables;
}

const TOPOLOGY = (edition: string) => `topology: 1\\nenvironment: production\\nsqlInstances:\\n  - name: SQL1\\n    edition: ${edition}\\n`;

/** What a person writes in place of each marker. */
const FILL: [RegExp | string, string][] = [
  [/<<TODO: one sentence: what is wrong, as the docs page says it>>/g, 'A SQL instance is declared Express, which cannot hold the BizTalk databases.'],
  [/<<TODO: the Microsoft page title>>/g, 'Planning Your Platform for Fault Tolerance'],
  [/<<TODO: page>>/g, 'core/planning-your-platform-for-fault-tolerance'],
  [/<<TODO: "\{\{instance\}\}" is … \. Do … \.>>/g, '"{{instance}}" is SQL Server Express. Use Standard or Enterprise.'],
  [/<<TODO: the value that is wrong>>/g, 'Express'],
  [/<<TODO: what the rule checks, in a line>>/g, 'a SQL instance declared Express'],
  ["{ name: '<<TODO: a topology that is right>>', files: {} }", `{ name: 'Enterprise', files: { [T]: '${TOPOLOGY('Enterprise')}' } }`],
  ["name: '<<TODO: a topology that is reported, and where>>',", "name: 'Express: at the value',"],
  ["files: { [T]: 'topology: 1\\nenvironment: production\\n' },", `files: { [T]: '${TOPOLOGY('Express')}' },`],
  ['range: [1, 1, 1, 1],', 'range: [5, 14, 5, 21],'],
  ["'<<TODO: instance>>'", "'SQL1'"],
  ["'<<TODO: the nodePath>>'", "'sqlInstances[name=SQL1].edition'"],
  [/<<TODO: [^>]*>>/g, 'Written.'],
];

function fill(dir: string): void {
  for (const f of [`server/src/core/rules/${ID}.ts`, `docs/rules/${ID}.md`, `test/rules/${ID}.test.ts`]) {
    let text = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const [from, to] of FILL) text = typeof from === 'string' ? text.split(from).join(to) : text.replace(from, to);
    fs.writeFileSync(path.join(dir, f), text);
  }
}

describe('npm run new-rule', () => {
  it('writes the rule, its docs page and its test, and registers it (in the registry and the table of environments)', () => {
    const dir = copy();
    const r = run(ID, '--root', dir, '--category', 'storage', '--severity', 'error', '--by-environment', 'full');
    assert.equal(r.status, 0, r.stderr);
    for (const f of [`server/src/core/rules/${ID}.ts`, `docs/rules/${ID}.md`, `test/rules/${ID}.test.ts`]) assert.ok(fs.existsSync(path.join(dir, f)), f);
    const index = fs.readFileSync(path.join(dir, 'server/src/core/rules/index.ts'), 'utf8');
    assert.match(index, /^import demoExpressEdition from '\.\/demo-express-edition';$/m);
    assert.match(index, /^ {2}demoExpressEdition,\n {2}configInvalid,$/m);
    assert.match(fs.readFileSync(path.join(dir, 'docs/topology.md'), 'utf8'), /\| \*\*full\*\*.*\[`demo-express-edition`\]\(rules\/demo-express-edition\.md\)/);
    const rule = ruleOf(dir);
    assert.deepEqual([rule.meta.category, rule.meta.defaultSeverity, rule.meta.byEnvironment], ['storage', 'error', 'full']);
  });

  it('half-made, the rule fails the meta-test and its cases fail RuleTester', () => {
    const dir = copy();
    assert.equal(run(ID, '--root', dir).status, 0);
    const rule = ruleOf(dir);
    assert.throws(() => assertRuleComplete(rule, dir), /TODO/);
    const tables = tablesOf(dir, rule);
    const runner = caseRunner(rule);
    assert.throws(() => runner.valid(tables.valid[0]), /scaffold/);
    assert.throws(() => runner.invalid(tables.invalid[0]), /scaffold/);
  });

  it('filled in, the rule passes the meta-test and its table test', () => {
    const dir = copy();
    assert.equal(run(ID, '--root', dir).status, 0);
    fill(dir);
    const rule = ruleOf(dir);
    assertRuleComplete(rule, dir);
    const tables = tablesOf(dir, rule);
    const runner = caseRunner(rule);
    tables.valid.forEach((c) => runner.valid(c));
    tables.invalid.forEach((c) => runner.invalid(c));
    runner.kindsTested();
  });

  it('refuses a bad id, an unknown option, a rule that exists; --dry-run writes nothing', () => {
    const dir = copy();
    assert.equal(run('Not_Kebab', '--root', dir).status, 2);
    assert.equal(run(ID, '--root', dir, '--colour', 'red').status, 2);
    assert.equal(run(ID, '--root', dir, '--category', 'nowhere').status, 2);
    const before = fs.readFileSync(path.join(dir, 'server/src/core/rules/index.ts'), 'utf8');
    const dry = run(ID, '--root', dir, '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /would write/);
    assert.equal(fs.readFileSync(path.join(dir, 'server/src/core/rules/index.ts'), 'utf8'), before);
    assert.ok(!fs.existsSync(path.join(dir, `docs/rules/${ID}.md`)));
    assert.equal(run(ID, '--root', dir).status, 0);
    const again = run(ID, '--root', dir);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /exists already/);
  });
});

describe('npm run new-rule on a CRLF checkout (Windows, core.autocrlf)', () => {
  it('registers the rule in the files line endings', () => {
    const { register, addToEnvironmentTable } = require(SCRIPT) as { register(text: string, o: { id: string }): string; addToEnvironmentTable(text: string, o: { id: string; byEnvironment: string }): string };
    const crlf = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8').replace(/\r?\n/g, '\r\n');
    const index = register(crlf('server/src/core/rules/index.ts'), { id: ID });
    assert.match(index, /\r\n {2}demoExpressEdition,\r\n {2}configInvalid,\r\n/);
    assert.doesNotMatch(index, /[^\r]\n/);
    const topology = addToEnvironmentTable(crlf('docs/topology.md'), { id: ID, byEnvironment: 'availability' });
    assert.doesNotMatch(topology, /[^\r]\n/);
    assert.match(topology, /\| \*\*availability\*\*.*\[`demo-express-edition`\]/);
  });
});
