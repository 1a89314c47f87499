// The one place where URIs become file-system paths and back (as vscode-eslint keeps it in
// `getFileSystemPath`). The server keys its state by `uriKey`, so `file:///c%3A/x.xml` (VS Code's
// spelling), `file:///C:/x.xml` (Neovim's) and `file:///C:/X.XML` name the same file on Windows.

import * as path from 'path';

export type Platform = 'win32' | 'posix';

const here: Platform = process.platform === 'win32' ? 'win32' : 'posix';

/** The file-system path of a `file:` URI, or undefined for other schemes (untitled:, git:, ...). */
export function uriToPath(uri: string, platform: Platform = here): string | undefined {
  // Whatever the client sends: a malformed URI (not a string, bad percent-encoding, a NUL) is no path.
  if (typeof uri !== 'string') return undefined;
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return undefined;
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

/** Percent-encodes a path component the way VS Code's URI does (unreserved characters and '/' stay). */
function encodePath(p: string): string {
  let out = '';
  for (const ch of p) {
    if (/[A-Za-z0-9\-._~/]/.test(ch)) out += ch;
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** The `file:` URI of a path, spelled as VS Code spells it (lower-case drive letter, `%3A`). */
export function pathToUri(fsPath: string, platform: Platform = here): string {
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

/** The key that identifies a file whatever the URI's spelling (case-insensitive on Windows). */
export function uriKey(uri: string, platform: Platform = here): string {
  const p = uriToPath(uri, platform);
  if (p === undefined) return uri;
  return platform === 'win32' ? p.toLowerCase() : p;
}

/** Key of a file-system path (same normalisation as uriKey). */
export function pathKey(fsPath: string, platform: Platform = here): string {
  return platform === 'win32' ? fsPath.toLowerCase() : fsPath;
}

/** Whether `child` is `parent` or inside it (both file-system paths). */
export function isInside(child: string, parent: string, platform: Platform = here): boolean {
  const c = pathKey(child, platform);
  const p = pathKey(parent, platform).replace(/[\\/]+$/, '');
  const sep = platform === 'win32' ? '\\' : '/';
  return c === p || c.startsWith(p + sep);
}

/** The file name of a URI, for messages and hover text. */
export function baseName(uri: string): string {
  const p = uriToPath(uri);
  return p ? path.basename(p) : uri.replace(/^.*\//, '');
}
