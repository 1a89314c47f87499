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

/** The environments a binding or configuration export's file name marks (`Orders_Prod.BindingInfo.xml`). */
export function fileNameEnvironments(uri: string): EnvironmentName[] {
  return environmentsByName(uri).filter((e): e is EnvironmentName => (ENVIRONMENTS as readonly string[]).includes(e));
}

/** Where an environment was found: the file, and in words (`column "Production"`). */
export interface EnvironmentEvidence {
  environment: EnvironmentName;
  doc: BtsDocument;
  what: string;
}

/** The environments a document names: workbook columns, an exported settings file, a file name. */
export function documentEnvironments(doc: BtsDocument): EnvironmentEvidence[] {
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
    for (const env of fileNameEnvironments(doc.uri)) out.push({ environment: env, doc, what: 'file name' });
  }
  return out;
}

/** Every environment the workspace names, in the order production, staging, test, development. */
export function workspaceEnvironments(docs: BtsDocument[]): Map<EnvironmentName, EnvironmentEvidence[]> {
  const found = new Map<EnvironmentName, EnvironmentEvidence[]>();
  for (const d of docs) for (const e of documentEnvironments(d)) found.set(e.environment, [...(found.get(e.environment) ?? []), e]);
  return new Map(ENVIRONMENTS.filter((e) => found.has(e)).map((e) => [e, found.get(e)!]));
}

/**
 * Whether a binding or configuration export is deployed to an environment: a file whose name marks an
 * environment belongs to that one only; any other file to every environment.
 */
export function belongsTo(doc: BtsDocument, environment: string | undefined): boolean {
  if (!environment) return true;
  const marked = doc.binding || doc.configExport ? fileNameEnvironments(doc.uri) : [];
  return !marked.length || marked.includes(environment as EnvironmentName);
}
