// The language server (issue 3). Placeholder entry so `btslint lsp` fails clearly until it lands.
export function startServer(): void {
  process.stderr.write('btslint: the language server is not built yet\n');
  process.exit(2);
}
