import { declaration, defineRule, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { AG } from './sources';

export default defineRule({
  meta: {
    id: 'ag-dtc-per-db-missing',
    description: 'An availability group holding BizTalk databases does not declare per-database DTC support.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'wrong-processing',
    sources: [AG],
    messages: {
      missing: 'The availability group of "{{instance}}" does not declare its DTC support. Declare dtcSupport: perDatabase once the group is created WITH (DTC_SUPPORT = PER_DB).',
      none: 'The availability group of "{{instance}}" is declared with dtcSupport: {{value}}, and BizTalk needs per-database DTC support. Create the group WITH (DTC_SUPPORT = PER_DB) and declare dtcSupport: perDatabase.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const ag = inst.get('availabilityGroup');
      if (!ag || !ag.isMap) continue;
      const dtc = ag.get('dtcSupport');
      // perDatabase, or PER_DB as T-SQL writes it: both say per-database DTC support.
      if (dtc?.str && /^(perDatabase|per_db)$/i.test(dtc.str.trim())) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      ctx.report({
        doc: topo.doc,
        range: dtc ? dtc.range : ag.keyRange,
        messageId: dtc ? 'none' : 'missing',
        data: { instance: name, value: dtc ? dtc.str ?? String(dtc.value) : '' },
        nodePath: NodePath.sqlInstance(name).key('availabilityGroup', 'dtcSupport'),
        fix: dtc ? undefined : declaration('Declare the DTC support of the availability group', ctx.edit.insertKey(ag, 'dtcSupport', placeholder('DTC support: perDatabase or none'))),
        suggestions: [suggestion(`The availability group of ${name} now has per-database DTC support: declare it`, ctx.edit.setKey(ag, 'dtcSupport', 'perDatabase'))],
      });
    }
  },
});
