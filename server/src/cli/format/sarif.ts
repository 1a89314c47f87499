// SARIF 2.1.0 for code-scanning services: rules with helpUri and default level, results with full
// regions (1-based, UTF-16 columns), artifact URIs relative to the current folder (SRCROOT) or absolute
// file: URIs for files outside it, and line-independent partialFingerprints. Validated in CI with
// Microsoft's SARIF Multitool (test/integration/sarif.test.ts).

import { createHash } from 'crypto';
import { allRules, docsPath, Severity } from '../../core';
import { docsUrl, readmeUrl } from '../../host/docs';
import type * as Sarif from 'sarif';
import { groupBy } from '../../core/group';
import type { FormatInput } from './index';

// The SARIF object model's types are @types/sarif's.
const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export function fingerprint(ruleId: string, file: string, nodePath: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${file.replace(/\\/g, '/').toLowerCase()}\u0000${nodePath}`).digest('hex').slice(0, 32);
}

function encodeSegments(p: string): string {
  return p
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/**
 * A `file:` URI for an absolute path written the POSIX way (`/a/b`) or the Windows way (`C:\a\b`,
 * `\\server\share\b`), whatever platform runs btslint: a report made on Windows stays right when read
 * elsewhere, and tests can check Windows paths on Linux.
 */
export function fileUri(absolute: string): string {
  const p = absolute.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):(\/.*)?$/.exec(p);
  if (drive) return `file:///${drive[1].toUpperCase()}:${encodeSegments(drive[2] ?? '/')}`;
  if (p.startsWith('//')) return `file:${encodeSegments(p)}`; // UNC: file://server/share/...
  return `file://${encodeSegments(p.startsWith('/') ? p : '/' + p)}`;
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

/**
 * Inside the current folder: a relative reference resolved against SRCROOT, with forward slashes and
 * each segment percent-encoded. Outside it (the display path is absolute): an absolute file: URI and no
 * uriBaseId, since SARIF forbids combining a base with a reference that starts with a slash.
 */
export function artifactLocation(display: string): Sarif.ArtifactLocation {
  if (isAbsolutePath(display)) return { uri: fileUri(display) };
  return { uri: encodeSegments(display.replace(/\\/g, '/')), uriBaseId: 'SRCROOT' };
}

export function sarif({ findings, display, position, cwd, version, baseline }: FormatInput): string {
  const rules = allRules.map((r) => r.meta);
  const index = new Map(rules.map((m, i) => [m.id, i]));
  const region = (uri: string, range: { start: number; end: number }): Sarif.Region => {
    const s = position(uri, range.start);
    const e = position(uri, range.end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const location = (uri: string, range: { start: number; end: number }): Sarif.Location => ({
    physicalLocation: { artifactLocation: artifactLocation(display(uri)), region: region(uri, range) },
  });
  // With --baseline, the findings it records follow the new ones, marked unchanged and suppressed.
  const results = findings.concat(baseline?.unchanged ?? []).map((f, k): Sarif.Result => {
    const result: Sarif.Result = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location(f.uri, f.range)],
      partialFingerprints: { 'btslintNodePath/v1': fingerprint(f.ruleId, display(f.uri), f.nodePath) },
    };
    if (index.has(f.ruleId)) result.ruleIndex = index.get(f.ruleId);
    // The environment (and topology file) the finding was computed against, or every one it holds in.
    if (f.environment || f.environments) {
      result.properties = f.environments
        ? { environments: f.environments, topologies: (f.topologies ?? []).map((t) => display(t).replace(/\\/g, '/')) }
        : { environment: f.environment, ...(f.topology ? { topology: display(f.topology).replace(/\\/g, '/') } : {}) };
    }
    if (baseline) {
      result.baselineState = k < findings.length ? 'new' : 'unchanged';
      if (k >= findings.length) result.suppressions = [{ kind: 'external', justification: `Recorded in the baseline ${display(baseline.file).replace(/\\/g, '/')}.` }];
    }
    if (f.related?.length) {
      result.relatedLocations = f.related.map((r, i) => ({ id: i + 1, ...location(r.uri, r.range), message: { text: r.message } }));
    }
    if (f.fix) {
      const byFile = groupBy(f.fix.edits, (e) => e.uri);
      result.fixes = [
        {
          description: { text: f.fix.title },
          // fix or declaration (a declaration's <<placeholders>> are for a person to fill in).
          properties: { kind: f.fix.kind },
          artifactChanges: [...byFile].map(([uri, edits]) => ({
            artifactLocation: artifactLocation(display(uri)),
            replacements: edits.map((e) => ({ deletedRegion: region(uri, e), insertedContent: { text: e.newText } })),
          })),
        },
      ];
    }
    return result;
  });
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'btslint',
            version,
            semanticVersion: version,
            informationUri: readmeUrl(),
            rules: rules.map((m) => ({
              id: m.id,
              name: m.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: m.description },
              fullDescription: { text: m.description },
              helpUri: docsUrl(m.id),
              help: { text: `${m.description} See ${docsPath(m.id)} in the btslint package.` },
              defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
              properties: { category: m.category, fixable: m.fixable, tags: [m.category] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: fileUri(cwd.endsWith('/') || cwd.endsWith('\\') ? cwd : cwd + '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
