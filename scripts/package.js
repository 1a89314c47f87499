#!/usr/bin/env node
'use strict';
// `npm run package`: builds the .vsix offline. vsce (pinned 3.9.2, Node 20) runs the
// `vscode:prepublish` script (the esbuild bundle), packs what .vscodeignore lets through, and the
// result is checked: the bundles are in, no source, test, fixture or node_modules file is, and the
// size stays under 5 MB. Prints the vsix path and its contents.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(process.argv[2] || path.join(root, `${pkg.name}-${pkg.version}.vsix`));
const MAX_BYTES = 5 * 1024 * 1024;

// btslint has no public web home: README.md's relative links are kept as they are (never rewritten
// to a repository URL that does not exist); the rule pages ship in the extension (docs/rules).
//
// package.json's `files` list is the npm package's (the CLI and server, `npm pack`); vsce refuses a
// manifest with both `files` and a .vscodeignore. So the extension is packed from a staging folder:
// the bundles are built here first (the `vscode:prepublish` step), then the manifest without `files`
// and `vscode:prepublish`, the .vscodeignore and what it lets through are copied there, and vsce packs
// that folder. The repository's own files are never changed.
const vsce = require.resolve('@vscode/vsce/vsce');
const bundle = spawnSync(process.execPath, [path.join(__dirname, 'bundle.js')], { cwd: root, stdio: 'inherit' });
if (bundle.status !== 0) {
  console.error(`package: the bundle failed (exit ${bundle.status})`);
  process.exit(1);
}
const stage = fs.mkdtempSync(path.join(require('os').tmpdir(), 'btslint-vsix-'));
let r;
try {
  const manifest = { ...pkg, scripts: { ...pkg.scripts } };
  delete manifest.files;
  delete manifest.scripts['vscode:prepublish'];
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const f of ['.vscodeignore', 'README.md', 'LICENSE', 'LICENSE.md', 'CHANGELOG.md']) {
    if (fs.existsSync(path.join(root, f))) fs.copyFileSync(path.join(root, f), path.join(stage, f));
  }
  for (const d of ['dist', 'syntaxes', 'schemas', 'docs']) {
    if (fs.existsSync(path.join(root, d))) fs.cpSync(path.join(root, d), path.join(stage, d), { recursive: true });
  }
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out];
  r = spawnSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: 'inherit' });
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
if (r.status !== 0) {
  console.error(`package: vsce failed (exit ${r.status})`);
  process.exit(1);
}

// The vsix is a zip: list its entries from the central directory (no unzip needed, also on Windows).
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extra + comment;
  }
  return entries;
}

const size = fs.statSync(out).size;
const entries = zipEntries(out);
for (const e of entries) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
const problems = [];
const walkthroughMedia = (pkg.contributes.walkthroughs || []).flatMap((w) => w.steps.map((s) => s.media && s.media.markdown).filter(Boolean));
for (const need of ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/browser/extension.js', 'extension/dist/browser/server.js', 'extension/syntaxes/escaped-settings.injection.tmLanguage.json', 'extension/schemas/btslint.config.schema.json', 'extension/schemas/btslint.config.editor.schema.json', 'extension/docs/rules/msgbox-not-clustered.md', 'extension/LICENSE.txt', ...walkthroughMedia.map((m) => `extension/${m}`)]) {
  if (!entries.some((e) => e.name === need)) problems.push(`missing ${need}`);
}
for (const e of entries) {
  if (/\.ts$|\/node_modules\/|\/test\/|\/src\/|\/examples\/|\/\.e2e\/|\.vsix$/.test(e.name)) problems.push(`should not ship ${e.name}`);
}
if (size > MAX_BYTES) problems.push(`${(size / 1048576).toFixed(2)} MB is over the 5 MB limit`);
if (problems.length) {
  console.error(`package: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`package: ${path.relative(process.cwd(), out) || out}: ${(size / 1024).toFixed(0)} KB, ${entries.length} files`);
