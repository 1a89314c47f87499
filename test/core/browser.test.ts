// A pure core: it imports nothing of Node's, and its browser bundle, run where no Node global exists
// (a fresh node:vm context holding only TextDecoder and TextEncoder: no require, Buffer, process or
// module), finds on the example workspace exactly what the command line finds.
// The compiler holds the same line: server/src/core/tsconfig.json (no Node types) runs in `npm test`.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'node:vm';
import * as ts from 'typescript';
import { repoRoot } from '../helpers/paths';

const ROOT = repoRoot();
const CORE = path.join(ROOT, 'server', 'src', 'core');
const TODAY = '2026-01-15';

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

/** Every module specifier a file names (imports, exports from, require() and import() calls), as TypeScript reads them. */
function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

describe('the core imports nothing of Node', () => {
  const node = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const files = tsFiles(CORE);

  it('finds the core files and their imports (the scan itself works)', () => {
    assert.ok(files.length > 50, `${files.length} files`);
    const probe = "import { a } from './x';\nexport * from \"../y\";\nconst s = 'from \"fs\"';\nconst z = require('yaml');\nimport('node:fs');";
    assert.deepEqual(specifiers(probe), ['./x', '../y', 'yaml', 'node:fs']);
  });

  it('no core file names a Node module, vscode, an LSP package, or a file outside the core but the schemas', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const s of specifiers(fs.readFileSync(f, 'utf8'))) {
        const rel = path.relative(CORE, f).replace(/\\/g, '/');
        if (node.has(s) || s.startsWith('node:')) bad.push(`${rel}: Node module ${s}`);
        else if (/^vscode/.test(s)) bad.push(`${rel}: ${s}`);
        else if (s.startsWith('.')) {
          const target = path.resolve(path.dirname(f), s);
          const inCore = !path.relative(CORE, target).startsWith('..');
          const schema = path.dirname(target) === path.join(ROOT, 'schemas') && target.endsWith('.schema.json');
          if (!inCore && !schema) bad.push(`${rel}: ${s} is outside the core`);
        } else if (!['yaml', 'ajv', 'ajv/dist/runtime/ucs2length'].includes(s)) bad.push(`${rel}: package ${s} (the core uses yaml and ajv's types and runtime only)`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('only lazy.ts (and the generated validators) call require, and only for yaml and the validators', () => {
    const callers = files.filter((f) => /\brequire\s*\(/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(CORE, f).replace(/\\/g, '/'));
    assert.deepEqual(callers, ['generated/configValidator.ts', 'generated/topologyValidator.ts', 'lazy.ts']);
    const lazy = fs.readFileSync(path.join(CORE, 'lazy.ts'), 'utf8');
    const required = [...lazy.matchAll(/\brequire\((['"])([^'"]+)\1\)/g)].map((m) => m[2]).sort();
    assert.deepEqual(required, ['./generated/configValidator', './generated/topologyValidator', 'yaml']);
  });
});

interface Compared {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  message: string;
}

/**
 * What a browser shell does, run inside the vm: the example workspace's files as bytes, the candidate
 * files chosen with the core's own config (include/exclude), read, checked through the one pipeline,
 * positions from the core's LineIndex. Plain JavaScript: it is run as source text in the context.
 */
function lintInContext(core: any, files: Record<string, Uint8Array>, now: Date): string {
  const resolver = new core.ConfigResolver((p: string) => files[p]);
  const chosen = Object.keys(files)
    .sort()
    .filter((p) => core.isCandidateName(p) && core.isIncluded(resolver.forFile(p), p).included);
  const docs = chosen.map((p) => core.readDocument(p, files[p]));
  const result = core.check(docs, { now, configFor: (f: string) => resolver.forFile(f), configs: () => resolver.configs() });
  const texts = new Map(docs.map((d: any) => [d.uri, d.text]));
  return JSON.stringify(
    result.findings.map((f: any) => {
      const text = texts.has(f.uri) ? texts.get(f.uri) : core.decode(files[f.uri]).text;
      const r = new core.LineIndex(text).range(f.range);
      return { ruleId: f.ruleId, uri: f.uri, severity: f.severity, message: f.message, start: r.start, end: r.end };
    }),
  );
}

describe('the browser bundle of the core', () => {
  it('runs without any Node global and finds exactly what the CLI finds on the example workspace', async () => {
    const esbuild = require('esbuild') as typeof import('esbuild');
    const { coreBrowserOptions } = require(path.join(ROOT, 'scripts', 'bundle.js'));
    const built = await esbuild.build({ ...coreBrowserOptions, write: false, metafile: true });
    const packages = new Set(Object.keys(built.metafile!.inputs).filter((k) => k.includes('node_modules/')).map((k) => k.split('node_modules/')[1].split('/')[0]));
    assert.deepEqual([...packages].sort(), ['ajv', 'yaml'], 'the bundle holds the core, yaml and ajv\'s runtime only');
    const code = built.outputFiles![0].text;

    const context = vm.createContext({ TextDecoder, TextEncoder });
    assert.equal(vm.runInContext('[typeof require, typeof module, typeof Buffer, typeof process, typeof setImmediate, typeof global].join()', context), 'undefined,undefined,undefined,undefined,undefined,undefined');
    vm.runInContext(code, context, { filename: 'core.browser.js' });

    const files: Record<string, Uint8Array> = {};
    (function walk(dir: string) {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else files[p] = new Uint8Array(fs.readFileSync(p));
      }
    })(path.join(ROOT, 'examples'));
    context.files = files;
    context.now = new Date(`${TODAY}T00:00:00Z`);
    const json = vm.runInContext(`(${lintInContext.toString()})(btslintCore, files, now)`, context, { timeout: 60_000 }) as string;
    const inBrowser: Compared[] = (JSON.parse(json) as { ruleId: string; uri: string; severity: string; message: string; start: { line: number; character: number }; end: { line: number; character: number } }[]).map((f) => ({
      ruleId: f.ruleId,
      file: path.relative(ROOT, f.uri).replace(/\\/g, '/'),
      line: f.start.line + 1,
      column: f.start.character + 1,
      endLine: f.end.line + 1,
      endColumn: f.end.character + 1,
      severity: f.severity,
      message: f.message,
    }));

    const cli = spawnSync(process.execPath, [path.join(ROOT, 'server', 'bin', 'btslint.js'), 'examples', '--format', 'json', '--today', TODAY], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(cli.status, 1, cli.stderr);
    const fromCli: Compared[] = (JSON.parse(cli.stdout) as (Compared & Record<string, unknown>)[]).map((f) => ({
      ruleId: f.ruleId,
      file: f.file.replace(/\\/g, '/'),
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      severity: f.severity,
      message: f.message,
    }));
    assert.ok(fromCli.length >= 10, `the CLI finds ${fromCli.length} findings in examples/`);
    assert.deepEqual(inBrowser, fromCli);
  });
});
