// The default output: findings grouped by file, `line:col  severity  message  rule-id`, colour on a
// TTY only, a summary line, and the documentation link of every rule that fired. When the findings
// come from more than one environment, they are grouped by environment first, under a header that
// names the topology file (a finding the same under several topologies is shown once, under them all).

import { Finding } from '../../core';
import { docsUrl } from '../../host/docs';
import type { FormatInput } from './index';
import { groupBy } from '../../core/group';

const C = { red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', dim: '\u001b[2m', bold: '\u001b[1m', underline: '\u001b[4m', reset: '\u001b[0m' };

/** The group of findings tied to no one environment (reader problems, config files, several at once). */
const ALL = '';

export function stylish({ findings, display, position, color, fixable }: FormatInput): string {
  const paint = (code: string, s: string) => (color ? code + s + C.reset : s);
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  const rules = new Set<string>();

  const renderFiles = (group: Finding[]) => {
    const byFile = groupBy(group, (f) => f.uri);
    for (const [uri, list] of byFile) {
      lines.push('', paint(C.underline, display(uri)));
      const rows = list.map((f) => {
        counts[f.severity]++;
        rules.add(f.ruleId);
        const p = position(f.uri, f.range.start);
        return { loc: `${p.line + 1}:${p.character + 1}`, sev: f.severity, msg: f.message.replace(/\s*\r?\n\s*/g, ' '), rule: f.ruleId };
      });
      const locW = rows.reduce((w, r) => Math.max(w, r.loc.length), 0); // no spread: a file may have 100,000 rows
      for (const r of rows) {
        const sevText = r.sev.padEnd(7);
        const sev = r.sev === 'error' ? paint(C.red, sevText) : r.sev === 'warning' ? paint(C.yellow, sevText) : paint(C.blue, sevText);
        lines.push(`  ${paint(C.dim, r.loc.padStart(locW))}  ${sev}  ${r.msg}  ${paint(C.dim, r.rule)}`);
      }
    }
  };

  const groups = groupBy(findings, (f) => groupOf(f, display));
  // Headers only where more than one environment is in the findings (or one reported for several).
  const environments = [...groups.keys()].filter((k) => k !== ALL);
  if (environments.length > 1 || findings.some((f) => f.environments)) {
    const order = [...groups.keys()].sort((a, b) => (a === ALL ? -1 : b === ALL ? 1 : a < b ? -1 : a > b ? 1 : 0));
    for (const g of order) {
      lines.push('', paint(C.bold, g === ALL ? 'Not tied to one environment' : g));
      renderFiles(groups.get(g)!);
    }
  } else renderFiles(findings);

  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';
  lines.push('');
  const summary = `${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info)`;
  lines.push(paint(C.bold + (counts.error ? C.red : counts.warning ? C.yellow : C.blue), `✖ ${summary}`));
  if (fixable?.fixes) lines.push(paint(C.dim, `  ${fixable.fixes} can be fixed with \`btslint --fix\` (changes that alter nothing declared; --fix-dry-run shows them).`));
  if (fixable?.declarations) lines.push(paint(C.dim, `  ${fixable.declarations} can be declared with \`btslint --fix --fix-type fix,declaration\`: the missing entries are inserted with <<placeholders>>, which fail like the finding until you fill them in.`));
  if (fixable?.suggestions) lines.push(paint(C.dim, `  ${fixable.suggestions} ${fixable.suggestions === 1 ? 'has a suggestion' : 'have suggestions'} in the editor: changes of declared values, to accept once they are true.`));
  lines.push('', 'Rule documentation:');
  for (const id of [...rules].sort()) lines.push(`  ${id}: ${docsUrl(id)}`);
  // The way forward for a first run: the hint is the last thing read.
  if (rules.has('no-topology')) lines.push('', paint(C.bold, 'No topology file yet: run `btslint init` on these files to write one, fill in its <<placeholders>>, then lint again.'));
  return lines.join('\n') + '\n';
}

/** The header of a finding's group: its environment and topology file, or every one it holds in. */
function groupOf(f: Finding, display: (uri: string) => string): string {
  if (f.environments) return `Environments ${f.environments.join(', ')} (${(f.topologies ?? []).map(display).join(', ')}): the same in each`;
  if (f.environment) return `Environment ${f.environment}${f.topology ? ` (${display(f.topology)})` : ''}`;
  return ALL;
}

