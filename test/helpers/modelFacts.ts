// What a binding's model holds, as plain data, to compare two reads of one file: the editor's (the
// whole tree kept) and the command line's (the tree let go: document.ts letTreeGo). Used by
// test/core/treeLetGo.test.ts and treeLetGo.corpus.test.ts.

import * as fs from 'fs';
import * as path from 'path';
import type { BtsDocument } from '../../server/src/core/document';
import type { Transport } from '../../server/src/core/readers/binding';
import type { XmlElement, XmlNode } from '../../server/src/core/xml/parser';

/** A node and everything in it as plain data, parents left out (they are what differs). */
export function shape(n: XmlNode): unknown {
  if (n.kind !== 'element') return n.kind === 'comment' ? { ...n, parent: undefined } : { ...n };
  return { ...n, parent: undefined, children: n.children.map(shape) };
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

const range = (el: XmlElement | undefined) => el && [el.start, el.end, el.name];
function transportFacts(t: Transport | undefined) {
  return t && { adapter: t.adapter, address: t.address, host: t.host, addressComments: t.addressComments.map((c) => [c.start, c.end, c.contentStart, c.contentEnd]), handler: range(t.handlerElement), data: t.dataElement && shape(t.dataElement), settings: t.settings()?.all(), errors: t.settingsErrors() };
}
export function modelFacts(doc: BtsDocument) {
  const b = doc.binding!;
  return {
    send: b.sendPorts.map((p) => ({ name: p.name, nameRange: p.nameRange, isStatic: p.isStatic, isTwoWay: p.isTwoWay, element: range(p.element), primary: transportFacts(p.primary), secondary: transportFacts(p.secondary) })),
    receive: b.receivePorts.map((p) => ({ name: p.name, nameRange: p.nameRange, isTwoWay: p.isTwoWay, element: range(p.element), locations: p.locations.map((l) => l.name) })),
    locations: b.receiveLocations.map((l) => ({ name: l.name, nameRange: l.nameRange, receivePort: l.receivePort, enabled: l.enabled, element: range(l.element), transport: transportFacts(l.transport) })),
    orchestrations: b.orchestrations.map((o) => ({ name: o.name, nameRange: o.nameRange, assembly: o.assembly, host: o.host, element: range(o.element) })),
  };
}

