#!/usr/bin/env node
'use strict';
// Bundles the VS Code extension and its language server with esbuild, so the .vsix needs no
// node_modules: dist/extension.js (the client; `vscode` stays external) and dist/server.js (the
// same server `btslint lsp` runs, with the core, ajv, yaml and vscode-languageserver inside).
// It also gives the options of the core's browser bundle (coreBrowserOptions): the core alone, for a
// browser or web worker, with no Node module and no polyfill. test/core/browser.test.ts builds it and
// runs it in a context that has no Node global.
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  keepNames: true,
  sourcemap: false,
  logLevel: 'warning',
  absWorkingDir: root,
  // The server reads the version from package.json; bundling inlines it.
  loader: { '.json': 'json' },
};

/**
 * The core (server/src/core/index.ts) for the browser: one IIFE that sets `globalThis.btslintCore`.
 * platform 'browser' makes esbuild resolve packages' browser builds and refuse Node's modules, so a
 * Node import anywhere in the core fails the build.
 */
const coreBrowserOptions = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  globalName: 'btslintCore',
  minify: true,
  keepNames: true,
  sourcemap: false,
  logLevel: 'silent',
  absWorkingDir: root,
  loader: { '.json': 'json' },
  entryPoints: ['server/src/core/index.ts'],
};

module.exports = { coreBrowserOptions };
if (require.main !== module) return;

(async () => {
  const t0 = Date.now();
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  ]);
  const fs = require('fs');
  const size = (f) => `${(fs.statSync(path.join(root, f)).size / 1024).toFixed(0)} KB`;
  console.log(`bundle: dist/extension.js ${size('dist/extension.js')}, dist/server.js ${size('dist/server.js')} in ${Date.now() - t0} ms`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
