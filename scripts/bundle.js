#!/usr/bin/env node
'use strict';
// Bundles the VS Code extension and its language server with esbuild, so the .vsix needs no
// node_modules. Desktop (`main`): dist/extension.js (the client; `vscode` stays external) and
// dist/server.js (the same server `btslint lsp` runs, with the core, ajv, yaml and
// vscode-languageserver inside). Web (`browser`, github.dev and vscode.dev): dist/browser/extension.js
// (the same client for a web-worker extension host) and dist/browser/server.js (the browser entry of
// the server, run in a web worker), both built for the browser: a Node module reached from either
// fails the build.
// It also gives the options of the core's browser bundle (coreBrowserOptions): the core alone, for a
// browser or web worker, with no Node module and no polyfill. test/core/browser.test.ts builds it and
// runs it in a context that has no Node global.
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
/** What every bundle shares: one minified file, names kept (stack traces), the JSON it imports inlined. */
const base = {
  bundle: true,
  minify: true,
  keepNames: true,
  sourcemap: false,
  absWorkingDir: root,
  // The server reads the version from package.json; bundling inlines it.
  loader: { '.json': 'json' },
};

const common = { ...base, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };

/** The web extension's bundles (client and server): for the browser, no Node module, no polyfill. */
const browserCommon = { ...base, platform: 'browser', target: 'es2022', logLevel: 'warning' };

/**
 * The core (server/src/core/index.ts) for the browser: one IIFE that sets `globalThis.btslintCore`.
 * platform 'browser' makes esbuild resolve packages' browser builds and refuse Node's modules, so a
 * Node import anywhere in the core fails the build.
 */
const coreBrowserOptions = { ...browserCommon, format: 'iife', globalName: 'btslintCore', logLevel: 'silent', entryPoints: ['server/src/core/index.ts'] };

/** The rule pages by id: the browser server has no disk to read their "Why it matters" from. */
function rulePages() {
  const fs = require('fs');
  const dir = path.join(root, 'docs', 'rules');
  const pages = {};
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.md')) pages[f.slice(0, -3)] = fs.readFileSync(path.join(dir, f), 'utf8');
  return pages;
}

module.exports = { coreBrowserOptions, browserCommon };
if (require.main !== module) return;

(async () => {
  const t0 = Date.now();
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
    esbuild.build({ ...browserCommon, format: 'cjs', entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/browser/extension.js', external: ['vscode'] }),
    esbuild.build({ ...browserCommon, format: 'iife', entryPoints: ['server/src/lsp/browser/main.ts'], outfile: 'dist/browser/server.js', define: { BTSLINT_RULE_PAGES: JSON.stringify(rulePages()) } }),
  ]);
  const fs = require('fs');
  const size = (f) => `${(fs.statSync(path.join(root, f)).size / 1024).toFixed(0)} KB`;
  const files = ['dist/extension.js', 'dist/server.js', 'dist/browser/extension.js', 'dist/browser/server.js'];
  console.log(`bundle: ${files.map((f) => `${f} ${size(f)}`).join(', ')} in ${Date.now() - t0} ms`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
