// Every declared scalar of a topology (YAML or JSON), by its path: what a fix or declaration must
// never change (only a suggestion may). A key written with nothing after it (`copies:`) or `~` declares
// nothing, so a change may fill it in.

import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';

export function topologyScalars(text: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const doc = parseDocument(text, { uniqueKeys: false });
  const walk = (node: unknown, path: string) => {
    if (isScalar(node)) {
      if (node.value !== null && node.value !== undefined) out.set(path, node.value);
    } else if (isMap(node)) {
      for (const p of node.items) {
        if (!isPair(p)) continue;
        const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
        walk(p.value, `${path}.${k}`);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, `${path}[${i}]`));
    }
  };
  walk(doc.contents, '');
  return out;
}

/** The declared scalars of `before` that `after` lost or changed, as readable lines (empty when none). */
export function changedScalars(before: string, after: string): string[] {
  const a = topologyScalars(before);
  const b = topologyScalars(after);
  const out: string[] = [];
  for (const [p, v] of a) if (!b.has(p) || b.get(p) !== v) out.push(`${p}: ${JSON.stringify(v)} -> ${b.has(p) ? JSON.stringify(b.get(p)) : '(gone)'}`);
  return out;
}
