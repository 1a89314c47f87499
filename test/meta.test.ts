// The meta-test: every registered rule is complete. Each has sound metadata, its own file named after
// its id, a docs page with the agreed headings, and a RuleTester file; docs/rules holds no orphan
// pages; the README rule table is what scripts/gen-rule-docs.js generates. Generic over the registry,
// so a new rule fails here until its siblings exist.
//
// A docs page (docs/rules/<id>.md; copy an existing one) is: `# <id>`, then meta.description as one
// line (Markdown-escaped as the README table does it), then exactly the level-2 headings of HEADINGS in
// order. "Quick-fix" starts with "None" exactly when the rule is not fixable; "Severity" names the
// default as `error`/`warning`/`info` and states its behaviour by environment (SEVERITY_SENTENCE, from
// meta.byEnvironment) with a link to the table of docs/topology.md, which lists every rule in its row;
// "Source" links every URL of meta.sources.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules, docsPath, FIX_KINDS } from '../server/src/core';
import { docsUrl } from '../server/src/host/docs';
import { fileURLToPath } from 'url';

/**
 * The repository root: the nearest folder above this file with btslint's package.json and tsconfig.json
 * (works from out/test and test/; the build may copy package.json into out/, never tsconfig.json).
 */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'tsconfig.json')) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'btslint') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no btslint package.json above ${__dirname}`);
    dir = up;
  }
}

const ROOT = repoRoot();
const DOCS = path.join(ROOT, 'docs', 'rules');

interface Generator {
  EDITOR_SCHEMA: string;
  mdText(s: string): string;
  kindLine(meta: (typeof allRules)[number]['meta']): string;
  renderRuleTable(rules: typeof allRules): string;
  renderEditorSchema(rules: typeof allRules): string;
  currentTable(readme: string): string | undefined;
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const gen = require(path.join(ROOT, 'scripts', 'gen-rule-docs.js')) as Generator;

/** Rules whose findings the engine reports itself (reader problems, rule failures). */
const BUILTIN = new Set(['parse-error', 'topology-schema', 'internal-error']);

const HEADINGS = ['What it checks', 'Why it matters', 'Examples', 'Quick-fix', 'Severity', 'Source'];
const SEVERITIES = ['error', 'warning', 'info'];
const BEHAVIOURS = new Set(['availability', 'site-loss', 'wrong-processing', 'full']);
/** What each rule page's Severity section says of its behaviour by environment (meta.byEnvironment). */
const SEVERITY_SENTENCE: Record<string, RegExp> = {
  availability: /This is an availability rule \(redundancy\): in `development` and `test` its findings are `info`/,
  'site-loss': /This is a site-loss rule \(surviving the loss of the site\): in `development` and `test` its findings are `info`/,
  'wrong-processing': /This is a wrong-processing rule: .* it keeps its severity in every environment/,
  full: /It keeps its severity in every environment/,
};
const CATEGORIES = ['clustering', 'storage', 'backup', 'sso', 'hosts', 'dr', 'workspace'];
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function readText(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

/** Lines outside fenced code blocks (a YAML comment in an example is not a heading). */
function proseLines(text: string): string[] {
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
function sections(text: string): Map<string, string> {
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

describe('rule registry', () => {
  it('has rules', () => {
    assert.ok(allRules.length > 0);
  });

  it('ids are kebab-case and unique', () => {
    const seen = new Set<string>();
    for (const r of allRules) {
      assert.match(r.meta.id, KEBAB, `rule id "${r.meta.id}" is not kebab-case`);
      assert.ok(!seen.has(r.meta.id), `rule id "${r.meta.id}" is registered twice`);
      seen.add(r.meta.id);
    }
  });

  it('every docs/rules/*.md page belongs to a registered rule', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    const orphans = fs
      .readdirSync(DOCS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .filter((id) => !ids.has(id));
    assert.deepEqual(orphans, [], `docs pages without a registered rule: ${orphans.join(', ')}`);
  });

  it('the README rule table is what `npm run docs:rules` generates', () => {
    const readme = readText(path.join(ROOT, 'README.md'));
    const table = gen.currentTable(readme);
    assert.ok(table !== undefined, 'README.md lacks the <!-- rules:start --> / <!-- rules:end --> markers');
    assert.equal(table, gen.renderRuleTable(allRules), 'the README rule table is stale: run `npm run docs:rules`');
  });

  it('the editor schema of btslint.config files names every rule (what `npm run docs:rules` generates)', () => {
    assert.equal(readText(gen.EDITOR_SCHEMA), gen.renderEditorSchema(allRules), 'schemas/btslint.config.editor.schema.json is stale: run `npm run docs:rules`');
  });
});

for (const rule of allRules) {
  const { meta } = rule;
  const id = meta.id;
  describe(`rule ${id}`, () => {
    it('meta is complete', () => {
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
    });

    it('cites a Microsoft source (unless built-in or a workspace rule)', () => {
      if (BUILTIN.has(id) || meta.category === 'workspace') return;
      assert.ok(meta.sources.length > 0, `${id} (category ${meta.category}) cites no Microsoft document in meta.sources`);
    });

    it('lives in its own file named after its id', () => {
      assert.ok(fs.existsSync(path.join(ROOT, 'server', 'src', 'core', 'rules', `${id}.ts`)), `server/src/core/rules/${id}.ts is missing`);
    });

    it('docsUrl points at its page, which exists (a file: URL to the installed docs/rules page)', () => {
      assert.equal(docsPath(id), `docs/rules/${id}.md`);
      assert.ok(docsUrl(id).startsWith('file:///') && docsUrl(id).endsWith(`docs/rules/${id}.md`), docsUrl(id));
      assert.ok(fs.existsSync(fileURLToPath(docsUrl(id))), `${docsUrl(id)} does not open`);
    });

    it('has a docs page with the agreed headings', () => {
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
    });

    it('has a test file test/rules/<id>.test.ts that mentions the id', () => {
      const file = path.join(ROOT, 'test', 'rules', `${id}.test.ts`);
      assert.ok(fs.existsSync(file), `test/rules/${id}.test.ts is missing`);
      assert.ok(readText(file).includes(id), `test/rules/${id}.test.ts does not mention ${id}`);
    });
  });
}

describe('docs/topology.md: the one table of severities by environment', () => {
  it('lists every rule in the row of its meta.byEnvironment, and only there', () => {
    const text = readText(path.join(ROOT, 'docs', 'topology.md'));
    const m = /<!-- environments:start -->([\s\S]*?)<!-- environments:end -->/.exec(text);
    assert.ok(m, 'docs/topology.md lacks the <!-- environments:start --> / <!-- environments:end --> markers');
    const rows = new Map<string, Set<string>>();
    for (const line of m[1].split(/\r?\n/)) {
      const kind = /^\| \*\*([a-z-]+)\*\*/.exec(line)?.[1];
      if (kind) rows.set(kind, new Set([...line.matchAll(/\[`([a-z0-9-]+)`\]\(rules\/\1\.md\)/g)].map((x) => x[1])));
    }
    assert.deepEqual([...rows.keys()].sort(), [...BEHAVIOURS].sort(), 'one row per behaviour');
    for (const rule of allRules) {
      const where = [...rows].filter(([, ids]) => ids.has(rule.meta.id)).map(([k]) => k);
      assert.deepEqual(where, [rule.meta.byEnvironment], `${rule.meta.id} is listed in the row of ${rule.meta.byEnvironment}`);
    }
    const relaxed = [...rows].filter(([k]) => ['availability', 'site-loss'].includes(k));
    for (const [k] of relaxed) assert.match(m[1].split('\n').find((l) => l.startsWith(`| **${k}**`))!, /\| `info` \| as documented \|/, `${k}: info in development and test`);
  });
});

describe('generated schema validators', () => {
  it('server/src/core/generated/* are what `npm run gen:validators` makes from schemas/', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { generate } = require(path.join(ROOT, 'scripts', 'gen-validators.js')) as { generate(): Map<string, string> };
    const made = generate();
    assert.ok(made.size >= 2);
    for (const [file, text] of made) {
      const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      assert.ok(committed === text, `${path.relative(ROOT, file)} is out of date with its schema: run \`npm run gen:validators\``);
    }
  });
});
