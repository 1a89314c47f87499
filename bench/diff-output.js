#!/usr/bin/env node
'use strict';
// Differential check of the CLI's output, for performance work ("findings must be identical"):
//
//   node bench/diff-output.js record <dir> <target>...   run the CLI on each target, keep its outputs in <dir>
//   node bench/diff-output.js check  <dir> <target>...   run it again, compare byte for byte with <dir>
//
// For each target (a file or folder; the CLI runs from the folder, or the file's folder) it keeps the
// JSON report (findings, ranges, nodePaths, fixes with their edits), the stylish report (with its
// count of what --fix would apply) and the --fix-dry-run diff of
// every fix kind; with --apply also the files of a copy of the target after `--fix --fix-type
// fix,declaration`. Record with one build, change the code, rebuild, check; or record with a checkout
// of main and check with this one (the checkout's own folder, in rule links, is written <btslint>).
// Plain Node, no shell.
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');

const BIN = path.join(__dirname, '..', 'server', 'bin', 'btslint.js');
const [mode, dir, ...rest] = process.argv.slice(2);
const apply = rest.includes('--apply');
const targets = rest.filter((t) => t !== '--apply');
if (!['record', 'check'].includes(mode) || !dir || targets.length === 0) {
  process.stderr.write('usage: node bench/diff-output.js record|check <dir> [--apply] <target>...\n');
  process.exit(2);
}

const ROOT = path.join(__dirname, '..');
const ROOT_URL = pathToFileURL(ROOT).href;

/** The CLI's output, with this checkout's folder (in rule links) written as <btslint>, so that two checkouts compare. */
function cli(cwd, args) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--today', '2026-12-01', '--no-color'], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const out = `exit ${r.status}\n--- stderr\n${r.stderr}\n--- stdout\n${r.stdout}`;
  return out.split(ROOT_URL).join('file://<btslint>').split(ROOT).join('<btslint>');
}

function files(root, out = []) {
  for (const e of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(root, e.name);
    if (e.isDirectory()) files(p, out);
    else out.push(p);
  }
  return out;
}

/** The outputs for one target, by name. */
function outputs(target) {
  const abs = path.resolve(target);
  const isDir = fs.statSync(abs).isDirectory();
  const cwd = isDir ? abs : path.dirname(abs);
  const arg = isDir ? '.' : path.basename(abs);
  const out = {
    json: cli(cwd, [arg, '--format', 'json']),
    stylish: cli(cwd, [arg]),
    dryRun: cli(cwd, [arg, '--fix-dry-run', '--fix-type', 'fix,declaration']),
  };
  if (apply) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-diff-'));
    try {
      const copy = path.join(tmp, 'w');
      fs.cpSync(isDir ? abs : path.dirname(abs), copy, { recursive: true });
      const log = cli(copy, [isDir ? '.' : arg, '--fix', '--fix-type', 'fix,declaration', '--format', 'json']);
      const hashes = files(copy).map((f) => `${crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex')} ${path.relative(copy, f)}`);
      out.fixed = `${log}\n--- files\n${hashes.join('\n')}\n`;
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return out;
}

let failed = 0;
fs.mkdirSync(dir, { recursive: true });
for (const t of targets) {
  const name = t.replace(/[^A-Za-z0-9._-]+/g, '_');
  const t0 = Date.now();
  const out = outputs(t);
  for (const [kind, text] of Object.entries(out)) {
    const file = path.join(dir, `${name}.${kind}.txt`);
    if (mode === 'record') {
      fs.writeFileSync(file, text);
      continue;
    }
    const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (before === text) continue;
    failed++;
    const got = `${file}.new`;
    fs.writeFileSync(got, text);
    let at = 0;
    while (before !== undefined && at < text.length && before[at] === text[at]) at++;
    process.stdout.write(`DIFFERENT ${t} (${kind}): ${before === undefined ? 'nothing recorded' : `first difference at character ${at}`}; now in ${got}\n`);
  }
  process.stdout.write(`${mode === 'record' ? 'recorded' : 'checked'} ${t} (${Object.keys(out).join(', ')}) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
if (failed) {
  process.stdout.write(`${failed} output(s) differ\n`);
  process.exit(1);
}
