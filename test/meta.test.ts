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
// "Source" links every URL of meta.sources. The checks of one rule are in test/helpers/ruleMeta.ts (the
// scaffold's test runs them too), and a rule still holding a <<TODO marker of `npm run new-rule` fails.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules, docsPath } from '../server/src/core';
import { docsUrl } from '../server/src/host/docs';
import { fileURLToPath } from 'url';
import { repoRoot } from './helpers/paths';
import { assertCitesSource, assertDocsPage, assertMetaComplete, assertNoScaffoldLeft, assertOwnFile, assertTestFile, BEHAVIOURS, environmentRows, gen, KEBAB, readText } from './helpers/ruleMeta';

const ROOT = repoRoot();
const DOCS = path.join(ROOT, 'docs', 'rules');

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

  it('message templates are ASCII (a report of ASCII text stays a one-byte string: a third faster to sanitise and write; and any console code page shows it)', () => {
    for (const r of allRules) {
      for (const [id, template] of Object.entries(r.meta.messages ?? {})) {
        assert.match(template, /^[\x20-\x7e]*$/, `${r.meta.id}/${id} holds a character outside printable ASCII`);
      }
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
      assertMetaComplete(rule);
    });

    it('cites a Microsoft source (unless built-in or a workspace rule)', () => {
      assertCitesSource(rule);
    });

    it('lives in its own file named after its id', () => {
      assertOwnFile(rule, ROOT);
    });

    it('docsUrl points at its page, which exists (a file: URL to the installed docs/rules page)', () => {
      assert.equal(docsPath(id), `docs/rules/${id}.md`);
      assert.ok(docsUrl(id).startsWith('file:///') && docsUrl(id).endsWith(`docs/rules/${id}.md`), docsUrl(id));
      assert.ok(fs.existsSync(fileURLToPath(docsUrl(id))), `${docsUrl(id)} does not open`);
    });

    it('has a docs page with the agreed headings', () => {
      assertDocsPage(rule, ROOT);
    });

    it('has a test file test/rules/<id>.test.ts that mentions the id', () => {
      assertTestFile(rule, ROOT);
    });

    it('holds no <<TODO marker of npm run new-rule', () => {
      assertNoScaffoldLeft(rule, ROOT);
    });
  });
}

describe('docs/topology.md: the one table of severities by environment', () => {
  it('lists every rule in the row of its meta.byEnvironment, and only there', () => {
    const text = readText(path.join(ROOT, 'docs', 'topology.md'));
    const m = /<!-- environments:start -->([\s\S]*?)<!-- environments:end -->/.exec(text);
    assert.ok(m, 'docs/topology.md lacks the <!-- environments:start --> / <!-- environments:end --> markers');
    const rows = environmentRows(ROOT);
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
    const { generate } = require(path.join(ROOT, 'scripts', 'gen-validators.js')) as { generate(): Map<string, string> };
    const made = generate();
    assert.ok(made.size >= 2);
    for (const [file, text] of made) {
      const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      assert.ok(committed === text, `${path.relative(ROOT, file)} is out of date with its schema: run \`npm run gen:validators\``);
    }
  });
});
