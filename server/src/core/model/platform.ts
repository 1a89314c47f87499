// What the platform of one environment is, as a picture would show it: SQL instances with their
// cluster nodes or availability group and the databases on each, BizTalk servers and the host
// instances they run, the master secret server, backup and DR destinations; each element with the
// worst finding about it, and the single points of failure (a component whose loss stops BizTalk or
// loses data). Pure: a topology document (and the workspace's configuration exports) in, plain data
// out. The layout and drawing are the renderer's (server/src/render/).

import type { BtsDocument } from '../document';
import type { OffsetRange } from '../text';
import type { Finding, Severity } from '../types';
import { severityRank } from '../types';
import { DEFAULT_DB_NAME } from '../readers/configExport';
import type { LNode } from '../readers/yamlNode';
import { BIZTALK_DATABASES, normaliseSqlName, sameName, sqlHost, TopologyView } from './join';
import type { Workspace } from './join';

export type ElementKind = 'sql-instance' | 'sql-node' | 'database' | 'server' | 'host' | 'master-secret' | 'backup' | 'offsite' | 'dr';

export interface PlatformElement {
  /** Unique in the platform; stable for the same topology. */
  id: string;
  kind: ElementKind;
  /** The name as declared (`SQLBTS01\BTS`, `ReceiveHost_FTP`, `\\backup01\bts\full`). */
  name: string;
  /** One short line under the name ("failover cluster instance", "in-process host, 2 instances"). */
  detail: string;
  /** Where it is declared (the topology, or a configuration export for a database it places). */
  uri: string;
  range: OffsetRange;
  /** The worst severity of the findings about it, and how many there are. */
  severity?: Severity;
  findings: number;
  /** Why it is a single point of failure, when it is one. */
  spof?: string;
}

export interface PlatformLink {
  from: string;
  to: string;
  label: string;
}

export interface Platform {
  /** The topology file (uri) and its environment. */
  topology: string;
  environment?: string;
  group?: string;
  elements: PlatformElement[];
  links: PlatformLink[];
  /** The single points of failure, in element order (each element's `spof`). */
  spofs: { id: string; name: string; kind: ElementKind; reason: string }[];
}

/** Databases whose loss stops BizTalk (by topology role). */
const STOPS_BIZTALK: Record<string, string> = { messagebox: 'BizTalkMsgBoxDb', management: 'BizTalkMgmtDb', sso: 'SSODB' };
/** Databases whose loss loses data that cannot be regenerated. */
const LOSES_DATA: Record<string, string> = { 'bam-primary-import': 'BAMPrimaryImport' };

/** A configuration export's database roles, as the topology's `databases[].role` names them. */
const EXPORT_ROLE: Record<string, string> = { msgbox: 'messagebox', mgmt: 'management', sso: 'sso', 'bam-primary-import': 'bam-primary-import' };

/** The server of a UNC path (`\\server\share`), lower case. */
function uncServer(path: string): string | undefined {
  const m = /^(?:\\\\|\/\/)([^\\/]+)(?:[\\/]|$)/.exec(path);
  return m ? m[1].toLowerCase().split('.')[0] : undefined;
}

/** The machines an instance runs on: its network name, its cluster's nodes. */
function machinesOf(inst: LNode): string[] {
  const out: string[] = [];
  const name = inst.get('name')?.str;
  if (name) out.push(sqlHost(name));
  for (const n of inst.get('failoverCluster')?.get('nodes')?.strings() ?? []) out.push(n.str.toLowerCase());
  return out;
}

/**
 * The platform one topology declares. `findings` are the run's findings: those computed against
 * this topology (or against several, this one among them) colour the element they point at, by
 * their own range or a related location in the topology.
 */
export function platformModel(topology: BtsDocument, ws: Pick<Workspace, 'configExports'>, findings: readonly Finding[] = []): Platform {
  const topo = new TopologyView(topology);
  const uri = topology.uri;
  const elements: PlatformElement[] = [];
  const links: PlatformLink[] = [];
  const byId = new Map<string, PlatformElement>();
  /** Extra ranges (in the topology) that belong to an element, for attaching findings. */
  const extraRanges: { id: string; range: OffsetRange }[] = [];
  const add = (e: Omit<PlatformElement, 'findings'>): PlatformElement => {
    const known = byId.get(e.id);
    if (known) {
      if (e.uri === uri) extraRanges.push({ id: known.id, range: e.range });
      return known;
    }
    const el: PlatformElement = { ...e, findings: 0 };
    elements.push(el);
    byId.set(el.id, el);
    return el;
  };
  const link = (from: string, to: string, label: string) => {
    if (!links.some((l) => l.from === from && l.to === to && l.label === label)) links.push({ from, to, label });
  };
  const key = (s: string) => s.trim().toLowerCase();
  const spof = (el: PlatformElement, reason: string) => {
    el.spof = el.spof ? `${el.spof}; ${reason}` : reason;
  };

  // Servers first, so that host instances, SQL machines and the master secret server join them.
  const serverEl = (name: string, node: LNode, detail = 'server'): PlatformElement =>
    add({ id: `server:${key(name)}`, kind: 'server', name, detail, uri, range: node.range });
  for (const s of topo.servers()) {
    const name = s.get('name')?.str;
    if (!name) continue;
    const roles = (s.get('roles')?.strings() ?? []).map((r) => r.str).filter(Boolean);
    const server = serverEl(name, s, roles.length ? `server: ${roles.join(', ')}` : 'server');
    for (const [what, b] of s.get('backup')?.entries() ?? []) {
      const dest = b.get('destination');
      if (!dest?.str) continue;
      const backup = add({ id: `backup:${key(dest.str)}`, kind: 'backup', name: dest.str, detail: 'backup destination', uri, range: dest.range });
      link(server.id, backup.id, `${what} backup`);
      const host = uncServer(dest.str);
      if (host && sameName(host, name.split('.')[0])) spof(backup, `the ${what} backup of ${name} is on ${name} itself`);
    }
  }

  // SQL instances, their cluster nodes or availability group, and their databases.
  const instanceDbs = new Map<string, { name: string; role?: string }[]>();
  for (const inst of topo.sqlInstances()) {
    const name = inst.get('name')?.str;
    if (!name) continue;
    const fc = inst.get('failoverCluster');
    const ag = inst.get('availabilityGroup');
    const nodes = fc?.get('nodes')?.strings() ?? [];
    const detail = fc?.isMap
      ? `SQL failover cluster instance, ${nodes.length} node${nodes.length === 1 ? '' : 's'}`
      : ag?.isMap
        ? `SQL availability group ${ag.get('name')?.str ?? ''}`.trim()
        : 'SQL instance, not clustered';
    const el = add({ id: `sql:${normaliseSqlName(name)}`, kind: 'sql-instance', name, detail, uri, range: inst.range });
    for (const n of nodes) {
      const node = add({ id: `server:${key(n.str)}`, kind: 'server', name: n.str, detail: 'cluster node', uri, range: n.range });
      link(el.id, node.id, 'node');
    }
    if (!fc?.isMap && !ag?.isMap) {
      // An unclustered instance runs on the machine its name names, when the topology declares it.
      const machine = byId.get(`server:${sqlHost(name)}`);
      if (machine) link(el.id, machine.id, 'runs on');
    }
    const dbs: { name: string; role?: string }[] = [];
    for (const db of inst.get('databases')?.items() ?? []) {
      const dbName = db.get('name')?.str;
      if (!dbName) continue;
      const role = db.get('role')?.str ?? BIZTALK_DATABASES[dbName.toLowerCase()];
      dbs.push({ name: dbName, role });
      const d = add({ id: `db:${el.id}:${key(dbName)}`, kind: 'database', name: dbName, detail: role ? `database (${role})` : 'database', uri, range: db.range });
      link(d.id, el.id, 'on');
    }
    // Databases a configuration export places on this instance.
    for (const exp of ws.configExports) {
      for (const d of exp.configExport?.databases ?? []) {
        const dbName = d.database ?? DEFAULT_DB_NAME[d.role];
        if (!dbName || !d.server || normaliseSqlName(d.server) !== normaliseSqlName(name)) continue;
        if (dbs.some((x) => sameName(x.name, dbName))) continue;
        const role = EXPORT_ROLE[d.role] ?? BIZTALK_DATABASES[dbName.toLowerCase()];
        dbs.push({ name: dbName, role });
        const de = add({ id: `db:${el.id}:${key(dbName)}`, kind: 'database', name: dbName, detail: role ? `database (${role}), from ${exp.uri.split(/[\\/]/).pop()}` : 'database', uri: exp.uri, range: d.databaseRange });
        link(de.id, el.id, 'on');
      }
    }
    instanceDbs.set(el.id, dbs);
    const stops = dbs.filter((d) => d.role && STOPS_BIZTALK[d.role]).map((d) => d.name);
    const loses = dbs.filter((d) => d.role && LOSES_DATA[d.role]).map((d) => d.name);
    if (!fc?.isMap && !ag?.isMap) {
      if (stops.length) spof(el, `not clustered, and holds ${stops.join(', ')}: its loss stops BizTalk`);
      if (loses.length) spof(el, `not clustered, and holds ${loses.join(', ')}: its loss loses BAM data that cannot be regenerated`);
    } else if (fc?.isMap && nodes.length === 1 && (stops.length || loses.length)) {
      spof(el, `a failover cluster with one node, holding ${[...stops, ...loses].join(', ')}`);
    }
  }

  // Hosts and the servers that run their instances.
  for (const h of topo.hosts()) {
    const name = h.get('name')?.str;
    if (!name) continue;
    const instances = h.get('instances')?.strings() ?? [];
    const type = h.get('type')?.str;
    const clustered = h.get('clustered')?.value === true;
    const detail = `${type ? `${type} ` : ''}host${clustered ? ', clustered' : ''}, ${instances.length} instance${instances.length === 1 ? '' : 's'}`;
    const el = add({ id: `host:${key(name)}`, kind: 'host', name, detail, uri, range: h.range });
    for (const i of instances) {
      const server = byId.get(`server:${key(i.str)}`) ?? add({ id: `server:${key(i.str)}`, kind: 'server', name: i.str, detail: 'BizTalk server', uri, range: i.range });
      link(el.id, server.id, 'instance');
    }
    if (instances.length === 1) spof(el, `one host instance (on ${instances[0].str}): that server's failure, patching or a stopped service stops every port in the host`);
  }

  // The master secret server and its secret's backup.
  const sso = topo.section('sso');
  const mssNode = sso?.get('masterSecretServer');
  let mss: PlatformElement | undefined;
  if (mssNode?.str) {
    const clustered = sso!.get('clustered')?.value === true;
    mss = add({ id: 'sso:master-secret-server', kind: 'master-secret', name: mssNode.str, detail: clustered ? 'master secret server, clustered' : 'master secret server, not clustered', uri, range: sso!.range });
    const machine = byId.get(`server:${key(mssNode.str)}`);
    if (machine) link(mss.id, machine.id, 'runs on');
    for (const n of sso!.get('nodes')?.strings() ?? []) {
      const node = byId.get(`server:${key(n.str)}`) ?? add({ id: `server:${key(n.str)}`, kind: 'server', name: n.str, detail: 'cluster node', uri, range: n.range });
      link(mss.id, node.id, 'node');
    }
    if (!clustered) spof(mss, 'the one master secret server of the SSO system, not clustered: while it is down, no SSO server can encrypt new credentials (changing a port\'s configuration fails)');
    const dest = sso!.get('secretBackup')?.get('destination');
    if (dest?.str) {
      const backup = add({ id: `backup:${key(dest.str)}`, kind: 'backup', name: dest.str, detail: 'master secret backup', uri, range: dest.range });
      link(mss.id, backup.id, 'secret backup');
      const host = uncServer(dest.str);
      const local = /^[A-Za-z]:/.test(dest.str);
      if (local || (host && sameName(host, mssNode.str.split('.')[0]))) spof(backup, `the master secret's backup is on the master secret server ${mssNode.str} itself`);
    }
  }

  // The Backup BizTalk Server job's destinations, the off-site copy, the DR site.
  const runtimeInstances = [...instanceDbs.entries()].filter(([, dbs]) => dbs.some((d) => d.role)).map(([id]) => id);
  const backup = topo.section('backup');
  const job = backup?.get('biztalkJob');
  const fullEls: PlatformElement[] = [];
  for (const [k, label] of [
    ['fullDestination', 'full backup'],
    ['logDestination', 'log backup'],
  ] as const) {
    const dest = job?.get(k);
    if (!dest?.str) continue;
    const el = add({ id: `backup:${key(dest.str)}`, kind: 'backup', name: dest.str, detail: `Backup BizTalk Server job: ${label}`, uri, range: dest.range });
    fullEls.push(el);
    for (const id of runtimeInstances) link(id, el.id, label);
    const host = uncServer(dest.str);
    const drive = /^([A-Za-z]:)/.exec(dest.str)?.[1];
    if (host) {
      const inst = topo.sqlInstances().find((i) => machinesOf(i).includes(host));
      if (inst) spof(el, `the ${label} is on ${host}, which runs SQL instance ${inst.get('name')?.str} that it protects`);
    } else if (drive) {
      // A local path is on the SQL Server that runs the job (the one holding BizTalkMgmtDb).
      const mgmt = [...instanceDbs.entries()].find(([, dbs]) => dbs.some((d) => d.role === 'management'));
      spof(el, `the ${label} is on drive ${drive} of the SQL Server it protects${mgmt ? ` (${byId.get(mgmt[0])!.name})` : ''}`);
    }
  }
  const offsite = backup?.get('offsite');
  const location = offsite?.get('location');
  if (offsite?.isMap) {
    const el = add({ id: 'offsite', kind: 'offsite', name: location?.str ?? 'off-site copy', detail: 'off-site copy', uri, range: (location ?? offsite).range });
    for (const f of fullEls) link(f.id, el.id, 'copied off site');
  }
  for (const d of topo.section('dr')?.get('destinationInstances')?.strings() ?? []) {
    const el = add({ id: `dr:${normaliseSqlName(d.str)}`, kind: 'dr', name: d.str, detail: 'DR instance (log shipping)', uri, range: d.range });
    for (const id of runtimeInstances) link(id, el.id, 'log shipping');
  }

  attachFindings(uri, elements, extraRanges, findings);
  return {
    topology: uri,
    environment: topo.environment,
    group: topo.section('biztalk')?.get('group')?.str,
    elements,
    links,
    spofs: elements.filter((e) => e.spof).map((e) => ({ id: e.id, name: e.name, kind: e.kind, reason: e.spof! })),
  };
}

/** Whether a finding was computed against this topology. */
export function findingOf(f: Finding, topology: string): boolean {
  if (f.topology !== undefined) return f.topology === topology;
  if (f.topologies) return f.topologies.includes(topology);
  return f.uri === topology;
}

function attachFindings(uri: string, elements: PlatformElement[], extra: { id: string; range: OffsetRange }[], findings: readonly Finding[]) {
  const spans = [...elements.map((e) => ({ el: e, uri: e.uri, range: e.range })), ...extra.map((x) => ({ el: elements.find((e) => e.id === x.id)!, uri, range: x.range }))];
  for (const f of findings) {
    const unscoped = f.topology === undefined && !f.topologies;
    if (!findingOf(f, uri) && !(unscoped && elements.some((e) => e.uri === f.uri))) continue;
    const places = [{ uri: f.uri, range: f.range }, ...(f.related ?? []).map((r) => ({ uri: r.uri, range: r.range }))];
    let hit: PlatformElement | undefined;
    for (const p of places) {
      // The innermost element whose declaration holds the place.
      let best: { el: PlatformElement; size: number } | undefined;
      for (const s of spans) {
        if (s.uri !== p.uri || p.range.start < s.range.start || p.range.start > s.range.end) continue;
        const size = s.range.end - s.range.start;
        if (!best || size < best.size) best = { el: s.el, size };
      }
      if (best) {
        hit = best.el;
        break;
      }
    }
    if (!hit) continue;
    hit.findings++;
    if (!hit.severity || severityRank(f.severity) > severityRank(hit.severity)) hit.severity = f.severity;
  }
}

const ENV_ORDER = ['production', 'staging', 'test', 'development'];

/** The platform of every topology among the documents, production first. */
export function platformsOf(documents: readonly BtsDocument[], findings: readonly Finding[] = []): Platform[] {
  const configExports = documents.filter((d) => d.kind === 'config-export' && d.configExport);
  const topologies = documents.filter((d) => d.kind === 'topology' && d.topology && d.topology.root.isMap);
  const rank = (d: BtsDocument) => {
    const i = ENV_ORDER.indexOf(d.topology!.environment ?? '');
    return i < 0 ? ENV_ORDER.length : i;
  };
  return topologies
    .sort((a, b) => rank(a) - rank(b) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))
    .map((t) => platformModel(t, { configExports }, findings));
}
