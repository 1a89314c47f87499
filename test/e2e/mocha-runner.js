'use strict';
// Shared mocha runner for test-electron style tests modules. A suite's index.js only needs:
//
//   exports.run = () => require('<path to>/test/e2e/mocha-runner').run(__dirname);
//
// It works unchanged in both hosts:
//   - code-server (scripts/e2e/run.sh + run-ext-tests.js)
//   - desktop VS Code through @vscode/test-electron (test/e2e/run-test-electron.js)
//
// Why not a plain require('mocha'): the repo does not depend on mocha (it lives in <repo>/.e2e/tools, installed by
// scripts/e2e/install.sh), and the VS Code extension host ignores NODE_PATH (it strips Node's global lookup
// paths), so mocha is resolved here from the project first, then from BTSLINT_E2E_TOOLS, then from .e2e/tools.

const fs = require('fs');
const path = require('path');

function loadMocha() {
  const candidates = [process.env.BTSLINT_E2E_TOOLS, path.resolve(__dirname, '..', '..', '.e2e', 'tools', 'node_modules')]
    .filter(Boolean);
  try {
    return require('mocha');
  } catch (e) {
    for (const dir of candidates) {
      const p = path.join(dir, 'mocha');
      if (fs.existsSync(p)) return require(p);
    }
    throw new Error(`mocha not found (tried the project, ${candidates.join(', ')}); run scripts/e2e/install.sh`, { cause: e });
  }
}

/** Files matching `pattern` under `dir`, recursively, sorted. */
function findTests(dir, pattern) {
  const out = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...findTests(p, pattern));
    else if (pattern.test(ent.name)) out.push(p);
  }
  return out.sort();
}

/**
 * Run every `*.test.js` under `dir` with mocha (bdd, no colour). Resolves when all pass, rejects otherwise.
 * Prints `N passed, N failed[, N skipped]` as the last line (the format CI reads).
 * opts: { timeout (ms per test, default 60000), grep (string/RegExp, or env BTSLINT_E2E_GREP), pattern, reporter }
 */
function run(dir, opts = {}) {
  const Mocha = loadMocha();
  const grep = opts.grep || process.env.BTSLINT_E2E_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: opts.reporter || 'spec',
    timeout: opts.timeout || 60000,
    ...(grep ? { grep } : {}),
  });
  for (const f of findTests(dir, opts.pattern || /\.test\.js$/)) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats || {};
        const skipped = s.pending ? `, ${s.pending} skipped` : '';
        console.log(`${s.passes || 0} passed, ${s.failures || 0} failed${skipped}`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}

module.exports = { run, loadMocha, findTests };
