// Document symbols (the outline): for a binding file, receive ports with their receive locations
// and the send ports, each with adapter and host as detail; for a topology, its sections and their
// named items (hosts by name, volumes by drive), recursively; for a configuration export, its
// databases with their servers.

import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { BtsDocument, OffsetRange } from '../../core';
import type { LNode } from '../../core/readers/yamlNode';
import type { Transport } from '../../core/readers/binding';

function transportDetail(t: Transport | undefined): string {
  if (!t) return '';
  const parts = [t.adapter?.value, t.host?.value ? `host ${t.host.value}` : undefined].filter(Boolean);
  return parts.join(' · ');
}

function sym(doc: BtsDocument, name: string, kind: SymbolKind, range: OffsetRange, selection: OffsetRange, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const r = doc.lines().range(range);
  let s = doc.lines().range(selection);
  // The selection must lie inside the range.
  if (selection.start < range.start || selection.end > range.end) s = { start: r.start, end: r.start };
  return { name: name || '(unnamed)', kind, range: r, selectionRange: s, detail: detail || undefined, children };
}

function bindingSymbols(doc: BtsDocument): DocumentSymbol[] {
  const b = doc.binding!;
  const out: DocumentSymbol[] = [];
  for (const rp of b.receivePorts) {
    const locs = rp.locations.map((rl) => sym(doc, rl.name, SymbolKind.Event, { start: rl.element.start, end: rl.element.end }, rl.nameRange, transportDetail(rl.transport)));
    out.push(sym(doc, rp.name, SymbolKind.Interface, { start: rp.element.start, end: rp.element.end }, rp.nameRange, `receive port${rp.isTwoWay ? ' (two-way)' : ''}, ${rp.locations.length} location(s)`, locs));
  }
  for (const sp of b.sendPorts) {
    const detail = sp.isStatic ? transportDetail(sp.primary) : 'dynamic';
    out.push(sym(doc, sp.name, SymbolKind.Function, { start: sp.element.start, end: sp.element.end }, sp.nameRange, `send port${detail ? ', ' + detail : ''}`));
  }
  // In document order (binding files list send ports before receive ports), as editors show outlines.
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function itemName(item: LNode, index: number): string {
  return item.get('name')?.str ?? item.get('drive')?.str ?? item.str ?? `[${index}]`;
}

function yamlSymbols(doc: BtsDocument, node: LNode, depth: number): DocumentSymbol[] {
  if (depth > 12) return [];
  const out: DocumentSymbol[] = [];
  if (node.isMap) {
    for (const [key, child] of node.entries()) {
      const kind = child.isMap ? SymbolKind.Module : child.isSeq ? SymbolKind.Array : typeof child.value === 'boolean' ? SymbolKind.Boolean : typeof child.value === 'number' ? SymbolKind.Number : SymbolKind.Property;
      const detail = child.isSeq ? `${child.items().length} item(s)` : child.isMap ? undefined : child.value === undefined ? undefined : typeof child.value === 'string' ? child.value : JSON.stringify(child.value);
      out.push(sym(doc, key, kind, child.entryRange, child.keyRange, detail, child.isMap || child.isSeq ? yamlSymbols(doc, child, depth + 1) : undefined));
    }
  } else if (node.isSeq) {
    node.items().forEach((item, i) => {
      if (!item.isMap) return; // scalar lists are summarised by their key's detail
      const nameNode = item.get('name') ?? item.get('drive');
      out.push(sym(doc, itemName(item, i), SymbolKind.Object, item.range, nameNode ? nameNode.range : item.range, undefined, yamlSymbols(doc, item, depth + 1)));
    });
  }
  return out;
}

function exportSymbols(doc: BtsDocument): DocumentSymbol[] {
  return doc.configExport!.databases.map((d) =>
    sym(doc, d.displayName || d.role, SymbolKind.Field, { start: d.element.start, end: d.element.end }, d.databaseRange, [d.rawDatabase, d.rawServer && `on ${d.rawServer}`].filter(Boolean).join(' ')),
  );
}

/**
 * Per document version (a BtsDocument is one version): editors ask for the outline again and again
 * (outline view, breadcrumbs, sticky scroll), and a 15 MB binding's takes tens of milliseconds. The
 * result is never changed by a caller (the server maps copies of it, routing.ts).
 */
const cache = new WeakMap<BtsDocument, DocumentSymbol[]>();

export function documentSymbols(doc: BtsDocument): DocumentSymbol[] {
  let out = cache.get(doc);
  if (!out) cache.set(doc, (out = computeSymbols(doc)));
  return out;
}

function computeSymbols(doc: BtsDocument): DocumentSymbol[] {
  if (doc.binding) return bindingSymbols(doc);
  if (doc.topology && doc.topology.root.isMap) return yamlSymbols(doc, doc.topology.root, 0);
  if (doc.configExport) return exportSymbols(doc);
  return [];
}
