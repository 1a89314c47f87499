// The HTML report: one self-contained page (inline CSS and SVG; no script, no font, image or style
// from the network) with, per environment, the picture of its platform, its single points of failure
// and its findings grouped by rule and by file; the severity filter is CSS only (checkboxes).
// Every piece of repository text goes through escapeHtml.

import type { Finding, Severity } from '../core/types';
import { severityRank } from '../core/types';
import type { Platform } from '../core/model/platform';
import { findingOf } from '../core/model/platform';
import { escapeHtml } from './escape';
import { KIND_LABEL, PLATFORM_CSS, renderPlatformSvg } from './platformSvg';
import type { SvgOptions } from './platformSvg';
import { groupBy } from '../core/group';

export interface ReportInput {
  findings: readonly Finding[];
  /** One per topology (environment), in the order to show them. */
  platforms: readonly Platform[];
  display: (uri: string) => string;
  /** 0-based line of an offset in a file. */
  line: (uri: string, offset: number) => number;
  version: string;
  /** The link to a rule's page (the CLI: the installed page, host/docs.ts). */
  ruleUrl: (id: string) => string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** The page's CSS besides the picture's (PLATFORM_CSS); the webview uses it too. */
export const PAGE_CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 "Segoe UI", system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
header { background: #263238; color: #fff; padding: 14px 24px; }
header h1 { margin: 0; font-size: 20px; }
header p { margin: 4px 0 0; color: #cfd8dc; }
main { padding: 8px 24px 40px; }
section.env { background: #fff; border: 1px solid #dde3e6; border-radius: 8px; padding: 8px 18px 16px; margin: 16px 0; }
h2 { font-size: 18px; margin: 10px 0; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.diagram { overflow: auto; border: 1px solid #eceff1; border-radius: 6px; padding: 6px; background: #fff; }
.legend { display: flex; flex-wrap: wrap; gap: 12px; font-size: 12px; margin: 6px 0; color: #455a64; }
.legend span::before { content: ""; display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 4px; vertical-align: -2px; border: 1.5px solid; }
.legend .l-error::before { background: #fdecea; border-color: #c62828; }
.legend .l-warning::before { background: #fff4e0; border-color: #e08600; }
.legend .l-info::before { background: #e8f1fd; border-color: #1e6fd9; }
.legend .l-ok::before { background: #eef7ee; border-color: #6a9f6d; }
.legend .l-spof::before { background: #fff; border: 2.5px dashed #b71c1c; }
table { border-collapse: collapse; margin: 4px 0; }
th, td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; border-bottom: 1px solid #eceff1; }
ul.findings { list-style: none; padding-left: 0; margin: 4px 0; }
ul.findings li { padding: 2px 0; }
.sev { display: inline-block; min-width: 58px; font-size: 12px; font-weight: 600; }
.sev-error .sev { color: #c62828; } .sev-warning .sev { color: #b36200; } .sev-info .sev { color: #1e6fd9; }
.loc { font-family: Consolas, "Cascadia Mono", monospace; font-size: 12px; color: #546e7a; }
.rule { font-size: 12px; color: #607d8b; }
details { margin: 4px 0; } summary { cursor: pointer; }
.filters { padding: 10px 24px 0; font-size: 13px; }
.filters label { margin-right: 14px; cursor: pointer; }
input.toggle { position: absolute; opacity: 0; pointer-events: none; }
.filters label::before { content: "☐ "; } 
#show-error:checked ~ .filters label[for=show-error]::before,
#show-warning:checked ~ .filters label[for=show-warning]::before,
#show-info:checked ~ .filters label[for=show-info]::before { content: "☑ "; }
#show-error:not(:checked) ~ main .f.sev-error,
#show-warning:not(:checked) ~ main .f.sev-warning,
#show-info:not(:checked) ~ main .f.sev-info { display: none; }
input.toggle:focus-visible ~ .filters { outline: 2px solid #1e6fd9; }
.none { color: #607d8b; }
`;

export function renderReport(input: ReportInput): string {
  const { findings, platforms, display, line } = input;
  const counts = count(findings);
  const loc = (uri: string, offset: number) => `${display(uri)}:${line(uri, offset) + 1}`;
  const body: string[] = [];

  const shown = new Set<Finding>();
  for (const p of platforms) {
    const mine = findings.filter((f) => findingOf(f, p.topology));
    mine.forEach((f) => shown.add(f));
    body.push(`<section class="env" aria-label="${escapeHtml(envTitle(p))}">`, platformSection(p, { display, line, summary: summary(count(mine)) }), findingsHtml(mine, loc, input.ruleUrl), '</section>');
  }
  const rest = findings.filter((f) => !shown.has(f));
  if (rest.length || !platforms.length) {
    const title = platforms.length ? 'Findings not tied to one environment' : 'Findings';
    body.push(`<section class="env" aria-label="${title}"><h2>${title}</h2>`);
    if (!platforms.length) body.push('<p class="none">No topology file was found, so there is no platform to draw: declare one (docs/topology.md).</p>');
    body.push(findingsHtml(rest, loc, input.ruleUrl), '</section>');
  }

  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>btslint: platform and findings</title>',
    `<style>${PAGE_CSS}${PLATFORM_CSS}</style>`,
    '</head><body>',
    '<input type="checkbox" class="toggle" id="show-error" checked><input type="checkbox" class="toggle" id="show-warning" checked><input type="checkbox" class="toggle" id="show-info" checked>',
    `<header><h1>btslint: platform and findings</h1><p>${escapeHtml(summary(counts))}; ${platforms.length} environment${platforms.length === 1 ? '' : 's'}. btslint ${escapeHtml(input.version)}.</p></header>`,
    `<div class="filters">Show: ${SEVERITIES.map((s) => `<label for="show-${s}">${s} (${counts[s]})</label>`).join('')}</div>`,
    '<main>',
    ...body,
    '</main></body></html>',
    '',
  ].join('\n');
}

function envTitle(p: Platform): string {
  return `Environment ${p.environment ?? '(none declared)'}${p.group ? `: group ${p.group}` : ''}`;
}

export interface SectionOptions {
  display(uri: string): string;
  line(uri: string, offset: number): number;
  /** The findings line ("38 findings (14 errors, …)"), when there is one. */
  summary?: string;
  /** Extra data attributes of each drawn element (the webview: where to reveal it). */
  data?: SvgOptions['data'];
}

/**
 * One environment's platform: its title, the picture and the list of its single points of failure.
 * The HTML report and the editor's webview both show this.
 */
export function platformSection(p: Platform, o: SectionOptions): string {
  const loc = (uri: string, offset: number) => `${o.display(uri)}:${o.line(uri, offset) + 1}`;
  const body: string[] = [];
  body.push(`<h2>${escapeHtml(envTitle(p))} <span class="loc">${escapeHtml(o.display(p.topology))}</span></h2>`);
  body.push(`<p>${p.elements.length} elements, ${p.spofs.length} single point${p.spofs.length === 1 ? '' : 's'} of failure${o.summary ? `, ${escapeHtml(o.summary)}` : ''}.</p>`);
  body.push(
    '<div class="legend"><span class="l-error">error</span><span class="l-warning">warning</span><span class="l-info">info</span><span class="l-ok">no finding</span><span class="l-spof">single point of failure</span></div>',
  );
  body.push(`<div class="diagram">${renderPlatformSvg(p, { where: (el) => loc(el.uri, el.range.start), data: o.data })}</div>`);
  body.push('<h3>Single points of failure</h3>');
  if (p.spofs.length) {
    body.push('<table class="spofs"><thead><tr><th>Element</th><th>Kind</th><th>Why</th><th>Declared at</th></tr></thead><tbody>');
    for (const s of p.spofs) {
      const el = p.elements.find((e) => e.id === s.id)!;
      body.push(`<tr><td><strong>${escapeHtml(s.name)}</strong></td><td>${escapeHtml(KIND_LABEL[s.kind])}</td><td>${escapeHtml(s.reason)}</td><td class="loc">${escapeHtml(loc(el.uri, el.range.start))}</td></tr>`);
    }
    body.push('</tbody></table>');
  } else body.push('<p class="none">None: every element the topology declares has a second one to take over.</p>');
  return body.join('\n');
}

function count(findings: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function summary(c: Record<Severity, number>): string {
  const n = c.error + c.warning + c.info;
  return `${n} finding${n === 1 ? '' : 's'} (${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info)`;
}

function findingsHtml(findings: readonly Finding[], loc: (uri: string, offset: number) => string, docsUrl: (id: string) => string): string {
  if (!findings.length) return '<h3>Findings</h3><p class="none">No finding.</p>';
  const out: string[] = [];
  const sorted = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const item = (f: Finding, withRule: boolean, withFile: boolean) =>
    `<li class="f sev-${f.severity}"><span class="sev">${f.severity}</span> <span class="loc">${escapeHtml(withFile ? loc(f.uri, f.range.start) : `line ${loc(f.uri, f.range.start).split(':').pop()}`)}</span> ${escapeHtml(f.message)}${
      withRule ? ` <a class="rule" href="${escapeHtml(docsUrl(f.ruleId))}">${escapeHtml(f.ruleId)}</a>` : ''
    }</li>`;

  out.push('<h3>Findings by rule</h3>');
  const byRule = groupBy(sorted, (f) => f.ruleId);
  for (const [rule, list] of [...byRule].sort((a, b) => worst(b[1]) - worst(a[1]) || (a[0] < b[0] ? -1 : 1))) {
    const sev = SEVERITIES.find((s) => list.some((f) => f.severity === s))!;
    out.push(`<details class="rule-group sev-${sev}" open><summary><a href="${escapeHtml(docsUrl(rule))}">${escapeHtml(rule)}</a> (${list.length})</summary><ul class="findings">`);
    for (const f of list) out.push(item(f, false, true));
    out.push('</ul></details>');
  }
  out.push('<h3>Findings by file</h3>');
  const byFile = groupBy(sorted, (f) => f.uri);
  for (const [uri, list] of [...byFile].sort((a, b) => (loc(a[0], 0) < loc(b[0], 0) ? -1 : 1))) {
    out.push(`<details><summary class="loc">${escapeHtml(loc(uri, 0).replace(/:1$/, ''))} (${list.length})</summary><ul class="findings">`);
    for (const f of [...list].sort((a, b) => a.range.start - b.range.start)) out.push(item(f, true, false));
    out.push('</ul></details>');
  }
  return out.join('\n');
}

function worst(list: Finding[]): number {
  let w = -Infinity;
  for (const f of list) w = Math.max(w, severityRank(f.severity));
  return w;
}

