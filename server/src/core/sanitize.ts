// The one sanitiser for text that comes from the repository (names in binding files and topologies,
// file names, config values) on its way to a terminal, a CI log or a report. Every output format and
// every stderr line goes through it:
//   - `safeText`: C0 (but tab) and C1 controls, DEL and ESC are escaped visibly (`\x1b`, `\r`, `\u009b`), as are
//     the Unicode bidirectional controls (a "Trojan source" name); `##vso[` (which the Azure Pipelines
//     agent acts on anywhere in a line) and `##[` become `#\#vso[` and `#\#[`; a `::` that would start a
//     line (GitHub Actions acts on a line that starts with it) becomes `:\:`; text longer than `max`
//     is cut with a note of how much was left out (a 3 MB element name stays a few kilobytes);
//   - `safeJson`: a JSON document (JSON and SARIF output) with `#` of `##vso[` / `##[` written as
//     `\u0023` and C1 controls as `\u0080`..`\u009f` escapes: the same data for a JSON reader, nothing
//     for a log scanner to act on;
//   - `escapeMarkdown`: text shown as Markdown (hovers): every character that makes a link, an image,
//     emphasis, a code span or HTML inside a line is escaped, so a name cannot load a remote image.

/** The longest piece of repository text printed as is (a message, a path, a name). */
export const MAX_TEXT = 2000;

const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\t': '\\t', '\u001b': '\\x1b' };

function escapeControl(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Cuts `s` to `max` characters (not inside a surrogate pair) with a note of what was left out. */
export function truncate(s: string, max = MAX_TEXT): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}… (${(s.length - end).toLocaleString('en-US')} more characters)`;
}

/**
 * Repository text made safe to print on one line of a terminal or a CI log (see the header).
 */
export function safeText(s: string, max = MAX_TEXT): string {
  let out = truncate(s, max);
  if (CONTROLS.test(out)) out = out.replace(CONTROLS, escapeControl);
  CONTROLS.lastIndex = 0;
  return neutraliseCommands(out);
}

/** `##vso[`, `##[` anywhere and a line-leading `::` made inert for CI agents, visibly. */
export function neutraliseCommands(s: string): string {
  let out = s;
  if (out.includes('##')) out = out.replace(/##(vso\[|\[)/gi, '#\\#$1');
  if (/^\s*::/.test(out)) out = out.replace(/^(\s*):/, '$1:\\');
  return out;
}

/** A JSON text (JSON or SARIF output) with nothing a CI log scanner or a terminal acts on (see the header). */
export function safeJson(json: string): string {
  // `#` only occurs inside strings in JSON, so the \u0023 escape reads back as the same string.
  let out = json.includes('##') ? json.replace(/##(vso\[|\[)/gi, '\\u0023\\u0023$1') : json;
  // JSON.stringify escapes C0 controls but leaves C1 controls and the bidi controls as they are.
  out = out.replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return out;
}

/** Text escaped for Markdown: no link, image, emphasis, HTML or code span can come from it. */
export function escapeMarkdown(s: string): string {
  // The characters that make a link, an image, emphasis, a code span, a table cell or HTML anywhere in a
  // line (the hovers never start a line with a name, so list and heading markers need no escape).
  return safeText(s).replace(/[\\`*_[\]()!|<>~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}

/** Multi-line text (an error's stack, a usage message): each line made safe on its own, the line breaks kept. */
export function safeLines(s: string, max = 20 * MAX_TEXT): string {
  return truncate(s, max)
    .split(/\r?\n/)
    .map((l) => safeText(l))
    .join('\n');
}
