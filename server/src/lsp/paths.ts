// The one place where URIs become paths and back (as vscode-eslint keeps it in
// `getFileSystemPath`). The server keys its state by `uriKey`, a canonical spelling of the URI, so
// `file:///c%3A/x.xml` (VS Code's spelling), `file:///C:/x.xml` (Neovim's) and `file:///C:/X.XML` name
// the same file on Windows.
//
// The core's config discovery and globs work on paths. A `file:` URI's path is its file-system path;
// any other hierarchical URI (`vscode-vfs://github/owner/repo/a.xml` on github.dev,
// `vscode-test-web://mount/a.xml`, `vscode-remote://...`) gets a *virtual path* that keeps its scheme
// and authority and that no file-system path can be: `vscode-vfs:/@github/owner/repo/a.xml` (the
// authority percent-encoded after `@`). Virtual paths are POSIX-like and case-sensitive on every
// platform; they are never handed to the file system (the client reads them: fileSource.ts).
// No Node module here: this file runs in the browser's web worker too.

export type Platform = 'win32' | 'posix';

/** This process's platform: Node's `process.platform`; a web worker has no `process` and no Windows paths. */
const here: Platform = (globalThis as { process?: { platform?: string } }).process?.platform === 'win32' ? 'win32' : 'posix';

/** `scheme:/@authority/path`: a virtual path (a scheme of 2+ letters: `c:/` is a drive). */
const VIRTUAL_PATH = /^([a-z][a-z0-9+.-]+):\/@([^/]*)(\/.*)?$/;
/** A hierarchical URI other than `file:` (`scheme://authority/path`). */
const OTHER_URI = /^([a-zA-Z][a-zA-Z0-9+.-]+):\/\/([^/?#]*)([^?#]*)$/;

/** Whether a path is a virtual path (the path of a URI other than `file:`). */
export function isVirtualPath(p: string): boolean {
  return VIRTUAL_PATH.test(p);
}

/**
 * The path of a URI: the file-system path of a `file:` URI, the virtual path of another hierarchical
 * URI, or undefined (untitled:, a malformed URI).
 */
export function uriToPath(uri: string, platform: Platform = here): string | undefined {
  // Whatever the client sends: a malformed URI (not a string, bad percent-encoding, a NUL) is no path.
  if (typeof uri !== 'string') return undefined;
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return virtualPathOf(uri);
  let authority: string;
  let p: string;
  try {
    authority = decodeURIComponent(m[1]);
    p = decodeURIComponent(m[2] ?? '/');
  } catch {
    return undefined;
  }
  if (p.includes('\0') || authority.includes('\0')) return undefined;
  if (platform === 'win32') {
    // /c:/x -> c:\x ; //server/share (UNC) when the URI has an authority.
    if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1);
    p = p.replace(/\//g, '\\');
    if (/^[a-z]:/.test(p)) p = p[0].toUpperCase() + p.slice(1);
    return authority && authority !== 'localhost' ? `\\\\${authority}${p}` : p;
  }
  return authority && authority !== 'localhost' ? `//${authority}${p}` : p;
}

function virtualPathOf(uri: string): string | undefined {
  const m = OTHER_URI.exec(uri);
  if (!m || m[1].length < 2 || m[1].toLowerCase() === 'file') return undefined;
  let authority: string;
  let p: string;
  try {
    authority = decodeURIComponent(m[2]);
    p = decodeURIComponent(m[3] || '/');
  } catch {
    return undefined;
  }
  if (p.includes('\0') || authority.includes('\0') || p.includes('\\') || !p.startsWith('/')) return undefined;
  // `.` and `..` segments never reach the state: a URI names one file.
  if (p.split('/').some((s) => s === '.' || s === '..')) return undefined;
  return `${m[1].toLowerCase()}:/@${encodeURIComponent(authority)}${p}`;
}

/** Percent-encodes a path component the way VS Code's URI does (unreserved characters and '/' stay). */
function encodePath(p: string): string {
  if (/^[A-Za-z0-9\-._~/]*$/.test(p)) return p; // the common case: nothing to encode
  let out = '';
  for (const ch of p) {
    if (/[A-Za-z0-9\-._~/]/.test(ch)) out += ch;
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** The URI of a path, spelled as VS Code spells it (`file:`: lower-case drive letter, `%3A`). */
export function pathToUri(fsPath: string, platform: Platform = here): string {
  const v = VIRTUAL_PATH.exec(fsPath);
  if (v) return `${v[1]}://${encodePath(decodeURIComponent(v[2])).replace(/%3A/g, ':')}${encodePath(v[3] ?? '/')}`;
  let p = fsPath;
  let authority = '';
  if (platform === 'win32') {
    p = p.replace(/\\/g, '/');
    if (p.startsWith('//')) {
      const i = p.indexOf('/', 2);
      authority = i < 0 ? p.slice(2) : p.slice(2, i);
      p = i < 0 ? '/' : p.slice(i);
    } else if (!p.startsWith('/')) p = '/' + p;
    if (/^\/[A-Za-z]:/.test(p)) p = '/' + p[1].toLowerCase() + p.slice(2);
  }
  return `file://${encodePath(authority).replace(/\//g, '%2F')}${encodePath(p)}`;
}

/**
 * The key that identifies a file whatever the URI's spelling: a canonical URI (its path
 * case-insensitive on Windows for `file:`). The state is keyed by it; a URI with no path is its own key.
 */
export function uriKey(uri: string, platform: Platform = here): string {
  const p = uriToPath(uri, platform);
  if (p === undefined) return uri;
  return pathKey(p, platform);
}

/** Key of a path (the same canonical URI as uriKey). */
export function pathKey(fsPath: string, platform: Platform = here): string {
  if (platform === 'win32' && !isVirtualPath(fsPath)) return pathToUri(fsPath.toLowerCase(), platform);
  return pathToUri(fsPath, platform);
}

/** Whether `child` is `parent` or inside it (both paths of one kind: file-system, or virtual). */
export function isInside(child: string, parent: string, platform: Platform = here): boolean {
  const virtual = isVirtualPath(child);
  if (virtual !== isVirtualPath(parent)) return false;
  const win = platform === 'win32' && !virtual;
  const norm = (s: string) => (win ? s.toLowerCase() : s);
  const c = norm(child);
  const p = norm(parent).replace(/[\\/]+$/, '');
  const sep = win ? '\\' : '/';
  return c === p || c.startsWith(p + sep);
}

/** The file name of a URI, for messages and hover text. */
export function baseName(uri: string): string {
  const p = uriToPath(uri);
  return (p ?? uri).replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '');
}
