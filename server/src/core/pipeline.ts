// The one check pipeline every shell calls (the CLI, the language server): documents in; environment
// membership and the rules once per environment (engine.ts, environments.ts); the team's policy
// (config levels per environment, suppressions: config/policy.ts); a finding that holds the same under
// several topologies reported once; the config files' own problems; the baseline; findings out.
// Nothing else assembles these steps.

import { BtsDocument, withoutItsTree } from './document';
import { lintSteps, LintOptions } from './engine';
import { applyPolicy, configFindings, EffectiveConfig, sortFindings } from './config';
import { mayHoldSuppressions } from './suppress/directives';
import { basenameOf } from './config/paths';
import { Baseline, BaselineEntry, matchBaseline } from './baseline';
import type { Finding, Fix, TextEdit } from './types';

export interface CheckOptions extends LintOptions {
  now: Date;
  /** The effective config of a document or file (the nearest config file's, or the defaults). */
  configFor: (uri: string) => EffectiveConfig;
  /** The config files whose own problems are reported (config-invalid). */
  configs: () => EffectiveConfig[];
  /** How a config file's path is spelled as a finding's URI (the language server's `file:` URIs). */
  configUri?: (path: string) => string;
  /** False for an audit run: every suppression is ignored (and none is reported). Default true. */
  suppressions?: boolean;
  /** Findings recorded in a baseline are not reported; `relative` gives a URI as the baseline stores it. */
  baseline?: { baseline: Baseline; relative: (uri: string) => string };
}

export interface CheckResult {
  /** What is reported. */
  findings: Finding[];
  /** With a baseline: the findings it recorded (not reported), and its entries that matched nothing. */
  unchanged?: Finding[];
  absent?: BaselineEntry[];
  /** Every finding before the baseline. */
  all: Finding[];
}

/** The pipeline in one go. */
export function check(documents: BtsDocument[], options: CheckOptions): CheckResult {
  const steps = checkSteps(documents, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The pipeline in steps (it pauses between rules, as lintSteps does), for a shell that must stay
 * responsive while it runs: the language server drives it in time slices.
 */
export function* checkSteps(documents: BtsDocument[], options: CheckOptions): Generator<void, CheckResult, void> {
  const raw = yield* lintSteps(documents, options);
  // A pause after the last rule and after each pass over every finding (thousands on a large binding).
  yield;
  // Only documents that may hold a suppression are searched for them (the same result, without
  // reading every file's suppressions after every keystroke in the editor).
  const { findings } = applyPolicy(raw, documents.filter(maySuppress), { now: options.now, configFor: options.configFor, suppressions: options.suppressions });
  yield;
  const topologies = documents.filter((d) => d.kind === 'topology').length;
  const once = reportOnce(findings, topologies > 1, (uri) => basenameOf(options.pathOf?.(uri) ?? uri));
  yield;
  const onConfigs = configFindings(options.configs()).map((f) => (options.configUri ? { ...f, uri: options.configUri(f.uri) } : f));
  const all = sortFindings([...once, ...onConfigs]);
  if (!options.baseline) return { findings: all, all };
  const m = matchBaseline(all, options.baseline.baseline, options.baseline.relative);
  return { findings: m.fresh, unchanged: m.unchanged, absent: m.absent, all };
}

/** Whether a document may hold a suppression (mayHoldSuppressions); cached per parse. */
const suppressible = new WeakMap<BtsDocument, boolean>();
function maySuppress(doc: BtsDocument): boolean {
  let v = suppressible.get(doc);
  // A binding that let its tree go was read without one (document.ts): its text is not searched again.
  if (v === undefined) suppressible.set(doc, (v = doc.kind !== 'other' && !withoutItsTree(doc) && mayHoldSuppressions(doc.text)));
  return v;
}

/**
 * A finding that holds the same (rule, place, message, severity) under several topologies becomes one
 * finding listing its environments and topologies, with one fix that edits each of those topologies.
 * With several topologies, a fix that edits a topology names it in its title.
 */
export function reportOnce(findings: Finding[], manyTopologies: boolean, fileName: (uri: string) => string): Finding[] {
  // With one topology there is nothing to merge: the engine already reported each finding once per
  // topology (lintSteps' `push`), and label() changes nothing.
  if (!manyTopologies) return findings;
  const groups = new Map<string, Finding[]>();
  const out: (Finding | Finding[])[] = [];
  for (const f of findings) {
    if (!f.topology || f.topology === f.uri) {
      out.push(label(f, manyTopologies, fileName));
      continue;
    }
    const key = `${f.ruleId}\u0000${f.uri}\u0000${f.range.start}\u0000${f.range.end}\u0000${f.severity}\u0000${f.message}\u0000${f.nodePath}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else {
      const list = [f];
      groups.set(key, list);
      out.push(list);
    }
  }
  return out.map((x) => (Array.isArray(x) ? (x.length === 1 ? label(x[0], manyTopologies, fileName) : merge(x, fileName)) : x));
}

/** The topology files a change edits besides the finding's own file, by name. */
function editedTopologies(f: Finding, change: Fix | undefined, fileName: (uri: string) => string): string[] {
  const uris = new Set((change?.edits ?? []).map((e) => e.uri).filter((u) => u !== f.uri));
  return [...uris].map(fileName);
}

/** The change with the topologies it edits named in its title ("… (in prod.topology.yaml)"). */
function named(f: Finding, change: Fix, fileName: (uri: string) => string): Fix {
  const names = editedTopologies(f, change, fileName);
  return names.length ? { ...change, title: `${change.title} (in ${names.join(', ')})` } : change;
}

function label(f: Finding, manyTopologies: boolean, fileName: (uri: string) => string): Finding {
  if (!manyTopologies || (!f.fix && !f.suggestions)) return f;
  const out: Finding = { ...f };
  if (f.fix) out.fix = named(f, f.fix, fileName);
  if (f.suggestions) out.suggestions = f.suggestions.map((g) => named(f, g, fileName));
  return out;
}

/** One change made of the same change's copies (one per topology): every distinct edit once. */
function union(changes: Fix[]): Fix {
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  for (const c of changes) {
    for (const e of c.edits) {
      const k = `${e.uri}\u0000${e.start}\u0000${e.end}\u0000${e.newText}`;
      if (!seen.has(k)) {
        seen.add(k);
        edits.push(e);
      }
    }
  }
  return { ...changes[0], edits };
}

function merge(copies: Finding[], fileName: (uri: string) => string): Finding {
  const first = copies[0];
  const merged: Finding = { ...first, environment: undefined, topology: undefined };
  delete merged.environment;
  delete merged.topology;
  merged.environments = copies.map((c) => c.environment ?? '(none)');
  merged.topologies = copies.map((c) => c.topology!);
  if (copies.every((c) => c.fix && c.fix.kind === first.fix!.kind)) merged.fix = named(merged, union(copies.map((c) => c.fix!)), fileName);
  else delete merged.fix;
  // Suggestions: merged by position when every copy offers the same ones, else none (a suggestion
  // that edits only one of the topologies would not answer the finding).
  const sameSuggestions = copies.every((c) => (c.suggestions ?? []).map((g) => g.title).join('\u0000') === (first.suggestions ?? []).map((g) => g.title).join('\u0000'));
  if (first.suggestions && sameSuggestions) merged.suggestions = first.suggestions.map((_g, i) => named(merged, union(copies.map((c) => c.suggestions![i])), fileName));
  else delete merged.suggestions;
  // Related locations: the union (each copy may point at its own topology).
  const related = copies.flatMap((c) => c.related ?? []);
  if (related.length) {
    const seen = new Set<string>();
    merged.related = related.filter((r) => {
      const k = `${r.uri}\u0000${r.range.start}\u0000${r.message}`;
      return seen.has(k) ? false : (seen.add(k), true);
    });
  }
  return merged;
}
