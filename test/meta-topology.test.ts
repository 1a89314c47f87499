// The topology format promises only what btslint checks: every rule id that docs/topology.md names (its
// "Rules" columns, and any other `kebab-id` that is a rule's name in prose) and every rule named by a
// "Read by ..." sentence of schemas/topology.schema.json is a registered rule, and nothing is marked †
// (the mark of a rule that does not exist).

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../server/src/core';

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
const IDS = new Set(allRules.map((r) => r.meta.id));
const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'topology.md'), 'utf8').replace(/\r\n/g, '\n');
const SCHEMA_TEXT = fs.readFileSync(path.join(ROOT, 'schemas', 'topology.schema.json'), 'utf8');
const KEBAB = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g;

/** The cells of a Markdown table row. */
function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

/** The rule ids listed in the "Rules" column of every table of docs/topology.md, with their line. */
function rulesColumn(): { id: string; line: number }[] {
  const out: { id: string; line: number }[] = [];
  const lines = DOC.split('\n');
  let col = -1;
  lines.forEach((line, i) => {
    if (!line.trim().startsWith('|')) {
      col = -1;
      return;
    }
    const c = cells(line);
    if (col < 0) {
      col = c.indexOf('Rules');
      return;
    }
    if (/^-+$/.test(c[0] ?? '')) return;
    const value = c[col] ?? '';
    for (const part of value.split(',')) {
      const id = part.trim().replace(/†$/, '');
      if (!id || id === 'all' || id === 'all database rules') continue;
      out.push({ id, line: i + 1 });
    }
  });
  return out;
}

describe('docs/topology.md and the topology schema name only rules that exist', () => {
  it('the Rules columns list registered rules', () => {
    const listed = rulesColumn();
    assert.ok(listed.length > 50, `only ${listed.length} rule mentions found: did the tables change shape?`);
    const unknown = listed.filter((r) => !IDS.has(r.id)).map((r) => `${r.id} (line ${r.line})`);
    assert.deepEqual(unknown, [], `docs/topology.md names rules that do not exist: ${unknown.join(', ')}`);
  });

  it('nothing is marked † (a rule outside the registry)', () => {
    const marked = DOC.split('\n')
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l.includes('†'))
      .map(({ i }) => i + 1);
    assert.deepEqual(marked, [], `lines with †: ${marked.join(', ')}`);
  });

  it('every "Read by" sentence of the schema names registered rules', () => {
    const unknown = new Set<string>();
    let sentences = 0;
    for (const m of SCHEMA_TEXT.matchAll(/Read by ([^."]+)/g)) {
      sentences++;
      for (const id of m[1].match(KEBAB) ?? []) if (!IDS.has(id)) unknown.add(id);
    }
    assert.ok(sentences > 50, `only ${sentences} "Read by" sentences found`);
    assert.deepEqual([...unknown], [], `the schema says fields are read by rules that do not exist: ${[...unknown].join(', ')}`);
  });

});
