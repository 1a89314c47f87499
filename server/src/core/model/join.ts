// The deployment model: the readable files of a workspace joined together. Binding handler hosts
// join topology hosts; databases join SQL instances and volumes (declared in the topology, or placed
// by a configuration export); the WSS adapter joins SharePoint farms. Every item keeps where it was
// declared (document + node), so findings can point at either side.

import type { BtsDocument } from '../document';
import type { LNode } from '../readers/yamlNode';
import type { DatabaseShape, HostShape, ItemShape, SqlInstanceShape, TopologyShape, VolumeShape } from './topologyShape';
import type { ExportedDatabase } from '../readers/configExport';
import { DEFAULT_DB_NAME } from '../readers/configExport';
import type { Located, Orchestration, ReceiveLocation, SendPort, Transport } from '../readers/binding';
import { hasSettings, hasToken, resolveText, soleEnvironment, tokenTable } from './tokens';
import type { TokenValue } from './tokens';

/** A share path as Windows compares it: trimmed, `/` as `\\`, no trailing `\\`, case-insensitive. */
export function normaliseSharePath(p: string): string {
  return p.trim().replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
}

/** Name comparison as on Windows: case-insensitive, trimmed. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Normalises a SQL Server reference for joining: `SERVER`, `SERVER\INSTANCE`, `SERVER,port`,
 * `tcp:SERVER` all become `server[\instance]`; the default instance `MSSQLSERVER` is dropped.
 */
export function normaliseSqlName(name: string): string {
  let n = name.trim().toLowerCase().replace(/^tcp:/, '');
  n = n.replace(/,\s*\d+$/, '');
  n = n.replace(/\\mssqlserver$/, '');
  if (n.startsWith('(local)') || n.startsWith('.\\') || n === '.') n = n.replace(/^(\(local\)|\.)/, 'localhost');
  return n;
}

/** The machine part of a SQL reference (`SQLBTS\BTS` -> `sqlbts`). */
export function sqlHost(name: string): string {
  return normaliseSqlName(name).split('\\')[0];
}

export interface DatabasePlacement {
  /** Database name as declared (default name when the export tokenises it). */
  name: string;
  instance: SqlInstanceNode;
  /** The topology's `databases[]` item, when the topology declares it. */
  dbNode?: DatabaseNode;
  /** The configuration export that places it, when one does. */
  exportDoc?: BtsDocument;
  exportDb?: ExportedDatabase;
}

export interface HandlerRef {
  doc: BtsDocument;
  side: 'send' | 'receive';
  port: SendPort | undefined;
  location: ReceiveLocation | undefined;
  transport: Transport;
  /** The host name, with its `${Token}` resolved from the environment's settings when it resolves. */
  hostName: string;
  /** The host as written (`${ReceiveHost}`) when hostName was resolved from a token. */
  hostToken?: string;
  /** Where the resolved host name comes from (settings file or workbook cell). */
  hostSource?: TokenValue;
}

/** What an instance's high-availability declaration lacks: nothing declared, one node, an empty map. */
export type HaGap = 'none' | 'one-node' | 'empty-cluster' | 'empty-ag' | 'one-replica';

export type HaStatus = { ha: true; via: 'failoverCluster' | 'availabilityGroup' } | { ha: false; gap: HaGap };

/** An orchestration of a binding file with its processing host (`ModuleRef/Services/Service/Host`). */
export interface OrchestrationRef {
  doc: BtsDocument;
  orchestration: Orchestration;
  /** Where the host is named in the binding file. */
  host: Located<string>;
  /** The host name, with its `${Token}` resolved from the environment's settings when it resolves. */
  hostName: string;
  /** The host as written when hostName was resolved from a token. */
  hostToken?: string;
  hostSource?: TokenValue;
}

/** A declared file share (`fileShares[]`) with its path. */
export interface FileShare {
  node: LNode<ItemShape<TopologyShape['fileShares']>>;
  path: string;
  pathNode: LNode;
}

/** A topology node of a known shape (model/topologyShape.ts): its get() takes only the format's keys. */
export type TopoNode<S> = LNode<S>;
export type SqlInstanceNode = LNode<SqlInstanceShape>;
export type DatabaseNode = LNode<DatabaseShape>;
export type VolumeNode = LNode<VolumeShape>;
export type HostNode = LNode<HostShape>;
export type TopologyListKey = { [K in keyof TopologyShape]: TopologyShape[K] extends readonly unknown[] ? K : never }[keyof TopologyShape];

/**
 * The topology a run checks against, read through typed accessors: the root and every node below it
 * carry the format's shape (model/topologyShape.ts), so a key the format does not have does not
 * compile, and every read may be undefined (never `!`: a topology is partial while it is typed).
 */
export class TopologyView {
  readonly root: LNode<TopologyShape>;
  readonly environment?: string;
  private hostIndex?: Map<string, HostNode>;

  constructor(readonly doc: BtsDocument) {
    this.root = doc.topology!.root as LNode<TopologyShape>;
    this.environment = doc.topology!.environment;
  }

  get uri(): string {
    return this.doc.uri;
  }

  /** A top-level key's node (`biztalk`, `backup`, `sso`, `dr`…), when declared. */
  section<K extends keyof TopologyShape>(key: K): LNode<TopologyShape[K]> | undefined {
    return this.root.get(key) as LNode<TopologyShape[K]> | undefined;
  }

  /** `backup.biztalkJob`: the Backup BizTalk Server job, when declared. */
  biztalkJob(): LNode<TopologyShape['backup']['biztalkJob']> | undefined {
    return this.section('backup')?.get('biztalkJob');
  }

  /** The items of a top-level list (`servers`, `fileShares`…); none when it is missing or not a list. */
  list<K extends TopologyListKey>(key: K): LNode<ItemShape<TopologyShape[K]>>[] {
    return this.root.get(key)?.items() ?? [];
  }

  sqlInstances(): SqlInstanceNode[] {
    return this.list('sqlInstances');
  }

  hosts(): HostNode[] {
    return this.list('hosts');
  }

  servers(): LNode<ItemShape<TopologyShape['servers']>>[] {
    return this.list('servers');
  }

  /**
   * The declared file share that holds a UNC path: the longest `fileShares[].path` equal to the path or
   * a folder above it (compared as Windows does: case-insensitive, `/` as `\`, no trailing `\`).
   */
  findShare(uncPath: string): FileShare | undefined {
    const want = normaliseSharePath(uncPath);
    let best: FileShare | undefined;
    for (const s of this.list('fileShares')) {
      const pathNode = s.get('path');
      const p = pathNode?.str;
      if (!pathNode || !p) continue;
      const have = normaliseSharePath(p);
      if (want !== have && !want.startsWith(have + '\\')) continue;
      if (!best || p.length > best.path.length) best = { node: s, path: p, pathNode };
    }
    return best;
  }

  findHost(name: string): HostNode | undefined {
    if (!this.hostIndex) {
      this.hostIndex = new Map();
      for (const h of this.hosts()) {
        const n = h.get('name')?.str;
        if (n && !this.hostIndex.has(n.toLowerCase())) this.hostIndex.set(n.toLowerCase(), h);
      }
    }
    return this.hostIndex.get(name.trim().toLowerCase());
  }

  findInstance(sqlName: string): SqlInstanceNode | undefined {
    const want = normaliseSqlName(sqlName);
    return this.sqlInstances().find((i) => {
      const n = i.get('name')?.str;
      return n !== undefined && normaliseSqlName(n) === want;
    });
  }

  findServer(name: string): LNode<ItemShape<TopologyShape['servers']>> | undefined {
    return this.servers().find((s) => sameName(s.get('name')?.str, name));
  }

  /**
   * Whether an instance is declared highly available, and if not, what its declaration lacks. A failover
   * cluster instance counts with two or more distinct nodes (or with its nodes not listed but other
   * keys given); an availability group counts when it says anything and does not list fewer than two
   * replicas. A one-node `failoverCluster` and an empty `availabilityGroup: {}` are not highly available.
   */
  static haStatus(instance: SqlInstanceNode): HaStatus {
    const fc = instance.get('failoverCluster');
    const ag = instance.get('availabilityGroup');
    let gap: HaGap = 'none';
    if (fc && fc.isMap) {
      const nodes = fc.get('nodes');
      if (nodes && nodes.isSeq) {
        const distinct = new Set(nodes.strings().map((n) => (n.str ?? '').trim().toLowerCase()).filter((n) => n));
        if (distinct.size >= 2) return { ha: true, via: 'failoverCluster' };
        gap = 'one-node';
      } else if (fc.entries().length && !nodes) return { ha: true, via: 'failoverCluster' };
      else gap = 'empty-cluster';
    }
    if (ag && ag.isMap) {
      const replicas = ag.get('replicas');
      if (!ag.entries().length) gap = gap === 'none' ? 'empty-ag' : gap;
      else if (replicas && replicas.isSeq && new Set(replicas.strings().map((r) => (r.str ?? '').trim().toLowerCase())).size < 2) gap = gap === 'none' ? 'one-replica' : gap;
      else return { ha: true, via: 'availabilityGroup' };
    }
    return { ha: false, gap };
  }

  /** Whether an instance is declared highly available (see haStatus). */
  static isClustered(instance: SqlInstanceNode): boolean {
    return TopologyView.haStatus(instance).ha;
  }

  /** The volume item with that drive on the instance. */
  static volume(instance: SqlInstanceNode, drive: string | undefined): VolumeNode | undefined {
    if (!drive) return undefined;
    return instance.get('volumes')?.items().find((v) => sameName(v.get('drive')?.str?.replace(/\\$/, ''), drive.replace(/\\$/, '')));
  }
}

export interface Workspace {
  documents: BtsDocument[];
  bindings: BtsDocument[];
  topologies: BtsDocument[];
  configExports: BtsDocument[];
  /** Deployment Framework projects (Deployment.btdfproj). */
  btdfProjects: BtsDocument[];
  /** ApplicationDefinition.adf files of extracted application MSIs. */
  appDefinitions: BtsDocument[];
  /**
   * The environment whose Deployment Framework settings resolve `${Token}`s: the topology being
   * checked (the engine sets it per topology), else the one environment all topologies share.
   */
  environment?: string;
}

/** The same workspace, resolving tokens for one environment (the engine's per-topology view). */
export function withEnvironment(ws: Workspace, environment: string | undefined): Workspace {
  return environment === ws.environment ? ws : { ...ws, environment };
}

export function workspaceOf(documents: BtsDocument[]): Workspace {
  return {
    documents,
    bindings: documents.filter((d) => d.kind === 'binding' && d.binding),
    topologies: documents.filter((d) => d.kind === 'topology' && d.topology && d.topology.root.isMap),
    configExports: documents.filter((d) => d.kind === 'config-export' && d.configExport),
    btdfProjects: documents.filter((d) => d.kind === 'btdf-project' && d.btdfProject),
    appDefinitions: documents.filter((d) => d.kind === 'app-definition' && d.appDefinition),
  };
}

/**
 * The BizTalk databases by default name (lower case), with their topology `databases[].role`: a
 * database declared under another name is known by its role. The one table of them (rules/dbHelpers.ts
 * re-exports it).
 */
export const BIZTALK_DATABASES: Readonly<Record<string, string>> = Object.freeze({
  biztalkmgmtdb: 'management',
  biztalkmsgboxdb: 'messagebox',
  biztalkdtadb: 'tracking',
  ssodb: 'sso',
  biztalkruleenginedb: 'rule-engine',
  bamprimaryimport: 'bam-primary-import',
  bamarchive: 'bam-archive',
  bamstarschema: 'bam-star-schema',
  bamanalysis: 'bam-analysis',
  bamalertsapplication: 'bam-alerts-application',
  bamalertsnsmain: 'bam-alerts-ns-main',
  biztalkanalysisdb: 'tracking-analysis',
});

/**
 * Where each database lives, per the topology and the configuration exports. A database the export
 * places on a server the topology declares joins that instance; one on an undeclared server is left
 * out here (issue: a later rule reports it).
 */
export function placements(topo: TopologyView, ws: Workspace, dbName: string): DatabasePlacement[] {
  const out: DatabasePlacement[] = [];
  const role = BIZTALK_DATABASES[dbName.toLowerCase()];
  for (const inst of topo.sqlInstances()) {
    for (const db of inst.get('databases')?.items() ?? []) {
      const name = db.get('name')?.str;
      if (sameName(name, dbName) || (role !== undefined && db.get('role')?.str === role)) out.push({ name: name ?? dbName, instance: inst, dbNode: db });
    }
  }
  for (const exp of ws.configExports) {
    for (const d of exp.configExport!.databases) {
      const name = d.database ?? DEFAULT_DB_NAME[d.role];
      if (!sameName(name, dbName) || !d.server) continue;
      const inst = topo.findInstance(d.server);
      if (!inst) continue;
      const existing = out.find((p) => p.instance.node === inst.node);
      if (existing) {
        existing.exportDoc = exp;
        existing.exportDb = d;
      } else out.push({ name: name!, instance: inst, exportDoc: exp, exportDb: d });
    }
  }
  return out;
}

/**
 * Every send and receive handler of every binding file, with its host name. A host written as a
 * Deployment Framework token (`${ReceiveHost}`) is resolved from the settings of the workspace's
 * environment (model/tokens.ts) when they define it; the range stays the token's.
 */
export function handlers(ws: Workspace): HandlerRef[] {
  // Ten rules ask for the same list in one lint run: built once per workspace object (lint() makes a
  // new one per run and per topology environment), frozen so no rule can reorder it for the others.
  const known = handlerCache.get(ws);
  if (known) return known;
  const out: HandlerRef[] = [];
  const ref = hostResolver(ws);
  for (const doc of ws.bindings) {
    const b = doc.binding!;
    for (const sp of b.sendPorts) {
      for (const t of [sp.primary, sp.secondary]) {
        if (t?.host) out.push(ref({ doc, side: 'send', port: sp, location: undefined, transport: t, hostName: t.host.value }));
      }
    }
    for (const rl of b.receiveLocations) {
      if (rl.transport.host) out.push(ref({ doc, side: 'receive', port: undefined, location: rl, transport: rl.transport, hostName: rl.transport.host.value }));
    }
  }
  Object.freeze(out);
  handlerCache.set(ws, out);
  return out;
}

/**
 * Every orchestration bound to a host in the workspace's binding files (the processing hosts), with
 * the host's `${Token}` resolved as for handlers().
 */
export function orchestrationHosts(ws: Workspace): OrchestrationRef[] {
  const known = orchestrationCache.get(ws);
  if (known) return known;
  const out: OrchestrationRef[] = [];
  const ref = hostResolver(ws);
  for (const doc of ws.bindings) {
    for (const o of doc.binding!.orchestrations ?? []) {
      if (o.host) out.push(ref({ doc, orchestration: o, host: o.host, hostName: o.host.value }));
    }
  }
  Object.freeze(out);
  orchestrationCache.set(ws, out);
  return out;
}

const orchestrationCache = new WeakMap<Workspace, OrchestrationRef[]>();

/** Resolves a `${Token}` host name from the settings of the workspace's environment, when they define it. */
function hostResolver(ws: Workspace): <R extends { hostName: string; hostToken?: string; hostSource?: TokenValue }>(r: R) => R {
  const table = hasSettings(ws) ? tokenTable(ws, ws.environment ?? soleEnvironment(ws)) : undefined;
  return (r) => {
    if (!table || !hasToken(r.hostName)) return r;
    const resolved = resolveText(r.hostName, table);
    if (resolved.unresolved.length) return r;
    return { ...r, hostName: resolved.value.trim(), hostToken: r.hostName, hostSource: resolved.tokens[0]?.value };
  };
}

const handlerCache = new WeakMap<Workspace, HandlerRef[]>();

export function isUnresolved(hostName: string): boolean {
  return hasToken(hostName);
}

/**
 * Adapter names as the keys adapterIn compares (Transport.adapterKey, trimmed and lower-cased): made
 * once, in a module, for a test a rule makes of every endpoint.
 */
export function adapterKeys(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map((n) => n.trim().toLowerCase()).filter((n) => n));
}

/** Whether the transport's adapter is one of `keys` (adapterKeys): compared trimmed and case-insensitively, as model/adapters.ts does. */
export function adapterIn(t: Transport | undefined, keys: ReadonlySet<string>): boolean {
  return !!t && keys.has(t.adapterKey);
}

/** adapterIn for names given once (a test, a one-off check); a rule's per-endpoint test keeps its adapterKeys. */
export function adapterIs(t: Transport | undefined, ...names: string[]): boolean {
  return adapterIn(t, adapterKeys(names));
}
