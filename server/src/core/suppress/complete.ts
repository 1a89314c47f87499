// Where a rule id is being written in a suppression comment (`<!-- btslint-disable RULE, RU|` or
// `# btslint-disable-file RU|`): the range of the id under the cursor and the ids already written, for
// the editor's completion.

/** The directive and the rule ids before the cursor on its line; the last group is the id being typed. */
const BEFORE_CURSOR = /(?:<!--|#)\s*btslint-(?:disable|enable)[\w-]*\s+((?:[a-z0-9-]+\s*,\s*)*)([a-z0-9-]*)$/;

export interface RuleIdSite {
  /** The id typed so far: [start, end) in the text (end is the cursor). */
  start: number;
  end: number;
  /** Ids already named in this directive. */
  written: string[];
}

export function ruleIdSiteAt(text: string, offset: number): RuleIdSite | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  // A directive is short: never scan a long line further than this.
  const from = Math.max(lineStart, offset - 500);
  const m = BEFORE_CURSOR.exec(text.slice(from, offset));
  if (!m) return undefined;
  const written = m[1].split(',').map((s) => s.trim()).filter(Boolean);
  return { start: offset - m[2].length, end: offset, written };
}
