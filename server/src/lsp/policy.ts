// The team's configuration in the editor: the btslint.config.{json,jsonc,yaml,yml} nearest to each
// file (its rule levels, per environment too, whether it is linted at all, its environments) for the
// check pipeline (core/pipeline.ts), which the CLI calls too; the config files with problems as
// documents (positions of config-invalid diagnostics). Last comes the editor's
// btslint.severityOverrides setting (withOverrides), as vscode-eslint applies `rules.customizations`
// after the config files: the setting is the user's view of the team's result, not a config layer.

import { BtsDocument, ConfigResolver, EffectiveConfig, Finding, isIncluded, Level, readDocument, ReadFile } from '../core';
import { dirnameOf, NO_CONFIG } from '../core/config';
import { isInside, pathToUri, uriKey, uriToPath } from './paths';

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

  /** Reads the config files with problems as documents (for their diagnostics' positions); call after a check. */
  noteConfigDocuments(): void {
    const docsByKey = new Map<string, BtsDocument>();
    for (const cfg of this.configs()) {
      for (const p of cfg.problems) {
        const uri = pathToUri(p.file);
        if (!docsByKey.has(uriKey(uri))) docsByKey.set(uriKey(uri), readDocument(uri, p.text));
      }
    }
    this.configDocs = docsByKey;
  }

  /** A config file with problems, as a document (positions of config-invalid diagnostics). */
  configDocument(uri: string): BtsDocument | undefined {
    return this.configDocs.get(uriKey(uri));
  }
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
