// btslint's lint configuration (`npm run lint`; CI runs it after `npm test`).
//
// TypeScript (server, client, tests, bench) is linted with typescript-eslint's type-aware
// `recommendedTypeChecked` set against tsconfig.json, so rules such as no-floating-promises see the
// types: an un-awaited promise in the language server is a lost error or a race, never a style issue.
// The plain JavaScript (scripts/, bench/, server/bin, test/e2e) gets ESLint's recommended set.
// Adjustments are listed with their reason; a rule that does not fit one line of code is not disabled
// there with a comment but here, for the files where it does not apply.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**', 'out/**', 'dist/**', '.e2e/**', 'test-output/**',
      // Written by scripts/gen-validators.js from schemas/ (ajv standalone code): not ours to style.
      'server/src/core/generated/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The language server and the CLI must not drop a rejected promise: keep the defaults
      // (no-floating-promises, no-misused-promises) as errors, and say it out loud here.
      // node:test's describe/it/test return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] }],
      }],
      '@typescript-eslint/no-misused-promises': 'error',
      // `_name` marks an argument a signature requires but the body does not use (as noUnusedParameters).
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_',
        destructuredArrayIgnorePattern: '^_',
      }],
      // Sources (core/init) prints as its file list: its toString() is its display form.
      '@typescript-eslint/restrict-template-expressions': ['error', {
        allow: [{ from: 'lib', name: ['Error', 'URL', 'URLSearchParams'] }, { from: 'file', name: 'Sources', path: 'server/src/core/init/index.ts' }],
      }],
    },
  },
  // Control characters in a pattern are the point where btslint strips terminal escapes and C0/C1
  // controls from untrusted text (and where tests assert that none reach the output).
  {
    files: ['server/src/core/sanitize.ts', 'server/src/core/document.ts', 'server/src/core/init/emit.ts', 'test/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // Tests read what the CLI and the server print (JSON.parse, LSP payloads) and assert on it: an
    // unexpected shape fails the assertion, so typing every payload would add casts, not safety.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // LSP Diagnostic.message is typed string | MarkupContent; btslint's are strings, and in a test a
      // template literal is an assertion's failure message, not output anyone relies on.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Tests capture and restore process.stderr.write and the like.
      '@typescript-eslint/unbound-method': 'off',
      // Tests load the repository's JavaScript scripts and platform packages by a computed path, and
      // robustness/probe.ts and inject.ts (preloaded with node -r) patch what require() returns.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }] },
  },
  { files: ['**/*.mjs'], languageOptions: { globals: { ...globals.node } } },
  // The extension tests run under mocha inside VS Code; ui-check.js hands functions to the browser page.
  { files: ['test/e2e/suite/**/*.js'], languageOptions: { globals: { ...globals.mocha } } },
  { files: ['test/e2e/ui-check.js', 'test/e2e/ui-lib.js'], languageOptions: { globals: { ...globals.browser } } },
);
