// btslint's command line: `btslint [paths...]`, `btslint model`, `btslint rules`, `btslint lsp`.
// A thin shell: it finds files, reads bytes, hands them to the core and prints what the core found.
// Exit codes: 0 no error-level finding, 1 at least one, 2 usage error or internal failure.

import * as fs from 'fs';
import * as path from 'path';
import { allRules, BtsDocument, describeModel, docsUrl, lint, readDocument } from '../core';
import { displayPath, findFiles } from './files';
import { FORMATTERS } from './format';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const VERSION: string = require('../../../../package.json').version;

class UsageError extends Error {}

const HELP = `btslint ${VERSION}: fault-tolerance linter for BizTalk Server deployments

Usage:
  btslint [options] [paths...]        lint binding files, configuration exports and topology files
                                      (folders are searched; default: the current folder)
  btslint model [paths...] [--json]   print what btslint read from each file
  btslint rules [--format json]       list the rules
  btslint lsp [--stdio]               start the language server on stdio

Options:
  -f, --format <name>      stylish (default), json, sarif
  -o, --output-file <file> write the report to a file instead of stdout
      --today <YYYY-MM-DD> the date the date-based rules compare against (default: today)
      --no-color           never colour the output (colour is only used on a terminal anyway)
  -h, --help               show this help
  -v, --version            print the version

Exit codes: 0 no error-level finding, 1 at least one error, 2 usage error or internal failure.
`;

interface Args {
  command: 'lint' | 'model' | 'rules' | 'lsp' | 'help' | 'version';
  paths: string[];
  format: string;
  outputFile?: string;
  json: boolean;
  color: boolean;
  today?: Date;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: 'lint', paths: [], format: 'stylish', json: false, color: true };
  let i = 0;
  if (argv[0] === 'model' || argv[0] === 'rules' || argv[0] === 'lsp') {
    args.command = argv[0];
    i = 1;
  }
  const value = (flag: string): string => {
    const v = argv[++i];
    if (v === undefined || (v.startsWith('-') && v.length > 1)) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const take = () => (inline !== undefined ? inline : value(flag));
    switch (flag) {
      case '-h':
      case '--help':
        args.command = 'help';
        break;
      case '-v':
      case '--version':
        args.command = 'version';
        break;
      case '-f':
      case '--format':
        args.format = take();
        break;
      case '-o':
      case '--output-file':
        args.outputFile = take();
        break;
      case '--json':
        args.json = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      case '--stdio':
        break;
      case '--today': {
        const v = take();
        const d = new Date(`${v}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || isNaN(d.getTime())) throw new UsageError(`--today needs a date written YYYY-MM-DD, not "${v}"`);
        args.today = d;
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        args.paths.push(a);
    }
  }
  if (args.command === 'lint' && !FORMATTERS[args.format]) throw new UsageError(`unknown format "${args.format}"; use one of: ${Object.keys(FORMATTERS).join(', ')}`);
  if (args.command === 'rules' && args.format !== 'json' && args.format !== 'stylish') throw new UsageError(`btslint rules prints text or --format json`);
  return args;
}

function readAll(paths: string[], cwd: string, progress: boolean): BtsDocument[] {
  const { files, missing } = findFiles(paths.length ? paths : ['.'], cwd);
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const docs: BtsDocument[] = [];
  const showProgress = progress && process.stderr.isTTY && files.length >= 50;
  let n = 0;
  for (const f of files) {
    const doc = readDocument(f.absolute, fs.readFileSync(f.absolute));
    docs.push(doc);
    n++;
    if (showProgress && n % 25 === 0) process.stderr.write(`\rbtslint: read ${n}/${files.length} files`);
  }
  if (showProgress) process.stderr.write(`\rbtslint: read ${files.length}/${files.length} files\n`);
  return docs;
}

function write(out: string, outputFile: string | undefined, cwd: string) {
  if (outputFile) {
    const target = path.resolve(cwd, outputFile);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, out);
  } else process.stdout.write(out);
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`btslint: ${(e as Error).message}\nRun "btslint --help" for usage.\n`);
    return 2;
  }
  try {
    switch (args.command) {
      case 'help':
        process.stdout.write(HELP);
        return 0;
      case 'version':
        process.stdout.write(VERSION + '\n');
        return 0;
      case 'lsp': {
        const { startServer } = await import('../lsp/server');
        startServer();
        return -1; // keeps running
      }
      case 'rules': {
        const metas = allRules.map((r) => ({ ...r.meta, docsUrl: docsUrl(r.meta.id) }));
        if (args.format === 'json' || args.json) {
          write(JSON.stringify(metas.map(({ id, description, defaultSeverity, category, docsUrl: url, fixable, sources }) => ({ id, description, defaultSeverity, category, docsUrl: url, fixable, sources })), null, 2) + '\n', args.outputFile, cwd);
        } else {
          write(metas.map((m) => `${m.id.padEnd(40)} ${m.defaultSeverity.padEnd(8)} ${m.category.padEnd(11)} ${m.description}`).join('\n') + '\n', args.outputFile, cwd);
        }
        return 0;
      }
      case 'model': {
        const docs = readAll(args.paths, cwd, true).filter((d) => d.kind !== 'other');
        const described = { documents: docs.map((d) => describeModel(d, displayPath(d.uri, cwd))) };
        write(JSON.stringify(described, null, 2) + '\n', args.outputFile, cwd);
        return 0;
      }
      case 'lint': {
        const docs = readAll(args.paths, cwd, true);
        const findings = lint(docs, { now: args.today });
        const byUri = new Map(docs.map((d) => [d.uri, d]));
        const out = FORMATTERS[args.format]({
          findings,
          display: (uri) => displayPath(uri, cwd),
          position: (uri, offset) => byUri.get(uri)?.lines().position(offset) ?? { line: 0, character: 0 },
          color: args.color && !args.outputFile && !!process.stdout.isTTY && !process.env.NO_COLOR,
          cwd,
          version: VERSION,
        });
        write(out, args.outputFile, cwd);
        if (args.format === 'stylish' && !args.outputFile && findings.length === 0) {
          const kinds = docs.filter((d) => d.kind !== 'other').length;
          process.stdout.write(`btslint: ${kinds} BizTalk file${kinds === 1 ? '' : 's'} checked, no problems.\n`);
        }
        return findings.some((f) => f.severity === 'error') ? 1 : 0;
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`btslint: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`btslint: internal error: ${(e as Error)?.stack ?? e}\n`);
    return 2;
  }
  return 2;
}
