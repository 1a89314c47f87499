// Where the rule pages are: docs/rules/<id>.md shipped with btslint (the npm package and the VS Code
// extension both hold them). The core only knows the page's path inside the package (docsPath); the
// shells link each finding to the installed page as a file: URL, which opens wherever btslint runs
// (there is no public web home to link to). In VS Code the page opens in a Markdown preview.

import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { docsPath } from '../core';
import { whySection } from './ruleWhy';

let root: string | undefined;

/**
 * The folder btslint is installed in: the nearest one above this file whose package.json is
 * btslint's (out/server/src/host/ in a clone or the npm package, dist/ in the extension's bundle).
 */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = __dirname; ; ) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'btslint' && fs.existsSync(path.join(dir, 'docs', 'rules'))) return (root = dir);
    } catch {
      // no package.json here (or not JSON): keep going up
    }
    const up = path.dirname(dir);
    if (up === dir) return (root = path.resolve(__dirname, '..', '..', '..', '..'));
    dir = up;
  }
}

/** The installed rule page of `id`, as a file: URL. */
export function docsUrl(id: string): string {
  return pathToFileURL(path.join(packageRoot(), ...docsPath(id).split('/'))).href;
}

/** The installed README (what btslint is), as a file: URL: SARIF's informationUri. */
export function readmeUrl(): string {
  return pathToFileURL(path.join(packageRoot(), 'README.md')).href;
}

const whyCache = new Map<string, string | undefined>();

/**
 * The "Why it matters" section of a rule's page: the why, Microsoft's words and the page they come
 * from. The page is the one source of truth for them (test/meta.test.ts requires the section); the
 * hover over a finding shows it, its relative links made absolute. Undefined when there is no page.
 */
export function ruleWhy(id: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(id)) return undefined;
  if (whyCache.has(id)) return whyCache.get(id);
  let why: string | undefined;
  try {
    const page = fs.readFileSync(path.join(packageRoot(), ...docsPath(id).split('/')), 'utf8');
    why = whySection(page, docsUrl(id));
  } catch {
    why = undefined; // no page (a rule without docs is a meta-test failure, not a hover's)
  }
  whyCache.set(id, why);
  return why;
}
