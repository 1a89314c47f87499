// The checks the meta-test makes of each rule (test/meta.test.ts runs them over the registry; the
// scaffold's test runs them on a rule `npm run new-rule` made, in a copy of the repository): sound
// metadata, its own file, a docs page with the agreed headings, a RuleTester file, a row in the table of
// severities by environment, and no <<TODO marker of the scaffold left in any of them.

import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules, FIX_KINDS, Rule } from '../../server/src/core';
import { repoRoot } from './paths';

interface Generator {
  EDITOR_SCHEMA: string;
  mdText(s: string): string;
  kindLine(meta: (typeof allRules)[number]['meta']): string;
  renderRuleTable(rules: typeof allRules): string;
  renderEditorSchema(rules: typeof allRules): string;
  currentTable(readme: string): string | undefined;
}
export const gen = require(path.join(repoRoot(), 'scripts', 'gen-rule-docs.js')) as Generator;

/** Rules whose findings the engine reports itself (reader problems, rule failures). */
export const BUILTIN = new Set(['parse-error', 'topology-schema', 'internal-error']);

export const HEADINGS = ['What it checks', 'Why it matters', 'Examples', 'Quick-fix', 'Severity', 'Source'];
export const SEVERITIES = ['error', 'warning', 'info'];
export const BEHAVIOURS = new Set(['availability', 'site-loss', 'wrong-processing', 'full']);
/** What each rule page's Severity section says of its behaviour by environment (meta.byEnvironment). */
export const SEVERITY_SENTENCE: Record<string, RegExp> = {
  availability: /This is an availability rule \(redundancy\): in `development` and `test` its findings are `info`/,
  'site-loss': /This is a site-loss rule \(surviving the loss of the site\): in `development` and `test` its findings are `info`/,
  'wrong-processing': /This is a wrong-processing rule: .* it keeps its severity in every environment/,
  full: /It keeps its severity in every environment/,
};
export const CATEGORIES = ['clustering', 'storage', 'backup', 'sso', 'hosts', 'dr', 'workspace'];
export const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

/** Lines outside fenced code blocks (a YAML comment in an example is not a heading). */
export function proseLines(text: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of text.split('\n')) {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (m) {
      if (!fence) fence = m[1];
      else if (m[1].startsWith(fence)) fence = undefined;
      continue;
    }
    if (!fence) out.push(line);
  }
  return out;
}

/** The level-2 sections of a page: heading -> body text. */
export function sections(text: string): Map<string, string> {
  const map = new Map<string, string>();
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const h = /^## (.+?)\s*$/.exec(line);
    if (h) {
      current = h[1];
      map.set(current, '');
    } else if (current !== undefined) map.set(current, map.get(current)! + line + '\n');
  }
  return map;
}

export function assertMetaComplete(rule: Rule): void {
  const { meta } = rule;
  const id = meta.id;
  assert.equal(typeof meta.description, 'string');
  assert.ok(meta.description.trim().length > 0, 'empty description');
  assert.ok(!/[\r\n]/.test(meta.description), 'the description is one line');
  assert.ok(SEVERITIES.includes(meta.defaultSeverity), `defaultSeverity "${meta.defaultSeverity}"`);
  assert.ok(CATEGORIES.includes(meta.category), `category "${meta.category}"`);
  assert.equal(typeof meta.fixable, 'boolean', 'fixable');
  assert.equal(meta.fixable, !!meta.fixKinds?.length, 'fixable exactly when fixKinds lists a kind');
  if (meta.fixKinds) assert.deepEqual(meta.fixKinds, FIX_KINDS.filter((k) => meta.fixKinds!.includes(k)), 'fixKinds: known kinds, once each, in the order fix, declaration, suggestion');
  assert.ok(BEHAVIOURS.has(meta.byEnvironment), `byEnvironment "${meta.byEnvironment}"`);
  assert.ok(Array.isArray(meta.sources), 'sources');
  for (const s of meta.sources) {
    assert.ok(typeof s.title === 'string' && s.title.trim().length > 0, `a source of ${id} has no title`);
    assert.match(s.url, /^https:\/\/learn\.microsoft\.com\//, `source "${s.title}" is not a learn.microsoft.com URL`);
  }
  // A check, or where its findings come from (reportedBy): never an empty check.
  if (rule.reportedBy === undefined) assert.equal(typeof rule.check, 'function', 'a rule has a check(ctx), or says which part of the core reports it (reportedBy)');
  else {
    assert.equal(rule.check, undefined, 'a rule reported by the engine, config or suppressions has no check of its own');
    assert.ok(['engine', 'config', 'suppressions'].includes(rule.reportedBy), `reportedBy "${rule.reportedBy}"`);
  }
}

export function assertCitesSource(rule: Rule): void {
  const { meta } = rule;
  const id = meta.id;
  if (BUILTIN.has(id) || meta.category === 'workspace') return;
  assert.ok(meta.sources.length > 0, `${id} (category ${meta.category}) cites no Microsoft document in meta.sources`);
}

export function assertOwnFile(rule: Rule, root: string): void {
  const id = rule.meta.id;
  assert.ok(fs.existsSync(path.join(root, 'server', 'src', 'core', 'rules', `${id}.ts`)), `server/src/core/rules/${id}.ts is missing`);
}

export function assertDocsPage(rule: Rule, root: string): void {
  const { meta } = rule;
  const id = meta.id;
  const DOCS = path.join(root, 'docs', 'rules');
  const file = path.join(DOCS, `${id}.md`);
  assert.ok(fs.existsSync(file), `docs/rules/${id}.md is missing`);
  const text = readText(file);
  const prose = proseLines(text);
  const nonEmpty = prose.filter((l) => l.trim() !== '');
  assert.equal(prose[0], `# ${id}`, 'the first line is "# <id>"');
  assert.equal(nonEmpty[1], gen.mdText(meta.description), 'the line after the title is meta.description');
  const h2 = prose.filter((l) => /^## /.test(l)).map((l) => l.slice(3).trim());
  assert.deepEqual(h2, HEADINGS, 'level-2 headings, in this order');
  assert.equal(prose.filter((l) => /^# /.test(l)).length, 1, 'one level-1 heading');

  const sec = sections(prose.join('\n'));
  const quickFix = sec.get('Quick-fix')!.trim();
  if (meta.fixable) {
    assert.ok(!/^None\b/.test(quickFix), 'a fixable rule describes its fix');
    // Which kinds of change (docs/ci.md): the first line of the section says them.
    assert.equal(quickFix.split('\n')[0], `**Kind:** ${gen.kindLine(meta)} (see [fixes, declarations and suggestions](../ci.md#fixes-declarations-and-suggestions)).`, 'the Quick-fix section starts with the kinds it offers');
  } else assert.match(quickFix, /^None\b/, 'a rule without a fix says "None" and why');

  const severity = sec.get('Severity')!;
  assert.ok(severity.includes(`\`${meta.defaultSeverity}\``), `the Severity section names the default \`${meta.defaultSeverity}\``);
  assert.match(severity.replace(/\s+/g, ' '), SEVERITY_SENTENCE[meta.byEnvironment], `the Severity section states the ${meta.byEnvironment} behaviour by environment`);
  assert.ok(severity.includes('../topology.md#environments-and-severities'), 'the Severity section links the table of docs/topology.md');

  const source = sec.get('Source')!;
  for (const s of meta.sources) assert.ok(source.includes(s.url), `the Source section lists ${s.url}`);
}

export function assertTestFile(rule: Rule, root: string): void {
  const id = rule.meta.id;
  const file = path.join(root, 'test', 'rules', `${id}.test.ts`);
  assert.ok(fs.existsSync(file), `test/rules/${id}.test.ts is missing`);
  assert.ok(readText(file).includes(id), `test/rules/${id}.test.ts does not mention ${id}`);
}

/** A rule made with `npm run new-rule` is finished: no <<TODO marker left in its metadata, docs page or test file. */
export function assertNoScaffoldLeft(rule: Rule, root: string): void {
  const id = rule.meta.id;
  assert.ok(!JSON.stringify(rule.meta).includes('<<TODO'), `${id}: meta still holds a <<TODO marker of npm run new-rule`);
  for (const file of [path.join(root, 'server', 'src', 'core', 'rules', `${id}.ts`), path.join(root, 'docs', 'rules', `${id}.md`), path.join(root, 'test', 'rules', `${id}.test.ts`)]) {
    if (fs.existsSync(file)) assert.ok(!readText(file).includes('<<TODO'), `${path.relative(root, file)} still holds a <<TODO marker of npm run new-rule`);
  }
}

/** The table of severities by environment in docs/topology.md: kind -> the rule ids in its row. */
export function environmentRows(root: string): Map<string, Set<string>> {
  const text = readText(path.join(root, 'docs', 'topology.md'));
  const m = /<!-- environments:start -->([\s\S]*?)<!-- environments:end -->/.exec(text);
  assert.ok(m, 'docs/topology.md lacks the <!-- environments:start --> / <!-- environments:end --> markers');
  const rows = new Map<string, Set<string>>();
  for (const line of m[1].split(/\r?\n/)) {
    const kind = /^\| \*\*([a-z-]+)\*\*/.exec(line)?.[1];
    if (kind) rows.set(kind, new Set([...line.matchAll(/\[`([a-z0-9-]+)`\]\(rules\/\1\.md\)/g)].map((x) => x[1])));
  }
  return rows;
}

/** Every check of one rule the meta-test makes against a repository folder. */
export function assertRuleComplete(rule: Rule, root: string): void {
  assertMetaComplete(rule);
  assertCitesSource(rule);
  assertOwnFile(rule, root);
  assertDocsPage(rule, root);
  assertTestFile(rule, root);
  assertNoScaffoldLeft(rule, root);
  const where = [...environmentRows(root)].filter(([, ids]) => ids.has(rule.meta.id)).map(([k]) => k);
  assert.deepEqual(where, [rule.meta.byEnvironment], `${rule.meta.id} is listed in the row of ${rule.meta.byEnvironment} in docs/topology.md`);
}
