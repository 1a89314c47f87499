// `--format markdown`: a short summary for a pipeline, to publish as the GitHub job summary
// ($GITHUB_STEP_SUMMARY) or with Azure DevOps `##vso[task.uploadsummary]` (docs/ci.md): counts by
// severity and by rule, the single points of failure of each environment, and the errors with
// file:line (grouped by environment where there are several). Repository text is escaped for
// Markdown (render/escape.ts), so a name cannot make a link, HTML or a CI command.

import type { Finding } from '../../core';
import { docsUrl } from '../../host/docs';
import type { Severity } from '../../core';
import { findingOf, platformsOf } from '../../core/model/platform';
import { escapeMarkdown } from '../../render/escape';
import { KIND_LABEL } from '../../render/platformSvg';
import type { FormatInput } from './index';

/** Errors listed at most (the rest are counted): a job summary should stay short. */
export const MAX_ERRORS = 50;

export function markdown({ findings, documents, display, position }: FormatInput): string {
  const md = escapeMarkdown;
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const total = findings.length;
  out.push(`## btslint: ${total === 0 ? 'no problem' : `${total} problem${total === 1 ? '' : 's'}`}`, '');
  out.push('| Severity | Count |', '|---|---:|', `| Error | ${counts.error} |`, `| Warning | ${counts.warning} |`, `| Info | ${counts.info} |`, '');

  if (total) {
    const byRule = new Map<string, Record<Severity, number>>();
    for (const f of findings) {
      const c = byRule.get(f.ruleId) ?? { error: 0, warning: 0, info: 0 };
      c[f.severity]++;
      byRule.set(f.ruleId, c);
    }
    const rank = (c: Record<Severity, number>) => c.error * 1e6 + c.warning * 1e3 + c.info;
    out.push('### By rule', '', '| Rule | Errors | Warnings | Info |', '|---|---:|---:|---:|');
    for (const [rule, c] of [...byRule].sort((a, b) => rank(b[1]) - rank(a[1]) || (a[0] < b[0] ? -1 : 1))) {
      out.push(`| [${md(rule)}](${docsUrl(encodeURIComponent(rule))}) | ${c.error} | ${c.warning} | ${c.info} |`);
    }
    out.push('');
  }

  const platforms = platformsOf(documents ?? [], findings);
  const several = platforms.length > 1;
  const spofs = platforms.filter((p) => p.spofs.length);
  if (spofs.length) {
    out.push('### Single points of failure', '');
    for (const p of spofs) {
      if (several) out.push(`**${md(p.environment ?? display(p.topology))}** (${md(display(p.topology))})`, '');
      for (const s of p.spofs) out.push(`- **${md(s.name)}** (${md(KIND_LABEL[s.kind])}): ${md(s.reason)}`);
      out.push('');
    }
  }

  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    out.push('### Errors', '');
    const line = (f: Finding) => {
      const p = position(f.uri, f.range.start);
      return `- ${md(`${display(f.uri).replace(/\\/g, '/')}:${p.line + 1}`)}: ${md(f.message)} ([${md(f.ruleId)}](${docsUrl(encodeURIComponent(f.ruleId))}))`;
    };
    let listed = 0;
    const list = (group: Finding[]) => {
      for (const f of group) {
        if (listed >= MAX_ERRORS) return;
        out.push(line(f));
        listed++;
      }
    };
    if (several) {
      const seen = new Set<Finding>();
      for (const p of platforms) {
        const mine = errors.filter((f) => findingOf(f, p.topology) && !f.environments);
        if (!mine.length) continue;
        mine.forEach((f) => seen.add(f));
        out.push(`**Environment ${md(p.environment ?? '?')}** (${md(display(p.topology))})`, '');
        list(mine);
        out.push('');
      }
      const rest = errors.filter((f) => !seen.has(f));
      if (rest.length) {
        out.push('**Every environment, or none in particular**', '');
        list(rest);
        out.push('');
      }
    } else {
      list(errors);
      out.push('');
    }
    if (errors.length > listed) out.push(`… and ${errors.length - listed} more error${errors.length - listed === 1 ? '' : 's'}: see the full report (for example \`--format html\`).`, '');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

