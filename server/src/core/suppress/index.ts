// Applying suppressions: a finding is suppressed by a valid, unexpired suppression in the SAME file
// that names its rule and covers where the finding starts (the element or node after the comment, or
// the whole file). A finding about a missing key is reported at the nearest enclosing node, so a
// suppression before that node covers it. The suppressions themselves are then checked: invalid ones
// (no reason...) suppress nothing and are reported at the comment; expired ones stop applying and are
// reported; one that suppressed nothing is reported as unused.

import type { BtsDocument } from '../document';
import type { Finding, Severity } from '../types';
import { allRules } from '../rules';
import { readSuppressions, Suppression } from './directives';

export { readSuppressions, elementPath, isDate, JSON_KEY } from './directives';
export { suppressionEdit, REASON_PLACEHOLDER } from './write';
export type { SuppressionRequest } from './write';
export type { Suppression, DirectiveProblem } from './directives';

/** Findings about suppressions are never suppressed themselves. */
export const SUPPRESSION_RULES = new Set(['suppression-invalid', 'suppression-expired', 'suppression-unused']);

export interface SuppressOptions {
  /** Today: a suppression applies up to and including its until= date. */
  now: Date;
  /**
   * Whether a rule can report in a file at all. When the config turns a rule off, a suppression of it
   * is not reported as unused (it may still matter in another environment or run).
   */
  isActive?(uri: string, ruleId: string): boolean;
}

export interface SuppressedFinding {
  finding: Finding;
  by: Suppression;
}

export interface SuppressResult {
  /** The findings that remain, plus the findings about suppressions (invalid, expired, unused). */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  suppressions: Suppression[];
}

let known: Set<string> | undefined;
function knownRuleIds(): Set<string> {
  return (known ??= new Set(allRules.map((r) => r.meta.id)));
}

function defaultSeverity(id: string): Severity {
  return allRules.find((r) => r.meta.id === id)?.meta.defaultSeverity ?? 'warning';
}

/** The UTC calendar date of `now`, YYYY-MM-DD. */
function day(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function isExpired(s: Suppression, now: Date): boolean {
  return !!s.until && day(now) > s.until;
}

export function applySuppressions(findings: Finding[], docs: BtsDocument[], options: SuppressOptions): SuppressResult {
  const ids = knownRuleIds();
  const byUri = new Map<string, Suppression[]>();
  for (const d of docs) {
    if (d.kind === 'other') continue;
    const list = readSuppressions(d, ids);
    if (list.length) byUri.set(d.uri, list);
  }
  const today = day(options.now);
  const used = new Map<Suppression, Set<string>>();
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const list = SUPPRESSION_RULES.has(f.ruleId) ? undefined : byUri.get(f.uri);
    const by = list?.find(
      (s) =>
        !s.invalid.length &&
        !(s.until && today > s.until) &&
        s.rules.some((r) => r.id === f.ruleId) &&
        f.range.start >= s.covers.start &&
        (f.range.start < s.covers.end || (s.covers.start === s.covers.end && f.range.start === s.covers.start)),
    );
    if (!by) {
      kept.push(f);
      continue;
    }
    suppressed.push({ finding: f, by });
    const set = used.get(by) ?? new Set<string>();
    set.add(f.ruleId);
    used.set(by, set);
  }

  const report = (ruleId: string, s: Suppression, range: { start: number; end: number }, message: string, nodeSuffix: string, fix?: Finding['fix']) => {
    kept.push({
      ruleId,
      severity: defaultSeverity(ruleId),
      message,
      uri: s.uri,
      range,
      fix,
      nodePath: `${ruleId}:${s.target}:${s.rules.map((r) => r.id).join(',')}${nodeSuffix}`,
    });
  };
  const all: Suppression[] = [];
  for (const list of byUri.values()) {
    for (const s of list) {
      all.push(s);
      for (const p of [...s.invalid, ...s.warnings]) report('suppression-invalid', s, p.range, p.message, `:${p.message.slice(0, 40)}`, p.fix);
      if (s.invalid.length) continue;
      const names = s.rules.map((r) => r.id).join(', ');
      if (s.until && today > s.until) {
        report(
          'suppression-expired',
          s,
          s.range,
          `This suppression of ${names} expired on ${s.until} (reason given: "${s.reason}"), so the findings it covered are reported again. Fix them, or renew the suppression with a new until= date and reason.`,
          '',
        );
        continue;
      }
      const hit = used.get(s) ?? new Set<string>();
      const unused = s.rules.filter((r) => !hit.has(r.id) && (options.isActive?.(s.uri, r.id) ?? true));
      if (!unused.length) continue;
      const where = s.scope === 'file' ? 'in this file' : 'in the element or node it stands before';
      if (unused.length === s.rules.length && !hit.size) {
        report('suppression-unused', s, s.range, `This suppression of ${names} suppresses nothing: no ${names} finding ${where}. Remove it, or move it before the node the finding is reported on.`, '');
      } else {
        for (const r of unused) report('suppression-unused', s, r.range, `${r.id} is suppressed here but reports nothing ${where}: remove it from this suppression.`, `:${r.id}`);
      }
    }
  }
  return { findings: kept, suppressed, suppressions: all };
}
