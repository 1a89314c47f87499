// Entry point of the bundled Node server (dist/server.js) that the desktop VS Code extension starts
// over IPC. `btslint lsp` reaches the same startServer() through the CLI. The browser's entry is
// browser/main.ts (dist/browser/server.js, in a web worker).
import { startServer } from './node/start';

startServer();
