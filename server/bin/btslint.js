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
    if (code >= 0) process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`btslint: internal error: ${(err && err.stack) || err}\n`);
    process.exitCode = 2;
  },
);
