#!/usr/bin/env node
'use strict';
// Runs the same test-electron style suites (index.js exporting run()) in a DESKTOP VS Code through
// @vscode/test-electron, for machines that have one. It cannot run on the offline CI machines (no desktop
// VS Code there, and test-electron's download fails); there, use scripts/e2e/run.sh (code-server).
//
//   VSCODE_EXECUTABLE_PATH=/path/to/code node test/e2e/run-test-electron.js WORKSPACE_DIR TESTS_MODULE [EXT_DEV_PATH]
//
//   WORKSPACE_DIR  folder to open                       (or env BTSLINT_E2E_WORKSPACE)
//   TESTS_MODULE   index.js exporting run()             (or env BTSLINT_E2E_TESTS)
//   EXT_DEV_PATH   extensionDevelopmentPath             (or env BTSLINT_E2E_EXT_DEV; default: the repo root,
//                  whose package.json is the extension manifest: run `npm run build` first)
//
// VSCODE_EXECUTABLE_PATH is required: this script never lets test-electron download VS Code.
// Each run gets a fresh --user-data-dir / --extensions-dir under .e2e/test-electron-<timestamp>/ with the same
// user settings as the code-server runs (test/e2e/user-settings.json), so results do not depend on the machine.
// The extension-test environment gets the same variables as under scripts/e2e/run.sh: BTSLINT_E2E_OUT,
// BTSLINT_E2E_WORKSPACE, BTSLINT_E2E_TOOLS, BTSLINT_E2E_MOCHA_RUNNER, BTSLINT_E2E_RUN_DIR.
// On Linux without a display, run it under `xvfb-run -a`.

const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '..', '..');

function fail(msg) {
  console.error(`run-test-electron: ${msg}`);
  process.exit(2);
}

async function main() {
  const [argWs, argTests, argDev] = process.argv.slice(2);
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (!vscodeExecutablePath) fail('set VSCODE_EXECUTABLE_PATH to a desktop VS Code executable (no download is attempted)');
  if (!fs.existsSync(vscodeExecutablePath)) fail(`VSCODE_EXECUTABLE_PATH does not exist: ${vscodeExecutablePath}`);

  const workspace = path.resolve(argWs || process.env.BTSLINT_E2E_WORKSPACE || fail('no workspace folder given'));
  const extensionTestsPath = path.resolve(argTests || process.env.BTSLINT_E2E_TESTS || fail('no tests module given'));
  const extensionDevelopmentPath = path.resolve(argDev || process.env.BTSLINT_E2E_EXT_DEV || ROOT);
  if (!fs.existsSync(workspace)) fail(`no such workspace folder: ${workspace}`);
  if (!fs.existsSync(extensionTestsPath)) fail(`no such tests module: ${extensionTestsPath}`);
  if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) fail(`no extension manifest in ${extensionDevelopmentPath}`);

  const e2eDir = process.env.BTSLINT_E2E_DIR || path.join(ROOT, '.e2e');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const runDir = path.join(e2eDir, `test-electron-${stamp}-${process.pid}`);
  const userDataDir = path.join(runDir, 'ud');
  const extensionsDir = path.join(runDir, 'exts');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'user-settings.json'), path.join(userDataDir, 'User', 'settings.json'));

  const out = path.resolve(process.env.BTSLINT_E2E_OUT || path.join(ROOT, 'test-output', 'e2e'));
  fs.mkdirSync(out, { recursive: true });

  const extensionTestsEnv = {
    BTSLINT_E2E_OUT: out,
    BTSLINT_E2E_WORKSPACE: workspace,
    BTSLINT_E2E_RUN_DIR: runDir,
    BTSLINT_E2E_TOOLS: process.env.BTSLINT_E2E_TOOLS || path.join(e2eDir, 'tools', 'node_modules'),
    BTSLINT_E2E_MOCHA_RUNNER: path.join(__dirname, 'mocha-runner.js'),
  };
  console.log(`run-test-electron: ${vscodeExecutablePath}\n  workspace ${workspace}\n  dev ${extensionDevelopmentPath}\n  tests ${extensionTestsPath}\n  run dir ${runDir}`);

  const t0 = Date.now();
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath,
      extensionTestsEnv,
      // The first launch arg is the folder VS Code opens. Explicit profile dirs: test-electron then does not add
      // its own under .vscode-test/. --disable-extensions turns off every other extension (not the dev one).
      launchArgs: [
        workspace,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${extensionsDir}`,
        '--disable-extensions',
        '--disable-telemetry',
      ],
    });
  } catch (e) {
    console.error(`run-test-electron: tests failed after ${((Date.now() - t0) / 1000).toFixed(1)}s: ${e.message}`);
    process.exit(1);
  }
  console.log(`run-test-electron: tests passed after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}

main().catch((e) => {
  console.error(`run-test-electron: ${e && e.stack || e}`);
  process.exit(1);
});
