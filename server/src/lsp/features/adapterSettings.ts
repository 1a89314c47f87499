// The escaped adapter settings in the editor (the core's adapterSettings.ts at the LSP edge): a hover
// with the decoded settings as a table, a CodeLens "Open adapter settings" per transport, the view
// (decoded, indented, with btslint's diagnostics mapped into it: `btslint/adapterSettings`) and the
// way back (`btslint/applyAdapterSettings`: the edit that writes an edited view into the binding).

import { CodeLens, Diagnostic, Hover, MarkupKind } from 'vscode-languageserver';
import { BtsDocument, Finding, LineIndex } from '../../core';
import { renderSettings, SettingsBlock, settingsBlockAt, settingsBlocks, settingsEdit } from '../../core/adapterSettings';
import type { AdapterSetting } from '../../core/readers/binding';
import { DocLookup, toDiagnostic } from '../convert';
import { inElementNamed } from './locate';
import { AdapterSettingsResult, ApplyAdapterSettingsResult, OPEN_ADAPTER_SETTINGS_COMMAND } from '../protocol';

/** Rows of the hover table at most; the view shows them all. */
const MAX_ROWS = 40;
const MAX_VALUE = 100;

function cell(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  const cut = one.length > MAX_VALUE ? `${one.slice(0, MAX_VALUE)}…` : one;
  if (!cut) return '*(empty)*';
  // A code span cannot hold its own backticks; a table cell cannot hold an unescaped pipe.
  return '`' + cut.replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
}

/** The settings as rows: nested ones (inside AdapterConfig, BindingConfiguration) under their container's name. */
function rows(all: AdapterSetting[]): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const containers: AdapterSetting[] = [];
  for (const s of all) {
    const parent = containers.find((c) => s.elementRange.start > c.elementRange.start && s.elementRange.end <= c.elementRange.end);
    if (parent) {
      out.push({ name: `${parent.name} › ${s.name}`, value: s.value });
      continue;
    }
    // A container: its value is the nested XML, shown by its settings instead.
    if (/^(adapterconfig|bindingconfiguration)$/i.test(s.name) && s.value.includes('<')) {
      containers.push(s);
      continue;
    }
    out.push({ name: s.name, value: s.value });
  }
  return out;
}

/** The elements that hold a transport's escaped settings (readers/binding.ts readTransport). */
const DATA_ELEMENTS = new Set(['TransportTypeData', 'ReceiveLocationTransportTypeData']);

/** The hover on a transport's escaped settings: a table of the decoded settings. */
export function settingsHover(doc: BtsDocument, offset: number): Hover | null {
  // Outside every settings element, the blocks of a new version are not listed (a 15 MB binding's take tens of ms).
  if (!inElementNamed(doc, offset, DATA_ELEMENTS)) return null;
  const block = settingsBlockAt(doc, offset);
  if (!block || offset < block.contentRange.start || offset > block.contentRange.end) return null;
  const settings = block.transport.settings();
  if (!settings) return null;
  const list = rows(settings.all());
  const lines = [`**Adapter settings** of ${block.label}${block.adapter ? ` (${block.adapter})` : ''}: ${list.length} setting(s)`, ''];
  if (list.length) {
    lines.push('| setting | value |', '|---|---|');
    for (const r of list.slice(0, MAX_ROWS)) lines.push(`| ${r.name.replace(/\|/g, '\\|')} | ${cell(r.value)} |`);
    if (list.length > MAX_ROWS) lines.push('', `… and ${list.length - MAX_ROWS} more.`);
  }
  if (settings.errors.length) lines.push('', `The escaped settings are not well formed: ${settings.errors[0].message}`);
  lines.push('', 'Use the "Open adapter settings" lens above the element to read and edit them decoded.');
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: doc.lines().range(block.contentRange) };
}

/** One lens per transport with escaped settings, on its settings element's line. */
export function settingsLenses(doc: BtsDocument): CodeLens[] {
  return settingsBlocks(doc).map((b) => {
    const start = doc.lines().position(b.element.start);
    return {
      range: { start, end: start },
      command: { title: `Open adapter settings${b.adapter ? ` (${b.adapter})` : ''}`, command: OPEN_ADAPTER_SETTINGS_COMMAND, arguments: [doc.uri, b.id] },
    };
  });
}

function blockById(doc: BtsDocument, id: string): SettingsBlock | undefined {
  return settingsBlocks(doc).find((b) => b.id === id);
}

/**
 * The list of blocks (no `id`), or one block's view with the findings of its file that lie in it
 * as diagnostics of the view.
 */
export function adapterSettings(doc: BtsDocument, id: string | undefined, findings: Finding[], docOf: DocLookup): AdapterSettingsResult {
  const blocks = settingsBlocks(doc);
  const list = blocks.map((b) => ({ id: b.id, label: b.label, adapter: b.adapter ?? null, range: doc.lines().range(b.contentRange) }));
  if (id === undefined) return { blocks: list, view: null };
  const block = blocks.find((b) => b.id === id);
  if (!block) return { blocks: list, view: null };
  const view = renderSettings(doc, block);
  const lines = new LineIndex(view.text);
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    if (f.uri !== doc.uri || f.range.start < block.contentRange.start || f.range.end > block.contentRange.end) continue;
    const r = view.mapRange(f.range);
    if (!r) continue;
    const d = toDiagnostic(f, docOf);
    d.range = lines.range(r);
    delete d.relatedInformation;
    diagnostics.push(d);
  }
  return { blocks: list, view: { id: block.id, label: block.label, adapter: block.adapter ?? null, text: view.text, problems: view.problems, diagnostics } };
}

/** The text edit (file offsets) that writes an edited view back, or why it cannot. */
export function applyAdapterSettings(doc: BtsDocument, id: string, text: string, baseText: string | undefined): { problems: string[] } | { edit: { start: number; end: number; newText: string } | null } {
  const block = blockById(doc, id);
  if (!block) return { problems: [`The file no longer has the adapter settings of ${id}.`] };
  if (baseText !== undefined) {
    // The binding changed since the view was read (and the view was edited): writing it would undo that change.
    const current = renderSettings(doc, block).text;
    const norm = (s: string) => s.replace(/\r\n?/g, '\n');
    if (norm(current) !== norm(baseText) && norm(current) !== norm(text)) {
      return { problems: [`The adapter settings of ${block.label} changed in the file since they were opened; open them again.`] };
    }
  }
  return settingsEdit(doc, block, text);
}

export type { AdapterSettingsResult, ApplyAdapterSettingsResult };
