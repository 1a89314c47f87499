// The "Why it matters" section of a rule's page, from the page's text: no Node module here, so the
// browser's language server (which has the pages in its bundle, not on a disk) reads it the same way
// as host/docs.ts ruleWhy does from the installed page.

/** The section's text, its relative links made absolute against `pageUrl`; undefined when there is none. */
export function whySection(page: string, pageUrl: string): string | undefined {
  const m = /^## Why it matters[ \t]*\r?\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page);
  return m?.[1].trim().replace(/\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+)\)/gi, (_, rel: string) => `](${new URL(rel, pageUrl).href})`) || undefined;
}
