import { declaration, defineRule, placeholder, suggestion } from './api';
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
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const ag = inst.get('availabilityGroup');
      if (!ag || !ag.isMap) continue;
      const dtc = ag.get('dtcSupport');
      if (dtc?.str === 'perDatabase') continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      ctx.report({
        doc: topo.doc,
        range: dtc ? dtc.range : ag.keyRange,
        message: `${dtc ? `The availability group of "${name}" is declared with dtcSupport: ${dtc.str ?? String(dtc.value)}` : `The availability group of "${name}" does not declare its DTC support (dtcSupport)`}. BizTalk runs distributed transactions across its databases; Microsoft: make sure the availability groups are created with the Per Database DTC Support option (DTC_SUPPORT = PER_DB).`,
        nodePath: `sqlInstances[name=${name}].availabilityGroup.dtcSupport`,
        fix: dtc ? undefined : declaration('Declare the DTC support of the availability group', ctx.edit.insertKey(ag, 'dtcSupport', placeholder('DTC support: perDatabase or none'))),
        suggestions: [suggestion(`The availability group of ${name} now has per-database DTC support: declare it`, dtc ? ctx.edit.replace(dtc, 'perDatabase') : ctx.edit.insertKey(ag, 'dtcSupport', 'perDatabase'))],
      });
    }
  },
});
