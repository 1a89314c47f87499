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
  /** The id of the rule's message (meta.messages) the finding was reported with, and its data. */
  messageId?: string;
  data?: Record<string, string | number>;
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
}

export interface RuleMeta {
  /** kebab-case id, also the docs page name. */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  defaultSeverity: Severity;
  category: Category;
  /** Whether the rule offers a fix that inserts or changes text. */
  fixable: boolean;
  /**
   * Availability rules are relaxed (to info) when the topology's environment is development or test.
   */
  availability: boolean;
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

/** A message template with its `{{name}}` placeholders filled; a placeholder without data is an error. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined, where = ''): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, k: string) => {
    const v = data?.[k];
    if (v === undefined) throw new Error(`message ${where} has no data for {{${k}}}`);
    return String(v);
  });
}

export const DOCS_BASE = 'https://github.com/btslint/btslint/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 3 : s === 'warning' ? 2 : 1;
}
