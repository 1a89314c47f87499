import { defineRule, suggestion } from './api';
import { NodePath } from './nodePath';
import { AG } from './sources';

export default defineRule({
  meta: {
    id: 'ag-async-commit',
    description: 'An availability group holding BizTalk databases is declared with asynchronous commit, which BizTalk does not support.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'availability',
    sources: [AG],
    messages: {
      asynchronous: 'The availability group of "{{instance}}" uses asynchronous commit, which BizTalk does not support: a failover to a replica that lags behind breaks its distributed transactions. Use synchronous commit.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const mode = inst.get('availabilityGroup')?.get('availabilityMode');
      if (mode?.str?.toLowerCase() !== 'asynchronous') continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      ctx.report({
        doc: topo.doc,
        range: mode.range,
        messageId: 'asynchronous',
        data: { instance: name },
        nodePath: NodePath.sqlInstance(name).key('availabilityGroup', 'availabilityMode'),
        suggestions: [suggestion(`The availability group of ${name} now commits synchronously: declare it`, ctx.edit.replace(mode, 'synchronous'))],
      });
    }
  },
});
