// Escaping of repository text for the report formats (HTML page, Markdown summary). Names in a
// topology or a binding file are untrusted: they must not become markup, a link, a CI command
// (`##vso[`, a line-leading `::`) or a terminal escape. Controls are shown visibly (`\x1b`), never kept.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Control characters (C0, DEL, C1, bidirectional controls, line separators) written visibly. */
export function visibleControls(s: string): string {
  return s.replace(CONTROLS, (c) => {
    if (c === '\n' || c === '\r' || c === '\t') return ' ';
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '#': '&#35;' };

/**
 * Text for HTML content or a quoted attribute value. `#` is written `&#35;` and a leading `:` as
 * `&#58;` (the same for a browser), so that a page printed to a CI log (`--format html` without `-o`)
 * carries no `##vso[` and starts no line with `::`.
 */
export function escapeHtml(s: string): string {
  return visibleControls(s)
    .replace(/[&<>"'#]/g, (c) => HTML_ENTITY[c])
    .replace(/^(\s*):/, '$1&#58;');
}

/**
 * Text for one line of Markdown (a table cell, a list item): controls and line breaks made visible or
 * spaces; the characters that make Markdown inline syntax backslash-escaped (so `##vso[` becomes
 * `\#\#vso\[`, which no agent acts on, and no name can make a link, an image, HTML or a table cell;
 * the text never starts a line, so the line-leading syntax (`-`, `1.`, `::`) needs nothing),
 * `<`, `>` and `&` as entities.
 */
export function escapeMarkdown(s: string): string {
  return visibleControls(s)
    .replace(/[\\`*_{}[\]#|~!]/g, '\\$&')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
