// SARIF 2.1.0 for code-scanning services: rules with helpUri and default level, results with full
// regions (1-based, UTF-16 columns), artifact URIs relative to the current folder, and line-independent
// partialFingerprints.

import { createHash } from 'crypto';
import { pathToFileURL } from 'url';
import { allRules, docsUrl, Severity } from '../../core';
import type { FormatInput } from './index';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

export function fingerprint(ruleId: string, file: string, nodePath: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${file.replace(/\\/g, '/').toLowerCase()}\u0000${nodePath}`).digest('hex').slice(0, 32);
}

function artifactUri(display: string): string {
  return display
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

export function sarif({ findings, display, position, cwd, version }: FormatInput): string {
  const rules = allRules.map((r) => r.meta);
  const index = new Map(rules.map((m, i) => [m.id, i]));
  const region = (uri: string, range: { start: number; end: number }) => {
    const s = position(uri, range.start);
    const e = position(uri, range.end);
    return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  const location = (uri: string, range: { start: number; end: number }) => ({
    physicalLocation: { artifactLocation: { uri: artifactUri(display(uri)), uriBaseId: 'SRCROOT' }, region: region(uri, range) },
  });
  const results = findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location(f.uri, f.range)],
      partialFingerprints: { 'btslintNodePath/v1': fingerprint(f.ruleId, display(f.uri), f.nodePath) },
    };
    if (index.has(f.ruleId)) result.ruleIndex = index.get(f.ruleId);
    if (f.related?.length) {
      result.relatedLocations = f.related.map((r, i) => ({ id: i + 1, ...location(r.uri, r.range), message: { text: r.message } }));
    }
    if (f.fix) {
      const byFile = new Map<string, typeof f.fix.edits>();
      for (const e of f.fix.edits) byFile.set(e.uri, [...(byFile.get(e.uri) ?? []), e]);
      result.fixes = [
        {
          description: { text: f.fix.title },
          artifactChanges: [...byFile].map(([uri, edits]) => ({
            artifactLocation: { uri: artifactUri(display(uri)), uriBaseId: 'SRCROOT' },
            replacements: edits.map((e) => ({ deletedRegion: region(uri, e), insertedContent: { text: e.newText } })),
          })),
        },
      ];
    }
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'btslint',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/btslint/btslint',
            rules: rules.map((m) => ({
              id: m.id,
              name: m.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: m.description },
              fullDescription: { text: m.description },
              helpUri: docsUrl(m.id),
              help: { text: `${m.description} See ${docsUrl(m.id)}` },
              defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
              properties: { category: m.category, fixable: m.fixable, tags: [m.category] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') || cwd.endsWith('\\') ? cwd : cwd + '/').href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
