// Path arithmetic for config discovery without Node's `path` module (the core runs in a web worker
// too). Paths are the strings the shells pass in: Windows (`C:\a\b`, `\\server\share\a`) or POSIX
// (`/a/b`). Both separators are accepted; results keep the separator the input used.

/** The separator a path uses (a backslash wins when it has any). */
export function separatorOf(p: string): '/' | '\\' {
  return p.includes('\\') ? '\\' : '/';
}

/** The folder that holds `p` (`C:\a\b.xml` -> `C:\a`); a root returns itself. */
export function dirnameOf(p: string): string {
  const trimmed = stripTrailingSeparator(p);
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (i < 0) return '.';
  const head = trimmed.slice(0, i);
  // `/a` -> `/`, `C:\a` -> `C:\`, `\\server\share\a` -> `\\server\share`.
  if (head === '' ) return trimmed.slice(0, 1);
  if (/^[A-Za-z]:$/.test(head)) return head + trimmed[i];
  if (/^[\\/]{2}[^\\/]+$/.test(head)) return trimmed; // `\\server` alone is not a folder to go up to
  return head;
}

export function basenameOf(p: string): string {
  const trimmed = stripTrailingSeparator(p);
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}

export function joinPath(dir: string, name: string): string {
  const sep = separatorOf(dir);
  return /[\\/]$/.test(dir) ? dir + name : dir + sep + name;
}

function stripTrailingSeparator(p: string): string {
  if (p.length <= 1) return p;
  if (/^[A-Za-z]:[\\/]$/.test(p)) return p;
  return p.replace(/[\\/]+$/, '') || p.slice(0, 1);
}

/** Forward slashes, no `.` segments, `..` resolved where possible. */
export function normalizeSlashes(p: string): string {
  const abs = /^[\\/]/.test(p) ? '/' : '';
  const out: string[] = [];
  for (const seg of p.split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return abs + out.join('/');
}

/**
 * `file` relative to `dir`, with forward slashes, when `file` is inside `dir` (`bindings/a.xml`);
 * undefined when it is not. Compared case-insensitively, as Windows does.
 */
export function relativeInside(dir: string, file: string): string | undefined {
  const d = normalizeSlashes(dir);
  const f = normalizeSlashes(file);
  if (d === '' || d === '.') return f;
  const dl = d.toLowerCase();
  const fl = f.toLowerCase();
  if (fl === dl) return '';
  const prefix = dl.endsWith('/') ? dl : dl + '/';
  return fl.startsWith(prefix) ? f.slice(prefix.length) : undefined;
}

/** `file` relative to `dir` with forward slashes, using `..` when it is outside. */
export function relativePath(dir: string, file: string): string {
  const d = normalizeSlashes(dir).split('/').filter(Boolean);
  const f = normalizeSlashes(file).split('/').filter(Boolean);
  let i = 0;
  while (i < d.length && i < f.length && d[i].toLowerCase() === f[i].toLowerCase()) i++;
  if (i === 0 && d.length && f.length && /^[A-Za-z]:$/.test(d[0]) && d[0].toLowerCase() !== f[0].toLowerCase()) return normalizeSlashes(file);
  return [...d.slice(i).map(() => '..'), ...f.slice(i)].join('/');
}

/**
 * The one resolution of a path written in a config file (a `topologies` glob's base, an
 * `environments.<env>.topology`): `relative` against the config file's folder `dir`, `.` and `..`
 * resolved, never above the root of `dir`'s drive or share. Every config-relative path goes through
 * here, so that where such a path may point is decided in one place.
 */
export function resolveConfigPath(dir: string, relative: string): string {
  const sep = separatorOf(dir);
  const absolute = /^([A-Za-z]:)?[\\/]/.test(relative);
  const joined = absolute ? relative : joinPath(dir, relative);
  // The root: `\\server\share\`, `C:\`, `C:` or `/`; the rest is resolved segment by segment.
  const m = /^(?:[\\/]{2}[^\\/]+[\\/][^\\/]+|[A-Za-z]:[\\/]?|[\\/])/.exec(joined);
  const root = m ? m[0] : '';
  const out: string[] = [];
  for (const seg of joined.slice(root.length).split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!root) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const head = root.replace(/[\\/]/g, sep);
  return head + (head && !/[\\/]$/.test(head) && out.length ? sep : '') + out.join(sep) || '.';
}

/** A folder's key for comparisons: forward slashes, no trailing slash, lower case (as Windows compares). */
export function folderKey(p: string): string {
  return normalizeSlashes(p).toLowerCase();
}
