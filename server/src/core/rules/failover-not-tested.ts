import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { NodePath } from './nodePath';
import { dateOf, daysBetween, isBlank } from './shared';
import { CK_HA, AVAILABILITY_TESTING } from './sources';

/** Microsoft says "regularly" without a period; a year is btslint's outer bound for "regularly". */
const YEAR = 365;

export default defineRule({
  meta: {
    id: 'failover-not-tested',
    description: 'A failover cluster instance or availability group holding BizTalk databases declares no practised failover, or none in the last year.',
    defaultSeverity: 'warning',
    category: 'clustering',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [CK_HA, AVAILABILITY_TESTING],
    messages: {
      untested: 'The {{what}} of "{{instance}}" declares no practised failover (lastFailoverTest). Fail it over to another {{target}} on purpose, check that BizTalk carries on, and record the date.',
      stale: 'The {{what}} of "{{instance}}" was last failed over on purpose on {{date}}, {{days}} days ago. Practise the failover again, then record the date.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const name = inst.get('name')?.str ?? 'this SQL instance';
      for (const key of ['failoverCluster', 'availabilityGroup'] as const) {
        const ha = inst.get(key);
        if (!ha || !ha.isMap) continue;
        const what = key === 'failoverCluster' ? 'failover cluster instance' : 'availability group';
        const last = ha.get('lastFailoverTest');
        const path = NodePath.sqlInstance(name).key(key, 'lastFailoverTest');
        if (isBlank(last)) {
          ctx.report({
            doc: topo.doc,
            range: last ? last.entryRange : ha.keyRange,
            messageId: 'untested',
            data: { what, instance: name, target: key === 'failoverCluster' ? 'node' : 'replica' },
            nodePath: path,
            fix: declaration('Declare the last failover test', ctx.edit.setKey(ha, 'lastFailoverTest', placeholder('YYYY-MM-DD'))),
          });
          continue;
        }
        if (isPlaceholderValue(last!.str)) continue; // unfilled-placeholder reports it
        const date = dateOf(last!.str);
        if (!date) continue; // not a date: the schema reports it
        const age = daysBetween(date, ctx.now);
        if (age <= YEAR) continue;
        ctx.report({
          doc: topo.doc,
          range: last!.range,
          messageId: 'stale',
          data: { what, instance: name, date: last!.str ?? '', days: age },
          nodePath: path,
        });
      }
    }
  },
});
