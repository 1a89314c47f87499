// Which environments a workspace describes, and which environment a file belongs to, for `btslint
// init` (one topology per environment). Read from what teams already keep:
//   - the columns of a Deployment Framework SettingsFileGenerator workbook ("Environment Name:" row);
//   - exported settings files (`PROD_Settings.xml`, or their `<!--Environment: Production-->` comment);
//   - file-name markers of bindings and configuration exports (`Orders_Prod.BindingInfo.xml`,
//     `Chapter06.DEV.Binding.xml`): core/environments.ts's environmentsByName, the markers the lint
//     itself uses to decide which topologies judge a file, so init writes a file's facts into the
//     topologies that will judge it.
// Settings names are matched to the four environments of the topology format with the aliases of
// model/tokens.ts (ENVIRONMENT_ALIASES), as token resolution does. A file whose name marks no
// environment belongs to every environment.

import type { BtsDocument } from '../document';
import { environmentScore } from '../model/tokens';
import { environmentsByName } from '../environments';
import type { EffectiveConfig } from '../config/resolve';
import { relativeInside } from '../config/paths';
import { matchesAny } from '../config/glob';

/** The config that applies to a document (the shells' resolver) and the document's file path. */
export type ConfigFor = (uri: string) => { config: EffectiveConfig | undefined; path: string };

export const ENVIRONMENTS = ['production', 'staging', 'test', 'development'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/**
 * The environment a label names ("Production", "Shared Development", "PROD_settings.xml"), when it
 * names exactly one: the best score of model/tokens.ts, a tie names none.
 */
export function canonicalEnvironment(label: string | undefined): EnvironmentName | undefined {
  if (!label) return undefined;
  let best: EnvironmentName | undefined;
  let bestScore = 0;
  let tie = false;
  for (const env of ENVIRONMENTS) {
    const s = environmentScore(env, label);
    if (s > bestScore) {
      best = env;
      bestScore = s;
      tie = false;
    } else if (s > 0 && s === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

function baseName(uri: string): string {
  return uri.replace(/^.*[\\/]/, '');
}

/** The environments a binding or configuration export's file name marks (`Orders_Prod.BindingInfo.xml`), with a config's extra markers. */
export function fileNameEnvironments(uri: string, config?: EffectiveConfig): EnvironmentName[] {
  const extra: Record<string, string[]> = {};
  for (const [env, m] of Object.entries(config?.members ?? {})) if (m.fileNameMarkers.length) extra[env] = m.fileNameMarkers;
  return environmentsByName(uri, extra).filter(isEnvironment);
}

function isEnvironment(e: string): e is EnvironmentName {
  return (ENVIRONMENTS as readonly string[]).includes(e);
}

/** The environments a btslint config maps a file (by path) to (`environments.<env>.files`), as the lint does. */
export function configEnvironments(filePath: string, config: EffectiveConfig | undefined): EnvironmentName[] {
  if (!config || config.dir === undefined) return [];
  const rel = relativeInside(config.dir, filePath);
  if (rel === undefined) return [];
  return Object.entries(config.members)
    .filter(([env, m]) => m.files.length && isEnvironment(env) && matchesAny(m.files, rel))
    .map(([env]) => env as EnvironmentName);
}

/** The environments a member file (binding, export) is deployed to: the config's mapping, else its name; empty: every one. */
export function memberEnvironments(doc: BtsDocument, configFor?: ConfigFor): EnvironmentName[] {
  if (!doc.binding && !doc.configExport) return [];
  const c = configFor?.(doc.uri);
  const mapped = configEnvironments(c?.path ?? doc.uri, c?.config);
  return mapped.length ? mapped : fileNameEnvironments(doc.uri, c?.config);
}

/** Where an environment was found: the file, and in words (`column "Production"`). */
export interface EnvironmentEvidence {
  environment: EnvironmentName;
  doc: BtsDocument;
  what: string;
}

/** The environments a document names: workbook columns, an exported settings file, a file name. */
export function documentEnvironments(doc: BtsDocument, configFor?: ConfigFor): EnvironmentEvidence[] {
  const out: EnvironmentEvidence[] = [];
  if (doc.settingsWorkbook) {
    for (const e of doc.settingsWorkbook.environments) {
      const env = canonicalEnvironment(e.name) ?? canonicalEnvironment(e.settingsFile);
      if (env) out.push({ environment: env, doc, what: `column "${e.name}"` });
    }
  } else if (doc.settingsExport) {
    const env = canonicalEnvironment(doc.settingsExport.environment) ?? canonicalEnvironment(baseName(doc.uri));
    if (env) out.push({ environment: env, doc, what: doc.settingsExport.environment ? `Environment: ${doc.settingsExport.environment}` : 'file name' });
  } else if (doc.binding || doc.configExport) {
    const c = configFor?.(doc.uri);
    const mapped = configEnvironments(c?.path ?? doc.uri, c?.config);
    for (const env of mapped) out.push({ environment: env, doc, what: 'mapped by btslint.config' });
    if (!mapped.length) for (const env of fileNameEnvironments(doc.uri, c?.config)) out.push({ environment: env, doc, what: 'file name' });
  }
  return out;
}

/** Every environment the workspace names, in the order production, staging, test, development. */
export function workspaceEnvironments(docs: BtsDocument[], configFor?: ConfigFor): Map<EnvironmentName, EnvironmentEvidence[]> {
  const found = new Map<EnvironmentName, EnvironmentEvidence[]>();
  for (const d of docs) for (const e of documentEnvironments(d, configFor)) found.set(e.environment, [...(found.get(e.environment) ?? []), e]);
  return new Map(ENVIRONMENTS.filter((e) => found.has(e)).map((e) => [e, found.get(e)!]));
}

/**
 * Whether a binding or configuration export is deployed to an environment: a file the config maps, or
 * whose name marks an environment, belongs to those only; any other file to every environment.
 */
export function belongsTo(doc: BtsDocument, environment: string | undefined, configFor?: ConfigFor): boolean {
  if (!environment) return true;
  const marked = memberEnvironments(doc, configFor);
  return !marked.length || marked.includes(environment as EnvironmentName);
}
