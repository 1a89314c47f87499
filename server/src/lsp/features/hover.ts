// Hover: on a binding's handler host, what the topology says of that host; on a configuration
// export's SQL server, what the topology says of that instance; on a topology key, the schema's
// description and the rules that read it; on a topology host name, the handlers that run in it. A
// binding or manifest is described by the topologies of its own environments only. A hover over a
// finding shows its message with the rule's why and Microsoft's words (the "Why it matters" section of
// the rule's page, through lsp/docs.ts ruleWhy) and, with several topologies, which environment it was found in.

import { Hover, MarkupKind } from 'vscode-languageserver';
import type { BtsDocument, Finding } from '../../core';
import { handlers, isUnresolved, sameName, TopologyView, Workspace } from '../../core/model/join';
import type { LNode } from '../../core/readers/yamlNode';
import { baseName } from '../paths';
import { exportDatabaseAt, handlerAt, topologyNodeAt } from './locate';
import { keyMarkdown, schemaAt } from './schema';
import { escapeMarkdown as md } from '../../core/sanitize';
import { docsUrl, ruleWhy } from '../docs';

// Every name from the repository is written through `md` (core/sanitize.ts): a name cannot make a
// link, an image (a remote load) or HTML in the hover.

/** A markdown link to a node of a document: `file.yaml:12` opening at that line. */
export function nodeLink(doc: BtsDocument, offset: number): string {
  const pos = doc.lines().position(offset);
  return `[${md(baseName(doc.uri))}:${pos.line + 1}](${doc.uri.replace(/[()<>\s\\]/g, (c) => encodeURIComponent(c))}#L${pos.line + 1})`;
}

function yesNo(v: unknown): string {
  return v === true ? 'yes' : v === false ? 'no' : v === undefined ? 'not declared' : md(typeof v === 'string' ? v : JSON.stringify(v));
}

export function hostMarkdown(topo: TopologyView, host: LNode): string {
  const name = host.get('name')?.str ?? '?';
  const instances = host.get('instances')?.strings().map((s) => s.str) ?? [];
  const lines = [
    `**Host ${md(name)}** in ${topo.environment ? `the ${md(topo.environment)} topology ` : 'the topology '}${nodeLink(topo.doc, host.get('name')?.range.start ?? host.range.start)}`,
    '',
    `- type: ${md(host.get('type')?.str ?? 'not declared')}`,
    `- clustered: ${yesNo(host.get('clustered')?.value)}`,
    `- instances: ${instances.length ? `${md(instances.join(', '))} (${instances.length})` : 'none declared'}`,
  ];
  for (const k of ['tracking', 'clusterGroup', 'nlb']) {
    const v = host.get(k);
    if (v) lines.push(`- ${k}: ${md(v.str ?? JSON.stringify(v.toJS()))}`);
  }
  return lines.join('\n');
}

function instanceMarkdown(topo: TopologyView, inst: LNode): string {
  const name = inst.get('name')?.str ?? '?';
  const fc = inst.get('failoverCluster');
  const ag = inst.get('availabilityGroup');
  const nodes = fc?.get('nodes')?.strings().map((s) => s.str) ?? [];
  const dbs = (inst.get('databases')?.items() ?? []).map((d) => d.get('name')?.str).filter((x): x is string => !!x);
  return [
    `**SQL instance ${md(name)}** in the topology ${nodeLink(topo.doc, inst.get('name')?.range.start ?? inst.range.start)}`,
    '',
    `- failover cluster: ${fc ? (nodes.length ? `yes (nodes ${md(nodes.join(', '))})` : 'yes') : 'no'}`,
    `- availability group: ${ag ? md(ag.get('name')?.str ?? 'yes') : 'no'}`,
    `- databases declared: ${dbs.length ? md(dbs.join(', ')) : 'none'}`,
  ].join('\n');
}

/** What the server knows of a document beyond the workspace: the topologies that judge it, its findings. */
export interface HoverContext {
  /** URIs of the topologies of the document's environments (core/environments.ts). */
  judges?: string[];
  /** The document's findings: the hover over one explains it. */
  findings?: Finding[];
  /** Whether to say which environment each finding was found in (the workspace has several topologies). */
  byEnvironment?: boolean;
}

/** At most this many rules are explained in one hover (each with its why and quote). */
const MAX_EXPLAINED = 3;

/** The message of each rule's finding at the offset, then the rule's why and Microsoft's words, and its page. */
function explainSection(here: Finding[]): string | undefined {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const f of here) {
    if (seen.has(f.ruleId) || seen.size >= MAX_EXPLAINED) continue;
    seen.add(f.ruleId);
    const why = ruleWhy(f.ruleId);
    parts.push([`**${md(f.message)}** ([${f.ruleId}](${docsUrl(f.ruleId)}))`, ...(why ? ['', why] : [])].join('\n'));
  }
  return parts.length ? parts.join('\n\n---\n\n') : undefined;
}

export function hover(doc: BtsDocument, offset: number, ws: Workspace, context: HoverContext = {}): Hover | null {
  const base = modelHover(doc, offset, ws, context.judges);
  const at = (context.findings ?? []).filter((f) => f.range.start <= offset && offset <= f.range.end);
  if (!at.length) return base;
  const here = context.byEnvironment ? at.filter((f) => f.environment || f.environments) : [];
  const docOf = (uri: string) => ws.topologies.find((t) => t.uri === uri);
  const link = (uri: string) => {
    const t = docOf(uri);
    return t ? nodeLink(t, t.topology?.root.get('environment')?.range.start ?? 0) : baseName(uri);
  };
  const lines = here.map((f) =>
    f.environments
      ? `- \`${f.ruleId}\`: the same in environments ${f.environments.map((e) => `**${e}**`).join(', ')} (${(f.topologies ?? []).map(link).join(', ')})`
      : `- \`${f.ruleId}\`: environment **${f.environment}**${f.topology ? ` (${link(f.topology)})` : ''}`,
  );
  const section = [explainSection(at), lines.length ? ['btslint findings here, by environment:', '', ...lines].join('\n') : undefined].filter((x) => x).join('\n\n---\n\n');
  if (!base) {
    const f = at[0];
    return { contents: { kind: MarkupKind.Markdown, value: section }, range: doc.lines().range(f.range) };
  }
  const value = typeof base.contents === 'object' && 'value' in base.contents ? base.contents.value : '';
  return { ...base, contents: { kind: MarkupKind.Markdown, value: `${value}\n\n---\n\n${section}` } };
}

function modelHover(doc: BtsDocument, offset: number, ws: Workspace, judges: string[] | undefined): Hover | null {
  const topologies = ws.topologies.filter((t) => !judges || judges.includes(t.uri)).map((t) => new TopologyView(t));
  if (doc.binding) {
    const h = handlerAt(doc, offset);
    if (!h) return null;
    const range = doc.lines().range(h.transport.host!.range);
    const what = h.location ? `receive location "${md(h.location.name)}"` : `send port "${md(h.port?.name ?? '')}"`;
    let body: string;
    if (isUnresolved(h.hostName)) body = `Host **${md(h.hostName)}** of ${what} is an unresolved token: btslint cannot tell which host runs it.`;
    else if (!topologies.length) body = `No topology file (*.topology.yaml) in the workspace declares hosts, so btslint cannot check host **${md(h.hostName)}** of ${what}.`;
    else {
      const parts = topologies.map((t) => {
        const host = t.findHost(h.hostName);
        return host ? hostMarkdown(t, host) : `The topology ${nodeLink(t.doc, t.section('hosts')?.keyRange.start ?? 0)} does not declare host **${md(h.hostName)}**.`;
      });
      body = parts.join('\n\n---\n\n');
    }
    return { contents: { kind: MarkupKind.Markdown, value: body }, range };
  }
  if (doc.configExport) {
    const hit = exportDatabaseAt(doc, offset);
    if (!hit || hit.part !== 'server' || !hit.db.server) return null;
    const range = doc.lines().range(hit.db.serverRange);
    const parts = topologies.map((t) => {
      const inst = t.findInstance(hit.db.server!);
      return inst ? instanceMarkdown(t, inst) : `The topology ${nodeLink(t.doc, 0)} does not declare SQL instance **${md(hit.db.server!)}**.`;
    });
    if (!parts.length) parts.push(`No topology file in the workspace declares SQL instances, so btslint cannot check where ${md(hit.db.displayName)} lives.`);
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
  }
  if (doc.topology && doc.topology.root.isMap) {
    const hit = topologyNodeAt(doc.topology.root, offset);
    if (!hit) return null;
    if (hit.onKey) {
      const key = String(hit.path[hit.path.length - 1]);
      const s = schemaAt(hit.path);
      if (!s) return { contents: { kind: MarkupKind.Markdown, value: `**${md(key)}** is not a key of the topology format.` }, range: doc.lines().range(hit.node.keyRange) };
      return { contents: { kind: MarkupKind.Markdown, value: keyMarkdown(key, s) }, range: doc.lines().range(hit.node.keyRange) };
    }
    // A host's name: which handlers of the workspace run in it.
    if (hit.path.length === 3 && hit.path[0] === 'hosts' && hit.path[2] === 'name' && hit.node.str) {
      const name = hit.node.str;
      const users = handlers(ws).filter((h) => sameName(h.hostName, name));
      const recv = users.filter((u) => u.side === 'receive');
      const send = users.filter((u) => u.side === 'send');
      const list = users.slice(0, 10).map((u) => `- ${u.side === 'receive' ? `receive location ${md(u.location?.name ?? '')}` : `send port ${md(u.port?.name ?? '')}`} (${md(u.transport.adapter?.value ?? '?')}) ${nodeLink(u.doc, u.transport.host!.range.start)}`);
      const value = users.length
        ? [`**Host ${md(name)}** runs ${recv.length} receive location(s) and ${send.length} send port(s) in the workspace's bindings:`, '', ...list, ...(users.length > 10 ? [`- ... and ${users.length - 10} more`] : [])].join('\n')
        : `No binding file in the workspace names host **${md(name)}**.`;
      return { contents: { kind: MarkupKind.Markdown, value }, range: doc.lines().range(hit.node.range) };
    }
  }
  return null;
}
