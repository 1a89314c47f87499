// The lint command's workflow around the core: config files (nearest to each file wins), include and
// exclude globs, extra topology files, the policy step (levels per environment, suppressions),
// baselines, --fix / --fix-dry-run, --quiet, --max-warnings, and --print-config. main.ts parses the
// arguments; this module does the file-system side and calls the core.

import * as fs from 'fs';
import * as path from 'path';
import { BtsDocument, DEFAULT_MAX_FILE_SIZE, Finding, FixKind, isTopologyName, Position, readDocument } from '../core';
import { ConfigResolver, describeConfig, EffectiveConfig, effective, isIncluded, parseConfig } from '../core/config';
import { Confinement, outcomeToDocument as readAsDocumentFrom, readConfigBytes, readNamedFile, runBudget } from '../host/confine';

/** The largest baseline file read: far more than any real one (a short JSON record per finding). */
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;
import { safeJson, safeLines, safeText } from '../core/sanitize';
import { allRules } from '../core';
import { Baseline, createBaseline, parseBaseline, serializeBaseline } from '../core/baseline';
import { check, CheckResult } from '../core/pipeline';
import { namedTopologiesSync, nearestTopologiesSync } from '../host/topologies';
import { displayPath, findFiles } from './files';
import { FixableCounts, FORMATTERS } from './format';
import type { AppliedChange } from './fix';

// The fix planner (and the diff package behind --fix-dry-run) is loaded only by a run that plans
// fixes: --fix, --fix-dry-run, or the stylish summary's count of fixes. `require` is declared for
// this file with the one module it loads this way, as core/lazy.ts does.
declare function require(id: './fix'): typeof import('./fix');
let fixModule: typeof import('./fix') | undefined;
const fixes = () => (fixModule ??= require('./fix'));
import { writeOutputFile, writeReport, writeStdout } from '../host/output';

export class RunUsageError extends Error {}

export interface RunArgs {
  paths: string[];
  format: string;
  outputFile?: string;
  color: boolean;
  today?: Date;
  maxFileSize?: number;
  /** Use this config file for every file instead of looking for the nearest one. */
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  /** --fix-type: the kinds --fix applies (default: fix only; never suggestions). */
  fixTypes?: FixKind[];
  maxWarnings?: number;
  quiet?: boolean;
  /** Audit run: every in-source suppression is ignored. */
  ignoreSuppressions?: boolean;
  /** A workspace without a topology is an error (the no-topology finding at error level), for CI. */
  requireTopology?: boolean;
  /** False: a path given with no BizTalk file in it is not a usage error (ESLint's --no-error-on-unmatched-pattern). */
  errorOnUnmatchedPattern?: boolean;
  /** --timing: print where the run's time went (its phases and the slowest rules) to stderr. */
  timing?: boolean;
}

/** The config source for a run: one file given with --config, or discovery from each file's folder. */
export function configSource(args: RunArgs, cwd: string): { configFor: (file: string) => EffectiveConfig; all: () => EffectiveConfig[] } {
  if (args.config) {
    const file = path.resolve(cwd, args.config);
    const bytes = readConfigBytes(file);
    if (!bytes) throw new RunUsageError(`no such config file: ${args.config}`);
    if ('refused' in bytes) throw new RunUsageError(`${args.config}: ${bytes.refused}`);
    const cfg = effective(parseConfig(file, bytes, allRules.map((r) => r.meta.id)), path.dirname(file));
    return { configFor: () => cfg, all: () => [cfg] };
  }
  const resolver = new ConfigResolver(readConfigBytes);
  return { configFor: (f) => resolver.forFile(f), all: () => resolver.configs() };
}

interface Workspace {
  docs: BtsDocument[];
  bytes: Map<string, Uint8Array>;
  configFor: (file: string) => EffectiveConfig;
  configs: () => EffectiveConfig[];
  /** Config files (as documents, for positions) whose problems are reported. */
  configDocs: Map<string, BtsDocument>;
}

/**
 * The files of a run: the BizTalk files under the given paths (include and exclude applied), the
 * topology files the configs name, and the topologies nearest to each given path (host/topologies.ts);
 * read, or stood in for when over the size limit.
 */
function readWorkspace(args: RunArgs, cwd: string): Workspace {
  const source = configSource(args, cwd);
  const inputs = args.paths.length ? args.paths : ['.'];
  // What may be read: the current folder, its repository, the paths named (host/confine.ts).
  const confinement = Confinement.forCommandLine(cwd, inputs, args.config);
  const { files, missing } = findFiles(inputs, cwd);
  if (missing.length) throw new RunUsageError(`no such file or folder: ${missing.join(', ')}`);
  const chosen = files.filter((f) => f.explicit || isIncluded(source.configFor(f.absolute), f.absolute).included).map((f) => f.absolute);
  const seen = new Set(chosen.map((f) => key(f)));
  const add = (f: string) => {
    if (seen.has(key(f))) return;
    seen.add(key(f));
    chosen.push(f);
  };
  const configs = new Set<EffectiveConfig>();
  for (const f of chosen) configs.add(source.configFor(f));
  for (const p of inputs) {
    const abs = path.resolve(cwd, p);
    const isFolder = !!statOrUndefined(abs)?.isDirectory();
    const folder = isFolder ? abs : path.dirname(abs);
    configs.add(source.configFor(path.join(folder, '_')));
    // A file or sub-folder finds its topologies the way ESLint finds its config.
    const walkedSome = isFolder && chosen.some((f) => isTopologyName(f) && !path.relative(abs, f).startsWith('..'));
    for (const t of nearestTopologiesSync(folder, cwd, (dir) => source.configFor(path.join(dir, '_')), !walkedSome)) add(t);
  }
  // Topology files the configs point at, wherever they are.
  for (const t of namedTopologiesSync(configs, confinement)) add(t);
  chosen.sort();
  const bytes = new Map<string, Uint8Array>();
  const maxFileSize = args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const budget = runBudget(maxFileSize);
  const budgetTotal = budget.remaining;
  const docs: BtsDocument[] = [];
  // The bytes as read are only needed to plan fixes (--fix, --fix-dry-run, and the stylish summary's
  // count of what --fix would apply): otherwise each file's buffer is let go once its text is decoded.
  const keepBytes = !!(args.fix || args.fixDryRun || args.format === 'stylish');
  const showProgress = process.stderr.isTTY && chosen.length >= 50;
  let n = 0;
  for (const f of chosen) {
    if (showProgress && ++n % 25 === 0) process.stderr.write(`\rbtslint: read ${n}/${chosen.length} files`);
    const outcome = confinement.read(f, maxFileSize, budget);
    if ('bytes' in outcome && keepBytes) bytes.set(f, outcome.bytes);
    // The run keeps every text to its end and edits none (--fix reads its results again): the trees may
    // hold views into the texts (ReadOptions.shortLived).
    const doc = readAsDocumentFrom(outcome, f, { maxFileSize, budgetTotal, shortLived: true });
    if ('notRead' in doc) process.stderr.write(`btslint: did not read ${displayPath(f, cwd)}: ${safeText(doc.notRead)}; skipped\n`);
    else docs.push(doc);
  }
  if (showProgress) process.stderr.write(`\rbtslint: read ${chosen.length}/${chosen.length} files\n`);
  if (args.errorOnUnmatchedPattern !== false) {
    // As ESLint: a path that names no file to check is a mistake in the command (a typo, a wrong folder).
    const read = docs.filter((d) => d.kind !== 'other' || d.problems.some((p) => p.kind === 'skipped')).map((d) => key(d.uri));
    for (const p of args.paths) {
      const abs = key(path.resolve(cwd, p));
      if (!read.some((u) => u === abs || u.startsWith(abs.endsWith(path.sep) ? abs : abs + path.sep))) {
        throw new RunUsageError(`no BizTalk file (binding, configuration export, Deployment Framework file or topology) found in ${p}; use --no-error-on-unmatched-pattern to allow that`);
      }
    }
  }
  const configDocs = new Map<string, BtsDocument>();
  for (const cfg of source.all()) {
    for (const p of cfg.problems) if (!configDocs.has(p.file)) configDocs.set(p.file, readDocument(p.file, p.text));
  }
  return { docs, bytes, configFor: source.configFor, configs: source.all, configDocs };
}

function key(p: string): string {
  return process.platform === 'win32' ? p.toLowerCase() : p;
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** The check pipeline (core/pipeline.ts) over these documents, with this run's config, suppressions and baseline. */
function runPipeline(docs: BtsDocument[], ws: Workspace, args: RunArgs, baseline?: { baseline: Baseline; relative: (uri: string) => string }, ruleTimes?: Map<string, number>): CheckResult {
  const result = check(docs, {
    ruleTimer: ruleTimes && { clock: () => performance.now(), times: ruleTimes },
    now: args.today ?? new Date(),
    configFor: ws.configFor,
    configs: ws.configs,
    suppressions: !args.ignoreSuppressions,
    baseline,
    onInternalError: (ruleId, e) => process.stderr.write(`btslint: rule ${ruleId} failed: ${safeLines(String((e as Error)?.stack ?? e))}\n`),
  });
  // --require-topology: the no-topology finding is an error, whatever its configured level.
  return args.requireTopology ? { ...result, findings: result.findings.map((f) => (f.ruleId === 'no-topology' ? { ...f, severity: 'error' } : f)) } : result;
}


const plural = (n: number, word: string) => `${n} ${n === 1 ? word : /(s|x|ch|sh)$/.test(word) ? word + 'es' : /[^aeiou]y$/.test(word) ? word.slice(0, -1) + 'ies' : word + 's'}`;

/** Where a run's time went (`--timing`): its phases in order and each rule's check, in milliseconds. */
interface Timing {
  phases: [string, number][];
  rules: Map<string, number>;
}

/** How many rules `--timing` lists by name (ESLint's TIMING lists ten too); the rest are one line. */
const TIMED_RULES = 10;

export function runLint(args: RunArgs, cwd: string, version: string): number {
  if (!args.timing) return lintRun(args, cwd, version);
  const timing: Timing = { phases: [], rules: new Map() };
  const code = lintRun(args, cwd, version, timing);
  process.stderr.write(timingTables(timing));
  return code;
}

/**
 * `--timing`'s tables, as ESLint's TIMING prints them: the phases of the run (from the process's start,
 * so starting Node.js and loading btslint is the first), then the rules that took longest, each with
 * its share of the rules' time.
 */
function timingTables(t: Timing): string {
  const table = (head: string, rows: [string, number][], total: number): string => {
    const width = Math.max(head.length, ...rows.map(([name]) => name.length));
    const lines = [`${head.padEnd(width)} | Time (ms) | Relative`, `:${'-'.repeat(width)}|----------:|--------:`];
    for (const [name, ms] of rows) lines.push(`${name.padEnd(width)} | ${ms.toFixed(1).padStart(9)} | ${(total > 0 ? (100 * ms) / total : 0).toFixed(1).padStart(7)}%`);
    return lines.join('\n') + '\n';
  };
  const run = t.phases.reduce((n, [, ms]) => n + ms, 0);
  const rules = [...t.rules].sort((a, b) => b[1] - a[1]);
  const ruleTotal = rules.reduce((n, [, ms]) => n + ms, 0);
  const shown: [string, number][] = rules.slice(0, TIMED_RULES);
  const rest = rules.slice(TIMED_RULES);
  if (rest.length) shown.push([plural(rest.length, 'other rule'), rest.reduce((n, [, ms]) => n + ms, 0)]);
  return `${table('Phase', [...t.phases, ['total', run]], run)}\n${table('Rule', [...shown, ['all rules', ruleTotal]], ruleTotal)}`;
}

function lintRun(args: RunArgs, cwd: string, version: string, timing?: Timing): number {
  // --timing: each phase is the time since the previous mark, the first since the process started.
  let last = 0;
  const mark = (phase: string) => {
    if (!timing) return;
    const now = performance.now();
    timing.phases.push([phase, now - last]);
    last = now;
  };
  mark('starting Node.js and btslint');
  const ws = readWorkspace(args, cwd);
  mark('reading and parsing files');
  const baselinePath = args.baseline ? path.resolve(cwd, args.baseline) : undefined;
  let baseline: Baseline | undefined;
  if (baselinePath) {
    const b = readNamedFile(baselinePath, MAX_BASELINE_BYTES);
    if ('missing' in b) throw new RunUsageError(`no such baseline file: ${args.baseline} (write one with --write-baseline ${args.baseline})`);
    if ('tooLarge' in b) throw new RunUsageError(`the baseline ${args.baseline} is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MB; btslint does not read it`);
    if (!('bytes' in b)) throw new RunUsageError(`cannot read the baseline ${args.baseline}: ${'refused' in b ? b.refused : 'no bytes'}`);
    try {
      baseline = parseBaseline(b.bytes.toString('utf8'));
    } catch (e) {
      throw new RunUsageError(`cannot read the baseline ${args.baseline}: ${(e as Error).message}`);
    }
  }
  const relTo = (file: string) => (uri: string) => path.relative(path.dirname(file), uri).replace(/\\/g, '/');
  const withBaseline = baseline && baselinePath ? { baseline, relative: relTo(baselinePath) } : undefined;
  /** What is reported: the pipeline's findings minus the baseline's. */
  const report = (docs: BtsDocument[]) => runPipeline(docs, ws, args, withBaseline).findings;

  let docs = ws.docs;
  if (args.fix || args.fixDryRun) {
    const { planFixes, unifiedDiff, writeFixes, MAX_PASSES, DEFAULT_FIX_TYPES } = fixes();
    const plan = planFixes(ws.docs, ws.bytes, report, MAX_PASSES, args.fixTypes ?? DEFAULT_FIX_TYPES);
    for (const [file, why] of plan.unwritable) process.stderr.write(`btslint: not fixing ${displayPath(file, cwd)}: ${safeText(why)}\n`);
    if (args.fixDryRun) {
      // Each file's diff comes after the list of the changes it holds, each with its kind
      // (lines before `---` are ignored by patch tools).
      const diffs = [...plan.changed]
        .map(([file, c]) => {
          const shown = displayPath(file, cwd).replace(/\\/g, '/');
          const listed = plan.changes.filter((x) => x.files.includes(file)).map((x) => `# ${x.kind}: ${x.title} (${x.ruleId})\n`);
          return listed.join('') + unifiedDiff(ws.docs.find((d) => d.uri === file)!.text, c.text, shown);
        })
        .join('');
      mark('planning fixes');
      writeReport(diffs, args.outputFile, cwd);
      mark('writing the diff');
      process.stderr.write(`btslint: --fix-dry-run: ${plural(plan.applied, 'fix')}${kindCounts(plan.changes)} would change ${plural(plan.changed.size, 'file')}; nothing was written.\n`);
      return plan.findings.some((f) => f.severity === 'error') ? 1 : 0;
    }
    const written = writeFixes(plan);
    for (const r of written.refused) process.stderr.write(`btslint: did not write ${displayPath(r.file, cwd)}: ${safeText(r.reason)}\n`);
    if (plan.applied) process.stderr.write(`btslint: applied ${plural(plan.applied, 'fix')}${kindCounts(plan.changes)} in ${plural(written.written.length, 'file')}.\n`);
    // Report on what is on disk now.
    docs = written.refused.length ? ws.docs.map((d) => (written.written.includes(d.uri) ? plan.docs.find((x) => x.uri === d.uri)! : d)) : plan.docs;
    mark('fixing');
  }

  const result = runPipeline(docs, ws, args, withBaseline, timing?.rules);
  mark('checking (rules, suppressions, config)');
  const all = result.all;

  if (args.writeBaseline) {
    const target = path.resolve(cwd, args.writeBaseline);
    const b = createBaseline(all, relTo(target));
    writeOutputFile(args.writeBaseline, serializeBaseline(b), cwd);
    process.stderr.write(`btslint: wrote ${plural(all.length, 'finding')} (${plural(b.entries.length, 'entry')}) to the baseline ${displayPath(target, cwd)}. Later runs with --baseline ${args.writeBaseline} report only new findings.\n`);
    return 0;
  }

  const findings = result.findings;
  const unchanged: Finding[] | undefined = result.unchanged;
  if (baselinePath && result.unchanged && result.absent) {
    const m = { unchanged: result.unchanged, absent: result.absent };
    const gone = m.absent.reduce((n, e) => n + e.count, 0);
    process.stderr.write(
      `btslint: ${plural(m.unchanged.length, 'finding')} recorded in the baseline ${displayPath(baselinePath, cwd)} not reported; ` +
        (gone ? `${plural(gone, 'baseline entry')} no longer ${gone === 1 ? 'matches' : 'match'} (fixed or changed): run --write-baseline ${args.baseline} to drop them.\n` : 'every baseline entry still matches.\n'),
    );
  }

  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const shown = args.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  const byUri = new Map<string, BtsDocument>([...ws.configDocs, ...docs.map((d) => [d.uri, d] as const)]);
  const out = FORMATTERS[args.format]({
    findings: shown,
    display: memo((uri) => displayPath(uri, cwd)),
    position: (uri, offset): Position => byUri.get(uri)?.lines().position(offset) ?? { line: 0, character: 0 },
    color: args.color && !args.outputFile && !!process.stdout.isTTY && !process.env.NO_COLOR,
    cwd,
    version,
    files: docs.filter((d) => d.kind !== 'other').map((d) => d.uri),
    documents: docs,
    baseline: unchanged && baselinePath ? { file: baselinePath, unchanged: args.quiet ? unchanged.filter((f) => f.severity === 'error') : unchanged } : undefined,
    fixable: args.format === 'stylish' && !args.fix ? fixableCounts(docs, ws, report, findings) : undefined,
  });
  writeReport(out, args.outputFile, cwd);
  mark('writing the report');
  if (args.format === 'stylish' && !args.outputFile && shown.length === 0) {
    const kinds = docs.filter((d) => d.kind !== 'other').length;
    writeStdout(`btslint: ${kinds} BizTalk file${kinds === 1 ? '' : 's'} checked, no problems${args.quiet && findings.length ? ' at error level' : ''}.\n`);
  }
  let code = findings.some((f) => f.severity === 'error') ? 1 : 0;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    process.stderr.write(`btslint: ${plural(warnings, 'warning')}, more than --max-warnings ${args.maxWarnings} allows.\n`);
    code = 1;
  }
  return code;
}

/** " (2 fixes, 1 declaration)": what a plan applies, by kind, when it holds declarations. */
function kindCounts(changes: AppliedChange[]): string {
  const parts = (['fix', 'declaration'] as const).map((k) => [k, changes.filter((c) => c.kind === k).length] as const).filter(([, n]) => n);
  return parts.some(([k]) => k === 'declaration') ? ` (${parts.map(([k, n]) => plural(n, k)).join(', ')})` : '';
}

/**
 * What the summary announces: the fixes `btslint --fix` would apply (the same plan --fix runs, so the
 * count is exact), and how many findings more have a declaration or suggestions only.
 */
function fixableCounts(docs: BtsDocument[], ws: Workspace, report: (docs: BtsDocument[]) => Finding[], findings: Finding[]): FixableCounts | undefined {
  const declarations = findings.filter((f) => f.fix?.kind === 'declaration').length;
  const suggestions = findings.filter((f) => !f.fix && f.suggestions?.length).length;
  const applied = findings.some((f) => f.fix?.kind === 'fix') ? fixes().planFixes(docs, ws.bytes, report).applied : 0;
  return applied || declarations || suggestions ? { fixes: applied, declarations, suggestions } : undefined;
}

/** `btslint --print-config FILE`: the config that applies to FILE and where each setting came from. */
export function runPrintConfig(file: string, args: RunArgs, cwd: string): number {
  const abs = path.resolve(cwd, file);
  const source = configSource(args, cwd);
  const cfg = source.configFor(abs);
  const d = describeConfig(abs, cfg);
  const show = (p: string) => displayPath(p, cwd);
  if (args.format === 'json') {
    const json = {
      ...d,
      file: show(d.file),
      config: d.config && show(d.config),
      include: { ...d.include, source: { ...d.include.source, file: d.include.source.file && show(d.include.source.file) } },
      exclude: { ...d.exclude, source: { ...d.exclude.source, file: d.exclude.source.file && show(d.exclude.source.file) } },
      topologies: { ...d.topologies, source: { ...d.topologies.source, file: d.topologies.source.file && show(d.topologies.source.file) } },
      root: { ...d.root, source: { ...d.root.source, file: d.root.source.file && show(d.root.source.file) } },
      environments: d.environments.map((e) => ({ ...e, topology: e.topology && show(e.topology), source: { ...e.source, file: e.source.file && show(e.source.file) } })),
      rules: d.rules.map((r) => ({ id: r.id, levels: Object.fromEntries(Object.entries(r.levels).map(([env, l]) => [env, { level: l.level, source: { ...l.source, file: l.source.file && show(l.source.file) } }])) })),
      problems: d.problems.map((p) => ({ ...p, file: show(p.file) })),
    };
    writeReport(safeJson(JSON.stringify(json, null, 2)) + '\n', args.outputFile, cwd);
    return d.problems.length ? 1 : 0;
  }
  const where = (s: { file: string | null; key: string | null; line?: number; column?: number; note?: string }) =>
    s.file ? `${show(s.file)}:${s.line}:${s.column} (${s.key})` : `default${s.note ? ` (${s.note})` : ''}`;
  const lines: string[] = [];
  lines.push(`File:         ${show(d.file)}`);
  lines.push(`Config file:  ${d.config ? `${show(d.config)} (the nearest to the file; it alone applies)` : 'none (no btslint.config.json or .yaml in this folder or above): defaults apply'}`);
  lines.push(`Linted:       ${d.linted.included ? 'yes' : 'no'} when its folder is linted (${safeText(d.linted.reason)})`);
  lines.push(`include:      ${d.include.value.length ? safeText(d.include.value.join(', ')) : '(every BizTalk file)'}  <- ${where(d.include.source)}`);
  lines.push(`exclude:      ${d.exclude.value.length ? safeText(d.exclude.value.join(', ')) : '(nothing)'}  <- ${where(d.exclude.source)}`);
  lines.push(`topologies:   ${d.topologies.value.length ? safeText(d.topologies.value.join(', ')) : '(those among the linted files, else the nearest)'}  <- ${where(d.topologies.source)}`);
  if (d.root.value) lines.push(`root:         true (no topology is looked for above the config file's folder)  <- ${where(d.root.source)}`);
  for (const e of d.environments) {
    const parts = [e.topology && `topology ${show(e.topology)}`, e.files.length && `files ${safeText(e.files.join(', '))}`, e.fileNameMarkers.length && `file-name markers ${safeText(e.fileNameMarkers.join(', '))}`].filter(Boolean);
    lines.push(`environment:  ${safeText(e.environment)}: ${parts.join('; ')}  <- ${where(e.source)}`);
  }
  lines.push('');
  lines.push('Rule levels by the topology\'s environment ("none": no topology), and where each comes from:');
  const envs = ['none', 'production', 'staging', 'test', 'development'] as const;
  const idW = Math.max(...d.rules.map((r) => r.id.length), 4);
  lines.push(`  ${'rule'.padEnd(idW)}  ${envs.map((e) => e.padEnd(11)).join(' ')}  source`);
  for (const r of d.rules) {
    const sources = [...new Set(envs.map((e) => where(r.levels[e].source)))];
    lines.push(`  ${r.id.padEnd(idW)}  ${envs.map((e) => r.levels[e].level.padEnd(11)).join(' ')}  ${sources.join('; ')}`);
  }
  if (d.problems.length) {
    lines.push('');
    lines.push('Problems in the config file (reported as config-invalid when linting):');
    for (const p of d.problems) lines.push(`  ${show(p.file)}:${p.line}:${p.column}  ${safeText(p.message)}`);
  }
  writeReport(lines.join('\n') + '\n', args.outputFile, cwd);
  return d.problems.length ? 1 : 0;
}

/** A one-argument function remembered per argument (a path is displayed once per finding). */
function memo(fn: (k: string) => string): (k: string) => string {
  const seen = new Map<string, string>();
  return (k) => {
    let v = seen.get(k);
    if (v === undefined) seen.set(k, (v = fn(k)));
    return v;
  };
}
