#!/usr/bin/env node
'use strict';
// Runs test-electron style extension tests (a module exporting run()) inside code-server's Node extension host.
// Recipe C of shared/reference/vscode-e2e.md: the workbench's `payload` URL parameter carries
// extensionDevelopmentPath + extensionTestsPath as vscode-remote:// URIs; when run() settles the workbench calls
// window.codeAutomationExit(code), and extension-host console output arrives through window.codeAutomationLog.
//
// Environment (scripts/e2e/run.sh sets all of these):
//   BTSLINT_E2E_URL        http://127.0.0.1:PORT of the running code-server            (required)
//   BTSLINT_E2E_WORKSPACE  folder to open                                              (required)
//   BTSLINT_E2E_TESTS      absolute path of the tests module (index.js exporting run()) (required)
//   BTSLINT_E2E_EXT_DEV    extensionDevelopmentPath. code-server 4.100.3 needs it: with extensionTestsPath alone the
//                          workbench loads and the installed extension activates, but the tests module is never run
//                          and codeAutomationExit is never called (verified: the run ends in TIMEOUT). run.sh points
//                          it at the folder that --install-extension unpacked (<exts>/<publisher>.<name>-<version>),
//                          so the tests exercise the installed files. "-" leaves it out (only for that experiment).
//   BTSLINT_E2E_TEST_TIMEOUT  ms, default 300000
//   BTSLINT_E2E_RUN_DIR    where a screenshot is saved when the run fails (default: cwd)
// Exit code: 0 when run() resolved, 1 otherwise (failure, timeout, page crash).

const path = require('path');
const util = require('util');
const ui = require('./ui-lib');

const URL_ = process.env.BTSLINT_E2E_URL;
const FOLDER = process.env.BTSLINT_E2E_WORKSPACE;
const TESTS = process.env.BTSLINT_E2E_TESTS;
const DEV = process.env.BTSLINT_E2E_EXT_DEV;
const TIMEOUT = Number(process.env.BTSLINT_E2E_TEST_TIMEOUT || 300000);
const RUN_DIR = process.env.BTSLINT_E2E_RUN_DIR || process.cwd();

function die(msg) { console.error(`run-ext-tests: ${msg}`); process.exit(2); }
if (!URL_) die('BTSLINT_E2E_URL is not set');
if (!FOLDER) die('BTSLINT_E2E_WORKSPACE is not set');
if (!TESTS) die('BTSLINT_E2E_TESTS is not set');

(async () => {
  const t0 = Date.now();
  const payload = [];
  if (DEV && DEV !== '-') payload.push(['extensionDevelopmentPath', ui.remoteUri(DEV, URL_)]);
  payload.push(['extensionTestsPath', ui.remoteUri(TESTS, URL_)]);
  const url = ui.workbenchUrl({ baseUrl: URL_, folder: FOLDER, payload });
  console.log(`run-ext-tests: ${url}`);

  const { page, close } = await ui.launchBrowser();
  let finish;
  const exited = new Promise((r) => (finish = r));
  let summary = null;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args]));
    for (const l of line.split('\n')) {
      const m = /^\s*(\d+) passed, (\d+) failed(, \d+ skipped)?\s*$/.exec(l);
      if (m) summary = l.trim();
    }
    console.log(`[exthost ${type}] ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  page.on('crash', () => finish('PAGE CRASH'));
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));

  let timer;
  await page.goto(url);
  const code = await Promise.race([exited, new Promise((r) => { timer = setTimeout(() => r('TIMEOUT'), TIMEOUT); })]);
  clearTimeout(timer);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (code !== 0) {
    const shot = path.join(RUN_DIR, `ext-tests-failure-${Date.now()}.png`);
    await ui.screenshot(page, shot).then(() => console.log(`run-ext-tests: screenshot ${shot}`), () => {});
  }
  await close();
  console.log(`run-ext-tests: extension tests finished with code ${code} after ${secs}s`);
  if (summary) console.log(summary);
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => {
  console.error(`run-ext-tests: ${e && e.stack || e}`);
  process.exit(1);
});
