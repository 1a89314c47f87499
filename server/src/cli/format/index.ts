import type { BtsDocument, Finding, Position } from '../../core';
import { safeJson, safeText, truncate } from '../../core/sanitize';

// Each format is loaded when a run asks for it (the html format alone brings the layout package and
// the platform picture, SARIF the crypto module): a run loads one of them, not eight. `require` is
// declared for this file with the modules it loads, as core/lazy.ts does.
declare function require(id: './json'): typeof import('./json');
declare function require(id: './sarif'): typeof import('./sarif');
declare function require(id: './stylish'): typeof import('./stylish');
declare function require(id: './junit'): typeof import('./junit');
declare function require(id: './github'): typeof import('./github');
declare function require(id: './azureDevops'): typeof import('./azureDevops');
declare function require(id: './markdown'): typeof import('./markdown');
declare function require(id: './html'): typeof import('./html');

/** What the stylish summary announces about fixes (cli/run.ts fixableCounts). */
export interface FixableCounts {
  /** Fixes `btslint --fix` applies: exactly (the same plan). */
  fixes: number;
  /** Findings whose change is a declaration (--fix-type fix,declaration). */
  declarations: number;
  /** Findings with suggestions only (the editor). */
  suggestions: number;
}

export interface FormatInput {
  findings: Finding[];
  /** The path to show for a finding's uri (relative to the current folder when inside it). */
  display: (uri: string) => string;
  position: (uri: string, offset: number) => Position;
  color: boolean;
  cwd: string;
  version: string;
  /** The BizTalk files that were checked (uris), for formats that also list clean files (junit). */
  files?: string[];
  /** With --baseline: the baseline file and the findings it records (`findings` are then the new ones). */
  baseline?: { file: string; unchanged: Finding[] };
  /** The documents that were checked (the html and markdown formats draw each topology's platform). */
  documents?: BtsDocument[];
  /** For the summary: what --fix would apply and what else is offered. */
  fixable?: FixableCounts;
}

type Formatter = (input: FormatInput) => string;

/**
 * Every format prints repository text (names in messages, file names, node paths) through the one
 * sanitiser (core/sanitize.ts), here, so that no format can forget it: the line formats (stylish,
 * junit, github, azure-devops) get every such text escaped visibly and cut to a bounded length; the
 * JSON formats (json, sarif) keep the data (cut to the same length; SARIF messages with their
 * brackets escaped, as SARIF's embedded-link syntax asks) and the whole document passes `safeJson`.
 */
function guarded(kind: 'line' | 'json' | 'sarif', load: () => Formatter): Formatter {
  let format: Formatter | undefined;
  return (input) => {
    format ??= load();
    const clean = kind === 'line' ? (s: string) => safeText(s) : (s: string) => truncate(s);
    const message = kind === 'sarif' ? (s: string) => clean(s).replace(/[[\]]/g, (c) => '\\' + c) : clean;
    const seen = new Map<string, string>();
    const display = (uri: string) => {
      let v = seen.get(uri);
      if (v === undefined) seen.set(uri, (v = clean(input.display(uri))));
      return v;
    };
    const cleanFinding = (f: Finding): Finding => ({
      ...f,
      message: message(f.message),
      nodePath: clean(f.nodePath),
      related: f.related?.map((r) => ({ ...r, message: message(r.message) })),
      fix: f.fix && { ...f.fix, title: clean(f.fix.title) },
    });
    const out = format({
      ...input,
      display,
      findings: input.findings.map(cleanFinding),
      baseline: input.baseline && { ...input.baseline, unchanged: input.baseline.unchanged.map(cleanFinding) },
    });
    return kind === 'line' ? out : safeJson(out);
  };
}

export const FORMATTERS: Record<string, Formatter> = {
  stylish: guarded('line', () => require('./stylish').stylish),
  json: guarded('json', () => require('./json').json),
  sarif: guarded('sarif', () => require('./sarif').sarif),
  junit: guarded('line', () => require('./junit').junit),
  github: guarded('line', () => require('./github').github),
  'azure-devops': guarded('line', () => require('./azureDevops').azureDevops),
  // Markdown and HTML escape every repository text again for their syntax (render/escape.ts), names
  // from the topology (the platform picture) included.
  markdown: guarded('line', () => require('./markdown').markdown),
  html: guarded('line', () => require('./html').html),
};
