// `btslint init`: writes a first topology per environment from the files a team already keeps.
// Every fact btslint can read is filled in with a comment naming the file it came from:
//   - hosts: the send and receive handlers of the bindings (Deployment Framework `${Token}`s resolved
//     with the environment's settings), the orchestrations' hosts (ModuleRef/Services/Service/Host)
//     and the hosts a configuration export creates, with their type (isolated or in-process);
//   - SQL instances and the BizTalk databases placed on them by configuration exports;
//   - the SharePoint farms of the WSS adapter, the MSMQ servers and UNC file shares named by addresses;
//   - the hosts a Deployment Framework project restarts, and IIS on the BizTalk servers when it
//     creates IIS applications;
//   - the SSO master secret backup file an export names.
// Every fact only people know (host instances, cluster nodes, RAID levels, drives, backup schedules
// and destinations, the DR site, versions and editions) is a `<<placeholder>>`, which the
// unfilled-placeholder rule reports until it is filled in: the first lint lists what is left.
// Pure: documents in, text out; the shells decide where it is written.

import type { BtsDocument } from '../document';
import { handlers, normaliseSqlName, withEnvironment, workspaceOf, BIZTALK_DATABASES } from '../model/join';
import type { Workspace } from '../model/join';
import { DEFAULT_DB_NAME, isPlaceholder } from '../readers/configExport';
import type { DatabaseRole } from '../readers/configExport';
import { effectiveAddress, isFile, isIsolatedReceive, isMsmq, msmqQueue, queueMachine, setting } from '../model/adapters';
import { hasSettings, hasToken, resolveText, tokenTable } from '../model/tokens';
import { attrValue, children, child } from '../xml/dom';
import { belongsTo, canonicalEnvironment, ConfigFor, EnvironmentName, workspaceEnvironments } from './environments';
import { emitDocument, YMap, YSeq } from './emit';

export { canonicalEnvironment, configEnvironments, fileNameEnvironments, memberEnvironments, workspaceEnvironments, belongsTo, documentEnvironments, ENVIRONMENTS } from './environments';
export type { ConfigFor } from './environments';

export interface InitOptions {
  /** Write the topology of this environment only (an alias such as `prod` is accepted). */
  environment?: string;
  /** How a file is named in the comments (the shell's relative path). Default: its base name. */
  display?: (uri: string) => string;
  /** Line ends of the written file. Default: those of most of the BizTalk files read, else `\n`. */
  eol?: '\n' | '\r\n';
  /**
   * The btslint config of a file (the shells' resolver): its `environments.<env>.files` mapping and
   * `fileNameMarkers` decide a file's environments, as they do for the lint. Default: no config.
   */
  configFor?: ConfigFor;
}

export interface InitTopology {
  environment: EnvironmentName;
  /** How the environment was found (`SettingsFileGenerator.xml, column "Production"`); undefined when assumed. */
  foundIn?: string;
  /** The suggested file name: `production.topology.yaml`, `btslint.topology.yaml` when no environment was found. */
  fileName: string;
  text: string;
  /** What was read, for the shells' summary. */
  hosts: string[];
  sqlInstances: string[];
  databases: string[];
  placeholders: number;
  /** Files facts were read from. */
  sources: string[];
}

/**
 * The placeholders init writes: the same text for the same fact, so one search-and-replace fills it,
 * and the labels the rules' declarations write (unfilled-placeholder's PLACEHOLDER_ANSWERS), so each
 * keeps the severity of the finding it answers.
 */
export const P = {
  server1: '<<first server>>',
  server2: '<<second server>>',
  schedule: '<<schedule, e.g. daily>>',
  node1: '<<first SQL node>>',
  node2: '<<second SQL node>>',
  dataDrive: '<<data drive, e.g. E:>>',
  logDrive: '<<log drive, e.g. L:>>',
  raid: '<<RAID level: 10, 1, 5, 6, 0 or none>>',
} as const;

/** A UNC backup destination whose server and share are placeholders: `\\<<backup server>>\<<share>>\full`. */
const uncPlaceholder = (server: string, rest: string) => `\\\\<<${server}>>\\<<share>>\\${rest}`;

const ROLE: Partial<Record<DatabaseRole, string>> = {
  mgmt: 'management',
  msgbox: 'messagebox',
  dta: 'tracking',
  sso: 'sso',
  ruleengine: 'rule-engine',
  'bam-primary-import': 'bam-primary-import',
  'bam-archive': 'bam-archive',
  'bam-star-schema': 'bam-star-schema',
  'bam-analysis': 'bam-analysis',
  'tracking-analysis': 'tracking-analysis',
};

/** Analysis Services databases: no SQL Server data and log volumes. */
const OLAP_ROLES = new Set(['bam-analysis', 'tracking-analysis']);

const WSS_ADAPTERS = ['windows sharepoint services', 'wss'];

class Sources {
  private readonly files = new Set<string>();
  constructor(private readonly display: (uri: string) => string) {}
  add(uri: string): this {
    this.files.add(this.display(uri));
    return this;
  }
  /** Adds what another list holds (already in display form). */
  merge(other: Sources): this {
    for (const f of other.all()) this.files.add(f);
    return this;
  }
  get size(): number {
    return this.files.size;
  }
  all(): string[] {
    return [...this.files];
  }
  /** `a.xml`, `a.xml, b.xml`, `a.xml, b.xml and 3 more`. */
  toString(): string {
    const f = [...this.files];
    return f.length <= 2 ? f.join(', ') : `${f.slice(0, 2).join(', ')} and ${f.length - 2} more`;
  }
}

interface HostFact {
  name: string;
  types: Set<'in-process' | 'isolated'>;
  /** A type stated outright (configuration export, orchestration binding), over one inferred from adapters. */
  declaredType?: 'in-process' | 'isolated';
  /** What uses or creates the host (`send ports`, `orchestrations`, ...), and in which files. */
  uses: Map<string, Sources>;
  files: Sources;
  /** `${Token}` and where its value comes from, when the name was resolved; and for which use. */
  token?: string;
  tokenUse?: string;
}

interface InstanceFact {
  name: string;
  files: Sources;
  databases: { name: string; role?: string; files: Sources }[];
}

function base(uri: string): string {
  return uri.replace(/^.*[\\/]/, '');
}

/** Writes the topologies of the workspace's environments (or of options.environment). */
export function initTopologies(documents: BtsDocument[], options: InitOptions = {}): InitTopology[] {
  const display = options.display ?? base;
  const eol = options.eol ?? majorityEol(documents);
  const found = workspaceEnvironments(documents, options.configFor);
  let envs: { env: EnvironmentName; foundIn?: string }[];
  const describe = (env: EnvironmentName) => {
    // One mention per file: `SettingsFileGenerator.xml (column "Local Development", column "Shared Development")`.
    const byFile = new Map<string, Set<string>>();
    for (const e of found.get(env) ?? []) {
      const f = display(e.doc.uri);
      if (!byFile.has(f)) byFile.set(f, new Set());
      if (e.what !== 'file name') byFile.get(f)!.add(e.what);
    }
    const parts = [...byFile].map(([f, what]) => (what.size ? `${f} (${[...what].join(', ')})` : f));
    return parts.length ? (parts.length <= 2 ? parts.join(', ') : `${parts.slice(0, 2).join(', ')} and ${parts.length - 2} more`) : undefined;
  };
  if (options.environment) {
    const env = canonicalEnvironment(options.environment);
    if (!env) throw new Error(`unknown environment "${options.environment}": use production, staging, test or development`);
    envs = [{ env, foundIn: describe(env) }];
  } else if (found.size) envs = [...found.keys()].map((env) => ({ env, foundIn: describe(env) }));
  else envs = [{ env: 'production' }];
  const assumed = !options.environment && found.size === 0;
  return envs.map(({ env, foundIn }) => build(documents, env, foundIn, assumed, display, eol, options.configFor));
}

function majorityEol(docs: BtsDocument[]): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const d of docs) {
    if (d.kind === 'other' || d.kind === 'topology') continue;
    if (d.eol === '\r\n') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

function build(all: BtsDocument[], env: EnvironmentName, foundIn: string | undefined, assumed: boolean, display: (uri: string) => string, eol: string, configFor?: ConfigFor): InitTopology {
  const docs = all.filter((d) => d.kind !== 'topology' && belongsTo(d, assumed ? undefined : env, configFor));
  const ws: Workspace = withEnvironment(workspaceOf(docs), assumed ? undefined : env);
  const used = new Sources(display);

  // ---- hosts
  const hosts = new Map<string, HostFact>();
  const unresolved = new Map<string, Sources>();
  const hostFact = (name: string, uri: string, use: string): HostFact => {
    const key = name.trim().toLowerCase();
    let h = hosts.get(key);
    if (!h) hosts.set(key, (h = { name: name.trim(), types: new Set(), uses: new Map(), files: new Sources(display) }));
    h.files.add(uri);
    let u = h.uses.get(use);
    if (!u) h.uses.set(use, (u = new Sources(display)));
    u.add(uri);
    used.add(uri);
    return h;
  };
  const noteUnresolved = (raw: string, uri: string) => {
    let s = unresolved.get(raw);
    if (!s) unresolved.set(raw, (s = new Sources(display)));
    s.add(uri);
  };
  for (const h of handlers(ws)) {
    if (!h.hostName.trim()) continue;
    if (hasToken(h.hostName)) {
      noteUnresolved(h.hostName, h.doc.uri);
      continue;
    }
    const f = hostFact(h.hostName, h.doc.uri, h.side === 'send' ? 'send ports' : 'receive locations');
    f.types.add(isIsolatedReceive(h) ? 'isolated' : 'in-process');
    if (h.hostToken && h.hostSource) {
      f.token = `${h.hostToken} from ${display(h.hostSource.doc.uri)}${h.hostSource.origin.includes('column') ? h.hostSource.origin.replace(/^[^,]*/, '') : ''}`;
      f.tokenUse = h.side === 'send' ? 'send ports' : 'receive locations';
      used.add(h.hostSource.doc.uri);
    }
  }
  const table = hasSettings(ws) ? tokenTable(ws, ws.environment) : undefined;
  for (const doc of ws.bindings) {
    for (const o of orchestrationHosts(doc)) {
      const r = resolveText(o.name, table);
      if (r.unresolved.length) {
        noteUnresolved(o.name, doc.uri);
        continue;
      }
      const f = hostFact(r.value, doc.uri, 'orchestrations');
      if (o.type) f.declaredType = o.type;
      if (r.tokens.length && r.tokens[0].value) {
        f.token = `${o.name} from ${display(r.tokens[0].value.doc.uri)}`;
        f.tokenUse = 'orchestrations';
      }
    }
  }
  for (const proj of ws.btdfProjects) {
    for (const name of proj.btdfProject!.hosts) {
      const r = resolveText(name, table);
      if (!name.trim()) continue;
      if (r.unresolved.length) {
        noteUnresolved(name, proj.uri);
        continue;
      }
      hostFact(r.value, proj.uri, 'restarted by the deployment');
    }
  }
  for (const exp of ws.configExports) {
    for (const h of exp.configExport!.hosts) {
      if (!h.name) continue;
      const f = hostFact(h.name, exp.uri, 'created by the configuration');
      f.declaredType = h.type;
    }
  }

  // ---- SQL instances and databases placed by configuration exports
  const instances = new Map<string, InstanceFact>();
  const tokenisedServers = new Sources(display);
  for (const exp of ws.configExports) {
    for (const d of exp.configExport!.databases) {
      const name = d.database ?? DEFAULT_DB_NAME[d.role];
      if (!d.server) {
        if (d.rawServer) tokenisedServers.add(exp.uri);
        continue;
      }
      if (!name) continue;
      const key = normaliseSqlName(d.server);
      let inst = instances.get(key);
      if (!inst) instances.set(key, (inst = { name: d.server.trim(), files: new Sources(display), databases: [] }));
      inst.files.add(exp.uri);
      used.add(exp.uri);
      let db = inst.databases.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!db) {
        const role = ROLE[d.role];
        inst.databases.push((db = { name, role: role && BIZTALK_DATABASES[name.toLowerCase()] !== role ? role : undefined, files: new Sources(display) }));
      }
      db.files.add(exp.uri);
    }
  }

  // ---- what addresses name: SharePoint farms, MSMQ servers, file shares
  const farms = new Map<string, { name: string; files: Sources }>();
  const msmq = new Map<string, { name: string; files: Sources }>();
  const shares = new Map<string, { path: string; files: Sources }>();
  const add = (m: Map<string, { name: string; files: Sources }>, name: string, uri: string) => {
    const key = name.toLowerCase();
    let e = m.get(key);
    if (!e) m.set(key, (e = { name, files: new Sources(display) }));
    e.files.add(uri);
    used.add(uri);
  };
  for (const h of handlers(ws)) {
    const adapter = h.transport.adapterKey;
    if (WSS_ADAPTERS.includes(adapter)) {
      const site = urlHost(setting(ws, h, 'SiteUrl')?.value) ?? urlHost(effectiveAddress(ws, h)?.value);
      if (site) add(farms, site, h.doc.uri);
    } else if (isMsmq(h)) {
      const q = msmqQueue(ws, h);
      const machine = q && !q.unresolved.length ? queueMachineAsWritten(q.value) : undefined;
      if (machine && !LOCAL.has(machine.toLowerCase())) add(msmq, machine, h.doc.uri);
    } else if (adapter === 'wcf-netmsmq') {
      const a = effectiveAddress(ws, h);
      const m = a && !a.unresolved.length ? /^net\.msmq:\/\/([^/:]+)/i.exec(a.value.trim()) : null;
      if (m && !LOCAL.has(m[1].toLowerCase())) add(msmq, m[1], h.doc.uri);
    }
    if (isFile(h)) {
      const a = effectiveAddress(ws, h);
      const share = a && !a.unresolved.length ? uncShareAsWritten(a.value) : undefined;
      if (share) {
        const key = share.toLowerCase();
        let e = shares.get(key);
        if (!e) shares.set(key, (e = { path: share, files: new Sources(display) }));
        e.files.add(h.doc.uri);
        used.add(h.doc.uri);
      }
    }
  }

  // ---- SSO
  let secretFile: { value: string; uri: string } | undefined;
  for (const exp of ws.configExports) {
    const f = exp.configExport!.sso?.backupFile;
    if (f && !secretFile && !isPlaceholder(f)) secretFile = { value: f, uri: exp.uri };
  }

  // ---- the document
  let placeholders = 0;
  const ph = (p: string) => {
    placeholders += (p.match(/<<[^<>\r\n]{1,80}>>/g) ?? []).length;
    return p;
  };
  const root = new YMap();
  root.set('topology', 1, 'format version');
  root.set(
    'environment',
    env,
    foundIn ? `from ${foundIn}` : assumed ? 'assumed: no file names an environment; change it if this describes development, test or staging' : undefined,
  );
  root.set(
    'biztalk',
    new YMap().set('version', ph('<<BizTalk version: 2020, 2016, 2013R2, ...>>')).set('edition', ph('<<Enterprise, Standard, Branch or Developer>>')),
    undefined,
    [''],
  );
  root.set('policy', new YMap().set('rpoMinutes', ph('<<minutes of data you may lose>>')));

  // servers
  // IIS on the BizTalk servers: isolated hosts run there, and so do the applications a deployment creates.
  const iisApps = ws.btdfProjects.find((d) => d.btdfProject!.includeVirtualDirectories !== false && d.btdfProject!.virtualDirectories.length);
  if (iisApps) used.add(iisApps.uri);
  const isolated = [...hosts.values()].some((h) => hostType(h) === 'isolated') || !!iisApps;
  const servers = new YSeq();
  const backupOf = (kinds: string[]) => {
    const b = new YMap();
    for (const k of kinds) b.set(k, new YMap().set('schedule', ph(P.schedule)).set('destination', ph(uncPlaceholder('backup server', k))));
    return b;
  };
  if (hosts.size) {
    const roles = isolated ? ['biztalk', 'iis'] : ['biztalk'];
    for (const s of [P.server1, P.server2]) {
      servers.items.push(new YMap().set('name', ph(s)).set('roles', new YSeq(roles, true)).set('backup', backupOf(isolated ? ['windows', 'iis'] : ['windows'])));
    }
  }
  const sqlMachines = new Map<string, { name: string; files: Sources }>();
  for (const inst of instances.values()) {
    const machine = inst.name.replace(/,\s*\d+$/, '').split('\\')[0].trim();
    if (!machine || /^(\.|\(local\)|localhost)$/i.test(machine)) continue;
    let m = sqlMachines.get(machine.toLowerCase());
    if (!m) sqlMachines.set(machine.toLowerCase(), (m = { name: machine, files: new Sources(display) }));
    m.files.merge(inst.files);
  }
  const serverComments: (string | undefined)[] = servers.items.map((_, i) =>
    i === 0 ? `BizTalk servers: the machines that run host instances${iisApps ? `; IIS for the applications of ${display(iisApps.uri)}` : ''}` : undefined,
  );
  for (const m of sqlMachines.values()) {
    servers.items.push(new YMap().set('name', m.name, `SQL Server in ${m.files}`).set('roles', new YSeq(['sql'], true)).set('backup', backupOf(['windows', 'sql'])));
    serverComments.push(undefined);
  }
  if (servers.items.length) root.set('servers', new YSeq(servers.items, false, serverComments), 'every machine that matters', ['']);

  // SQL instances
  if (instances.size) {
    const list = new YSeq();
    const comments: (string | undefined)[] = [];
    for (const inst of instances.values()) {
      const m = new YMap();
      m.set('name', inst.name, `databases placed by ${inst.files}`);
      m.set('failoverCluster', new YMap().set('nodes', new YSeq([ph(P.node1), ph(P.node2)], true)), undefined, [
        'A failover cluster instance? Name its nodes. An availability group: write availabilityGroup instead.',
        'Neither: delete failoverCluster (btslint then reports the databases that need one).',
      ]);
      const olapOnly = inst.databases.every((d) => OLAP_ROLES.has(d.role ?? BIZTALK_DATABASES[d.name.toLowerCase()] ?? ''));
      if (!olapOnly) {
        m.set(
          'volumes',
          new YSeq([
            new YMap().set('drive', ph(P.dataDrive)).set('raid', ph(P.raid)).set('holds', new YSeq(['data'], true)),
            new YMap().set('drive', ph(P.logDrive)).set('raid', ph(P.raid)).set('holds', new YSeq(['log'], true)),
          ]),
        );
      }
      const dbs = new YSeq();
      const dbComments: (string | undefined)[] = [];
      for (const d of inst.databases) {
        const dm = new YMap().set('name', d.name, `${d.files}`);
        if (d.role) dm.set('role', d.role);
        const role = d.role ?? BIZTALK_DATABASES[d.name.toLowerCase()];
        if (!OLAP_ROLES.has(role ?? '')) {
          dm.set('dataVolume', ph(P.dataDrive)).set('logVolume', ph(P.logDrive));
        }
        dbs.items.push(dm);
        dbComments.push(undefined);
      }
      m.set('databases', dbs);
      list.items.push(m);
      comments.push(undefined);
    }
    root.set('sqlInstances', list, undefined, ['', ...(tokenisedServers.size ? [`Not placed: databases whose server is a token in ${tokenisedServers}.`] : [])]);
  } else {
    root.set('sqlInstances', new YSeq([new YMap().set('name', ph('<<SQL instance: SERVER\\INSTANCE>>'))]), 'no configuration export places the BizTalk databases', ['']);
  }

  // hosts
  if (hosts.size || unresolved.size) {
    const list = new YSeq();
    for (const h of [...hosts.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))) {
      const m = new YMap();
      const why = [...h.uses].map(([use, files]) => `${use} in ${files}${h.token && use === h.tokenUse ? ` (${h.token})` : ''}`).join('; ');
      m.set('name', h.name, why);
      const t = hostType(h);
      if (t) m.set('type', t);
      m.set('instances', new YSeq([ph(P.server1), ph(P.server2)], true));
      list.items.push(m);
    }
    const notes = [...unresolved].map(([raw, s]) => `Not listed: host ${raw} in ${s}, which no settings for ${assumed ? 'this workspace' : env} define.`);
    if (list.items.length) root.set('hosts', list, 'BizTalk hosts, as the bindings and exports name them', ['', ...notes]);
    else if (notes.length) root.entries[root.entries.length - 1].before = [...(root.entries[root.entries.length - 1].before ?? []), ...notes];
  }

  // SSO
  const sso = new YMap().set('masterSecretServer', ph('<<master secret server>>')).set('clustered', ph('<<SSO clustered: true or false>>'));
  const secret = new YMap();
  if (secretFile) {
    secret.set('destination', secretFile.value, display(secretFile.uri));
    used.add(secretFile.uri);
  } else secret.set('destination', ph(uncPlaceholder('secure server', 'SSO\\master-secret.bak')));
  secret.set('lastBackup', ph('<<YYYY-MM-DD>>'));
  sso.set('secretBackup', secret);
  root.set('sso', sso, undefined, ['']);

  // backups
  const backup = new YMap();
  backup.set(
    'biztalkJob',
    new YMap()
      .set('enabled', ph('<<job enabled: true or false>>'))
      .set('fullDestination', ph(uncPlaceholder('backup server', 'full')))
      .set('logDestination', ph(uncPlaceholder('backup server', 'log')))
      .set('logIntervalMinutes', ph('<<minutes between log backups>>'))
      .set('fileRetention', new YMap().set('method', ph('<<cleanup method>>')).set('daysToKeep', ph('<<days of backup files kept>>'))),
    'the Backup BizTalk Server job',
  );
  backup.set('offsite', new YMap().set('location', ph('<<off-site location>>')).set('schedule', ph('<<off-site schedule>>')).set('copies', ph('<<copies kept off site>>')));
  backup.set('restoreTest', new YMap().set('last', ph('<<YYYY-MM-DD>>')).set('everyDays', ph('<<days between restore tests>>')));
  root.set('backup', backup, undefined, ['']);

  if (farms.size) {
    root.set(
      'sharepoint',
      new YSeq([...farms.values()].map((f) => new YMap().set('name', f.name, `WSS adapter in ${f.files}`).set('backup', new YMap().set('schedule', ph(P.schedule)).set('destination', ph(uncPlaceholder('backup server', 'sharepoint')))))),
      'SharePoint farms the WSS adapter uses',
      [''],
    );
  }
  if (shares.size) {
    root.set('fileShares', new YSeq([...shares.values()].map((s) => new YMap().set('path', s.path, `FILE adapter in ${s.files}`).set('highlyAvailable', ph('<<highly available: true or false>>')))), undefined, ['']);
  }
  if (msmq.size) {
    root.set('msmqServers', new YSeq([...msmq.values()].map((s) => new YMap().set('name', s.name, `MSMQ queues in ${s.files}`).set('clustered', ph('<<clustered MSMQ resource>>')))), undefined, ['']);
  }

  root.set('dr', new YMap().set('logShipping', ph('<<log shipping: biztalk or none>>')).set('destinationInstances', new YSeq([ph('<<DR SQL instance>>')], true)), 'the disaster-recovery site', ['']);

  const header = [
    `The ${env} topology, written by \`btslint init\`${used.size ? ` from ${used.size} file${used.size === 1 ? '' : 's'}` : ''}.`,
    'A value read from a file carries a comment naming the file. Every <<placeholder>> is a fact only your',
    'team knows: fill it in (btslint reports each one until you do). The format: docs/topology.md.',
  ];
  const text = emitDocument(header, root, eol);
  return {
    environment: env,
    foundIn,
    fileName: assumed ? 'btslint.topology.yaml' : `${env}.topology.yaml`,
    text,
    hosts: [...hosts.values()].map((h) => h.name),
    sqlInstances: [...instances.values()].map((i) => i.name),
    databases: [...instances.values()].flatMap((i) => i.databases.map((d) => d.name)),
    placeholders,
    sources: used.all(),
  };
}

function hostType(h: HostFact): 'in-process' | 'isolated' | undefined {
  if (h.declaredType) return h.declaredType;
  return h.types.size === 1 ? [...h.types][0] : undefined;
}

const LOCAL = new Set(['.', 'localhost', '(local)', '127.0.0.1', '::1']);

function urlHost(url: string | undefined): string | undefined {
  const m = url && /^[a-z]+:\/\/([^/:?#]+)/i.exec(url.trim());
  return m && !hasToken(m[1]) ? m[1] : undefined;
}

/** The machine of an MSMQ queue path, as written (queueMachine lower-cases it). */
function queueMachineAsWritten(queue: string): string | undefined {
  const lower = queueMachine(queue);
  if (!lower) return undefined;
  const i = queue.toLowerCase().indexOf(lower);
  return i >= 0 ? queue.slice(i, i + lower.length) : lower;
}

/** `\\server\share` of a UNC path, as written; undefined when not UNC or tokenised. */
function uncShareAsWritten(path: string): string | undefined {
  const m = /^(?:\\\\|\/\/)([^\\/]+)[\\/]([^\\/]+)/.exec(path.trim());
  if (!m || hasToken(m[0]) || /[*?]/.test(m[2])) return undefined;
  return `\\\\${m[1]}\\${m[2]}`;
}

/** The hosts of the orchestrations a binding file binds: ModuleRef/Services/Service/Host. */
export function orchestrationHosts(doc: BtsDocument): { name: string; type?: 'in-process' | 'isolated' }[] {
  const root = doc.xml?.root;
  const out: { name: string; type?: 'in-process' | 'isolated' }[] = [];
  const refs = root ? child(root, 'ModuleRefCollection') : undefined;
  for (const ref of refs ? children(refs, 'ModuleRef') : []) {
    const services = child(ref, 'Services');
    for (const svc of services ? children(services, 'Service') : []) {
      const host = child(svc, 'Host');
      const name = host ? attrValue(host, 'Name')?.trim() : undefined;
      if (!host || !name) continue;
      const t = attrValue(host, 'Type')?.trim();
      out.push({ name, type: t === '1' ? 'in-process' : t === '2' ? 'isolated' : undefined });
    }
  }
  return out;
}

