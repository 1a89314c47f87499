// Escaping of repository text for the report formats (HTML page, Markdown summary), on top of the
// one sanitiser (core/sanitize.ts): names in a topology or a binding file are untrusted; they must
// not become markup, a link, a CI command (`##vso[`, a line-leading `::`) or a terminal escape.
// `safeText` shows controls visibly (`\x1b`), neutralises the CI commands and bounds the length;
// these functions then escape what the target syntax gives a meaning to.

import { escapeMarkdown as sanitizeMarkdown, safeText } from '../core/sanitize';

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '#': '&#35;' };

/**
 * Text for HTML content or a quoted attribute value: sanitised, then `& < > " '` as entities; `#` is
 * written `&#35;` (the same for a browser) so that a page printed to a CI log (`--format html` without
 * `-o`) never holds `##` at all.
 */
export function escapeHtml(s: string): string {
  return safeText(s).replace(/[&<>"'#]/g, (c) => HTML_ENTITY[c]);
}

/**
 * Text for one line of Markdown (a table cell, a list item): sanitised, then every character that
 * makes a link, an image, emphasis, a code span, a table cell or HTML inside a line escaped
 * (core/sanitize.ts `escapeMarkdown`). The text never starts a line, so the line-leading syntax
 * (`-`, `1.`, `#`, `::`) needs nothing.
 */
export function escapeMarkdown(s: string): string {
  return sanitizeMarkdown(s);
}
