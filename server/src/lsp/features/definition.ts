// Go to definition: from a binding's handler host to the topology's hosts[] entry; from a
// configuration export's <Server> to the topology's sqlInstances[] entry, and from its <Database>
// to the databases[] entry that declares it.

import type { Location } from 'vscode-languageserver';
import type { BtsDocument } from '../../core';
import { sameName, TopologyView, Workspace } from '../../core/model/join';
import type { LNode } from '../../core/readers/yamlNode';
import { exportDatabaseAt, handlerAt } from './locate';

function locationOf(topo: TopologyView, node: LNode): Location {
  const target = node.get('name') ?? node;
  return { uri: topo.uri, range: topo.doc.lines().range(target.range) };
}

export function definition(doc: BtsDocument, offset: number, ws: Workspace): Location[] | null {
  const topologies = ws.topologies.map((t) => new TopologyView(t));
  if (doc.binding) {
    const h = handlerAt(doc, offset);
    if (!h) return null;
    const out = topologies.flatMap((t) => {
      const host = t.findHost(h.hostName);
      return host ? [locationOf(t, host)] : [];
    });
    return out.length ? out : null;
  }
  if (doc.configExport) {
    const hit = exportDatabaseAt(doc, offset);
    if (!hit || !hit.db.server) return null;
    const out: Location[] = [];
    for (const t of topologies) {
      const inst = t.findInstance(hit.db.server);
      if (!inst) continue;
      if (hit.part === 'database' && hit.db.database) {
        const db = (inst.get('databases')?.items() ?? []).find((d) => sameName(d.get('name')?.str, hit.db.database));
        out.push(locationOf(t, db ?? inst));
      } else out.push(locationOf(t, inst));
    }
    return out.length ? out : null;
  }
  return null;
}
