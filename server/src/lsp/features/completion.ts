// Completion in topology files: the keys the schema allows at the cursor (less those already
// written), enum and boolean values, and names the workspace already knows: host names from the
// bindings for hosts[].name, server names for instances and cluster nodes, SQL servers and database
// names from the configuration exports.

import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver';
import { allRules, BtsDocument, LineIndex } from '../../core';
import { docsUrl } from '../docs';
import { ruleIdSiteAt } from '../../core/suppress/complete';
import { handlers, sqlHost, TopologyView, Workspace, sameName } from '../../core/model/join';
import { DEFAULT_DB_NAME } from '../../core/readers/configExport';
import { topologySchema } from '../../core/readers/topology';
import { cursorContext, CursorContext } from './cursor';
import { allowedValues, ARRAY_ITEM, keyMarkdown, resolve, Schema, schemaAt, Segment, typeLabel, typeOf } from './schema';

type Source = 'hosts' | 'servers' | 'biztalkServers' | 'sqlServers' | 'databases';

/** Paths (items as []) whose values name something the workspace knows. */
const FIXED_SOURCES: Record<string, Source> = {
  'hosts.[].name': 'hosts',
  // Host instances run on BizTalk servers: never a SQL server (nor one a configuration export names).
  'hosts.[].instances.[]': 'biztalkServers',
  'sqlInstances.[].failoverCluster.nodes.[]': 'servers',
  'sqlInstances.[].databases.[].name': 'databases',
};

/** Plus every value the schema types as a server or SQL instance name ($ref serverName / sqlInstanceName). */
function schemaSources(): Record<string, Source> {
  const out: Record<string, Source> = {};
  const walk = (n: unknown, path: string[]) => {
    if (!n || typeof n !== 'object') return;
    const s = n as Schema;
    if (typeof s.$ref === 'string') {
      if (s.$ref.endsWith('/serverName')) out[path.join('.')] = 'servers';
      if (s.$ref.endsWith('/sqlInstanceName')) out[path.join('.')] = 'sqlServers';
    }
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, [...path, k]);
    if (s.items) walk(s.items, [...path, ARRAY_ITEM]);
    for (const b of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(b, path);
  };
  walk(topologySchema(), []);
  return out;
}

let sources: Record<string, Source> | undefined;

function sourceFor(path: Segment[]): Source | undefined {
  sources ??= { ...schemaSources(), ...FIXED_SOURCES };
  return sources[path.map((s) => (/^\d+$/.test(s) ? ARRAY_ITEM : s)).join('.')];
}

interface Known {
  value: string;
  detail: string;
  /** Not yet declared in the topology: listed first. */
  fresh: boolean;
}

function knownValues(src: Source, ws: Workspace, topo: TopologyView | undefined): Known[] {
  const out = new Map<string, Known>();
  const add = (value: string | undefined, detail: string, fresh: boolean) => {
    if (!value || /^<<.*>>$/.test(value)) return;
    const k = value.toLowerCase();
    const prev = out.get(k);
    if (!prev) out.set(k, { value, detail, fresh });
    else prev.fresh &&= fresh;
  };
  switch (src) {
    case 'hosts': {
      const counts = new Map<string, { name: string; n: number }>();
      for (const h of handlers(ws)) {
        if (/\$\{|\$\(/.test(h.hostName)) continue;
        const c = counts.get(h.hostName.toLowerCase()) ?? { name: h.hostName, n: 0 };
        c.n++;
        counts.set(h.hostName.toLowerCase(), c);
      }
      for (const { name, n } of counts.values()) add(name, `host of ${n} handler(s) in the bindings${topo?.findHost(name) ? '' : ', not declared yet'}`, !topo?.findHost(name));
      break;
    }
    case 'servers':
      if (topo) {
        for (const s of topo.servers()) add(s.get('name')?.str, 'declared under servers', false);
        for (const h of topo.hosts()) for (const i of h.get('instances')?.strings() ?? []) add(i.str, `runs an instance of host ${h.get('name')?.str ?? '?'}`, !topo.findServer(i.str));
        for (const inst of topo.sqlInstances()) for (const n of inst.get('failoverCluster')?.get('nodes')?.strings() ?? []) add(n.str, `node of SQL instance ${inst.get('name')?.str ?? '?'}`, !topo.findServer(n.str));
      }
      for (const e of ws.configExports) for (const d of e.configExport!.databases) if (d.server) add(sqlHost(d.server).toUpperCase(), `SQL server of ${d.displayName} (configuration export)`, !topo?.findServer(sqlHost(d.server)));
      break;
    case 'biztalkServers':
      if (topo) {
        const roles = (sv: ReturnType<TopologyView['servers']>[number]) => (sv.get('roles')?.strings() ?? []).map((r) => (r.str ?? '').toLowerCase());
        for (const sv of topo.servers()) {
          const r = roles(sv);
          if (!r.length || r.includes('biztalk')) add(sv.get('name')?.str, 'BizTalk server declared under servers', false);
        }
        for (const h of topo.hosts()) {
          for (const i of h.get('instances')?.strings() ?? []) {
            const sv = topo.findServer(i.str);
            if (!sv || !roles(sv).length || roles(sv).includes('biztalk')) add(i.str, `runs an instance of host ${h.get('name')?.str ?? '?'}`, !sv);
          }
        }
      }
      break;
    case 'sqlServers':
      for (const e of ws.configExports) for (const d of e.configExport!.databases) if (d.server) add(d.server, `holds ${d.database ?? d.displayName} (configuration export)`, !topo?.findInstance(d.server));
      if (topo) for (const i of topo.sqlInstances()) add(i.get('name')?.str, 'declared under sqlInstances', false);
      break;
    case 'databases': {
      const declared = (n: string) => !!topo?.sqlInstances().some((i) => (i.get('databases')?.items() ?? []).some((d) => sameName(d.get('name')?.str, n)));
      for (const e of ws.configExports) for (const d of e.configExport!.databases) add(d.database, `${d.displayName} (configuration export)`, !declared(d.database ?? ''));
      for (const n of Object.values(DEFAULT_DB_NAME)) add(n, 'BizTalk database (default name)', !declared(n));
      break;
    }
  }
  return [...out.values()];
}

function yamlScalar(v: unknown): string {
  if (typeof v !== 'string') return String(v);
  if (/^[A-Za-z_][\w.\-/ ]*$/.test(v) && !/^(true|false|yes|no|on|off|null|~)$/i.test(v) && !v.endsWith(' ')) return v;
  return `'${v.replace(/'/g, "''")}'`;
}

function renderValue(v: unknown, ctx: CursorContext): string {
  if (ctx.quoted) return String(v);
  return ctx.json ? JSON.stringify(v) : yamlScalar(v);
}

function keyInsert(key: string, s: Schema, ctx: CursorContext, indent: string, eol: string, snippets: boolean): { text: string; format: InsertTextFormat } {
  if (ctx.json) return { text: ctx.quoted ? `${key}": ` : `"${key}": `, format: InsertTextFormat.PlainText };
  const t = typeOf(s);
  const items = s.items ? resolve(s.items) : undefined;
  if (t.includes('object') && !t.includes('string')) return { text: `${key}:${eol}${indent}  `, format: InsertTextFormat.PlainText };
  if (t.includes('array') && items && typeOf(items).includes('object')) return { text: `${key}:${eol}${indent}  - `, format: InsertTextFormat.PlainText };
  if (t.includes('array')) return snippets ? { text: `${key}: [$1]`, format: InsertTextFormat.Snippet } : { text: `${key}: []`, format: InsertTextFormat.PlainText };
  return { text: `${key}: `, format: InsertTextFormat.PlainText };
}

/** `snippets`: the client accepts snippet syntax in insert texts. */
export function complete(doc: BtsDocument, offset: number, ws: Workspace, snippets = false): CompletionItem[] | null {
  if (doc.kind !== 'topology') return null;
  const text = doc.text;
  const ctx = cursorContext(text, offset, !!doc.topology?.isJson);
  if (!ctx) return null;
  const topo = ws.topologies.find((t) => t.uri === doc.uri) ? new TopologyView(ws.topologies.find((t) => t.uri === doc.uri)!) : undefined;
  const start = doc.lines().position(ctx.wordStart);
  const end = doc.lines().position(offset);
  const range = { start, end };
  const schema = schemaAt(ctx.path);
  if (!schema) return [];

  // A key, unless the cursor starts a scalar list item (`- BT` under instances:).
  if (ctx.kind === 'key' && (typeOf(schema).includes('object') || schema.properties)) {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const indent = ' '.repeat(ctx.wordStart - lineStart);
    const eol = doc.eol;
    const items: CompletionItem[] = [];
    for (const [key, raw] of Object.entries(schema.properties ?? {})) {
      if (key === '$schema' && !ctx.json) continue;
      if (ctx.present.includes(key)) continue;
      const s = resolve(raw) ?? {};
      const ins = keyInsert(key, s, ctx, indent, eol, snippets);
      items.push({
        label: key,
        kind: CompletionItemKind.Property,
        detail: typeLabel(s) || undefined,
        documentation: { kind: MarkupKind.Markdown, value: keyMarkdown(key, s) },
        textEdit: { range, newText: ins.text },
        insertTextFormat: ins.format,
        insertTextMode: InsertTextMode.asIs,
        sortText: `${(schema.required ?? []).includes(key) ? '0' : '1'}${key}`,
      });
    }
    return items;
  }

  // A value: enum/boolean values, names the workspace knows, then the schema's examples.
  const valuePath = ctx.path;
  const vs = schema;
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const push = (v: unknown, kind: CompletionItemKind, detail: string | undefined, sort: string) => {
    const label = typeof v === 'string' ? v : JSON.stringify(v);
    if (seen.has(label.toLowerCase())) return;
    seen.add(label.toLowerCase());
    items.push({ label, kind, detail, textEdit: { range, newText: renderValue(v, ctx) }, sortText: sort + label });
  };
  // Enum values keep the schema's order (it is meaningful: production before development).
  allowedValues(vs).forEach((v, i) => push(v, typeof v === 'boolean' ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember, typeLabel(vs) || undefined, `0${String(i).padStart(3, '0')}`));
  const src = sourceFor(valuePath);
  // An item of a list: the values the list already holds are not offered again.
  const last = String(valuePath[valuePath.length - 1]);
  const inList = last === ARRAY_ITEM || /^\d+$/.test(last);
  const taken = new Set((inList ? [...listValues(doc, valuePath.slice(0, -1), ctx.word), ...flowItemsBefore(text, ctx.wordStart)] : []).map((v) => v.toLowerCase()));
  if (src) for (const k of knownValues(src, ws, topo)) if (!taken.has(k.value.toLowerCase())) push(k.value, CompletionItemKind.Value, k.detail, k.fresh ? '1' : '2');
  for (const ex of vs.examples ?? []) if (typeof ex !== 'object') push(ex, CompletionItemKind.Text, 'example', '3');
  return items;
}

/** The strings of the list at `path` in the topology as parsed (the word being typed left out). */
function listValues(doc: BtsDocument, path: Segment[], typing: string): string[] {
  let node = doc.topology?.root;
  for (const seg of path) {
    if (!node) return [];
    node = /^\d+$/.test(String(seg)) ? node.items()[Number(seg)] : node.get(String(seg));
  }
  if (!node || !node.isSeq) return [];
  return node.strings().map((s) => s.str ?? '').filter((v) => v && v !== typing);
}

/** Rule ids where a suppression comment names them (the ids it already names left out). */
export function ruleIdCompletion(text: string, position: { line: number; character: number }): CompletionItem[] | null {
  const lines = new LineIndex(text);
  const offset = lines.offset(position);
  const site = ruleIdSiteAt(text, offset);
  if (!site) return null;
  const range = { start: lines.position(site.start), end: position };
  return allRules
    .filter((r) => !site.written.includes(r.meta.id))
    .map((r) => ({
      label: r.meta.id,
      kind: CompletionItemKind.Value,
      detail: r.meta.description,
      documentation: { kind: MarkupKind.Markdown, value: `${r.meta.description}\n\n[Rule documentation](${docsUrl(r.meta.id)})` },
      textEdit: { range, newText: r.meta.id },
    }));
}

/** The items written before the cursor in a flow list on its line (`[BTS01, 'BTS02', `), while it is typed. */
function flowItemsBefore(text: string, wordStart: number): string[] {
  const lineStart = text.lastIndexOf('\n', wordStart - 1) + 1;
  const line = text.slice(lineStart, wordStart);
  const open = line.lastIndexOf('[');
  if (open < 0 || line.indexOf(']', open) >= 0) return [];
  return line
    .slice(open + 1)
    .split(',')
    .map((v) => v.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}
