// Entry point of the bundled server (dist/server.js) that the VS Code extension starts over IPC.
// `btslint lsp` reaches the same startServer() through the CLI.
import { startServer } from './server';

startServer();
