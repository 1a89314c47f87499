// A preload for child processes (`node --require out/test/robustness/inject.js`, or NODE_OPTIONS):
// when BTSLINT_INJECT_THROWING_RULE is set, it registers one more rule, `test-throws`, whose check
// reports nothing and throws. The CLI and the language server load the same registry module, so they
// run it like any rule: the tests check that it is isolated (an internal-error finding and a log
// line), that every other rule still runs, and that the server keeps serving.

import type { Rule } from '../../server/src/core/rules/api';

if (process.env.BTSLINT_INJECT_THROWING_RULE) {
  const path = require('path') as typeof import('path');
  const registry = require(path.join(__dirname, '..', '..', 'server', 'src', 'core', 'rules', 'index.js')) as { allRules: Rule[] };
  const rule: Rule = {
    meta: {
      id: 'test-throws',
      description: 'A rule that always throws (robustness tests only).',
      defaultSeverity: 'warning',
      category: 'workspace',
      fixable: false,
      byEnvironment: 'full',
      sources: [],
      messages: {},
    },
    check(ctx) {
      // Reach into the workspace first, as a real rule would, then fail.
      void ctx.ws.documents.length;
      throw new TypeError('injected failure: cannot read properties of undefined (reading "nodes")');
    },
  };
  registry.allRules.push(rule);
}

export {};
