// A small glob matcher for the config file's include, exclude and topologies patterns.
// Patterns are relative to the config file's folder and use `/` (a `\` is read as `/`, so patterns
// written on Windows work everywhere). Matching is case-insensitive, as names are on Windows.
//
//   *        any characters except `/`          **      any number of folders (also none)
//   ?        one character except `/`           {a,b}   either alternative (may nest)
//
// Like .gitignore: a pattern without a `/` matches a file or folder name at any depth (`*.bak.xml`,
// `legacy`), and a pattern that matches a folder matches everything inside it (`src/legacy`).

export interface Glob {
  pattern: string;
  test(relativePath: string): boolean;
}

const cache = new Map<string, RegExp>();

/** Normalises a pattern: forward slashes, no leading `./` or `/`, no trailing `/`. */
export function normalizePattern(pattern: string): string {
  let p = pattern.trim().replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  p = p.replace(/^\/+/, '').replace(/\/+$/, '');
  return p;
}

export function compileGlob(pattern: string): Glob {
  const p = normalizePattern(pattern);
  let re = cache.get(p);
  if (!re) {
    const anywhere = !p.includes('/');
    re = new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${translate(p)}(?:/.*)?$`, 'i');
    cache.set(p, re);
  }
  const r = re;
  return { pattern, test: (rel: string) => r.test(rel.replace(/\\/g, '/').replace(/^\.\//, '')) };
}

/** Whether a relative path matches any of the patterns. */
export function matchesAny(patterns: string[], relativePath: string): boolean {
  return patterns.some((p) => compileGlob(p).test(relativePath));
}

/** The leading part of a pattern without glob characters (where a walk for it can start). */
export function globBase(pattern: string): { base: string; rest: string } {
  const segs = normalizePattern(pattern).split('/');
  let i = 0;
  while (i < segs.length - 1 && !/[*?{}]/.test(segs[i])) i++;
  if (i === segs.length - 1 && !/[*?{}]/.test(segs[i])) return { base: segs.slice(0, -1).join('/'), rest: segs[i] };
  return { base: segs.slice(0, i).join('/'), rest: segs.slice(i).join('/') };
}

/** Translates a glob to a regular-expression source (no anchors). */
function translate(p: string): string {
  let out = '';
  let i = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        const atStart = i === 0 || p[i - 1] === '/';
        const slashAfter = p[i + 2] === '/';
        const atEnd = i + 2 === p.length;
        if (atStart && slashAfter) {
          out += '(?:[^/]*/)*';
          i += 3;
          continue;
        }
        if (atStart && atEnd) {
          out += '.*';
          i += 2;
          continue;
        }
        out += '.*';
        i += 2;
        continue;
      }
      out += '[^/]*';
      i++;
      continue;
    }
    if (c === '?') {
      out += '[^/]';
      i++;
      continue;
    }
    if (c === '{') {
      const close = matchingBrace(p, i);
      if (close > i) {
        const alts = splitTopLevel(p.slice(i + 1, close));
        out += `(?:${alts.map(translate).join('|')})`;
        i = close + 1;
        continue;
      }
    }
    out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    i++;
  }
  return out;
}

function matchingBrace(p: string, open: number): number {
  let depth = 0;
  for (let k = open; k < p.length; k++) {
    if (p[k] === '{') depth++;
    else if (p[k] === '}' && --depth === 0) return k;
  }
  return -1;
}

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
