// `btslint init [paths...] [--environment NAME] [-o FILE] [--force]`: reads the BizTalk files under the
// paths and writes one topology per environment they name (core/init). The shell's part: finding and
// reading the files, choosing where each topology goes, never overwriting without --force.

import * as fs from 'fs';
import * as path from 'path';
import { BtsDocument, DEFAULT_MAX_FILE_SIZE } from '../core';
import { Confinement, readAsDocument, runBudget } from '../host/confine';
import { writeOutputFile } from '../host/output';
import { safeText } from '../core/sanitize';
import { canonicalEnvironment, initTopologies, InitTopology } from '../core/init';
import { displayPath, findFiles } from './files';
import { configSource } from './run';

export class InitUsageError extends Error {}

export interface InitArgs {
  paths: string[];
  environment?: string;
  outputFile?: string;
  force: boolean;
  maxFileSize?: number;
  /** -c: one config file for every file (default: the nearest btslint.config to each file). */
  config?: string;
}

/** Where each topology goes: -o FILE (with several environments, FILE with the environment inserted), else the first folder given. */
export function initTargets(topologies: InitTopology[], args: InitArgs, cwd: string): string[] {
  if (args.outputFile) {
    const file = path.resolve(cwd, args.outputFile);
    if (topologies.length === 1) return [file];
    return topologies.map((t) => file.replace(/(\.topology\.ya?ml)$/i, `.${t.environment}$1`));
  }
  const first = path.resolve(cwd, args.paths[0] ?? '.');
  let folder = first;
  try {
    if (!fs.statSync(first).isDirectory()) folder = path.dirname(first);
  } catch {
    folder = cwd;
  }
  return topologies.map((t) => path.join(folder, t.fileName));
}

function lstat(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

export function runInit(args: InitArgs, cwd: string): number {
  if (args.outputFile && !/\.topology\.ya?ml$/i.test(args.outputFile)) {
    throw new InitUsageError(`-o needs a file name ending in .topology.yaml (btslint finds topologies by that name), not "${args.outputFile}"`);
  }
  if (args.environment && !canonicalEnvironment(args.environment)) {
    throw new InitUsageError(`--environment needs production, staging, test or development, not "${args.environment}"`);
  }
  const inputs = args.paths.length ? args.paths : ['.'];
  const { files, missing } = findFiles(inputs, cwd);
  if (missing.length) throw new InitUsageError(`no such file or folder: ${missing.join(', ')}`);
  const maxFileSize = args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // What may be read, and how: the lint's one place (host/confine.ts): inside the workspace, no link, no FIFO, a byte budget.
  const confinement = Confinement.forCommandLine(cwd, inputs, args.config);
  const budget = runBudget(maxFileSize);
  const docs: BtsDocument[] = [];
  for (const f of files) {
    const doc = readAsDocument(confinement, f.absolute, { maxFileSize, budget, topologySchema: false });
    if ('notRead' in doc) process.stderr.write(`btslint: did not read ${displayPath(f.absolute, cwd)}: ${safeText(doc.notRead)}; skipped\n`);
    else if (!doc.problems.some((p) => p.kind === 'skipped')) docs.push(doc);
  }
  const sources = docs.filter((d) => d.binding || d.configExport || d.settingsWorkbook || d.settingsExport);
  if (!sources.length) throw new InitUsageError(`no binding file, configuration export or Deployment Framework settings found in ${inputs.join(', ')}: nothing to write a topology from`);
  // The btslint config's environment mapping and file-name markers decide a file's environments, as in the lint.
  const configs = configSource({ paths: [], format: 'stylish', color: false, config: args.config }, cwd);
  const topologies = initTopologies(docs, {
    environment: args.environment,
    display: (uri) => displayPath(uri, cwd).replace(/\\/g, '/'),
    configFor: (uri) => ({ config: configs.configFor(uri), path: uri }),
  });
  const targets = initTargets(topologies, args, cwd);
  // A link is never written through, even with --force: a repository could point one anywhere.
  const links = targets.filter((t) => lstat(t)?.isSymbolicLink());
  if (links.length) throw new InitUsageError(`${links.map((t) => displayPath(t, cwd)).join(', ')} ${links.length === 1 ? 'is a symbolic link' : 'are symbolic links'}; btslint does not write through links`);
  if (!args.force) {
    const existing = targets.filter((t) => lstat(t));
    if (existing.length) throw new InitUsageError(`${existing.map((t) => displayPath(t, cwd)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite`);
  }
  topologies.forEach((t, i) => {
    const target = targets[i];
    // Two topologies of one environment both judge every binding: say so, the user decides.
    const same = docs.filter((d) => d.topology?.environment === t.environment && path.resolve(d.uri) !== path.resolve(target));
    if (same.length) process.stderr.write(`btslint: note: ${same.map((d) => displayPath(d.uri, cwd)).join(', ')} already describe${same.length === 1 ? 's' : ''} ${t.environment}; keep one topology per environment.\n`);
    // The one output writer: never through a link (the file or a folder on its way), one-line errors.
    writeOutputFile(target, t.text, cwd, cwd, { exclusive: !args.force });
    const shown = displayPath(target, cwd);
    const read = `${t.hosts.length} host${t.hosts.length === 1 ? '' : 's'}, ${t.sqlInstances.length} SQL instance${t.sqlInstances.length === 1 ? '' : 's'}, ${t.databases.length} database${t.databases.length === 1 ? '' : 's'}`;
    process.stdout.write(`btslint: wrote ${shown} (${t.environment}${t.foundIn ? '' : ', assumed'}): ${read} read from ${t.sources.length} file${t.sources.length === 1 ? '' : 's'}; ${t.placeholders} <<placeholders>> to fill in.\n`);
  });
  // The topologies are read with the paths when they are under one of them.
  const under = (file: string) => inputs.some((p) => {
    const rel = path.relative(path.resolve(cwd, p), file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  });
  const lintPaths = [...inputs, ...targets.filter((t) => !under(t)).map((t) => displayPath(t, cwd))].filter((p, i, a) => a.indexOf(p) === i);
  process.stdout.write(`Next: fill in the placeholders, then run "btslint ${lintPaths.map((p) => (/\s/.test(p) ? `"${p}"` : p)).join(' ')}" to see what is left.\n`);
  return 0;
}
