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

export interface Fix {
  /** What the fix does, as a quick-fix title ("Declare a failover cluster for SQLBTS\\BTS"). */
  title: string;
  edits: TextEdit[];
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
  uri: string;
  range: OffsetRange;
  related?: RelatedLocation[];
  fix?: Fix;
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
  /** Whether the rule offers a fix that inserts or changes text. */
  fixable: boolean;
  /** How its severity follows the topology's environment (relaxed to info in development and test, or not). */
  byEnvironment: EnvironmentBehaviour;
  /** The Microsoft documentation the rule rests on. */
  sources: { title: string; url: string }[];
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
