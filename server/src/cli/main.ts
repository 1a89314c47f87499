// btslint's command line: `btslint [paths...]`, `btslint init`, `btslint model`, `btslint rules`, `btslint lsp`.
// A thin shell: it finds files, reads bytes, hands them to the core and prints what the core found.
// Exit codes: 0 no error-level finding, 1 at least one, 2 usage error or internal failure.

import { parseArgs as parseArgv, type ParseArgsConfig } from 'node:util';
import { allRules, BtsDocument, DEFAULT_MAX_FILE_SIZE, FixKind, describeModel, workspaceOf } from '../core';
import { docsUrl } from '../host/docs';
import { displayPath, findFiles } from './files';
import { Confinement, readAsDocument, runBudget } from '../host/confine';
import { safeJson, safeLines, safeText } from '../core/sanitize';
import { FORMATTERS } from './format';
import { runLint, runPrintConfig, RunUsageError } from './run';
import { InitUsageError, runInit } from './init';
import { fsReason, OutputError, writeReport, writeStdout } from '../host/output';
import { version as VERSION } from '../../../package.json';
import { useNodeDecoders } from '../host/fastDecode';

class UsageError extends Error {}

const HELP = `btslint ${VERSION}: fault-tolerance linter for BizTalk Server deployments

Usage:
  btslint [options] [paths...]        lint binding files, configuration exports and topology files
                                      (folders are searched; default: the current folder)
  btslint init [paths...] [--environment NAME] [-o FILE] [--force]
                                      write a first topology per environment from the bindings,
                                      configuration exports and Deployment Framework settings
  btslint model [paths...] [--json]   print what btslint read from each file
  btslint rules [--format json]       list the rules
  btslint lsp [--stdio]               start the language server on stdio

Options:
  -f, --format <name>      stylish (default), json, sarif, junit, github, azure-devops,
                           markdown (a CI job summary), html (a page with the platform's picture)
  -o, --output-file <file> write the report to a file instead of stdout
  -c, --config <file>      use this config file for every file (default: the btslint.config.json
                           or .yaml nearest to each file)
      --print-config <file>
                           show the settings that apply to a file and where each comes from
      --fix                apply the fixes (changes that alter nothing declared), then report the rest
      --fix-type <kinds>   the kinds --fix applies, comma-separated: fix (default), declaration
                           (inserts what is missing with <<placeholders>> that still fail the run
                           until filled in); suggestions are offered in the editor only
      --fix-dry-run        print the changes --fix would make, each with its kind, as a diff; write nothing
      --baseline <file>    report only findings not recorded in this baseline file
      --write-baseline <file>
                           record every current finding in a baseline file, and exit 0
      --quiet              report errors only
      --max-warnings <n>   exit 1 when there are more than n warnings
      --ignore-suppressions
                           report findings even where a btslint-disable comment suppresses them
      --require-topology   a workspace without a topology file is an error (no-topology), for CI
      --no-error-on-unmatched-pattern
                           a path with no BizTalk file in it is not an error
      --today <YYYY-MM-DD> the date the date-based rules compare against (default: today)
      --no-color           never colour the output (colour is only used on a terminal anyway)
      --max-file-size <MB> skip files larger than this, with an info finding (default: 50)
      --timing             print where the time went (phases, slowest rules) to stderr
  -h, --help               show this help
  -v, --version            print the version

Options of init:
      --environment <name> write the topology of this environment only (production, staging,
                           test, development)
  -o, --output-file <file> the topology file to write (*.topology.yaml); default: one file per
                           environment, named after it, in the first folder given
      --force              overwrite an existing topology file

Exit codes: 0 no error-level finding, 1 at least one error (or more warnings than --max-warnings),
2 usage error or internal failure.
`;

interface Args {
  command: 'lint' | 'init' | 'model' | 'rules' | 'lsp' | 'help' | 'version';
  paths: string[];
  format: string;
  outputFile?: string;
  json: boolean;
  color: boolean;
  today?: Date;
  /** Bytes; larger files are not read (file-too-large). */
  maxFileSize: number;
  config?: string;
  printConfig?: string;
  fix: boolean;
  fixDryRun: boolean;
  /** --fix-type: the kinds --fix applies (default: fix). */
  fixTypes?: FixKind[];
  baseline?: string;
  writeBaseline?: string;
  quiet: boolean;
  maxWarnings?: number;
  ignoreSuppressions: boolean;
  requireTopology: boolean;
  errorOnUnmatchedPattern: boolean;
  /** --timing: where the run's time went, on stderr. */
  timing: boolean;
  /** init */
  environment?: string;
  force: boolean;
}

/** The options, for node:util's parseArgs (which splits `--name=value`, `-f value` and `--`). */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  json: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  stdio: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'print-config': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'fix-type': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  quiet: { type: 'boolean' },
  'ignore-suppressions': { type: 'boolean' },
  'require-topology': { type: 'boolean' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  environment: { type: 'string' },
  force: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  today: { type: 'string' },
  timing: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

type OptionName = keyof typeof OPTIONS;
const COMMANDS = ['init', 'model', 'rules', 'lsp'] as const;

function parseArgs(argv: string[]): Args {
  const args: Args = { command: 'lint', paths: [], format: 'stylish', json: false, color: true, maxFileSize: DEFAULT_MAX_FILE_SIZE, fix: false, fixDryRun: false, quiet: false, ignoreSuppressions: false, requireTopology: false, errorOnUnmatchedPattern: true, timing: false, force: false };
  const command = COMMANDS.find((c) => c === argv[0]);
  if (command) args.command = command;
  // Non-strict tokens, checked here, so that each mistake gets btslint's one-line message with the
  // option as it was typed (`-f needs a value`, `unknown option --bogus`).
  const { tokens } = parseArgv({ args: command ? argv.slice(1) : argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'option-terminator') continue;
    if (t.kind === 'positional') {
      args.paths.push(t.value);
      continue;
    }
    if (!Object.hasOwn(OPTIONS, t.name)) throw new UsageError(`unknown option ${t.rawName}`);
    const name = t.name as OptionName;
    let v = '';
    if (OPTIONS[name].type === 'boolean') {
      if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`);
    } else {
      // A value that looks like an option (`-f --quiet`) is the value forgotten, as ESLint reads it.
      if (t.value === undefined || (!t.inlineValue && t.value.length > 1 && t.value.startsWith('-'))) throw new UsageError(`${t.rawName} needs a value`);
      v = t.value;
    }
    switch (name) {
      case 'help':
        args.command = 'help';
        break;
      case 'version':
        args.command = 'version';
        break;
      case 'format':
        args.format = v;
        break;
      case 'output-file':
        args.outputFile = v;
        break;
      case 'json':
        args.json = true;
        break;
      case 'no-color':
        args.color = false;
        break;
      case 'stdio':
        break;
      case 'config':
        args.config = v;
        break;
      case 'print-config':
        args.printConfig = v;
        break;
      case 'fix':
        args.fix = true;
        break;
      case 'fix-dry-run':
        args.fixDryRun = true;
        break;
      case 'fix-type': {
        const kinds = v.split(',').map((k) => k.trim()).filter((k) => k);
        for (const k of kinds) {
          if (k === 'suggestion') throw new UsageError('--fix never applies suggestions: they change what the topology declares; accept them one by one in the editor');
          if (k !== 'fix' && k !== 'declaration') throw new UsageError(`--fix-type takes fix and declaration (comma-separated), not "${k}"`);
        }
        if (!kinds.length) throw new UsageError('--fix-type needs fix, declaration or fix,declaration');
        args.fixTypes = [...new Set(kinds as FixKind[])];
        break;
      }
      case 'baseline':
        args.baseline = v;
        break;
      case 'write-baseline':
        args.writeBaseline = v;
        break;
      case 'quiet':
        args.quiet = true;
        break;
      case 'ignore-suppressions':
        args.ignoreSuppressions = true;
        break;
      case 'require-topology':
        args.requireTopology = true;
        break;
      case 'no-error-on-unmatched-pattern':
        args.errorOnUnmatchedPattern = false;
        break;
      case 'timing':
        args.timing = true;
        break;
      case 'environment':
        args.environment = v;
        break;
      case 'force':
        args.force = true;
        break;
      case 'max-warnings':
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number of warnings, not "${v}"`);
        args.maxWarnings = Number(v);
        break;
      case 'max-file-size': {
        const mb = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !(mb > 0)) throw new UsageError(`--max-file-size needs a size in megabytes greater than 0, not "${v}"`);
        args.maxFileSize = Math.round(mb * 1024 * 1024);
        break;
      }
      case 'today': {
        const d = new Date(`${v}T00:00:00Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || isNaN(d.getTime())) throw new UsageError(`--today needs a date written YYYY-MM-DD, not "${v}"`);
        args.today = d;
        break;
      }
    }
  }
  if (args.command !== 'init' && (args.force || args.environment !== undefined)) throw new UsageError(`${args.force ? '--force' : '--environment'} is an option of btslint init`);
  if (args.fix && args.fixDryRun) throw new UsageError('use --fix or --fix-dry-run, not both');
  if (args.fixTypes && !args.fix && !args.fixDryRun) throw new UsageError('--fix-type goes with --fix or --fix-dry-run');
  if (args.baseline && args.writeBaseline) throw new UsageError('use --baseline or --write-baseline, not both (--write-baseline rewrites the whole baseline)');
  if (args.printConfig && args.format !== 'stylish' && args.format !== 'json') throw new UsageError('--print-config prints text or --format json');
  if (args.command === 'lint' && !args.printConfig && !FORMATTERS[args.format]) throw new UsageError(`unknown format "${args.format}"; use one of: ${Object.keys(FORMATTERS).join(', ')}`);
  if (args.command === 'rules' && args.format !== 'json' && args.format !== 'stylish') throw new UsageError(`btslint rules prints text or --format json`);
  return args;
}

function readAll(paths: string[], cwd: string, progress: boolean, maxFileSize = DEFAULT_MAX_FILE_SIZE): BtsDocument[] {
  const { files, missing } = findFiles(paths.length ? paths : ['.'], cwd);
  if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
  const docs: BtsDocument[] = [];
  const showProgress = progress && process.stderr.isTTY && files.length >= 50;
  let n = 0;
  // Read through the one confinement (host/confine.ts): size and byte budget checked before loading.
  const confinement = Confinement.forCommandLine(cwd, paths.length ? paths : ['.']);
  const budget = runBudget(maxFileSize);
  const budgetTotal = budget.remaining;
  for (const f of files) {
    const doc = readAsDocument(confinement, f.absolute, { maxFileSize, budget, budgetTotal });
    if ('notRead' in doc) {
      // Unreadable (permissions, removed meanwhile, a FIFO): said on stderr, and the run goes on without it.
      process.stderr.write(`btslint: did not read ${displayPath(f.absolute, cwd)}: ${safeText(doc.notRead)}; skipped\n`);
      continue;
    }
    docs.push(doc);
    n++;
    if (showProgress && n % 25 === 0) process.stderr.write(`\rbtslint: read ${n}/${files.length} files`);
  }
  if (showProgress) process.stderr.write(`\rbtslint: read ${files.length}/${files.length} files\n`);
  return docs;
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  useNodeDecoders();
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`btslint: ${safeLines((e as Error).message)}\nRun "btslint --help" for usage.\n`);
    return 2;
  }
  try {
    switch (args.command) {
      case 'help':
        writeStdout(HELP);
        return 0;
      case 'version':
        writeStdout(VERSION + '\n');
        return 0;
      case 'lsp': {
        const { startServer } = await import('../lsp/node/start');
        startServer();
        return -1; // keeps running
      }
      case 'rules': {
        const metas = allRules.map((r) => ({ ...r.meta, docsUrl: docsUrl(r.meta.id) }));
        if (args.format === 'json' || args.json) {
          writeReport(JSON.stringify(metas.map(({ id, description, defaultSeverity, category, docsUrl: url, fixable, fixKinds, sources }) => ({ id, description, defaultSeverity, category, docsUrl: url, fixable, fixKinds: fixKinds ?? [], sources })), null, 2) + '\n', args.outputFile, cwd);
        } else {
          writeReport(metas.map((m) => `${m.id.padEnd(40)} ${m.defaultSeverity.padEnd(8)} ${m.category.padEnd(11)} ${m.description}`).join('\n') + '\n', args.outputFile, cwd);
        }
        return 0;
      }
      case 'init':
        return runInit({ paths: args.paths, environment: args.environment, outputFile: args.outputFile, force: args.force, maxFileSize: args.maxFileSize, config: args.config }, cwd);
      case 'model': {
        const docs = readAll(args.paths, cwd, true, args.maxFileSize).filter((d) => d.kind !== 'other');
        const ws = workspaceOf(docs);
        const described = { documents: docs.map((d) => describeModel(d, displayPath(d.uri, cwd), ws)) };
        writeReport(safeJson(JSON.stringify(described, null, 2)) + '\n', args.outputFile, cwd);
        return 0;
      }
      case 'lint': {
        // Config files, suppressions, baselines, --fix and the CI formats: see run.ts.
        const run = { ...args, format: args.printConfig && args.json ? 'json' : args.format };
        if (args.printConfig) return runPrintConfig(args.printConfig, run, cwd);
        return runLint(run, cwd, VERSION);
      }
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof RunUsageError || e instanceof InitUsageError || e instanceof OutputError) {
      process.stderr.write(`btslint: ${safeLines(e.message)}\n`);
      return 2;
    }
    // A file-system failure nobody foresaw is still the user's environment, not a bug: one line.
    const io = e as NodeJS.ErrnoException;
    if (io?.code && io.syscall) {
      process.stderr.write(`btslint: ${safeLines(`cannot ${io.syscall}${io.path ? ` ${displayPath(io.path, cwd)}` : ''}: ${fsReason(io)}`)}\n`);
      return 2;
    }
    process.stderr.write(`btslint: internal error: ${safeLines(String((e as Error)?.stack ?? e))}\n`);
    return 2;
  }
  return 2;
}
