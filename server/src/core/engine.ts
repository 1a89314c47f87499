// The lint pass: reader problems become findings, then every rule runs once per environment: against
// each topology with the files deployed to its environment (environments.ts), or once over everything
// when there is no topology; each rule isolated so one that throws cannot stop the others. Findings
// are labelled with the environment and topology they were computed against; reporting one that holds
// in every environment once is the pipeline's step (pipeline.ts), after the policy.

import type { BtsDocument } from './document';
import { NodePath } from './rules/nodePath';
import { TopologyView, Workspace, workspaceOf } from './model/join';
import { environmentRuns, MAX_TOPOLOGIES, MembershipOptions } from './environments';
import { RuleContext, Report, Rule, TopologyEditor } from './rules/api';
import { allRules } from './rules';
import { compareFindings, formatMessage } from './types';
import type { EnvironmentBehaviour, Finding, Fix, Level, Severity } from './types';

export interface LintOptions extends MembershipOptions {
  now?: Date;
  /** Per-rule level overrides (`off` disables). Applied after the environment's relaxation. */
  levels?: Record<string, Level>;
  /** Restrict to these rules (tests). */
  rules?: Rule[];
  /** Called when a rule throws; the run goes on. */
  onInternalError?: (ruleId: string, error: unknown) => void;
  /** Times each rule's check (`btslint --timing`). */
  ruleTimer?: RuleTimer;
}

/**
 * The time each rule's check takes, measured with the shell's clock (the core keeps none), in its
 * unit (the CLI's: milliseconds): `times` gets each rule's total over every environment's run.
 */
export interface RuleTimer {
  clock: () => number;
  times: Map<string, number>;
}

/** Rules whose findings the engine itself reports (reader problems, rule failures). */
export const RELAXED_ENVIRONMENTS: ReadonlySet<string> = new Set(['development', 'test']);

/** Rule kinds relaxed (to info) in development and test: redundancy and site loss (docs/topology.md). */
export const RELAXED_KINDS: ReadonlySet<EnvironmentBehaviour> = new Set<EnvironmentBehaviour>(['availability', 'site-loss']);

/** The severity a rule has in an environment before any configuration. */
export function environmentSeverity(rule: Rule, environment: string | undefined): Severity {
  if (RELAXED_KINDS.has(rule.meta.byEnvironment) && environment && RELAXED_ENVIRONMENTS.has(environment)) return 'info';
  return rule.meta.defaultSeverity;
}

export function lint(documents: BtsDocument[], options: LintOptions = {}): Finding[] {
  const steps = lintSteps(documents, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Reader problems are turned into findings this many documents at a time between two steps. */
const DOCUMENTS_PER_STEP = 64;

/**
 * lint() in steps: the generator pauses after each rule (and every DOCUMENTS_PER_STEP documents of the
 * reader-problem pass) and returns the findings when done. The core keeps no clock: a shell that must
 * stay responsive (the language server) drives it and goes back to its event loop between steps when
 * it has run long enough, or drops it when a newer change made the result stale. lint() runs it
 * through at once; both give the same findings.
 */
export function* lintSteps(documents: BtsDocument[], options: LintOptions = {}): Generator<void, Finding[], void> {
  const rules = options.rules ?? allRules;
  const now = options.now ?? new Date();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const push = (f: Finding) => {
    const key = `${f.ruleId}\u0000${f.uri}\u0000${f.range.start}\u0000${f.range.end}\u0000${f.message}\u0000${f.topology ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(f);
  };
  // Every known rule, also those this run does not check (severityOf answers for them too).
  const byId = new Map<string, Rule>([...allRules, ...rules].map((r) => [r.meta.id, r]));
  const levelOf = (id: string, base: Severity): Severity | undefined => {
    const l = options.levels?.[id];
    if (l === 'off') return undefined;
    return l ?? base;
  };

  /** A document's reader problems: syntax and schema findings at their positions. */
  const readerFindings = (doc: BtsDocument) => {
    // A file skipped for its size has no kind (it was not read) but is still reported.
    if (doc.kind === 'other' && !doc.problems.some((p) => p.kind === 'skipped')) return;
    for (const p of doc.problems) {
      const id = p.kind === 'schema' ? 'topology-schema' : p.kind === 'skipped' ? 'file-too-large' : 'parse-error';
      const sev = levelOf(id, p.kind === 'skipped' ? 'info' : 'error');
      if (!sev) continue;
      push({ ruleId: id, severity: sev, message: p.message, messageId: 'problem', data: { message: p.message }, uri: doc.uri, range: p.range, nodePath: NodePath.id(id, p.message).toString() });
    }
    // Escaped adapter settings that do not parse are syntax findings too, inside the element. Checked
    // without decoding them (settingsErrors); only a transport with a problem is parsed with offsets.
    if (doc.binding) {
      for (const t of transports(doc)) {
        for (const e of t.settingsErrors()) {
          const sev = levelOf('parse-error', 'error');
          if (sev) push({ ruleId: 'parse-error', severity: sev, message: e.message, messageId: 'problem', data: { message: e.message }, uri: doc.uri, range: e.range, nodePath: NodePath.id('parse-error', e.message).toString() });
        }
      }
    }
  };
  // Timed as parse-error's, the rule they are reported as (most of it is checking escaped settings).
  const timer = options.ruleTimer;
  const addTime = (id: string, time: number) => timer?.times.set(id, (timer.times.get(id) ?? 0) + time);
  let readerTime = 0;
  let sinceStep = 0;
  for (const doc of documents) {
    if (++sinceStep === DOCUMENTS_PER_STEP) {
      sinceStep = 0;
      yield;
    }
    if (!timer) {
      readerFindings(doc);
      continue;
    }
    const started = timer.clock();
    readerFindings(doc);
    readerTime += timer.clock() - started;
  }
  if (timer) addTime('parse-error', readerTime);

  const { runs, capped } = environmentRuns(documents, options);
  // Files more topologies would judge than the budget allows are judged by the first of them: reported
  // once (a repeated cause once), at the first such file, as a file past the run's byte budget is.
  const overTopologies = levelOf('file-too-large', 'info');
  if (capped.length && overTopologies) {
    const first = capped[0];
    const more = capped.length - 1;
    const message = `This file${more ? ` and ${more} other${more === 1 ? '' : 's'}` : ''} ${more ? 'were' : 'was'} checked against ${MAX_TOPOLOGIES} of the ${first.judges} topologies that apply${more ? '' : ' to it'}, not all: btslint checks a file against at most ${MAX_TOPOLOGIES}. Keep each environment's topology nearest to its files, or name them in the config (topologies).`;
    push({
      ruleId: 'file-too-large',
      severity: overTopologies,
      message,
      messageId: 'problem',
      data: { message },
      uri: first.doc.uri,
      range: { start: 0, end: 0 },
      related: capped.slice(1, 6).map((c) => ({ uri: c.doc.uri, range: { start: 0, end: 0 }, message: `Checked against ${MAX_TOPOLOGIES} of ${c.judges} topologies too` })),
      nodePath: NodePath.id('file-too-large', 'topologies').toString(),
    });
  }
  for (const run of runs) {
    const topo = run.topology ? new TopologyView(run.topology) : undefined;
    // Deployment Framework tokens resolve with the settings of the topology's environment. One
    // workspace object for all the rules of a run: what rules share is cached per workspace object
    // (the handler list of model/join.ts), so a new one per rule would rebuild it for each.
    const envWs: Workspace = { ...workspaceOf(run.documents), environment: topo?.environment };
    for (const rule of rules) {
      // A rule reported elsewhere (reader problems above, config files, suppressions) has no check.
      if (!rule.check) continue;
      const base = levelOf(rule.meta.id, environmentSeverity(rule, topo?.environment));
      if (!base) continue;
      const ctx: RuleContext = {
        ws: envWs,
        topology: topo,
        now,
        edit: new TopologyEditor(topo),
        severityOf: (id: string) => {
          const r = byId.get(id);
          return r ? levelOf(id, environmentSeverity(r, topo?.environment)) : undefined;
        },
        report: (r: Report) => {
          const severity = r.severity && options.levels?.[rule.meta.id] === undefined ? minSeverity(r.severity, base) : base;
          const template = rule.meta.messages[r.messageId];
          if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${r.messageId}"`);
          const message = formatMessage(template, r.data, `${rule.meta.id}/${r.messageId}`);
          // Fields written out (an object spread builds the finding in V8's slow path; thousands per run).
          const fix = r.fix?.kind === 'suggestion' ? undefined : r.fix;
          push({
            ruleId: rule.meta.id,
            severity,
            message,
            messageId: r.messageId,
            data: r.data,
            uri: r.doc.uri,
            range: r.range,
            related: r.related,
            fix,
            suggestions: suggestionsOf(r),
            nodePath: r.nodePath.toString(),
            environment: topo?.environment,
            topology: topo?.uri,
          });
        },
      };
      yield;
      const started = timer?.clock();
      try {
        rule.check(ctx);
      } catch (e) {
        options.onInternalError?.(rule.meta.id, e);
        const anchor = topo?.doc ?? documents.find((d) => d.kind !== 'other');
        if (anchor) {
          push({
            ruleId: 'internal-error',
            severity: 'error',
            message: `btslint's rule ${rule.meta.id} failed on this workspace (${String((e as Error)?.message ?? e)}); the other rules still ran. Please report it.`,
            messageId: 'failed',
            data: { rule: rule.meta.id, error: String((e as Error)?.message ?? e) },
            uri: anchor.uri,
            range: { start: 0, end: 0 },
            nodePath: NodePath.id('internal-error', rule.meta.id).toString(),
          });
        }
      } finally {
        if (timer) addTime(rule.meta.id, timer.clock() - started!);
      }
    }
  }
  findings.sort(compareFindings);
  return findings;
}

/** A report's suggestions: a suggestion given as the fix is only ever a suggestion (its fix is then none), followed by the others. */
function suggestionsOf(r: Report): Fix[] | undefined {
  const out: Fix[] = [];
  if (r.fix?.kind === 'suggestion') out.push(r.fix);
  if (r.suggestions) for (const x of r.suggestions) if (x) out.push(x);
  return out.length ? out : undefined;
}

/** A rule may lower its own severity for one finding, never raise it above the configured level. */
function minSeverity(a: Severity, b: Severity): Severity {
  const rank = { info: 1, warning: 2, error: 3 } as const;
  return rank[a] <= rank[b] ? a : b;
}

function transports(doc: BtsDocument) {
  const b = doc.binding!;
  const out = [];
  for (const sp of b.sendPorts) {
    if (sp.primary) out.push(sp.primary);
    if (sp.secondary) out.push(sp.secondary);
  }
  for (const rl of b.receiveLocations) out.push(rl.transport);
  return out;
}

export type { Workspace };
