import type { Scalar } from 'yaml';
import { yaml } from '../lazy';
import { defineRule } from './api';

export default defineRule({
  meta: {
    id: 'unfilled-placeholder',
    description: 'A value is still a <<placeholder>> that a btslint quick-fix inserted and nobody has filled in.',
    defaultSeverity: 'warning',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const re = /<<([^<>\r\n]{1,80})>>/g;
    yaml().visit(topo.root.doc, {
      Scalar(_key, node: Scalar) {
        if (!yaml().isScalar(node) || typeof node.value !== 'string' || !node.range) return;
        const value = node.value;
        if (!value.includes('<<')) return;
        const raw = topo.doc.text.slice(node.range[0], node.range[1]);
        for (const m of raw.matchAll(re)) {
          const start = node.range[0] + m.index!;
          ctx.report({
            doc: topo.doc,
            range: { start, end: start + m[0].length },
            message: `Fill in ${m[1]}: this placeholder was inserted by a quick-fix and still stands for a real value.`,
            nodePath: `placeholder:${m[0]}`,
          });
        }
      },
    });
  },
});
