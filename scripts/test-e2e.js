#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: the extension, installed from its .vsix, in a real VS Code (code-server +
// headless chromium; see test/e2e/README.md). Steps:
//   1. scripts/e2e/install.sh (idempotent: apt packages, code-server, playwright-core, mocha into .e2e/)
//   2. scripts/package.js -> .e2e/btslint-e2e.vsix (bundled client and server)
//   3. a fresh workspace in the OS temp folder: a real binding from ../shared/corpus (copied at test
//      time, never into the repo) and a topology with gaps
//   4. scripts/e2e/run.sh: install the vsix, start code-server, run test/e2e/suite (mocha in the
//      extension host) and test/e2e/ui-check.js (screenshots in test-output/e2e), stop everything.
//   5. when VSCODE_EXECUTABLE_PATH names a desktop VS Code: the same suites through @vscode/test-electron.
// Needs Linux with apt (for chromium) or the tools already installed; it uses bash for the infra scripts.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const corpus = path.join(root, '..', 'shared', 'corpus');
const FTP_BINDING = path.join(corpus, 'Azure__aimbiztalk__scenarios__001-FtpPassthru__bindings__Bindings.xml');

const TOPOLOGY = [
  '# A production topology with gaps: the MessageBox instance is not clustered, and the host that',
  '# runs the FTP receive location is not clustered.',
  'topology: 1',
  'environment: production',
  'servers:',
  '  - name: BTSAPP01',
  '    roles: [biztalk]',
  'sqlInstances:',
  '  - name: SQLBTS\\BTS',
  '    databases:',
  '      - name: BizTalkMsgBoxDb',
  'hosts:',
  '  - name: BizTalkServerApplication',
  '    type: in-process',
  '    instances: [BTSAPP01, BTSAPP02]',
  '',
].join('\n');

function step(name, cmd, args, opts = {}) {
  const t0 = Date.now();
  console.log(`[test:e2e] ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`[test:e2e] ${name} failed (exit ${r.status ?? r.signal})`);
    return false;
  }
  console.log(`[test:e2e] ${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

function main() {
  if (!fs.existsSync(FTP_BINDING)) {
    console.error(`[test:e2e] the corpus is missing: ${FTP_BINDING} (CI has ../shared beside the clone)`);
    return 1;
  }
  if (!step('install the e2e tools', 'bash', [path.join('scripts', 'e2e', 'install.sh')])) return 1;
  const vsix = path.join(root, '.e2e', 'btslint-e2e.vsix');
  if (!step('package the extension', process.execPath, [path.join('scripts', 'package.js'), vsix])) return 1;

  const suite = path.join(root, 'test', 'e2e', 'suite', 'index.js');
  let ok = withWorkspace((ws) =>
    step('run the suites in code-server', 'bash', [path.join('scripts', 'e2e', 'run.sh'), vsix, ws, suite, path.join(root, 'test', 'e2e', 'ui-check.js')]),
  );
  // The same suites in a desktop VS Code, where one is installed (never downloaded): @vscode/test-electron
  // with the repository as the extension (its dist/ was just bundled by the package step).
  if (process.env.VSCODE_EXECUTABLE_PATH) {
    ok = withWorkspace((ws) => step('run the suites in desktop VS Code (test-electron)', process.execPath, [path.join('test', 'e2e', 'run-test-electron.js'), ws, suite])) && ok;
  } else {
    console.log('[test:e2e] VSCODE_EXECUTABLE_PATH is not set: the desktop VS Code (test-electron) run is not part of this run');
  }
  return ok ? 0 : 1;
}

/** Runs `f` on a fresh workspace folder in the OS temp folder, removed afterwards. */
function withWorkspace(f) {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-e2e-ws-')));
  try {
    fs.mkdirSync(path.join(ws, 'bindings'));
    fs.copyFileSync(FTP_BINDING, path.join(ws, 'bindings', 'Bindings.xml'));
    fs.writeFileSync(path.join(ws, 'prod.topology.yaml'), TOPOLOGY);
    return f(ws);
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

process.exitCode = main();
