#!/usr/bin/env node
'use strict';
// Writes out/code-cache/<node version>-<arch>.bin, the V8 code cache the btslint command reads at
// start (server/src/host/codeCache.ts): it lints examples/ in this process (the default stylish
// report, JSON and --fix-dry-run, so that what those runs compile is in the cache) while each of
// btslint's modules is recorded, then writes their cached data. Run after tsc by `npm install`,
// `npm run build`, `npm test`, `test:corpus`, `test:html`, `prepack` and `npm run bench -- --build`;
// plain Node, works the same on Windows. A module changed after this
// ran is compiled as usual (the cache keeps each module's hash), so a stale cache only costs its gain.
//
//   node scripts/code-cache.js [--optional]   --optional (npm install): a failure is a warning, since
//                                             btslint runs without the cache, only slower to start
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const optional = process.argv.includes('--optional');
const OUT = path.join(ROOT, 'out', 'server', 'src');
if (!fs.existsSync(path.join(OUT, 'cli', 'main.js'))) {
  process.stderr.write('code-cache: out/ is not built (run tsc first)\n');
  process.exit(optional ? 0 : 1);
}

(async () => {
  const started = Date.now();
  // Under the flags the bin runs with: V8 accepts cached data only under the flags it was made with.
  require(path.join(OUT, 'host', 'cliStart.js')).applyCliFlags();
  const { recordCodeCache } = require(path.join(OUT, 'host', 'codeCache.js'));
  const write = recordCodeCache();
  const { main } = require(path.join(OUT, 'cli', 'main.js'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-code-cache-'));
  // What the runs say on stderr (--fix-dry-run's summary) is shown only if one fails.
  const said = [];
  const stderrWrite = process.stderr.write;
  process.stderr.write = (chunk) => said.push(String(chunk)) > 0;
  try {
    const report = path.join(tmp, 'report');
    for (const args of [[], ['--format', 'json'], ['--fix-dry-run']]) {
      const code = await main(['examples', ...args, '--output-file', report, '--no-color'], ROOT);
      // examples/ holds findings on purpose (exit 1); 2 is a usage or internal error.
      if (code !== 0 && code !== 1) throw new Error(`btslint examples ${args.join(' ')} exited ${code}:\n${said.join('')}`);
    }
  } finally {
    process.stderr.write = stderrWrite;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const { modules, bytes } = write();
  // On stderr: `npm pack --json` (prepack) prints its JSON on stdout, with the scripts' output.
  process.stderr.write(`code-cache: ${modules} modules, ${(bytes / 1024 / 1024).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
})().catch((e) => {
  process.stderr.write(`code-cache: ${optional ? 'not written (btslint runs without it): ' : ''}${(e && e.stack) || e}\n`);
  process.exit(optional ? 0 : 1);
});
