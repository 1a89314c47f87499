// Which topology files a run reads besides the ones its walk finds, for both shells: the ones config
// files name (`topologies`, `environments.<env>.topology`, resolved once by the core's
// topologySources), and, for a run over one file or a sub-folder, the nearest ones (the folder's own,
// else the closest folder above that has any, as ESLint finds its config; up to the workspace root or
// a config file with `root: true`). Which of them judge which file is the core's decision
// (core/environments.ts); this only finds the files.

import * as fs from 'fs';
import * as path from 'path';
import { isTopologyName } from '../core';
import { EffectiveConfig, topologySources } from '../core/config';
import { walkAsync, walkSync } from './walk';
import { addConfigProblem, Confinement, confineSource, noteRead } from './confine';

/**
 * The topology files the configs name, inside the workspace only (the command line): a source that
 * reaches outside it is a config-invalid problem added to its config (host/confine.ts), never walked,
 * and every file found is checked again.
 */
export function namedTopologiesSync(configs: Iterable<EffectiveConfig>, confinement: Confinement): string[] {
  const out = new Set<string>();
  for (const cfg of configs) {
    for (const s of topologySources(cfg)) {
      const { base, problem } = confineSource(cfg, s, confinement);
      if (problem) addConfigProblem(cfg, problem);
      if (base) for (const f of walkSync(base)) if (s.matches(f) && confinement.allows(f)) out.add(f);
    }
  }
  return [...out].sort();
}

/** The same, asynchronously (the language server); nothing when `cancelled()` turns true. */
export async function namedTopologiesAsync(configs: Iterable<EffectiveConfig>, confinement: Confinement, cancelled: () => boolean): Promise<string[]> {
  const out = new Set<string>();
  for (const cfg of configs) {
    for (const s of topologySources(cfg)) {
      const { base, problem } = confineSource(cfg, s, confinement);
      if (problem) addConfigProblem(cfg, problem);
      if (base) for (const f of await walkAsync(base, cancelled)) if (s.matches(f) && confinement.allows(f)) out.add(f);
    }
  }
  return cancelled() ? [] : [...out].sort();
}

/**
 * The topology files nearest to `start` (a file's folder, or a folder): those in it, else in the
 * closest folder above that has any, never above `root` (the workspace root) nor above the folder of
 * a config file with `root: true`. When no folder up to `root` has one, every topology file under
 * `root` (or under the `root: true` config's folder): what the language server, which reads the whole
 * workspace, joins the file with. Without `fallback` (a folder whose walk found topologies), nothing then.
 */
export function nearestTopologiesSync(start: string, root: string, configFor: (folder: string) => EffectiveConfig, fallback = true): string[] {
  const inside = (p: string) => {
    const rel = path.relative(root, p);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  if (!inside(start)) return topologiesIn(start);
  for (let dir = start; ; ) {
    const here = topologiesIn(dir);
    if (here.length) return here;
    const cfg = configFor(dir);
    if (cfg.root && cfg.dir !== undefined && path.resolve(cfg.dir) === path.resolve(dir)) return walkSync(dir, isTopologyName);
    const up = path.dirname(dir);
    if (path.resolve(dir) === path.resolve(root) || up === dir) break;
    dir = up;
  }
  return fallback ? walkSync(root, isTopologyName) : [];
}

function topologiesIn(dir: string): string[] {
  noteRead('list', dir);
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && isTopologyName(e.name))
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}
