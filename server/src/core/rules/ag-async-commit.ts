import { defineRule, suggestion } from './api';
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
        message: `The availability group of "${name}" uses asynchronous commit. BizTalk keeps its databases consistent with one another through distributed transactions; a failover to a replica that lags behind breaks that. Microsoft: asynchronous-commit mode isn't supported; use synchronous commit.`,
        nodePath: `sqlInstances[name=${name}].availabilityGroup.availabilityMode`,
        suggestions: [suggestion(`The availability group of ${name} now commits synchronously: declare it`, ctx.edit.replace(mode, 'synchronous'))],
      });
    }
  },
});
