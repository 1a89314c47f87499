// Hostile and broken topology files (YAML and JSON): alias bombs and cycles, tabs, unterminated
// flows, nesting far beyond any real file, a value of the wrong type for every key of the schema, and
// an unknown format version. Each gives clear findings at positions, no crash, and every other rule
// still runs without an internal error.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { Document, isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import { BtsDocument, describeModel, Finding, lint, readDocument } from '../../server/src/core';
import { rangeProblems } from './fuzzer';
import { aliasBomb, deepJson, deepYaml, ROOT } from './hostile';

const NOW = new Date('2026-12-01T00:00:00Z');
const COMPANIONS = [
  readDocument('Orders.BindingInfo.xml', fs.readFileSync(path.join(ROOT, 'examples', 'bindings', 'Contoso.Orders.BindingInfo.xml'))),
  readDocument('BizTalkConfiguration.xml', fs.readFileSync(path.join(ROOT, 'examples', 'config', 'BizTalkConfiguration.xml'))),
];

/** Reads and lints a topology with the companion files; checks the invariants every hostile case shares. */
function check(name: string, text: string): { doc: BtsDocument; findings: Finding[]; mine: Finding[] } {
  const doc = readDocument(name, text);
  const docs = [doc, ...COMPANIONS];
  const findings = lint(docs, { now: NOW });
  assert.deepEqual(rangeProblems(findings, docs), [], 'every range lies inside its document');
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message),
    [],
    'no rule fails on the file',
  );
  JSON.stringify(describeModel(doc));
  return { doc, findings, mine: findings.filter((f) => f.uri === name) };
}

function at(doc: BtsDocument, f: Finding): string {
  return doc.text.slice(f.range.start, f.range.end);
}

describe('hostile YAML and JSON topologies', () => {
  it('an alias bomb (9^9 values) is reported at the alias that crosses the bound, and not expanded', () => {
    const text = aliasBomb();
    const { doc, mine } = check('bomb.topology.yaml', text);
    const bomb = mine.filter((f) => /alias bomb/.test(f.message));
    assert.equal(bomb.length, 1);
    assert.equal(bomb[0].ruleId, 'parse-error');
    assert.equal(at(doc, bomb[0]), '*e');
    const line = doc.lines().position(bomb[0].range.start).line;
    assert.match(doc.lines().lineText(line), /^ {2}f: &f \[/);
    assert.match(bomb[0].message, /expand to more than 100,000 values by this one \(\*e\)/);
    // Nothing walks the file further (rules, the model, the editor's outline would meet the expansion).
    assert.equal(doc.topology!.root.isMap, false);
    assert.equal((describeModel(doc) as { hosts?: unknown }).hosts, undefined);
    assert.deepEqual(mine.map((f) => f.ruleId), ['parse-error'], 'no rule checks the file');
  });

  it('aliases inside the value they name (cycles) are reported at the alias', () => {
    for (const [text, alias] of [
      ['topology: 1\nenvironment: production\nsqlInstances: &s [*s]\n', '*s'],
      ['topology: 1\nenvironment: production\nx-loop: &x { y: *x }\n', '*x'],
      ['topology: 1\nenvironment: production\nhosts: &h\n  - name: A\n    instances: *h\n', '*h'],
    ]) {
      const { doc, mine } = check('loop.topology.yaml', text);
      const cyc = mine.filter((f) => /stands inside the value it names/.test(f.message));
      assert.equal(cyc.length, 1, text);
      assert.equal(at(doc, cyc[0]), alias);
    }
  });

  it('ordinary aliases stay allowed', () => {
    const text = 'topology: 1\nenvironment: production\nx-nodes: &nodes [SQLNODE1, SQLNODE2]\nsqlInstances:\n  - name: SQL1\n    failoverCluster: { nodes: *nodes }\n    databases: [{ name: BizTalkMsgBoxDb }]\n';
    const { mine } = check('ok.topology.yaml', text);
    assert.deepEqual(mine.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'topology-schema'), []);
    assert.ok(!mine.some((f) => f.ruleId === 'msgbox-not-clustered'), 'the alias is followed: the instance is clustered');
  });

  it('a tab used for indentation is reported on the tab, with what to do', () => {
    const text = 'topology: 1\nenvironment: production\nhosts:\n\t- name: SendHost\n';
    const { doc, mine } = check('tabs.topology.yaml', text);
    const tab = mine.find((f) => f.ruleId === 'parse-error' && /\btab\b/i.test(f.message))!;
    assert.ok(tab, 'a finding about the tab');
    assert.equal(at(doc, tab), '\t');
    assert.equal(tab.message, 'A tab indents this line: YAML indents with spaces only. Replace the tab with spaces.');
  });

  it('unterminated flows and quotes are reported inside the file, even at its very end', () => {
    for (const [name, text] of [
      ['seq.topology.yaml', 'topology: 1\nenvironment: production\nhosts:\n  - name: SendHost\n    instances: [BTSAPP01, BTSAPP02'],
      ['map.topology.yaml', 'topology: 1\nenvironment: production\nhosts: [ { name: SendHost'],
      ['quote.topology.yaml', 'topology: 1\nenvironment: "production\nhosts: []\n'],
      ['json.topology.json', '{ "topology": 1, "environment": "production", "hosts": [ { "name": "SendHost" '],
      ['jsonstr.topology.json', '{ "topology": 1, "environment": "produ'],
    ]) {
      const { doc, mine } = check(name, text);
      const syntax = mine.filter((f) => f.ruleId === 'parse-error');
      assert.ok(syntax.length > 0, `${name}: a syntax finding`);
      for (const f of syntax) assert.ok(f.range.end <= doc.text.length && f.range.start <= f.range.end, `${name}: ${JSON.stringify(f.range)}`);
    }
  });

  it('a topology with a syntax error is offered no fix (found by the fuzzer: an edit at offset -1)', () => {
    // `{` never closed: the flow map has no `}` to insert before. Seed 7777, case 3920 of scripts/fuzz.js.
    for (const [name, text] of [
      ['cut.topology.json', '{\n  '],
      ['cut2.topology.json', '{ "topology": 1, "environment": "production", "backup": { "offsite": {} '],
      ['cut.topology.yaml', 'topology: 1\nenvironment: production\nbackup: { offsite: { copies: 3 }\n'],
    ]) {
      const { findings } = check(name, text);
      const withFix = findings.filter((f) => f.fix?.edits.some((e) => e.uri === name));
      assert.deepEqual(withFix.map((f) => f.ruleId), [], `${name}: fixes offered into a file that does not parse`);
      assert.ok(findings.some((f) => f.uri === name && f.ruleId === 'parse-error'));
    }
  });

  it(`nesting far beyond any topology is refused, twice in a row`, () => {
    // Twice: a stack overflow inside the yaml package (at about 800 levels) once left the process
    // unable to compile a regular expression: a fatal "RegExpCompiler Allocation failed" on the next
    // file. 2,000 to 20,000 levels here (the yaml tokenizer needs seconds for 200,000; the CLI
    // survival test runs that size, under its time limit).
    for (let round = 0; round < 2; round++) {
      for (const [name, text] of [
        ['deep.topology.yaml', deepYaml(20_000)],
        ['deep.topology.json', deepJson(2_000)],
        ['deepmap.topology.yaml', `topology: 1\nenvironment: production\nx-deep: ${'{a: '.repeat(2_000)}1${'}'.repeat(2_000)}\n`],
        ['deepblock.topology.yaml', 'topology: 1\nenvironment: production\nx-deep:\n' + Array.from({ length: 300 }, (_, k) => ' '.repeat(k + 1) + 'k:').join('\n') + ' 1\n'],
        ['deepseq.topology.yaml', 'topology: 1\nenvironment: production\nx-deep:\n' + '- '.repeat(2_000) + 'x\n'],
      ]) {
        const { doc, mine } = check(name, text);
        const deep = mine.filter((f) => /more than 64 levels deep/.test(f.message));
        assert.equal(deep.length, 1, `${name}: ${mine.map((f) => f.message).join('\n')}`);
        assert.ok(deep[0].range.start > 20 && deep[0].range.end <= doc.text.length, `${name}: reported where the nesting is`);
      }
    }
  });

  it('64 levels are still read', () => {
    const text = `topology: 1\nenvironment: production\nx-deep: ${'['.repeat(63)}${']'.repeat(63)}\n`;
    const { mine } = check('ok.topology.yaml', text);
    assert.deepEqual(mine.filter((f) => f.ruleId === 'parse-error'), []);
  });

  it('an unknown format version gets one clear finding on the version, and nothing else is checked', () => {
    for (const [name, text, value] of [
      ['v2.topology.yaml', 'topology: 2\nenvironment: production\nservers: 5\nnewKey: {}\n', '2'],
      ['v2.topology.json', '{ "topology": 2.1, "environment": "prod", "sqlInstances": [{ "name": "SQL1" }] }', '2.1'],
    ]) {
      const { doc, mine } = check(name, text);
      assert.equal(mine.length, 1, mine.map((f) => `${f.ruleId}: ${f.message}`).join('\n'));
      assert.equal(mine[0].ruleId, 'topology-schema');
      assert.equal(at(doc, mine[0]), value);
      assert.match(mine[0].message, new RegExp(`^This file is written in topology format ${value.replace('.', '\\.')}; this version of btslint reads format 1 only, so the file is not checked\\.`));
    }
  });

  it('a version of the wrong type is a plain schema error', () => {
    const { doc, mine } = check('vs.topology.yaml', 'topology: "1"\nenvironment: production\n');
    const v = mine.filter((f) => f.ruleId === 'topology-schema');
    assert.equal(v.length, 1);
    assert.equal(at(doc, v[0]), '"1"');
  });

  it('every key of the schema given a value of the wrong type: a finding on each value, no rule fails', () => {
    const { text, leaves } = wrongTypedTopology();
    assert.ok(leaves.length > 60, `only ${leaves.length} leaves generated from the schema`);
    for (const [name, body] of [
      ['wrong.topology.yaml', text],
      ['wrong.topology.json', JSON.stringify(parseDocument(text).toJS(), null, 2)],
    ]) {
      const { doc, mine } = check(name, body);
      const parsed = parseDocument(body);
      const schemaStarts = new Set(mine.filter((f) => f.ruleId === 'topology-schema').map((f) => f.range.start));
      const missed: string[] = [];
      for (const leaf of leaves) {
        const node = parsed.getIn(leaf, true) as { range?: [number, number, number] } | undefined;
        assert.ok(node?.range, `${name}: node ${leaf.join('.')}`);
        if (!schemaStarts.has(node.range[0])) missed.push(`${leaf.join('.')} = ${doc.text.slice(node.range[0], node.range[1])}`);
      }
      assert.deepEqual(missed, [], `${name}: wrong values without a topology-schema finding on them`);
    }
  });

  it('every section of the wrong kind (a scalar for a list, a list for a mapping): findings, no rule fails', () => {
    const schema = topologySchema();
    const doc: Record<string, unknown> = { topology: 1, environment: 'production' };
    const wrong: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema.properties as Record<string, Schema>)) {
      if (k === 'topology' || k === 'environment' || k === '$schema') continue;
      const t = typeOf(v);
      wrong[k] = t === 'array' ? { not: 'a list' } : t === 'object' ? ['not', 'a', 'mapping'] : { not: 'a value' };
    }
    Object.assign(doc, wrong);
    const text = stringify(doc);
    const { doc: read, mine } = check('kinds.topology.yaml', text);
    const parsed = parseDocument(text);
    for (const k of Object.keys(wrong)) {
      const node = parsed.getIn([k], true) as { range: [number, number, number] };
      assert.ok(mine.some((f) => f.ruleId === 'topology-schema' && f.range.start === node.range[0]), `no finding on ${k}: ${read.text.slice(node.range[0], node.range[1])}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// A topology where every leaf of the schema holds a value of the wrong type, generated from the schema
// itself so that new keys are covered without touching this test.

type Schema = Record<string, unknown>;

function topologySchema(): Schema {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'topology.schema.json'), 'utf8')) as Schema;
}

function resolve(node: Schema, root: Schema): Schema {
  let n = node;
  for (let guard = 0; guard < 20; guard++) {
    if (typeof n.$ref === 'string') {
      n = { ...(root.definitions as Record<string, Schema>)[(n.$ref).replace('#/definitions/', '')], ...omit(n, '$ref') };
      continue;
    }
    if (!n.type && Array.isArray(n.allOf) && n.allOf.length) {
      n = { ...(n.allOf as Schema[]).reduce((a, b) => ({ ...a, ...b }), {}), ...omit(n, 'allOf') };
      continue;
    }
    if (!n.type && Array.isArray(n.anyOf) && n.anyOf.length) {
      n = { ...(n.anyOf as Schema[])[0], ...omit(n, 'anyOf') };
      continue;
    }
    break;
  }
  return n;
}

function omit(o: Schema, key: string): Schema {
  const { [key]: _drop, ...rest } = o;
  void _drop;
  return rest;
}

let rootSchema: Schema | undefined;
function typeOf(node: Schema): string | undefined {
  return [...typesOf(node)][0];
}

/** Every type a value may have: its `type` (or list), through $ref, allOf and every anyOf branch. */
function typesOf(node: Schema): Set<string> {
  rootSchema ??= topologySchema();
  const defs = rootSchema.definitions as Record<string, Schema>;
  const out = new Set<string>();
  const visit = (n: Schema | undefined, depth: number) => {
    if (!n || depth > 20) return;
    for (const x of Array.isArray(n.type) ? n.type : [n.type]) if (typeof x === 'string') out.add(x === 'integer' ? 'number' : x);
    if (typeof n.$ref === 'string') visit(defs[n.$ref.replace('#/definitions/', '')], depth + 1);
    for (const b of [...((n.allOf as Schema[]) ?? []), ...((n.anyOf as Schema[]) ?? [])]) visit(b, depth + 1);
  };
  visit(node, 0);
  return out;
}

function wrongTypedTopology(): { text: string; leaves: (string | number)[][] } {
  const root = topologySchema();
  const leaves: (string | number)[][] = [];
  let k = 0;
  // A value of a type the key does not allow, varied from key to key.
  // Fresh values each time: a value object used twice would become a YAML anchor and alias.
  const candidates: [string, () => unknown][] = [
    ['number', () => 12345],
    ['string', () => 'many'],
    ['boolean', () => true],
    ['object', () => ({ not: 'this' })],
    ['array', () => [1, 2]],
  ];
  const wrongFor = (node: Schema): unknown => {
    const allowed = typesOf(node);
    const choices = candidates.filter(([t]) => !allowed.has(t));
    k++;
    return choices[k % choices.length][1]();
  };
  const gen = (node: Schema, at: (string | number)[]): unknown => {
    const n = resolve(node, root);
    const t = typeOf(n);
    if (t === 'object' && n.properties) {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(n.properties as Record<string, Schema>)) {
        if (key === '$schema') continue;
        out[key] = gen(child, [...at, key]);
      }
      return out;
    }
    if (t === 'array' && n.items) {
      const items = resolve(n.items as Schema, root);
      if (typeOf(items) === 'object' && items.properties) return [gen(items, [...at, 0])];
      leaves.push([...at, 0]);
      return [wrongFor(n.items as Schema)];
    }
    leaves.push(at);
    return wrongFor(node);
  };
  const data = gen(root, []) as Record<string, unknown>;
  const doc = new Document(data);
  // Flow style for the wrong values keeps their nodes compact and their ranges exact.
  const text = doc.toString({ flowCollectionPadding: true });
  const check = parseDocument(text);
  for (const leaf of leaves) {
    const n = check.getIn(leaf, true);
    if (!(isScalar(n) || isMap(n) || isSeq(n))) throw new Error(`generated topology lacks ${leaf.join('.')}`);
  }
  return { text, leaves };
}
