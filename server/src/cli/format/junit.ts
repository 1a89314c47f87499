// JUnit XML, as Azure DevOps' Publish Test Results (testResultsFormat: JUnit) and Jenkins' junit step
// read it: one <testsuite> per checked file; in it one failing <testcase> per error or warning finding
// (named after the rule and the node, so a finding keeps its name across runs while lines shift),
// and a passing test case per info finding (info is not a failure) or, for a file without findings,
// one passing "btslint" test case, so every checked file shows up as checked.

import type { Finding } from '../../core';
import { docsUrl } from '../../host/docs';
import type { FormatInput } from './index';

/** Text and attribute values: the five XML escapes; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Jenkins reads `a.b.C` class names as package `a.b`, class `C`: keep the file's dots out of packages. */
function className(display: string): string {
  return 'btslint.' + display.replace(/\\/g, '/').replace(/\./g, '_').replace(/\//g, '.');
}

export function junit({ findings, display, position, files }: FormatInput): string {
  const byFile = new Map<string, Finding[]>();
  for (const uri of files ?? []) byFile.set(uri, []);
  for (const f of findings) {
    const list = byFile.get(f.uri);
    if (list) list.push(f);
    else byFile.set(f.uri, [f]);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const shown = [...byFile].map(([uri, list]) => ({ uri, list, file: display(uri) }));
  for (const { list, file } of shown.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const cls = className(file);
    const cases: string[] = [];
    let suiteFailures = 0;
    const names = new Map<string, number>();
    for (const f of list) {
      const p = position(f.uri, f.range.start);
      const where = `${file}:${p.line + 1}:${p.character + 1}`;
      let name = `${f.ruleId}: ${f.nodePath}`;
      const n = (names.get(name) ?? 0) + 1;
      names.set(name, n);
      if (n > 1) name += ` (${n})`;
      const attrs = `name="${xmlEscape(name)}" classname="${xmlEscape(cls)}" file="${xmlEscape(file)}" line="${p.line + 1}" time="0"`;
      if (f.severity === 'info') {
        cases.push(`    <testcase ${attrs}>\n      <system-out>${xmlEscape(`${where}: info: ${f.message} (${f.ruleId})`)}</system-out>\n    </testcase>`);
        continue;
      }
      suiteFailures++;
      const body = `${where}: ${f.severity}: ${f.message}\nRule: ${f.ruleId} (${docsUrl(f.ruleId)})`;
      cases.push(`    <testcase ${attrs}>\n      <failure message="${xmlEscape(f.message)}" type="${f.severity}">${xmlEscape(body)}</failure>\n    </testcase>`);
    }
    if (!cases.length) cases.push(`    <testcase name="btslint" classname="${xmlEscape(cls)}" file="${xmlEscape(file)}" time="0"/>`);
    const count = Math.max(list.length, 1);
    tests += count;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${xmlEscape(file)}" tests="${count}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="btslint" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
