'use strict';
// Reusable playwright-core helpers for driving VS Code (code-server's web workbench) in headless
// Debian Chromium. Plain CommonJS: runs outside the TypeScript build.
// Recipe D of shared/reference/vscode-e2e.md.
//
// Environment (set by scripts/e2e/run.sh):
//   BTSLINT_E2E_URL        http://127.0.0.1:PORT of the running code-server
//   BTSLINT_E2E_WORKSPACE  folder opened in the workbench
//   BTSLINT_E2E_TOOLS      <repo>/.e2e/tools/node_modules (playwright-core, mocha)
//   BTSLINT_E2E_PIDFILE    chromium pids are appended here so run.sh can kill them on exit
//   CHROMIUM_PATH          default /usr/bin/chromium
//   BTSLINT_E2E_HEADED=1   run headed (needs an X server, e.g. xvfb-run -a)

const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = process.env.BTSLINT_E2E_TOOLS || path.join(REPO_ROOT, '.e2e', 'tools', 'node_modules');

function loadPlaywright() {
  try {
    return require('playwright-core');
  } catch (_) {
    return require(path.join(TOOLS, 'playwright-core'));
  }
}
const { chromium } = loadPlaywright();

// Flags from the reference recipe. Playwright adds --headless itself and rejects --user-data-dir here.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Launch chromium and open one page.
 * Uses browser.launch() + newContext() (not launchPersistentContext) so the browser pid is known and can be
 * recorded in BTSLINT_E2E_PIDFILE: run.sh kills those process groups on exit even if node died.
 * @returns {Promise<{browser, context, page, close: () => Promise<void>}>}
 */
async function launchBrowser(opts = {}) {
  const browser = await chromium.launch({
    executablePath: opts.executablePath || process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: opts.headless !== undefined ? opts.headless : !process.env.BTSLINT_E2E_HEADED,
    args: CHROMIUM_ARGS.concat(opts.extraArgs || []),
  });
  const proc = browser.process && browser.process();
  if (proc && proc.pid && process.env.BTSLINT_E2E_PIDFILE) {
    fs.appendFileSync(process.env.BTSLINT_E2E_PIDFILE, `${proc.pid}\n`);
  }
  const context = await browser.newContext({ viewport: opts.viewport || { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(opts.timeout || 30000);
  if (opts.logConsole) {
    page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  }
  const close = async () => {
    try { await context.close(); } catch (_) { /* already gone */ }
    try { await browser.close(); } catch (_) { /* already gone */ }
  };
  return { browser, context, page, close };
}

/** Workbench URL for a folder, optionally with a `payload` (array of [key, value] pairs). */
function workbenchUrl({ baseUrl, folder, payload } = {}) {
  baseUrl = (baseUrl || process.env.BTSLINT_E2E_URL || 'http://127.0.0.1:18080').replace(/\/$/, '');
  folder = folder || process.env.BTSLINT_E2E_WORKSPACE;
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(folder)}`);
  if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${baseUrl}/${q.length ? '?' + q.join('&') : ''}`;
}

/** `vscode-remote://HOST:PORT/abs/path` URI for a path on the code-server machine. */
function remoteUri(absPath, baseUrl) {
  const host = new URL(baseUrl || process.env.BTSLINT_E2E_URL || 'http://127.0.0.1:18080').host;
  return `vscode-remote://${host}${path.resolve(absPath)}`;
}

/** Open the workbench for a folder and wait until it (and, unless waitForExplorer=false, the explorer) shows. */
async function openWorkbench(page, opts = {}) {
  await page.goto(workbenchUrl(opts));
  await page.waitForSelector('.monaco-workbench', { timeout: opts.timeout || 60000 });
  if (opts.waitForExplorer !== false) {
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: opts.timeout || 60000 });
  }
}

/** Open a workspace file by Ctrl+P quick open; waits for its tab to be active and the editor to render. */
async function openFile(page, name, opts = {}) {
  const base = path.basename(name);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  // Wait until quick open lists the file, otherwise Enter may pick a stale entry.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first().waitFor({ timeout: opts.timeout || 15000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: opts.timeout || 15000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: opts.timeout || 15000 });
}

/** Wait for a squiggle in the visible editor. kind: 'error' | 'warning' | 'info' | 'any'. Returns the count. */
async function waitForSquiggle(page, kind = 'error', opts = {}) {
  const sel = kind === 'any'
    ? '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info'
    : `.monaco-editor .squiggly-${kind}`;
  await page.locator(sel).first().waitFor({ state: 'attached', timeout: opts.timeout || 30000 });
  return page.locator(sel).count();
}

/**
 * Open the Problems panel (Ctrl+Shift+M, only if not visible already: the keybinding toggles) and return its text.
 * opts.waitForText: wait until the panel text contains this string (default: until a marker row exists).
 */
async function openProblems(page, opts = {}) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: opts.timeout || 15000 });
  }
  const end = Date.now() + (opts.timeout || 15000);
  for (;;) {
    const text = await panel.innerText();
    const ok = opts.waitForText ? text.includes(opts.waitForText) : (await panel.locator('.monaco-list-row').count()) > 0;
    if (ok || Date.now() > end) return text;
    await sleep(100);
  }
}

/** Text of the Problems panel (it must be open). */
async function problemsText(page) {
  return page.locator('.markers-panel').innerText();
}

/**
 * Show the hover for a problem: double-click the Nth marker row (jumps the cursor there), then Ctrl+K Ctrl+I.
 * (locator.hover() on a squiggle hangs: the element is never "stable".) Returns the hover text.
 */
async function showHoverForProblem(page, index = 0, opts = {}) {
  const rows = page.locator('.markers-panel .monaco-list-row').filter({ has: page.locator('.marker-message-details, .marker-message') });
  const row = (await rows.count()) ? rows.nth(index) : page.locator('.markers-panel .monaco-list-row').nth(index + 1);
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  const attempts = opts.attempts || 4;
  const perAttempt = opts.timeout || 10000;
  let last;
  // On a loaded machine the double-click can land before the row is ready, the editor may not be focused yet when
  // the chord is typed, or the hover closes again before it is read (CI saw that once): wait for the editor's
  // focus, read the text as soon as the hover shows, and try again (Escape, same steps) if any step fails.
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await row.dblclick();
    await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'attached', timeout: 5000 }).catch(() => undefined);
    await sleep(300);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    try {
      await hover.waitFor({ state: 'visible', timeout: perAttempt });
      // Read it at once: a hover can close again (a re-render, focus moving) before a later read.
      const text = await hover.innerText({ timeout: 2000 });
      await sleep(300); // let the fade-in finish (screenshots)
      return text;
    } catch (e) {
      last = e;
      console.log(`ui: no hover after attempt ${attempt} of ${attempts}; trying again`);
      await page.keyboard.press('Escape');
      await sleep(500);
    }
  }
  throw last;
}

/** Text of the status bar (to check the extension's status item, i.e. that it activated). */
async function statusBarText(page) {
  return page.locator('.statusbar').innerText();
}

/**
 * The status bar's text once it matches `pattern` (a check still running shows "btslint: checking"
 * first), or, after `timeout` ms, as it is then (the caller's assertion reports it).
 */
async function waitForStatusBar(page, pattern, { timeout = 30000 } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const text = await statusBarText(page);
    if (pattern.test(text) || Date.now() >= until) return text;
    await sleep(250);
  }
}

/** Run a command from the command palette by its label (F1, type, Enter). */
async function runCommand(page, label, opts = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + label);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: opts.timeout || 10000 });
  await page.keyboard.press('Enter');
}

/** Screenshot of the page to `file` (folders are created). Returns the path. */
async function screenshot(page, file, opts = {}) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file, fullPage: !!opts.fullPage });
  return file;
}

module.exports = {
  CHROMIUM_ARGS,
  loadPlaywright,
  launchBrowser,
  workbenchUrl,
  remoteUri,
  openWorkbench,
  openFile,
  waitForSquiggle,
  openProblems,
  problemsText,
  showHoverForProblem,
  statusBarText,
  waitForStatusBar,
  runCommand,
  screenshot,
  sleep,
};
