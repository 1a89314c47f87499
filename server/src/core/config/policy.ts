// The step after lint(): what the team decided. Config levels per rule and per environment (from the
// config file nearest to each finding's file), then in-source suppressions, then findings about the
// config files and the suppressions themselves. Kept apart from engine.ts so lint() stays the pure
// "what is true of these files" pass, and the CLI and the language server share this one policy.

import type { BtsDocument } from '../document';
import { NodePath } from '../rules/nodePath';
import { compareFindings, Finding } from '../types';
import { applySuppressions, SuppressedFinding, Suppression } from '../suppress';
import { applyLevel, configuredLevel, EffectiveConfig } from './resolve';

export interface PolicyOptions {
  now: Date;
  /** The effective config for a file (the nearest config file's, or defaults). */
  configFor: (uri: string) => EffectiveConfig;
  /** False for an audit run: every suppression is ignored (and none is reported). Default true. */
  suppressions?: boolean;
}

export interface PolicyResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  suppressions: Suppression[];
}

export function applyPolicy(findings: Finding[], docs: BtsDocument[], options: PolicyOptions): PolicyResult {
  const levelled = withLevels(findings, options.configFor);
  if (options.suppressions === false) return { findings: sortFindings(levelled), suppressed: [], suppressions: [] };
  const r = applySuppressions(levelled, docs, {
    now: options.now,
    isActive: (uri, ruleId) => !isOffEverywhere(options.configFor(uri), ruleId),
  });
  // Levels again, for the findings about suppressions (idempotent for the others).
  return { findings: sortFindings(withLevels(r.findings, options.configFor)), suppressed: r.suppressed, suppressions: r.suppressions };
}

/** Applies each finding's config level (dropping findings of rules that are off there). */
export function withLevels(findings: Finding[], configFor: (uri: string) => EffectiveConfig): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const sev = applyLevel(configFor(f.uri), f.ruleId, f.environment, f.severity);
    if (!sev) continue;
    out.push(sev === f.severity ? f : { ...f, severity: sev });
  }
  return out;
}

/** A rule set off under `rules` and not turned back on for any environment. */
function isOffEverywhere(cfg: EffectiveConfig, ruleId: string): boolean {
  if (cfg.levels[ruleId] !== 'off') return false;
  return !Object.values(cfg.environments).some((env) => env[ruleId] && env[ruleId] !== 'off');
}

/**
 * The problems of the given config files as `config-invalid` findings, each config's own level for
 * config-invalid applied. Configs are de-duplicated by file.
 */
export function configFindings(configs: EffectiveConfig[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const cfg of configs) {
    if (!cfg.file || seen.has(cfg.file.toLowerCase())) continue;
    seen.add(cfg.file.toLowerCase());
    const c = configuredLevel(cfg, 'config-invalid', undefined);
    if (c?.level === 'off') continue;
    const severity = c ? (c.level) : 'error';
    for (const p of cfg.problems) {
      out.push({ ruleId: 'config-invalid', severity, message: p.message, uri: p.file, range: p.range, nodePath: NodePath.id('config-invalid', p.message).toString() });
    }
  }
  return sortFindings(out);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
