// The core's vocabulary: findings, fixes and rule metadata. Plain data, no editor or LSP types:
// the CLI and the language server convert at their edges.

import type { OffsetRange } from './text';

export type Severity = 'error' | 'warning' | 'info';
export type Level = Severity | 'off';

export type Category = 'clustering' | 'storage' | 'backup' | 'sso' | 'hosts' | 'dr' | 'workspace';

export interface TextEdit {
  /** The file the edit applies to (a finding's fix may edit another file, e.g. the topology). */
  uri: string;
  start: number;
  end: number;
  newText: string;
}

/**
 * What a change does to the team's statement of its platform (ESLint separates fixes from suggestions):
 * - `fix`: changes nothing declared; normalises, completes or corrects form, or gathers what other files
 *   already state. `--fix` and the editor's fix-all apply it; only it may be a preferred quick-fix.
 * - `declaration`: inserts what is missing as a skeleton whose unknown values are `<<placeholders>>`;
 *   each placeholder keeps the severity of the finding it answers (unfilled-placeholder) until a person
 *   fills it. `--fix --fix-type fix,declaration` applies it.
 * - `suggestion`: changes (or asserts) a declared value (false to true, RAID 5 to 10). Offered in the
 *   editor only, never preferred, never applied by `--fix` or fix-all; its title says what must be
 *   true first.
 */
export type FixKind = 'fix' | 'declaration' | 'suggestion';

export const FIX_KINDS: readonly FixKind[] = ['fix', 'declaration', 'suggestion'];

export interface Fix {
  /** What the fix does, as a quick-fix title ("Declare a failover cluster for SQLBTS\\BTS"). */
  title: string;
  edits: TextEdit[];
  kind: FixKind;
}

export interface RelatedLocation {
  uri: string;
  range: OffsetRange;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The id of the rule's message (meta.messages) the finding was reported with, and its data. */
  messageId?: string;
  data?: Record<string, string | number>;
  uri: string;
  range: OffsetRange;
  related?: RelatedLocation[];
  /** The finding's fix: of kind `fix` or `declaration` (never `suggestion`). */
  fix?: Fix;
  /** Changes of declared values a person may accept in the editor (kind `suggestion`). */
  suggestions?: Fix[];
  /**
   * A stable, line-independent identity of the node the finding is about (e.g.
   * `sqlInstances[name=SQLBTS\\BTS]` or `ReceivePort[Name=X]/ReceiveLocation[Name=Y]`), used for
   * baselines and SARIF partialFingerprints.
   */
  nodePath: string;
  /** The topology environment the finding was computed against, when one applied. */
  environment?: string;
  /** The topology file (URI) the finding was computed against, when one applied. */
  topology?: string;
  /**
   * A finding that holds the same under several topologies is reported once (pipeline.ts): then
   * `environment` and `topology` are unset and these list every environment and topology file.
   */
  environments?: string[];
  topologies?: string[];
}

/**
 * How a rule's severity follows the topology's environment (docs/topology.md#environments-and-severities):
 * - `availability`: redundancy (clusters, RAID, two host instances): `info` in development and test;
 * - `site-loss`: surviving the loss of the site (DR site, off-site copy, restore test, DR paths):
 *   `info` in development and test;
 * - `wrong-processing`: what makes BizTalk process messages wrongly as soon as two host instances run
 *   (duplicate pickup, broken ordered delivery, transactions in availability groups): full everywhere;
 * - `full`: everything else (backups, the Backup BizTalk Server job, secrets, workspace): full everywhere.
 */
export type EnvironmentBehaviour = 'availability' | 'site-loss' | 'wrong-processing' | 'full';

export interface RuleMeta {
  /** kebab-case id, also the docs page name. */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  category: Category;
  /** Whether the rule offers a fix, declaration or suggestion that inserts or changes text. */
  fixable: boolean;
  /**
   * The kinds of change the rule offers (see FixKind), in the order fix, declaration, suggestion;
   * absent when it offers none. Its docs page says them; its tests assert each with its full output.
   */
  fixKinds?: FixKind[];
  /** How its severity follows the topology's environment (relaxed to info in development and test, or not). */
  byEnvironment: EnvironmentBehaviour;
  /** The Microsoft documentation the rule rests on. */
  sources: { title: string; url: string }[];
  /**
   * The rule's messages by id, as typescript-eslint has them: `{ notClustered: 'Host "{{host}}" is not
   * clustered. Declare …' }`. A report names one with `messageId` and fills its `{{placeholders}}` from
   * `data`. Each is the problem at this node, then the fix, in at most MAX_MESSAGE_LENGTH characters;
   * the why and Microsoft's words are on the rule's docs page.
   */
  messages: Record<string, string>;
}

/** The longest message a finding may have (the Problems panel shows about one line of it). */
export const MAX_MESSAGE_LENGTH = 300;

/**
 * The order findings are reported in: by file, then offset, then rule id. Rule ids are kebab-case
 * ASCII (test/meta.test.ts), so comparing their code units gives the order a collation would, without
 * one per comparison (a run sorts thousands).
 */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.start - b.range.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** A message template with its `{{name}}` placeholders filled; a placeholder without data is an error. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined, where = ''): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, k: string) => {
    const v = data?.[k];
    if (v === undefined) throw new Error(`message ${where} has no data for {{${k}}}`);
    return String(v);
  });
}

/**
 * The rule's page inside the btslint package (`docs/rules/<id>.md`, shipped with it). The shells turn it
 * into a link to the installed page (host/docs.ts docsUrl): the core knows no install location.
 */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 3 : s === 'warning' ? 2 : 1;
}
