// Machine-readable findings: one object per finding with 1-based lines and columns (as editors show
// them) plus the 0-based offsets the core uses.

import type { FormatInput } from './index';
import { docsUrl } from '../../host/docs';

export function json({ findings, display, position }: FormatInput): string {
  const out = findings.map((f) => {
    const s = position(f.uri, f.range.start);
    const e = position(f.uri, f.range.end);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: display(f.uri),
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      offset: f.range.start,
      endOffset: f.range.end,
      nodePath: f.nodePath,
      environment: f.environment ?? null,
      /** The topology file the finding was computed against; for a finding the same under several, all of them. */
      topology: f.topology ? display(f.topology) : null,
      environments: f.environments ?? null,
      topologies: f.topologies ? f.topologies.map(display) : null,
      docsUrl: docsUrl(f.ruleId),
      fix: f.fix ? { kind: f.fix.kind, title: f.fix.title, edits: f.fix.edits.map((x) => ({ file: display(x.uri), start: x.start, end: x.end, newText: x.newText })) } : null,
      suggestions: (f.suggestions ?? []).map((g) => ({ kind: g.kind, title: g.title, edits: g.edits.map((x) => ({ file: display(x.uri), start: x.start, end: x.end, newText: x.newText })) })),
      related: (f.related ?? []).map((r) => {
        const rs = position(r.uri, r.range.start);
        return { file: display(r.uri), line: rs.line + 1, column: rs.character + 1, message: r.message };
      }),
    };
  });
  return JSON.stringify(out, null, 2) + '\n';
}
