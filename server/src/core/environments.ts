// Which environments each binding file and deployment manifest is deployed to, and so which topologies
// judge it. Teams keep one binding file per environment (…BindingInfo_Dev.xml, ….PROD.Bindings.xml, a
// Deployment Framework master binding resolved per settings column) and one topology per environment;
// a file is checked only against the topologies of its own environments.
//
// Which topologies apply to a file (its candidates), first that gives any:
//   1. the topology files its config file names (`topologies` globs, `environments.<env>.topology`);
//   2. the nearest: the topology files in the file's folder, else in the closest folder above that has
//      any (as ESLint finds its config), not above a config file with `root: true`;
//   3. every topology given.
// Which environments the file belongs to, first that decides:
//   1. the config file's `environments.<env>.files` globs that match it;
//   2. the Deployment Framework: a master binding (with `${Token}`s) or a Deployment.btdfproj belongs
//      to every candidate's environment for which the settings (a workbook column or an exported
//      settings file) have values: it is checked once per such environment;
//   3. its file name's markers (FILE_NAME_MARKERS, plus the config's `fileNameMarkers`);
//   4. none: every candidate topology judges it (and a finding that is the same under all of them is
//      reported once: pipeline.ts).
// A topology is matched by its `environment`. Settings files are shared by every environment (they
// hold every environment's values).

import type { BtsDocument } from './document';
import { NO_CONFIG, topologySources } from './config/resolve';
import type { EffectiveConfig } from './config/resolve';
import { basenameOf, dirnameOf, folderKey, relativeInside } from './config/paths';
import { matchesAny } from './config/glob';
import { workspaceOf } from './model/join';
import { hasSettings, tokenTable } from './model/tokens';

/** The file-name markers btslint knows (case-insensitive; docs/topology.md#environments). */
export const FILE_NAME_MARKERS: readonly { marker: string; environment: string }[] = Object.freeze([
  { marker: '_Dev', environment: 'development' },
  { marker: '.DEV.', environment: 'development' },
  { marker: 'Development', environment: 'development' },
  { marker: '_Test', environment: 'test' },
  { marker: '_QA', environment: 'test' },
  { marker: '_UAT', environment: 'staging' },
  { marker: '_Prod', environment: 'production' },
  { marker: '.PROD.', environment: 'production' },
  { marker: 'Production', environment: 'production' },
]);

export type MembershipSource = 'config' | 'deployment-framework' | 'file-name' | 'every-topology';

export interface Membership {
  /** The environments the file is deployed to; undefined: every candidate topology's. */
  environments?: string[];
  source: MembershipSource;
  /** The topologies that judge the file (URIs). */
  topologies: string[];
}

export interface EnvironmentRun {
  /** The topology of this run (undefined: a workspace without any). */
  topology?: BtsDocument;
  environment?: string;
  /** The documents the rules see in this run: the topology, its members, the settings files. */
  documents: BtsDocument[];
}

export interface MembershipOptions {
  /** The effective config of a document (by URI); default: none. */
  configFor?: (uri: string) => EffectiveConfig;
  /** A document URI's file path (the language server's `file:` URIs); default: the URI itself. */
  pathOf?: (uri: string) => string | undefined;
}

const MEMBER_KINDS = new Set(['binding', 'config-export', 'btdf-project', 'app-definition']);
const SHARED_KINDS = new Set(['btdf-settings', 'settings-export']);

/**
 * The environments a file name puts a file in, by its markers. A marker that starts (or ends) with a
 * letter must stand as a word there: not inside another word (`_Device` is not `_Dev`), though a
 * camel-case boundary counts (`OrdersProductionBindings.xml`).
 */
export function environmentsByName(fileName: string, extra: Record<string, readonly string[]> = {}): string[] {
  const name = basenameOf(fileName);
  const lower = name.toLowerCase();
  const out = new Set<string>();
  const markers = [...FILE_NAME_MARKERS, ...Object.entries(extra).flatMap(([environment, ms]) => ms.map((marker) => ({ marker, environment })))];
  for (const { marker, environment } of markers) {
    const m = marker.toLowerCase();
    if (!m) continue;
    for (let i = lower.indexOf(m); i >= 0; i = lower.indexOf(m, i + 1)) {
      if (wordEdge(name, i, /[a-z]/i.test(m[0]), 'before') && wordEdge(name, i + m.length, /[a-z]/i.test(m[m.length - 1]), 'after')) {
        out.add(environment);
        break;
      }
    }
  }
  return [...out];
}

function wordEdge(name: string, at: number, letter: boolean, side: 'before' | 'after'): boolean {
  if (!letter) return true;
  const c = side === 'before' ? name[at - 1] : name[at];
  if (c === undefined || !/[a-z]/i.test(c)) return true;
  // A camel-case boundary: the marker starts with a capital, or the next word does.
  return side === 'before' ? /[A-Z]/.test(name[at]) && /[a-z]/.test(c) : /[A-Z]/.test(c) && /[a-z]/.test(name[at - 1]);
}

/**
 * At most this many topologies judge one file. The rules run once per topology over the files of its
 * environment, so a folder of hundreds of topology files (a few bytes each) would multiply a run's
 * time by hundreds; a real group has a handful of environments. A repository of many groups is not
 * limited: each file is judged by the topologies nearest to it.
 */
export const MAX_TOPOLOGIES = 32;

/**
 * The runs of the rules: one per topology with the documents of its environment, each file's
 * membership, and the files more than MAX_TOPOLOGIES topologies would judge (judged by the first of
 * them, in URI order; the engine reports them once).
 */
export function environmentRuns(documents: BtsDocument[], options: MembershipOptions = {}): { runs: EnvironmentRun[]; membership: Map<BtsDocument, Membership>; capped: { doc: BtsDocument; judges: number }[] } {
  const configFor = options.configFor ?? (() => NO_CONFIG);
  const pathOf = (d: BtsDocument) => options.pathOf?.(d.uri) ?? d.uri;
  // In URI order, so that every shell runs (and labels) the environments in the same order.
  const topologies = documents.filter((d) => d.kind === 'topology' && d.topology && d.topology.root.isMap).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const membership = new Map<BtsDocument, Membership>();
  const capped: { doc: BtsDocument; judges: number }[] = [];
  if (!topologies.length) return { runs: [{ documents }], membership, capped };

  const shared = documents.filter((d) => SHARED_KINDS.has(d.kind));
  const all = workspaceOf(documents);
  const settings = hasSettings(all);
  const byFolder = new Map<string, BtsDocument[]>();
  for (const t of topologies) {
    const k = folderKey(dirnameOf(pathOf(t)));
    const here = byFolder.get(k);
    if (here) here.push(t);
    else byFolder.set(k, [t]);
  }
  const envOf = (t: BtsDocument) => t.topology?.environment;
  const members = new Map<BtsDocument, BtsDocument[]>(topologies.map((t) => [t, []]));

  for (const d of documents) {
    if (!MEMBER_KINDS.has(d.kind)) continue;
    const p = pathOf(d);
    const cfg = configFor(d.uri);
    const candidates = candidatesOf(p, cfg, topologies, byFolder, pathOf);
    let environments: string[] | undefined;
    let source: MembershipSource = 'every-topology';
    // 1. The config's explicit mapping.
    const rel = cfg.dir !== undefined ? relativeInside(cfg.dir, p) : undefined;
    if (rel !== undefined) {
      const envs = Object.entries(cfg.members).filter(([, m]) => m.files.length && matchesAny(m.files, rel)).map(([env]) => env);
      if (envs.length) [environments, source] = [envs, 'config'];
    }
    // 2. The Deployment Framework: once per environment whose settings have values.
    if (!environments && settings && (d.kind === 'btdf-project' || (d.kind === 'binding' && (d.text.includes('${') || d.text.includes('$('))))) {
      const envs = [...new Set(candidates.map(envOf).filter((e): e is string => !!e && tokenTable(all, e).sources.length > 0))];
      if (envs.length) [environments, source] = [envs, 'deployment-framework'];
    }
    // 3. The file name.
    if (!environments) {
      const extra: Record<string, string[]> = {};
      for (const [env, m] of Object.entries(cfg.members)) if (m.fileNameMarkers.length) extra[env] = m.fileNameMarkers;
      const envs = environmentsByName(p, extra);
      if (envs.length) [environments, source] = [envs, 'file-name'];
    }
    let judges = environments ? candidates.filter((t) => environments.includes(envOf(t) ?? '')) : candidates;
    if (judges.length > MAX_TOPOLOGIES) {
      capped.push({ doc: d, judges: judges.length });
      judges = judges.slice(0, MAX_TOPOLOGIES);
    }
    for (const t of judges) members.get(t)!.push(d);
    membership.set(d, { environments, source, topologies: judges.map((t) => t.uri) });
  }
  const runs = topologies.map((t) => ({ topology: t, environment: envOf(t), documents: [t, ...members.get(t)!, ...shared] }));
  return { runs, membership, capped };
}

/** The topologies that may judge a file: named by its config, else the nearest, else all. */
function candidatesOf(p: string, cfg: EffectiveConfig, topologies: BtsDocument[], byFolder: Map<string, BtsDocument[]>, pathOf: (d: BtsDocument) => string): BtsDocument[] {
  const sources = topologySources(cfg);
  if (sources.length) {
    const named = topologies.filter((t) => sources.some((s) => s.matches(pathOf(t))));
    if (named.length) return named;
  }
  const stop = cfg.root && cfg.dir !== undefined ? folderKey(cfg.dir) : undefined;
  for (let dir = dirnameOf(p); ; ) {
    const k = folderKey(dir);
    const here = byFolder.get(k);
    if (here) return here;
    const up = dirnameOf(dir);
    if (k === stop || up === dir) break;
    if (up === '.' && dir === '.') break;
    dir = up;
  }
  // With `root: true`, only the topologies in the root config's folder and below.
  return stop === undefined ? topologies : topologies.filter((t) => relativeInside(cfg.dir!, pathOf(t)) !== undefined);
}
