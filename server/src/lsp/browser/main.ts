// The browser entry of the language server (dist/browser/server.js): VS Code for the web (github.dev,
// vscode.dev) runs it in a web worker, started by the web client (client/src/browser.ts). The shared
// server (../server.ts) reads every file the user has not opened through the client
// (../clientFiles.ts: workspace.findFiles and workspace.fs, with timeouts and the size limit), and
// links rule pages to the copies inside the extension (initializationOptions.extensionUri).
// No Node module is reachable from here: `npm run build` typechecks this entry with the WebWorker
// library and no Node types (tsconfig.browser.json), and the bundle is built for the browser.

import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { ClientFileSource } from '../clientFiles';
import { whySection } from '../../host/ruleWhy';
import { docsUnder, setDocsUrl } from '../docs';

/** The rule pages (docs/rules/<id>.md, by id), put in the bundle by scripts/bundle.js: the hover's "Why it matters". */
declare const BTSLINT_RULE_PAGES: Record<string, string>;
import { BtslintServer } from '../server';

const worker = self as unknown as DedicatedWorkerGlobalScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
const log = (m: string) => {
  try {
    connection.console.info(m);
  } catch {
    // the connection is gone
  }
};
worker.addEventListener('unhandledrejection', (e) => log(`btslint: unhandled rejection: ${(e.reason as Error)?.stack ?? String(e.reason)}`));
new BtslintServer(connection, new ClientFileSource(connection, log), {
  initialize(params) {
    const base = (params.initializationOptions as { extensionUri?: unknown } | undefined)?.extensionUri;
    if (typeof base !== 'string') return;
    const url = docsUnder(base);
    const pages: Record<string, string> = typeof BTSLINT_RULE_PAGES === 'object' ? BTSLINT_RULE_PAGES : {};
    const whys = new Map<string, string | undefined>();
    setDocsUrl(url, (id) => {
      if (!whys.has(id)) whys.set(id, Object.prototype.hasOwnProperty.call(pages, id) ? whySection(pages[id], url(id)) : undefined);
      return whys.get(id);
    });
  },
}).listen();
