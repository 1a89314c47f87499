// RuleTester-style tables for btslint rules (after ESLint's RuleTester): each case is a small
// workspace of files; invalid cases list the expected findings with exact 1-based ranges, their
// message id and data (not copied sentences), and the text every file has after the finding's fix is
// applied. Every message a case produces, valid or invalid, is held to MAX_MESSAGE_LENGTH.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, BtsDocument, Finding, formatMessage, lint, MAX_MESSAGE_LENGTH, readDocument, Rule } from '../../server/src/core';

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
  /** For each file the fix changes, its whole text after the fix. Omit for findings without a fix; `null` asserts there is none. */
  fixOutput?: Record<string, string> | null;
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

export function ruleTester(rule: Rule, tables: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  describe(id, () => {
    for (const c of tables.valid) {
      it(`valid: ${c.name}`, () => {
        const { findings, docs } = lintFiles(c.files, [rule], c.today);
        const mine = findings.filter((f) => f.ruleId === id);
        assertShort(mine);
        assert.equal(mine.length, 0, `expected no ${id} finding, got:\n${show(docs, mine)}`);
      });
    }
    for (const c of tables.invalid) {
      it(`invalid: ${c.name}`, () => {
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
          if (exp.fixOutput === null) assert.equal(f.fix, undefined, `expected no fix for ${id} at ${JSON.stringify(exp.range)}`);
          if (exp.fixOutput) {
            assert.ok(f.fix, `expected a fix for ${id} at ${JSON.stringify(exp.range)}`);
            const touched = new Set(f.fix!.edits.map((e) => e.uri));
            assert.deepEqual([...touched].sort(), Object.keys(exp.fixOutput).sort(), 'files the fix edits');
            const fixed: Record<string, string | Uint8Array> = { ...c.files };
            for (const [file2, expected] of Object.entries(exp.fixOutput)) {
              const d = docs.find((x) => x.uri === file2)!;
              const out = applyEdits(d.text, f.fix!.edits.filter((e) => e.uri === file2));
              assert.equal(out.skipped, 0, 'overlapping edits in one fix');
              assert.equal(out.text, expected, `text of ${file2} after the fix "${f.fix!.title}"`);
              fixed[file2] = out.text;
            }
            // The fix resolves what it was offered for: the same node no longer has this finding.
            const after = lintFiles(fixed, [rule], c.today).findings.filter((g) => g.ruleId === id && g.nodePath === f.nodePath && g.uri === f.uri);
            assert.equal(after.length, 0, `the fix "${f.fix!.title}" leaves the finding in place:\n${after.map((g) => g.message).join('\n')}`);
          }
        }
      });
    }
  });
}
