// Config discovery: which config file applies to a linted file, and the effective settings it gives.
// The nearest config file wins, alone: btslint looks in the file's folder, then each folder above,
// and the first folder that holds a btslint.config.{json,jsonc,yaml,yml} decides every setting for
// the files below it. Nothing is merged across folders, so what applies is always one file to read
// (and `btslint --print-config FILE` names it). The shells pass a `readFile` function; the core
// never touches the file system.

import { decode, OffsetRange } from '../text';
import { allRules } from '../rules';
import type { Level, Severity } from '../types';
import { CONFIG_FILE_NAMES, ENVIRONMENTS, ParsedConfig, parseConfig, Setting } from './read';
import { basenameOf, dirnameOf, folderKey, joinPath, relativeInside, relativePath, resolveConfigPath } from './paths';
import { compileGlob, globBase, matchesAny } from './glob';

/**
 * Returns a file's bytes or text, or undefined when it does not exist (or is not a file); `refused`
 * when the shell would not read it (a symlink, a FIFO): reported as a config-invalid problem.
 */
export type ReadFile = (path: string) => string | Uint8Array | { refused: string } | undefined;

/** Where a setting came from: a key of a config file, or btslint's default. */
export type SettingSource = { file: string; key: string; range: OffsetRange } | 'default';

export interface ConfigProblemAt {
  file: string;
  text: string;
  message: string;
  range: OffsetRange;
}

export interface EffectiveConfig {
  /** The config file that applies, or undefined when none does (defaults everywhere). */
  file?: string;
  /** Its folder: include, exclude and topologies globs are relative to it. */
  dir?: string;
  /** Rule levels set under `rules`. */
  levels: Record<string, Level>;
  /** Rule levels set under `environments.<env>.rules`. */
  environments: Record<string, Record<string, Level>>;
  include: string[];
  exclude: string[];
  topologies: string[];
  /** `root: true`: topology files are looked for in this config's folder and below, never above. */
  root: boolean;
  /** Per environment: its topology file (resolved), its files (globs relative to `dir`) and extra file-name markers. */
  members: Record<string, { topology?: string; files: string[]; fileNameMarkers: string[] }>;
  /** Where each setting came from, keyed like `rules.<id>`, `environments.<env>.rules.<id>`, `include`. */
  sources: Record<string, SettingSource>;
  /** Problems of the config file (and of other config files ignored next to it), at their offsets. */
  problems: ConfigProblemAt[];
  parsed?: ParsedConfig;
}

const DEFAULTS: EffectiveConfig = Object.freeze({ levels: {}, environments: {}, include: [], exclude: [], topologies: [], root: false, members: {}, sources: {}, problems: [] });

/** What applies where no config file does. */
export const NO_CONFIG: EffectiveConfig = DEFAULTS;

export class ConfigResolver {
  private readonly byDir = new Map<string, EffectiveConfig>();
  /** By config file (lower-cased path). */
  private readonly byConfigFile = new Map<string, EffectiveConfig>();
  /** By linted file: forFolder's answer for its folder. */
  private readonly byLintedFile = new Map<string, EffectiveConfig>();

  constructor(
    private readonly readFile: ReadFile,
    private readonly knownRuleIds: readonly string[] = allRules.map((r) => r.meta.id),
  ) {}

  /** The effective config for a linted file: the nearest config file's settings, or the defaults. */
  forFile(filePath: string): EffectiveConfig {
    // Asked for every finding (its level) as well as every file: the folder's answer, kept per file.
    let eff = this.byLintedFile.get(filePath);
    if (!eff) this.byLintedFile.set(filePath, (eff = this.forFolder(dirnameOf(filePath))));
    return eff;
  }

  forFolder(dir: string): EffectiveConfig {
    const visited: string[] = [];
    let found: EffectiveConfig | undefined;
    for (let d = dir; ; ) {
      const key = d.toLowerCase();
      const cached = this.byDir.get(key);
      if (cached) {
        found = cached;
        break;
      }
      visited.push(key);
      const here = this.configIn(d);
      if (here) {
        found = here;
        break;
      }
      const up = dirnameOf(d);
      if (up === d || up === '.') break;
      d = up;
    }
    const result = found ?? DEFAULTS;
    for (const v of visited) this.byDir.set(v, result);
    return result;
  }

  /** Every distinct config file resolved so far (for reporting their problems once). */
  configs(): EffectiveConfig[] {
    return [...this.byConfigFile.values()];
  }

  private configIn(dir: string): EffectiveConfig | undefined {
    const present: { path: string; content: string | Uint8Array }[] = [];
    for (const name of CONFIG_FILE_NAMES) {
      const p = joinPath(dir, name);
      const content = this.readFile(p);
      if (content !== undefined && typeof content === 'object' && 'refused' in content) {
        // Not read: the defaults apply below it, and the refusal is reported at the file.
        const eff: EffectiveConfig = { ...DEFAULTS, file: p, dir, sources: {}, problems: [{ file: p, text: '', message: content.refused, range: { start: 0, end: 0 } }] };
        this.byConfigFile.set(p.toLowerCase(), eff);
        return eff;
      }
      if (content !== undefined) present.push({ path: p, content: content });
    }
    if (!present.length) return undefined;
    const chosen = present[0];
    const cached = this.byConfigFile.get(chosen.path.toLowerCase());
    if (cached) return cached;
    const parsed = parseConfig(chosen.path, chosen.content, this.knownRuleIds);
    const eff = effective(parsed, dir);
    for (const other of present.slice(1)) {
      const text = typeof other.content === 'string' ? other.content : decode(other.content).text;
      eff.problems.push({
        file: other.path,
        text,
        message: `This config file is ignored: ${basenameOf(chosen.path)} in the same folder applies. Keep one config file per folder.`,
        range: { start: 0, end: 0 },
      });
    }
    this.byConfigFile.set(chosen.path.toLowerCase(), eff);
    return eff;
  }
}

/** Convenience for one file: the effective config and where each setting came from. */
export function resolveConfig(filePath: string, readFile: ReadFile, knownRuleIds?: readonly string[]): EffectiveConfig {
  return new ConfigResolver(readFile, knownRuleIds).forFile(filePath);
}

/** The effective settings of a parsed config file in folder `dir`. */
export function effective(parsed: ParsedConfig, dir: string): EffectiveConfig {
  const src = (s: Setting<unknown>): SettingSource => ({ file: parsed.uri, key: s.key, range: s.range });
  const eff: EffectiveConfig = {
    file: parsed.uri,
    dir,
    levels: {},
    environments: {},
    include: parsed.include?.value ?? [],
    exclude: parsed.exclude?.value ?? [],
    topologies: parsed.topologies?.value ?? [],
    root: parsed.root?.value === true,
    members: {},
    sources: {},
    problems: parsed.problems.map((p) => ({ file: parsed.uri, text: parsed.text, message: p.message, range: p.range })),
    parsed,
  };
  for (const [id, s] of parsed.rules) {
    eff.levels[id] = s.value;
    eff.sources[`rules.${id}`] = src(s);
  }
  for (const [env, rules] of parsed.environments) {
    eff.environments[env] = {};
    for (const [id, s] of rules) {
      eff.environments[env][id] = s.value;
      eff.sources[`environments.${env}.rules.${id}`] = src(s);
    }
  }
  for (const k of ['include', 'exclude', 'topologies', 'root'] as const) {
    const s = parsed[k];
    if (s) eff.sources[k] = src(s);
  }
  for (const [env, m] of parsed.members) {
    eff.members[env] = { topology: m.topology && resolveConfigPath(dir, m.topology.value), files: m.files?.value ?? [], fileNameMarkers: m.fileNameMarkers?.value ?? [] };
    for (const k of ['topology', 'files', 'fileNameMarkers'] as const) if (m[k]) eff.sources[`environments.${env}.${k}`] = src(m[k]);
  }
  return eff;
}

/** Where a config says topology files are: a folder to walk and a test for each file found there. */
export interface TopologySource {
  /** The folder to look in (and below). */
  base: string;
  matches(filePath: string): boolean;
  /** The pattern or path as written in the config file, and the setting that holds it (for a config-invalid problem). */
  written: string;
  key: string;
}

/**
 * The topology files a config file names, by its `topologies` globs and its `environments.<env>.topology`
 * files, as folders to walk and tests: the one resolution both shells (and the membership) use.
 */
export function topologySources(cfg: EffectiveConfig): TopologySource[] {
  if (!cfg.dir) return [];
  const dir = cfg.dir;
  const out: TopologySource[] = [];
  for (const pattern of cfg.topologies) {
    const glob = compileGlob(pattern);
    out.push({ base: resolveConfigPath(dir, globBase(pattern).base || '.'), matches: (f) => glob.test(relativePath(dir, f)), written: pattern, key: 'topologies' });
  }
  for (const [env, m] of Object.entries(cfg.members)) {
    if (!m.topology) continue;
    const want = folderKey(m.topology);
    const written = cfg.parsed?.members.get(env)?.topology?.value ?? m.topology;
    out.push({ base: dirnameOf(m.topology), matches: (f) => folderKey(f) === want, written, key: `environments.${env}.topology` });
  }
  return out;
}

/**
 * The level a config gives a rule for findings computed against a topology of `environment`
 * (undefined when none applied), and where it came from. Undefined level: the config says nothing,
 * so the engine's own severity stands.
 */
export function configuredLevel(cfg: EffectiveConfig, ruleId: string, environment: string | undefined): { level: Level; source: SettingSource } | undefined {
  if (environment) {
    const l = cfg.environments[environment]?.[ruleId];
    if (l) return { level: l, source: cfg.sources[`environments.${environment}.rules.${ruleId}`] ?? 'default' };
  }
  const l = cfg.levels[ruleId];
  if (l) return { level: l, source: cfg.sources[`rules.${ruleId}`] ?? 'default' };
  return undefined;
}

/** The severity a finding gets under a config (undefined: the rule is off there). */
export function applyLevel(cfg: EffectiveConfig, ruleId: string, environment: string | undefined, severity: Severity): Severity | undefined {
  const c = configuredLevel(cfg, ruleId, environment);
  if (!c) return severity;
  return c.level === 'off' ? undefined : c.level;
}

/**
 * Whether a file found while walking a folder is linted under its config: it must match `include`
 * (when set) and must not match `exclude`. Files outside the config's folder are always linted.
 */
export function isIncluded(cfg: EffectiveConfig, filePath: string): { included: boolean; reason: string } {
  if (!cfg.dir) return { included: true, reason: 'no config file applies' };
  const rel = relativeInside(cfg.dir, filePath);
  if (rel === undefined) return { included: true, reason: 'outside the config file\'s folder' };
  if (cfg.include.length && !matchesAny(cfg.include, rel)) return { included: false, reason: `not matched by include (${cfg.include.join(', ')})` };
  const ex = cfg.exclude.find((p) => matchesAny([p], rel));
  if (ex) return { included: false, reason: `matched by exclude "${ex}"` };
  return { included: true, reason: cfg.include.length ? 'matched by include' : 'not excluded' };
}

export { ENVIRONMENTS };
