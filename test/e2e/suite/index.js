'use strict';
// The extension's end-to-end tests module (test-electron contract: run() returns a promise). It runs
// inside the VS Code extension host (code-server through scripts/e2e/run.sh, or a desktop VS Code
// through test/e2e/run-test-electron.js), against the workspace scripts/test-e2e.js prepares.
const path = require('path');

exports.run = () => require(process.env.BTSLINT_E2E_MOCHA_RUNNER || path.resolve(__dirname, '..', 'mocha-runner')).run(__dirname, { timeout: 60000 });
