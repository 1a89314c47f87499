// Where the repository and the shared real-file corpus are, from a compiled test (out/test/...) or a
// source one. The corpus is read in place (../shared/corpus beside the clone) and never copied into
// the repository; when it is missing the tests fail and say so, they do not skip.

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
