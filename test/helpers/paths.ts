// Where the repository, the test fixtures and the shared real-file corpus are, from a compiled test
// (out/test/...) or a source one. The corpus is read in place (../shared/corpus beside the clone) and
// never copied into the repository; only the *.corpus.test.ts files read it (`npm run test:corpus`,
// which says so and fails when it is missing). Every other test uses test/fixtures/ or inline text.

import * as fs from 'fs';
import * as path from 'path';

/**
 * The nearest folder above this file holding btslint's package.json and tsconfig.json (tsc copies
 * package.json into out/, so package.json alone would stop at out/).
 */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'tsconfig.json')) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'btslint') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no btslint package.json above ${__dirname}`);
    dir = up;
  }
}

/** ../shared/corpus beside the repository. */
export function corpusDir(): string {
  const dir = path.join(repoRoot(), '..', 'shared', 'corpus');
  if (!fs.existsSync(path.join(dir, 'SOURCES.md'))) {
    throw new Error(`The real-file corpus is missing: expected ${dir} (with SOURCES.md) beside the repository. CI checks it out as ../shared.`);
  }
  return dir;
}

/** A corpus file by its name in the corpus folder. */
export function corpusFile(name: string): string {
  const p = path.join(corpusDir(), name);
  if (!fs.existsSync(p)) throw new Error(`corpus file not found: ${p}`);
  return p;
}

/** The corpus files btslint is meant to read (everything but the SOURCES.md manifest), sorted. */
export function corpusFiles(): string[] {
  const dir = corpusDir();
  return fs
    .readdirSync(dir)
    .filter((f) => f !== 'SOURCES.md')
    .sort()
    .map((f) => path.join(dir, f));
}

/** test/fixtures/ in the repository: small files written for the tests (no corpus file is copied there). */
export function fixturesDir(): string {
  return path.join(repoRoot(), 'test', 'fixtures');
}

/** A fixture by its path under test/fixtures/, e.g. `bindings/FtpRelay.BindingInfo.xml`. */
export function fixtureFile(name: string): string {
  const p = path.join(fixturesDir(), name);
  if (!fs.existsSync(p)) throw new Error(`fixture not found: ${p}`);
  return p;
}

/** Every fixture file (sorted, recursive), for tests that sweep them all. */
export function fixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !e.name.endsWith('.md')) out.push(p);
    }
  };
  walk(fixturesDir());
  return out.sort();
}
