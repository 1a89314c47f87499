// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.
//   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message
// `warning` for warnings, `notice` for info. Escaping as @actions/core does it: in the message
// % CR LF become %25 %0D %0A; in property values also : and , become %3A and %2C.
// Paths are relative to the current folder (the repository root in a workflow), with forward slashes.

import type { Severity } from '../../core';
import type { FormatInput } from './index';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github({ findings, display, position }: FormatInput): string {
  const lines = findings.map((f) => {
    const s = position(f.uri, f.range.start);
    const e = position(f.uri, f.range.end);
    const props = [
      `file=${escapeProperty(display(f.uri).replace(/\\/g, '/'))}`,
      `line=${s.line + 1}`,
      `col=${s.character + 1}`,
      `endLine=${e.line + 1}`,
      `endColumn=${e.character + 1}`,
      `title=${escapeProperty(f.ruleId)}`,
    ];
    return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}
