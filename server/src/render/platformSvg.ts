// The picture of a platform (core/model/platform.ts) as inline SVG: laid out by dagre (a maintained
// graph-layout library: ranks, crossing reduction, edge routing) so that forty hosts stay readable;
// each element coloured by its worst finding, each single point of failure outlined and tagged.
// Shared by the CLI's HTML report and the editor's webview: no script, no external resource.

import * as dagre from '@dagrejs/dagre';
import type { Platform, PlatformElement, ElementKind } from '../core/model/platform';
import { escapeHtml } from './escape';

export const KIND_LABEL: Record<ElementKind, string> = {
  'sql-instance': 'SQL instance',
  'sql-node': 'cluster node',
  database: 'database',
  server: 'server',
  host: 'BizTalk host',
  'master-secret': 'master secret server',
  backup: 'backup destination',
  offsite: 'off-site copy',
  dr: 'DR instance',
};

/** The colour band on an element's left: what kind of thing it is. */
const KIND_COLOUR: Record<ElementKind, string> = {
  'sql-instance': '#5b3cc4',
  'sql-node': '#7b68c8',
  database: '#8a6d3b',
  server: '#37474f',
  host: '#00838f',
  'master-secret': '#ad1457',
  backup: '#2e7d32',
  offsite: '#558b2f',
  dr: '#1565c0',
};

const MAX_LABEL = 42;
const CHAR_W = 7.4;
const SMALL_W = 6.2;

function cut(s: string, n = MAX_LABEL): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export interface LaidOut {
  width: number;
  height: number;
  nodes: { el: PlatformElement; x: number; y: number; width: number; height: number }[];
  edges: { from: string; to: string; label: string; points: { x: number; y: number }[]; lx?: number; ly?: number }[];
}

/** Lays the platform out, left to right. */
export function layoutPlatform(p: Platform): LaidOut {
  const g = new dagre.graphlib.Graph<dagre.GraphLabel, dagre.NodeLabel, dagre.EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 70, edgesep: 8, marginx: 12, marginy: 12 });
  for (const el of p.elements) {
    const w = Math.max(cut(el.name).length * CHAR_W, cut(el.detail, 52).length * SMALL_W, el.spof ? 150 : 0) + 28;
    g.setNode(el.id, { width: Math.round(Math.max(120, w)), height: el.spof ? 60 : 46 });
  }
  p.links.forEach((l, i) => {
    if (!g.hasNode(l.from) || !g.hasNode(l.to)) return;
    const labelled = showLabel(l.label);
    g.setEdge(l.from, l.to, labelled ? { label: l.label, width: l.label.length * SMALL_W, height: 14, labelpos: 'c' } : {}, `e${i}`);
  });
  dagre.layout(g);
  const graph = g.graph();
  const nodes = p.elements.map((el) => {
    const n = g.node(el.id);
    return { el, x: (n.x ?? 0) - n.width / 2, y: (n.y ?? 0) - n.height / 2, width: n.width, height: n.height };
  });
  const edges = p.links
    .map((l, i) => {
      const e = g.edge({ v: l.from, w: l.to, name: `e${i}` }) as dagre.EdgeLabel | undefined;
      return e?.points ? { from: l.from, to: l.to, label: l.label, points: e.points, lx: showLabel(l.label) ? e.x : undefined, ly: showLabel(l.label) ? e.y : undefined } : undefined;
    })
    .filter((e): e is NonNullable<typeof e> => !!e);
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes, edges };
}

/** Edge labels worth the room: the obvious ones (a host's instance, a database's instance) go unlabelled. */
function showLabel(label: string): boolean {
  return label !== 'instance' && label !== 'on' && label !== 'node';
}

export interface SvgOptions {
  /** Makes each element a link to where it is declared (the HTML report: the file and line). */
  href?(el: PlatformElement): string | undefined;
  /** Where each element is declared, shown in its tooltip ("contoso.topology.yaml:31"). */
  where?(el: PlatformElement): string;
  /** Extra `data-*` attributes of an element (the webview: where to reveal it); names are ours, values escaped. */
  data?(el: PlatformElement): Record<string, string | number>;
}

/** The platform as one `<svg>` element. */
export function renderPlatformSvg(p: Platform, options: SvgOptions = {}): string {
  const lay = layoutPlatform(p);
  const out: string[] = [];
  const title = `Platform of ${p.environment ?? 'the topology'}`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="platform" role="img" aria-label="${escapeHtml(title)}" width="${lay.width}" height="${lay.height}" viewBox="0 0 ${lay.width} ${lay.height}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#78909c"/></marker></defs>',
  );
  for (const e of lay.edges) {
    const d = e.points.map((pt, i) => `${i ? 'L' : 'M'}${pt.x.toFixed(1)},${pt.y.toFixed(1)}`).join('');
    out.push(`<path class="link" d="${d}" marker-end="url(#arrow)"><title>${escapeHtml(e.label)}</title></path>`);
    if (e.lx !== undefined && e.ly !== undefined) out.push(`<text class="link-label" x="${e.lx.toFixed(1)}" y="${(e.ly + 4).toFixed(1)}" text-anchor="middle">${escapeHtml(e.label)}</text>`);
  }
  for (const n of lay.nodes) {
    const el = n.el;
    const sev = el.severity ?? 'ok';
    const tip = [`${KIND_LABEL[el.kind]}: ${el.name}`, el.detail, el.findings ? `${el.findings} finding${el.findings === 1 ? '' : 's'}, worst: ${el.severity}` : 'no finding', el.spof ? `single point of failure: ${el.spof}` : '', options.where?.(el) ?? '']
      .filter(Boolean)
      .map(escapeHtml)
      .join('\n');
    const href = options.href?.(el);
    const cls = `el kind-${el.kind} sev-${sev}${el.spof ? ' spof' : ''}`;
    const extra = Object.entries(options.data?.(el) ?? {})
      .filter(([k]) => /^[a-z][a-z0-9-]*$/.test(k))
      .map(([k, v]) => ` data-${k}="${escapeHtml(String(v))}"`)
      .join('');
    const focus = options.data ? ' tabindex="0" role="button"' : '';
    out.push(`<g class="${cls}" data-id="${escapeHtml(el.id)}" data-name="${escapeHtml(el.name)}"${extra}${focus} transform="translate(${n.x.toFixed(1)},${n.y.toFixed(1)})">`);
    if (href) out.push(`<a href="${escapeHtml(href)}">`);
    out.push(`<title>${tip}</title>`);
    out.push(`<rect class="box" width="${n.width}" height="${n.height}" rx="6"/>`);
    out.push(`<rect class="band" width="6" height="${n.height}" rx="2" fill="${KIND_COLOUR[el.kind]}"/>`);
    out.push(`<text class="name" x="14" y="19">${escapeHtml(cut(el.name))}</text>`);
    out.push(`<text class="detail" x="14" y="36">${escapeHtml(cut(el.detail, 52))}</text>`);
    if (el.spof) out.push(`<text class="spof-tag" x="14" y="53">⚠ single point of failure</text>`);
    if (el.findings) out.push(`<text class="count" x="${n.width - 8}" y="15" text-anchor="end">${el.findings}</text>`);
    if (href) out.push('</a>');
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The CSS the SVG needs (inline in the page or the webview). */
export const PLATFORM_CSS = `
svg.platform { font: 12px "Segoe UI", system-ui, sans-serif; max-width: 100%; height: auto; }
svg.platform .link { fill: none; stroke: #90a4ae; stroke-width: 1.3; }
svg.platform .link-label { font-size: 10px; fill: #546e7a; paint-order: stroke; stroke: #fff; stroke-width: 3; }
svg.platform .box { stroke-width: 1.5; }
svg.platform .sev-ok .box { fill: #eef7ee; stroke: #6a9f6d; }
svg.platform .sev-info .box { fill: #e8f1fd; stroke: #1e6fd9; }
svg.platform .sev-warning .box { fill: #fff4e0; stroke: #e08600; }
svg.platform .sev-error .box { fill: #fdecea; stroke: #c62828; }
svg.platform .spof .box { stroke: #b71c1c; stroke-width: 3; stroke-dasharray: 7 3; }
svg.platform .name { font-weight: 600; fill: #1b1b1b; }
svg.platform .detail { font-size: 11px; fill: #455a64; }
svg.platform .spof-tag { font-size: 11px; font-weight: 700; fill: #b71c1c; }
svg.platform .count { font-size: 10px; font-weight: 700; fill: #37474f; }
svg.platform a:hover .box, svg.platform a:focus .box { stroke-width: 3; }
`;
