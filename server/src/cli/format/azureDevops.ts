// Azure Pipelines logging commands: one issue per error or warning finding (info findings are not
// issues), shown in the run's summary and, for errors, failing nothing by themselves (the exit code does).
//   ##vso[task.logissue type=error;sourcepath=F;linenumber=L;columnnumber=C;code=RULE]message
// Escaping as azure-pipelines-task-lib does it: % becomes %AZP25, CR and LF %0D and %0A everywhere;
// in property values ; and ] also become %3B and %5D.

import type { FormatInput } from './index';

export function escapeMessage(s: string): string {
  return s.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeMessage(s).replace(/;/g, '%3B').replace(/\]/g, '%5D');
}

export function azureDevops({ findings, display, position }: FormatInput): string {
  const lines: string[] = [];
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const s = position(f.uri, f.range.start);
    const props = [
      `type=${f.severity}`,
      `sourcepath=${escapeProperty(display(f.uri))}`,
      `linenumber=${s.line + 1}`,
      `columnnumber=${s.character + 1}`,
      `code=${escapeProperty(f.ruleId)}`,
    ];
    lines.push(`##vso[task.logissue ${props.join(';')}]${escapeMessage(f.message)}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
