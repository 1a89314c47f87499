// The team's policy in the editor, the same as the CLI's (cli/run.ts), from the same core functions:
// the btslint.config.{json,jsonc,yaml,yml} nearest to each file decides its rule levels (per
// environment too) and whether it is linted at all (include, exclude); in-source suppressions apply
// (applyPolicy), and the findings about them (suppression-invalid, -expired, -unused) are reported;
// a config file's own problems are config-invalid findings on the config file. Last comes the
// editor's btslint.severityOverrides setting, as vscode-eslint applies `rules.customizations` after
// the config files: the setting is the user's view of the team's result, not a config layer.

import { applyPolicy, BtsDocument, configFindings, ConfigResolver, EffectiveConfig, Finding, isIncluded, Level, readDocument, ReadFile } from '../core';
import { dirnameOf } from '../core/config';
import { isInside, pathToUri, uriKey, uriToPath } from './paths';

/** What applies where no config file does (and to documents that are not files). */
const NO_CONFIG: EffectiveConfig = Object.freeze({ levels: {}, environments: {}, include: [], exclude: [], topologies: [], sources: {}, problems: [] }) as EffectiveConfig;

export class EditorPolicy {
  private resolver: ConfigResolver;
  /** Config files whose problems are reported (a config file is an input even with no BizTalk file below it). */
  private readonly known = new Set<string>();
  /** Config files with problems, as documents (for their positions), by URI key. */
  private configDocs = new Map<string, BtsDocument>();

  constructor(private readonly readFile: ReadFile) {
    this.resolver = new ConfigResolver(readFile);
  }

  /** Forgets every config file read: one was created, changed or deleted. */
  reset(): void {
    this.resolver = new ConfigResolver(this.readFile);
  }

  /** A config file found in the workspace (scan or watcher); `false` when it was deleted. */
  noteConfigFile(fsPath: string, present = true): void {
    if (present) this.known.add(fsPath);
    else this.known.delete(fsPath);
  }

  /** Forgets the config files under a deleted file or folder; true when there were any. */
  forgetConfigFilesUnder(fsPath: string): boolean {
    const gone = [...this.known].filter((f) => isInside(f, fsPath));
    for (const f of gone) this.known.delete(f);
    return gone.length > 0;
  }

  /** The effective config of a file path: the nearest config file's settings, or the defaults. */
  configForPath(fsPath: string): EffectiveConfig {
    return this.resolver.forFile(fsPath);
  }

  /** The effective config of a document URI (findings carry URIs). */
  configFor(uri: string): EffectiveConfig {
    const p = uriToPath(uri);
    return p === undefined ? NO_CONFIG : this.resolver.forFile(p);
  }

  /** Whether a file is linted under its config's include and exclude globs. */
  isLinted(fsPath: string): boolean {
    return isIncluded(this.configForPath(fsPath), fsPath).included;
  }

  /** Every config file resolved so far (those that apply to a workspace file, and those noted). */
  configs(): EffectiveConfig[] {
    for (const f of this.known) this.resolver.forFolder(dirnameOf(f));
    return this.resolver.configs();
  }

  /**
   * lint()'s findings through the team's policy (levels, suppressions), plus the config files'
   * problems, then the editor's severity overrides. Findings on config files carry `file:` URIs.
   */
  apply(raw: Finding[], docs: BtsDocument[], now: Date, overrides: Record<string, Level>): Finding[] {
    // Only documents that may hold a suppression are searched for them (the same result, without
    // reading every file's suppressions after every keystroke).
    const { findings } = applyPolicy(raw, docs.filter(maySuppress), { now, configFor: (uri) => this.configFor(uri) });
    const configs = this.configs();
    const docsByKey = new Map<string, BtsDocument>();
    for (const cfg of configs) {
      for (const p of cfg.problems) {
        const uri = pathToUri(p.file);
        if (!docsByKey.has(uriKey(uri))) docsByKey.set(uriKey(uri), readDocument(uri, p.text));
      }
    }
    this.configDocs = docsByKey;
    const onConfigs = configFindings(configs).map((f) => ({ ...f, uri: pathToUri(f.uri) }));
    return withOverrides([...findings, ...onConfigs], overrides);
  }

  /** A config file with problems, as a document (positions of config-invalid diagnostics). */
  configDocument(uri: string): BtsDocument | undefined {
    return this.configDocs.get(uriKey(uri));
  }
}

/** Whether a document may hold a suppression (every syntax of one has `btslint-`); cached per parse. */
const suppressible = new WeakMap<BtsDocument, boolean>();
function maySuppress(doc: BtsDocument): boolean {
  let v = suppressible.get(doc);
  if (v === undefined) suppressible.set(doc, (v = doc.kind !== 'other' && doc.text.includes('btslint-')));
  return v;
}

/**
 * The editor's btslint.severityOverrides, applied last: a rule set `off` there shows nothing, any
 * other level replaces the severity the config files and the environment gave.
 */
export function withOverrides(findings: Finding[], overrides: Record<string, Level>): Finding[] {
  if (!Object.keys(overrides).length) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const level = overrides[f.ruleId];
    if (level === 'off') continue;
    out.push(level && level !== f.severity ? { ...f, severity: level } : f);
  }
  return out;
}
