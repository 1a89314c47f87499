// RuleTester-style tables for btslint rules (after ESLint's RuleTester): each case is a small
// workspace of files; invalid cases list the expected findings with exact 1-based ranges, their
// message id and data (not copied sentences), their nodePath (required), the kind of the finding's
// fix (fix or declaration) and the text every file has after it is applied (required: `fixOutput:
// null` when there is no fix), and its suggestions with their texts after each. Every
// kind of change a rule offers in its invalid cases must be asserted with its full output in at least
// one of them. Every message a case produces, valid or invalid, is held to MAX_MESSAGE_LENGTH.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, BtsDocument, Finding, Fix, FixKind, formatMessage, lint, MAX_MESSAGE_LENGTH, readDocument, Rule, severityRank } from '../../server/src/core';
import unfilledPlaceholder from '../../server/src/core/rules/unfilled-placeholder';
import { changedScalars } from './scalars';

export interface ExpectedFinding {
  /** The file the finding is in (defaults to the case's first file). */
  file?: string;
  /** The id of the rule's message (one of meta.messages). Required. */
  messageId: string;
  /**
   * For the rules whose message is a reader's own sentence (parse-error, topology-schema,
   * file-too-large: template `{{message}}`), the sentence or a pattern it must match.
   */
  message?: string | RegExp;
  /**
   * The data the message is filled with: the finding's message must be the template filled with it
   * (as ESLint's RuleTester checks). Omit to check the id only.
   */
  data?: Record<string, string | number>;
  /** [line, column, endLine, endColumn], 1-based, columns in UTF-16 units. */
  range: [number, number, number, number];
  severity?: 'error' | 'warning' | 'info';
  /**
   * The finding's nodePath (its baseline identity, built by rules/nodePath.ts), exactly. Required: a
   * change of it breaks every baseline already written, so every finding of every rule has it asserted.
   */
  nodePath: string;
  /**
   * For each file the fix changes, its whole text after the fix; `null` for a finding without a fix.
   * Required: every invalid case says what its fix does, or that there is none.
   */
  fixOutput: Record<string, string> | null;
  /** The kind of the fix (required with fixOutput): `fix` changes nothing declared, `declaration` inserts placeholders. */
  fixKind?: Exclude<FixKind, 'suggestion'>;
  /** The finding's suggestions, in order, each with the whole text of every file it changes; `null` asserts there are none. */
  suggestions?: { title?: string | RegExp; output: Record<string, string> }[] | null;
}

export interface RuleCase {
  name: string;
  files: Record<string, string | Uint8Array>;
  /** Today's date for date-based rules (default 2026-12-01). */
  today?: string;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
}

export const DEFAULT_TODAY = '2026-12-01';

export function lintFiles(files: Record<string, string | Uint8Array>, rules?: Rule[], today = DEFAULT_TODAY): { findings: Finding[]; docs: BtsDocument[] } {
  const docs = Object.entries(files).map(([name, content]) => readDocument(name, content));
  const findings = lint(docs, { rules, now: new Date(`${today}T00:00:00Z`) });
  return { findings, docs };
}

function rangeOf(doc: BtsDocument, f: Finding): [number, number, number, number] {
  const s = doc.lines().position(f.range.start);
  const e = doc.lines().position(f.range.end);
  return [s.line + 1, s.character + 1, e.line + 1, e.character + 1];
}

function show(docs: BtsDocument[], list: Finding[]): string {
  return list
    .map((f) => {
      const d = docs.find((x) => x.uri === f.uri)!;
      return `  ${f.uri} ${JSON.stringify(rangeOf(d, f))} ${f.severity} ${f.messageId ?? ''} ${JSON.stringify(f.data ?? {})} ${f.message}`;
    })
    .join('\n');
}

/** A message is the problem, then the fix: short enough to read in the Problems panel. */
function assertShort(list: Finding[]): void {
  for (const f of list) assert.ok(f.message.length <= MAX_MESSAGE_LENGTH, `${f.ruleId}/${f.messageId} is ${f.message.length} characters (at most ${MAX_MESSAGE_LENGTH}): ${f.message}`);
}

/** The whole text of each file a change edits, after it (for the record mode below). */
function outputOf(docs: BtsDocument[], change: Fix): Record<string, string> {
  const out: Record<string, string> = {};
  for (const uri of new Set(change.edits.map((e) => e.uri))) out[uri] = applyEdits(docs.find((d) => d.uri === uri)!.text, change.edits.filter((e) => e.uri === uri)).text;
  return out;
}

/**
 * BTSLINT_RULE_RECORD=<file>: instead of asserting the nodePath and the changes, append what each
 * expected finding has (test file, case, range, nodePath; its fix and suggestions: kind, title, output)
 * to <file> as JSON lines: a tool for filling the tables (CONTRIBUTING.md).
 */
function record(file: string, entry: unknown): void {
  require('fs').appendFileSync(file, JSON.stringify(entry) + '\n');
}

export interface RuleTables {
  valid: RuleCase[];
  invalid: InvalidCase[];
}

/**
 * A case is written out: `npm run new-rule` scaffolds cases named `<<TODO: …>>` with no files, and
 * they fail here until a person fills them, so a half-made rule never passes.
 */
export function assertCaseFilled(c: RuleCase): void {
  assert.ok(!/<<TODO/.test(c.name), `the case "${c.name}" is still the scaffold's: write it (CONTRIBUTING.md)`);
  assert.ok(Object.keys(c.files).length > 0, `the case "${c.name}" has no files`);
  for (const e of (c as Partial<InvalidCase>).errors ?? []) assert.ok(!/<<TODO/.test(JSON.stringify(e)), `an expected finding of "${c.name}" still holds a <<TODO marker`);
}

export function ruleTester(rule: Rule, tables: RuleTables): void {
  describe(rule.meta.id, () => {
    const run = caseRunner(rule);
    for (const c of tables.valid) it(`valid: ${c.name}`, () => run.valid(c));
    for (const c of tables.invalid) it(`invalid: ${c.name}`, () => run.invalid(c));
    it('every kind of change it offers is tested with its full output', () => run.kindsTested());
  });
}

/**
 * The checks of ruleTester, one function per case (and the closing check that every kind of change
 * the invalid cases offered was asserted), for running a table outside describe/it (the scaffold's test).
 */
export function caseRunner(rule: Rule): { valid(c: RuleCase): void; invalid(c: InvalidCase): void; kindsTested(): void } {
  const id = rule.meta.id;
  // The kinds of change the invalid cases offer, and those asserted with their full output.
  const offered = new Set<FixKind>();
  const tested = new Set<FixKind>();
  /**
   * Applies one change and checks the files it edits and their texts, then what it leaves: a fix or a
   * suggestion resolves the finding; a declaration inserts <<placeholders>> that unfilled-placeholder
   * reports at the finding's severity (or leaves the finding, without offering the declaration again).
   */
  const checkChange = (c: InvalidCase, docs: BtsDocument[], f: Finding, change: Fix, output: Record<string, string>) => {
    const touched = new Set(change.edits.map((e) => e.uri));
    assert.deepEqual([...touched].sort(), Object.keys(output).sort(), `files the ${change.kind} "${change.title}" edits`);
    const fixed: Record<string, string | Uint8Array> = { ...c.files };
    for (const [file2, expected] of Object.entries(output)) {
      const d = docs.find((x) => x.uri === file2)!;
      const out = applyEdits(d.text, change.edits.filter((e) => e.uri === file2));
      assert.equal(out.skipped, 0, 'overlapping edits in one change');
      assert.equal(out.text, expected, `text of ${file2} after the ${change.kind} "${change.title}"`);
      fixed[file2] = out.text;
    }
    // A fix or declaration changes no declared value of a topology (only a suggestion may).
    if (change.kind !== 'suggestion') {
      for (const [file2, text] of Object.entries(output)) {
        if (!/\.topology\.(ya?ml|json)$/i.test(file2)) continue;
        const d = docs.find((x) => x.uri === file2)!;
        assert.deepEqual(changedScalars(d.text, text), [], `the ${change.kind} "${change.title}" changes declared values of ${file2}`);
      }
    }
    const after = lintFiles(fixed, [rule, unfilledPlaceholder], c.today).findings;
    const same = after.filter((g) => g.ruleId === id && g.nodePath === f.nodePath && g.uri === f.uri);
    if (change.kind !== 'declaration') {
      assert.equal(same.length, 0, `the ${change.kind} "${change.title}" leaves the finding in place:\n${same.map((g) => g.message).join('\n')}`);
      return;
    }
    assert.ok(Object.values(output).some((t) => /<<[^<>\r\n]{1,80}>>/.test(t)), `the declaration "${change.title}" inserts no <<placeholder>>`);
    assert.ok(!same.some((g) => g.fix?.kind === 'declaration'), `the declaration "${change.title}" is offered again once applied`);
    if (!same.length && id !== unfilledPlaceholder.meta.id) {
      const holes = after.filter((g) => g.ruleId === unfilledPlaceholder.meta.id);
      assert.ok(holes.length, `the declaration "${change.title}" answers the finding with no placeholder reported`);
      // At least the finding's severity (a placeholder several rules' findings share takes the highest).
      for (const h of holes) assert.ok(severityRank(h.severity) >= severityRank(f.severity), `a placeholder of the declaration "${change.title}" (${h.message}) is ${h.severity}, below the finding's ${f.severity}`);
    }
  };
  return {
    valid(c: RuleCase) {
      assertCaseFilled(c);
      const { findings, docs } = lintFiles(c.files, [rule], c.today);
      const mine = findings.filter((f) => f.ruleId === id);
      assertShort(mine);
      assert.equal(mine.length, 0, `expected no ${id} finding, got:\n${show(docs, mine)}`);
    },
    invalid(c: InvalidCase) {
      assertCaseFilled(c);
      const { findings, docs } = lintFiles(c.files, [rule], c.today);
      const mine = findings.filter((f) => f.ruleId === id);
      const firstFile = Object.keys(c.files)[0];
      assertShort(mine);
      for (const exp of c.errors) {
        assert.ok(rule.meta.messages[exp.messageId] !== undefined, `${id} has no message "${exp.messageId}"`);
        // A copied sentence only where the message is a reader's own: elsewhere, the id and its data.
        if (exp.message !== undefined) assert.equal(rule.meta.messages[exp.messageId], '{{message}}', `${id}: assert messageId and data, not the message text`);
      }
      assert.equal(mine.length, c.errors.length, `expected ${c.errors.length} ${id} finding(s), got ${mine.length}:\n${show(docs, mine)}`);
      const remaining = [...mine];
      for (const exp of c.errors) {
        const file = exp.file ?? firstFile;
        const idx = remaining.findIndex((f) => {
          if (f.uri !== file) return false;
          const d = docs.find((x) => x.uri === f.uri)!;
          return JSON.stringify(rangeOf(d, f)) === JSON.stringify(exp.range) && f.messageId === exp.messageId && (exp.message === undefined || (typeof exp.message === 'string' ? f.message === exp.message : exp.message.test(f.message)));
        });
        assert.ok(idx >= 0, `no ${id} finding "${exp.messageId}" in ${file} at ${JSON.stringify(exp.range)}; got:\n${show(docs, remaining)}`);
        const f = remaining.splice(idx, 1)[0];
        if (exp.data) {
          const expected = formatMessage(rule.meta.messages[exp.messageId], exp.data, `${id}/${exp.messageId}`);
          assert.equal(f.message.replace(/ \(topology: [^)]*\)$/, ''), expected, `message of ${id} at ${JSON.stringify(exp.range)} (data ${JSON.stringify(f.data)})`);
        }
        if (exp.severity) assert.equal(f.severity, exp.severity, `severity of ${id} at ${JSON.stringify(exp.range)}`);
        if (process.env.BTSLINT_RULE_RECORD) {
          record(process.env.BTSLINT_RULE_RECORD, { testFile: process.argv[1], rule: id, case: c.name, range: exp.range, nodePath: f.nodePath, fix: f.fix ? { kind: f.fix.kind, title: f.fix.title, output: outputOf(docs, f.fix) } : null, suggestions: (f.suggestions ?? []).map((g) => ({ title: g.title, output: outputOf(docs, g) })) });
          continue;
        }
        assert.equal(typeof exp.nodePath, 'string', `${id} at ${JSON.stringify(exp.range)}: give the finding's nodePath (it is ${JSON.stringify(f.nodePath)})`);
        assert.equal(f.nodePath, exp.nodePath, `nodePath of ${id} at ${JSON.stringify(exp.range)}`);
        assert.ok(exp.fixOutput !== undefined, `${id} at ${JSON.stringify(exp.range)}: give fixOutput (the text of each file after the fix), or fixOutput: null when there is no fix`);
        if (exp.fixOutput === null) assert.equal(f.fix, undefined, `expected no fix for ${id} at ${JSON.stringify(exp.range)}`);
        if (f.fix) offered.add(f.fix.kind);
        for (const g of f.suggestions ?? []) {
          assert.equal(g.kind, 'suggestion', `a suggestion of ${id} has kind ${g.kind}`);
          offered.add('suggestion');
        }
        if (f.fix) assert.notEqual(f.fix.kind, 'suggestion', `${id}: a suggestion given as the fix`);
        if (exp.fixOutput) {
          assert.ok(f.fix, `expected a fix for ${id} at ${JSON.stringify(exp.range)}`);
          assert.ok(exp.fixKind, `${id} at ${JSON.stringify(exp.range)}: give the fix's kind (fixKind) with its output`);
          assert.equal(f.fix.kind, exp.fixKind, `kind of the fix "${f.fix.title}"`);
          checkChange(c, docs, f, f.fix, exp.fixOutput);
          tested.add(f.fix.kind);
        }
        if (exp.suggestions === null) assert.equal(f.suggestions, undefined, `expected no suggestion for ${id} at ${JSON.stringify(exp.range)}`);
        if (exp.suggestions) {
          assert.equal((f.suggestions ?? []).length, exp.suggestions.length, `suggestions of ${id} at ${JSON.stringify(exp.range)}: ${(f.suggestions ?? []).map((g) => g.title).join(' | ')}`);
          exp.suggestions.forEach((want, i) => {
            const g = f.suggestions![i];
            if (want.title !== undefined) assert.ok(typeof want.title === 'string' ? g.title === want.title : want.title.test(g.title), `title of suggestion ${i + 1}: ${g.title}`);
            checkChange(c, docs, f, g, want.output);
          });
          if (exp.suggestions.length) tested.add('suggestion');
        }
      }
    },
    kindsTested() {
      if (process.env.BTSLINT_RULE_RECORD) return;
      const missing = [...offered].filter((k) => !tested.has(k));
      assert.deepEqual(missing, [], `${id} offers ${missing.join(', ')} changes that no invalid case asserts with fixKind/fixOutput or suggestions`);
      // What the invalid cases offer is what the rule's meta (and so its docs page) says it offers.
      if (offered.size) assert.deepEqual([...offered].sort(), [...(rule.meta.fixKinds ?? [])].sort(), `${id}: the kinds its cases offer against meta.fixKinds`);
    },
  };
}
