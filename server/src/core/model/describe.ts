// What btslint read from each document, as plain JSON (`btslint model --json`): the first thing to
// look at when a finding surprises you.

import type { BtsDocument } from '../document';
import { handlers, TopologyView } from './join';
import type { Workspace } from './join';
import { findTokens, soleEnvironment, tokenTable } from './tokens';

export interface DescribedDocument {
  path: string;
  kind: string;
  encoding: string;
  problems: number;
  [key: string]: unknown;
}

/**
 * `ws`, when given, adds what the document means in its workspace: the application an extracted MSI's
 * ApplicationDefinition.adf says a binding belongs to, and `${Token}` host names resolved from the
 * Deployment Framework settings of the workspace's environment.
 */
export function describeModel(doc: BtsDocument, path: string = doc.uri, ws?: Workspace): DescribedDocument {
  const out: DescribedDocument = { path, kind: doc.kind, encoding: doc.encoding, problems: doc.problems.length };
  if (doc.binding) {
    const b = doc.binding;
    out.sendPorts = b.sendPorts.map((sp) => ({
      name: sp.name,
      isStatic: sp.isStatic,
      adapter: sp.primary?.adapter?.value ?? null,
      address: sp.primary?.address?.value ?? null,
      host: sp.primary?.host?.value ?? null,
    }));
    out.receiveLocations = b.receiveLocations.map((rl) => ({
      name: rl.name,
      receivePort: rl.receivePort,
      adapter: rl.transport.adapter?.value ?? null,
      address: rl.transport.address?.value ?? null,
      host: rl.transport.host?.value ?? null,
    }));
    const hosts = new Set<string>();
    const adapters = new Set<string>();
    for (const sp of b.sendPorts) for (const t of [sp.primary, sp.secondary]) {
      if (t?.host) hosts.add(t.host.value);
      if (t?.adapter) adapters.add(t.adapter.value);
    }
    for (const rl of b.receiveLocations) {
      if (rl.transport.host) hosts.add(rl.transport.host.value);
      if (rl.transport.adapter) adapters.add(rl.transport.adapter.value);
    }
    out.hosts = [...hosts].sort();
    out.adapters = [...adapters].sort();
  }
  if (doc.binding && ws) describeBindingInWorkspace(doc, ws, out);
  if (doc.configExport) {
    out.databases = doc.configExport.databases.map((d) => ({ role: d.role, database: d.database ?? null, server: d.server ?? null, raw: { server: d.rawServer, database: d.rawDatabase } }));
    out.configuredHosts = (doc.configExport.hosts ?? []).map((h) => ({ name: h.name ?? null, type: h.type, trusted: h.trusted ?? null, is32Bit: h.is32Bit ?? null, raw: h.rawName }));
    if (doc.configExport.sso) out.sso = { createsSecretServer: doc.configExport.sso.createsSecretServer, backupFile: doc.configExport.sso.backupFile ?? null };
  }
  if (doc.btdfProject) {
    const p = doc.btdfProject;
    out.project = p.property('ProjectName')?.value ?? null;
    out.includeSSO = p.includeSSO ?? null;
    out.usingMasterBindings = p.usingMasterBindings ?? null;
    out.virtualDirectories = p.virtualDirectories.map((v) => ({ name: v.name, physicalPath: v.physicalPath ?? null, appPool: v.appPool ?? null }));
    out.restartsHosts = p.hosts;
    out.propsFromEnvSettings = p.propsFromEnvSettings;
  }
  if (doc.settingsWorkbook) {
    const w = doc.settingsWorkbook;
    out.environments = w.environments.map((e) => ({ name: e.name, column: e.column, settingsFile: e.settingsFile ?? null, generate: e.generate ?? null }));
    out.settings = w.settings.map((s) => ({
      name: s.name,
      default: s.defaultValue?.value ?? null,
      values: Object.fromEntries(w.environments.map((e) => [e.name + (w.environments.filter((x) => x.name === e.name).length > 1 ? ` (column ${e.column})` : ''), s.values.get(e.column)?.value ?? s.defaultValue?.value ?? null])),
    }));
  }
  if (doc.settingsExport) {
    out.environment = doc.settingsExport.environment ?? null;
    out.settings = Object.fromEntries(doc.settingsExport.properties.map((p) => [p.name, p.value]));
  }
  if (doc.appDefinition) {
    const a = doc.appDefinition;
    out.application = a.displayName ?? null;
    out.properties = Object.fromEntries(a.properties.map((p) => [p.name, p.value]));
    out.resources = a.resources.map((r) => ({ type: r.type, luid: r.luid, files: r.files.map((f) => f.relativePath) }));
    out.bindings = a.bindings.map((r) => ({ luid: r.luid, fullName: r.properties.FullName ?? null, files: r.files.map((f) => f.relativePath) }));
    out.references = a.references;
  }
  if (doc.topology && doc.topology.root.isMap) {
    const t = new TopologyView(doc);
    out.environment = t.environment ?? null;
    out.hosts = t.hosts().map((h) => ({ name: h.get('name')?.str ?? null, clustered: h.get('clustered')?.value ?? null, instances: (h.get('instances')?.strings() ?? []).map((s) => s.str) }));
    out.sqlInstances = t.sqlInstances().map((i) => ({
      name: i.get('name')?.str ?? null,
      clustered: TopologyView.isClustered(i),
      databases: (i.get('databases')?.items() ?? []).map((d) => d.get('name')?.str),
    }));
    out.servers = t.servers().map((s) => s.get('name')?.str);
  }
  return out;
}

function folderOf(uri: string): string {
  const u = uri.replace(/\\/g, '/');
  const i = u.lastIndexOf('/');
  return i < 0 ? '' : u.slice(0, i).toLowerCase();
}

function baseOf(uri: string): string {
  return uri.replace(/^.*[\\/]/, '').toLowerCase();
}

/** The application of an extracted MSI, and host tokens resolved from the environment's settings. */
function describeBindingInWorkspace(doc: BtsDocument, ws: Workspace, out: DescribedDocument): void {
  // An ApplicationDefinition.adf in this folder or above (an extracted MSI) listing this file as a binding resource.
  const adf = ws.appDefinitions.find((a) => (folderOf(doc.uri) + '/').startsWith(folderOf(a.uri) + '/') && a.appDefinition!.bindings.some((r) => r.files.some((f) => baseOf(f.relativePath) === baseOf(doc.uri))));
  if (adf) out.application = adf.appDefinition!.displayName ?? null;
  const hostTokens = handlers({ ...ws, bindings: [doc] }).filter((h) => findTokens(h.transport.host!.value).length);
  if (!hostTokens.length) return;
  const env = ws.environment ?? soleEnvironment(ws);
  const table = tokenTable(ws, env);
  out.tokenEnvironment = env ?? null;
  out.tokenSources = table.sources.map((s) => s.label);
  out.resolvedHosts = hostTokens.map((h) => ({ endpoint: h.location?.name ?? h.port?.name ?? null, token: h.transport.host!.value, host: h.hostToken ? h.hostName : null }));
}
