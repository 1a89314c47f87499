// Where a finding's rule page is, for the shared server (diagnostics' codeDescription, hovers, the
// "Show documentation" action). The entry says how to link: the Node entry to the installed
// docs/rules as a file: URL (host/docs.ts), the browser entry to the pages inside the extension
// (its URI, from the client). Set once at start-up, as the install location is one per process.
// No Node module here: this file runs in the browser's web worker too.

import { docsPath } from '../core';

let link: ((id: string) => string) | undefined;
let why: ((id: string) => string | undefined) | undefined;

/** The entry's way to link a rule page, and to read its "Why it matters" section (the hover over a finding). */
export function setDocsUrl(f: (id: string) => string, whyOf?: (id: string) => string | undefined): void {
  link = f;
  why = whyOf;
}

/** The "Why it matters" section of a rule's page (host/ruleWhy.ts), or undefined (no entry gave a way). */
export function ruleWhy(id: string): string | undefined {
  return why?.(id);
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
