// What `btslint --print-config FILE` shows: the config file that applies to FILE, whether FILE is
// linted when its folder is walked, and the level of every rule in each environment with where it
// came from (a key of the config file, at its line, or btslint's default).

import { allRules } from '../rules';
import { environmentSeverity } from '../engine';
import { LineIndex } from '../text';
import type { Level } from '../types';
import { ENVIRONMENTS } from './read';
import { configuredLevel, EffectiveConfig, isIncluded, SettingSource } from './resolve';

export interface DescribedSource {
  /** The config file, or null for btslint's default. */
  file: string | null;
  key: string | null;
  /** 1-based, when the source is a config file. */
  line?: number;
  column?: number;
  /** For defaults: why the default is what it is. */
  note?: string;
}

export interface DescribedLevel {
  level: Level;
  source: DescribedSource;
}

export interface ConfigDescription {
  file: string;
  config: string | null;
  linted: { included: boolean; reason: string };
  include: { value: string[]; source: DescribedSource };
  exclude: { value: string[]; source: DescribedSource };
  topologies: { value: string[]; source: DescribedSource };
  /** `root: true`: topology files are not looked for above the config file's folder. */
  root: { value: boolean; source: DescribedSource };
  /** Per environment: its topology file, the files mapped to it and extra file-name markers. */
  environments: { environment: string; topology: string | null; files: string[]; fileNameMarkers: string[]; source: DescribedSource }[];
  /** Levels keyed by environment; `none` is for findings computed without a topology. */
  rules: { id: string; levels: Record<'none' | (typeof ENVIRONMENTS)[number], DescribedLevel> }[];
  problems: { file: string; line: number; column: number; message: string }[];
}

export function describeConfig(file: string, cfg: EffectiveConfig): ConfigDescription {
  const indexes = new Map<string, LineIndex>();
  const lineIndex = (f: string, text: string) => {
    let li = indexes.get(f);
    if (!li) indexes.set(f, (li = new LineIndex(text)));
    return li;
  };
  const describe = (s: SettingSource | undefined, note?: string): DescribedSource => {
    if (!s || s === 'default') return { file: null, key: null, ...(note ? { note } : {}) };
    const text = cfg.parsed && cfg.parsed.uri === s.file ? cfg.parsed.text : '';
    const p = lineIndex(s.file, text).position(s.range.start);
    return { file: s.file, key: s.key, line: p.line + 1, column: p.character + 1 };
  };
  const rules = allRules.map((rule) => {
    const levels = {} as ConfigDescription['rules'][number]['levels'];
    for (const env of ['none', ...ENVIRONMENTS] as const) {
      const e = env === 'none' ? undefined : env;
      const c = configuredLevel(cfg, rule.meta.id, e);
      if (c) levels[env] = { level: c.level, source: describe(c.source) };
      else {
        const sev = environmentSeverity(rule, e);
        levels[env] = { level: sev, source: describe('default', sev !== rule.meta.defaultSeverity ? `${rule.meta.byEnvironment} rule: ${sev} in ${env}` : undefined) };
      }
    }
    return { id: rule.meta.id, levels };
  });
  return {
    file,
    config: cfg.file ?? null,
    linted: isIncluded(cfg, file),
    include: { value: cfg.include, source: describe(cfg.sources.include) },
    exclude: { value: cfg.exclude, source: describe(cfg.sources.exclude) },
    topologies: { value: cfg.topologies, source: describe(cfg.sources.topologies) },
    root: { value: cfg.root, source: describe(cfg.sources.root) },
    environments: Object.entries(cfg.members).map(([environment, m]) => ({
      environment,
      topology: m.topology ?? null,
      files: m.files,
      fileNameMarkers: m.fileNameMarkers,
      source: describe(cfg.sources[`environments.${environment}.topology`] ?? cfg.sources[`environments.${environment}.files`] ?? cfg.sources[`environments.${environment}.fileNameMarkers`]),
    })),
    rules,
    problems: cfg.problems.map((p) => {
      const pos = lineIndex(p.file, p.text).position(p.range.start);
      return { file: p.file, line: pos.line + 1, column: pos.character + 1, message: p.message };
    }),
  };
}
