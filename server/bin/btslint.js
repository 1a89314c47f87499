#!/usr/bin/env node
'use strict';
// Entry point of the `btslint` command. The TypeScript sources are compiled by `npm install`
// (the `prepare` script) into out/, with the V8 code cache of btslint's modules (out/code-cache/).
// First, before anything else loads: V8's compiler tuned for a batch run, and that code cache
// (server/src/host/cliStart.ts); neither changes what the code does.
require('../../out/server/src/host/cliStart.js').prepareCli();
const { main } = require('../../out/server/src/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => {
    if (code < 0) return; // still running (the language server)
    process.exitCode = code;
    // Done, and nothing left to write: exit now rather than after Node frees the run's heap (about 20
    // ms on 2,000 bindings). Output still being written (a pipe on Windows is asynchronous) is waited for.
    if (!process.stdout.writableLength && !process.stderr.writableLength) process.exit(code);
  },
  (err) => {
    process.stderr.write(`btslint: internal error: ${(err && err.stack) || err}\n`);
    process.exitCode = 2;
  },
);
