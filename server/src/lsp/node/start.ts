// The Node entry of the language server: `btslint lsp` (any LSP client, stdio by default) and the
// VS Code extension on the desktop (dist/server.js over IPC). The shared server (../server.ts) reads
// `file:` URIs from disk (diskFiles.ts) and, when the client reads files for it, folders that are not
// on disk through the client (../clientFiles.ts). Rule pages link to the installed docs/rules.

import * as fs from 'fs';
import { PerformanceObserver } from 'perf_hooks';
import * as v8 from 'v8';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { docsUrl, ruleWhy } from '../../host/docs';
import { useNodeDecoders } from '../../host/fastDecode';
import { ClientFileSource } from '../clientFiles';
import { setDocsUrl } from '../docs';
import { BtslintServer } from '../server';
import type { Output } from '../scheduler';
import { DiskFileSource } from './diskFiles';
import { setTimingSink, stamp, timingNote } from '../timing';

/** How far the heap may grow over what is live before a full collection (see startServer). */
export const HEAP_GROWING_PERCENT = 20;

/**
 * Starts the server on the transport the command line names: `--node-ipc` (VS Code), `--socket=N`,
 * `--pipe=NAME`, or stdio (the default: `btslint lsp` and `btslint lsp --stdio`). A rejection or
 * exception nobody caught is logged, and the server goes on (each handler has its own boundary; this
 * is the last one).
 */
export function startServer(): void {
  // A long-lived process that holds large documents: the heap may grow 20% over what is live before a
  // full collection, not V8's default of up to 4 times (each edit of a 15 MB binding leaves its old
  // text and findings behind; with the default the server reached about 500 MB, bench/lsp-large.js).
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const argv = process.argv;
  const explicit = argv.some((a) => a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'));
  const stdio = !explicit || argv.includes('--stdio');
  const connection = stdio ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)) : createConnection(ProposedFeatures.all);
  const report = (what: string) => (e: unknown) => {
    try {
      connection.console.error(`btslint: ${what}: ${(e as Error)?.stack ?? String(e)}`);
    } catch {
      process.stderr.write(`btslint: ${what}: ${String(e)}\n`);
    }
  };
  process.on('unhandledRejection', report('unhandled rejection'));
  process.on('uncaughtException', report('uncaught exception'));
  setDocsUrl(docsUrl, ruleWhy);
  useNodeDecoders();
  const timingLog = process.env.BTSLINT_TIMING_LOG;
  if (timingLog) watchTiming(timingLog);
  const log = (m: string) => {
    try {
      connection.console.info(m);
    } catch {
      // the connection is gone
    }
  };
  // Test-only: shorter timeouts for the client's file requests (test/lsp/clientFiles.test.ts).
  const testTimeout = Number(process.env.BTSLINT_TEST_CLIENT_TIMEOUT_MS) || undefined;
  const clientFiles = new ClientFileSource(connection, log, testTimeout ? { findTimeoutMs: testTimeout, requestTimeoutMs: testTimeout } : {});
  new BtslintServer(connection, new DiskFileSource(clientFiles), { output: stdio ? streamOutput(process.stdout) : undefined }).listen();
}

/**
 * A stream's pending writes (stdio). Over VS Code's IPC channel the pending messages are not told
 * (process.channel has no write queue size), so the check does not wait for them there.
 */
function streamOutput(out: NodeJS.WriteStream): Output {
  return { pending: () => out.writableLength > 0 };
}

/**
 * The timing log (BTSLINT_TIMING_LOG=<file>, off by default; ../timing.ts): the server's steps and
 * requests, every time the event loop was held 20 ms or more (a 5 ms timer came late), and garbage
 * collections of 5 ms or more.
 */
function watchTiming(file: string): void {
  setTimingSink((line) => fs.appendFileSync(file, line + '\n'));
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last >= 25) timingNote(`loop held ${(now - last - 5).toFixed(0)} ms since ${stamp(last)}`);
    last = now;
  }, 5).unref();
  const kinds: Record<number, string> = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as { detail?: { kind?: number } }).detail?.kind ?? 0;
      if (e.duration >= 5) timingNote(`gc ${kinds[kind] ?? kind} ${e.duration.toFixed(1)} ms at ${stamp(e.startTime)}`);
    }
  }).observe({ entryTypes: ['gc'] });
}
