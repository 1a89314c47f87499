// Checking a config's topology sources before they are walked, for every shell (the CLI, the Node
// language server through host/confine.ts, and the browser's server, whose files the client reads):
// no Node module here. Which paths are allowed is the caller's `resolve` (host/confine.ts's
// Confinement: realpaths inside the workspace; the browser: paths inside the workspace folders).

import { ConfigProblemAt, EffectiveConfig, TopologySource } from '../core/config';

/** What confineSource needs of a confinement: where a path leads, or why it may not be read. */
export interface Resolver {
  resolve(p: string): { real: string } | { refused: string } | { missing: true };
}

/**
 * A topology source of a config (a `topologies` glob or an `environments.<env>.topology` path, from the
 * core's topologySources) checked before it is walked: an absolute pattern, or a base that does not
 * lead inside the roots (through `..` or a symlink), is a config-invalid problem at the pattern, and
 * nothing is walked. `base` is undefined when there is nothing to walk (refused, or missing).
 */
export function confineSource(cfg: EffectiveConfig, source: TopologySource, confinement: Resolver): { base?: string; problem?: ConfigProblemAt } {
  if (source.key === 'topologies' && /^([\\/]|[A-Za-z]:)/.test(source.written.trim())) {
    return { problem: sourceProblem(cfg, source, `The topologies pattern "${source.written}" is an absolute path; patterns are relative to the config file's folder and stay inside the workspace.`) };
  }
  const r = confinement.resolve(source.base);
  if ('missing' in r) return {};
  if ('refused' in r) {
    const what = source.key === 'topologies' ? `The topologies pattern "${source.written}"` : `The topology file "${source.written}" (${source.key})`;
    return { problem: sourceProblem(cfg, source, `${what} reaches outside the workspace (${r.refused.replace(/^it /, '')}); btslint reads only files inside the workspace. Keep the topology files inside the repository.`) };
  }
  // Walked as written (the walk never follows a symlink below it), so paths match the folder walk's.
  return { base: source.base };
}

/** Adds a problem to a config's problems once (a config is resolved once per run, its sources maybe more). */
export function addConfigProblem(cfg: EffectiveConfig, p: ConfigProblemAt): void {
  if (!cfg.problems.some((q) => q.message === p.message && q.file === p.file && q.range.start === p.range.start)) cfg.problems.push(p);
}

function sourceProblem(cfg: EffectiveConfig, source: TopologySource, message: string): ConfigProblemAt {
  const src = cfg.sources[source.key];
  const text = cfg.parsed?.text ?? '';
  let range = src && src !== 'default' ? src.range : { start: 0, end: text.length };
  // The pattern itself, when it can be found inside the setting's range (JSON escapes aside).
  const at = text.indexOf(source.written, range.start);
  range = at >= 0 && at + source.written.length <= range.end ? { start: at, end: at + source.written.length } : { start: range.start, end: range.start };
  return { file: cfg.file ?? '', text, message, range };
}

