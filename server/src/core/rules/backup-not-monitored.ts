import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { NodePath } from './nodePath';
import type { LNode } from '../readers/yamlNode';
import { isBlank } from './shared';
import { insertKeys } from './hostHelpers';
import { BP_DB, LOG_SHIPPING_DEST } from './sources';

const ALERT = placeholder('true once a failure raises an alert');
const TOOL = placeholder('monitoring tool');

export default defineRule({
  meta: {
    id: 'backup-not-monitored',
    description: 'No alert on failure is declared for the Backup BizTalk Server job, or for the BizTalk log-shipping jobs of the disaster-recovery site.',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [BP_DB, LOG_SHIPPING_DEST],
    messages: {
      noAlert: 'No alert is raised when {{what}} fails, so backups can stop unnoticed. Alert on the SQL Server Agent job failures (SCOM, an operator e-mail...), then declare alertOnFailure: true.',
      undeclared: 'The topology does not say how a failure of {{what}} is noticed ({{path}}.monitoring). Alert on the SQL Server Agent job failures (SCOM, an operator e-mail...), then declare monitoring: { alertOnFailure: true, tool: ... }.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
    if (job && job.isMap) check(job, ['backup', 'biztalkJob'], 'the Backup BizTalk Server job');
    const dr = topo.section('dr');
    if (dr && dr.isMap && dr.get('logShipping')?.str?.toLowerCase() === 'biztalk') check(dr, ['dr'], 'the BizTalk log-shipping jobs');

    function check(owner: LNode, keys: string[], what: string): void {
      const path = NodePath.topology(...keys);
      const mon = owner.get('monitoring');
      const alert = mon?.isMap ? mon.get('alertOnFailure') : undefined;
      if (alert?.value === true || (alert && isPlaceholderValue(alert.str))) return; // a placeholder is unfilled-placeholder's
      if (mon && !mon.isMap && !isBlank(mon)) return; // not a mapping: the schema reports it
      if (alert && !isBlank(alert)) {
        ctx.report({
          doc: topo!.doc,
          range: alert.range,
          messageId: 'noAlert',
          data: { what },
          nodePath: path.key('monitoring', 'alertOnFailure'),
        });
        return;
      }
      ctx.report({
        doc: topo!.doc,
        range: mon ? mon.entryRange : owner.keyRange,
        messageId: 'undeclared',
        data: { what, path: path.toString() },
        nodePath: path.key('monitoring'),
        fix: declaration(
          `Declare how ${what} is monitored`,
          !mon ? ctx.edit.insertKey(owner, 'monitoring', { alertOnFailure: ALERT, tool: TOOL }) : mon.isMap ? (alert ? ctx.edit.replace(alert, ALERT) : insertKeys(ctx, mon, mon.get('tool') ? { alertOnFailure: ALERT } : { alertOnFailure: ALERT, tool: TOOL })) : ctx.edit.replace(mon, { alertOnFailure: ALERT, tool: TOOL }),
        ),
      });
    }
  },
});
