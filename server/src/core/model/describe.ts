// What btslint read from each document, as plain JSON (`btslint model --json`): the first thing to
// look at when a finding surprises you.

import type { BtsDocument } from '../document';
import { TopologyView } from './join';

export interface DescribedDocument {
  path: string;
  kind: string;
  encoding: string;
  problems: number;
  [key: string]: unknown;
}

export function describeModel(doc: BtsDocument, path: string = doc.uri): DescribedDocument {
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
  if (doc.configExport) {
    out.databases = doc.configExport.databases.map((d) => ({ role: d.role, database: d.database ?? null, server: d.server ?? null, raw: { server: d.rawServer, database: d.rawDatabase } }));
    if (doc.configExport.sso) out.sso = { createsSecretServer: doc.configExport.sso.createsSecretServer, backupFile: doc.configExport.sso.backupFile ?? null };
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
