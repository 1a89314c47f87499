// Where a finding's rule page is, for the shared server (diagnostics' codeDescription, hovers, the
// "Show documentation" action). The entry says how to link: the Node entry to the installed
// docs/rules as a file: URL (host/docs.ts), the browser entry to the pages inside the extension
// (its URI, from the client). Set once at start-up, as the install location is one per process.
// No Node module here: this file runs in the browser's web worker too.

import { docsPath } from '../core';

let link: ((id: string) => string) | undefined;

/** The entry's way to link a rule page. */
export function setDocsUrl(f: (id: string) => string): void {
  link = f;
}

/** The rule page of `id`; before an entry set one, its path inside the package (docs/rules/<id>.md). */
export function docsUrl(id: string): string {
  return link ? link(id) : docsPath(id);
}

/** Rule pages under a base URI (the extension's folder): `<base>/docs/rules/<id>.md`. */
export function docsUnder(base: string): (id: string) => string {
  const b = base.replace(/\/+$/, '');
  return (id) => `${b}/${docsPath(id)}`;
}
