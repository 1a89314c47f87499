import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { NodePath } from './nodePath';
import { isBlank } from './shared';
import { SCHED } from './sources';

const PERIOD: Record<string, string> = { w: 'weekly', m: 'monthly', y: 'yearly' };
const FACT = placeholder('true once ForceFullBackupAfterPartialSetFailure is 1');

export default defineRule({
  meta: {
    id: 'full-backup-long-period-no-force',
    description: 'The Backup BizTalk Server job takes full backups weekly or less often, without ForceFullBackupAfterPartialSetFailure.',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [SCHED],
    messages: {
      declaredOff: "Full backups run {{period}} with ForceFullBackupAfterPartialSetFailure off, so after a failed full backup none is retried until the next period. Set the BackupFull step's parameter to 1, then declare forceFullAfterPartialFailure: true.",
      undeclared: 'Full backups run {{period}}, and the job does not say ForceFullBackupAfterPartialSetFailure is on (it is off by default), so a failed full backup waits for the next period. Set the parameter to 1, then declare forceFullAfterPartialFailure: true.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
    if (!job || !job.isMap) return;
    const freq = job.get('fullFrequency');
    const period = PERIOD[freq?.str?.toLowerCase() ?? ''];
    if (!freq || !period) return;
    const force = job.get('forceFullAfterPartialFailure');
    if (force?.value === true || (force && isPlaceholderValue(force.str))) return; // a placeholder is unfilled-placeholder's
    const declaredOff = force && !isBlank(force);
    ctx.report({
      doc: topo.doc,
      range: declaredOff ? force.range : freq.range,
      messageId: declaredOff ? 'declaredOff' : 'undeclared',
      data: { period },
      nodePath: NodePath.topology('backup', 'biztalkJob', 'forceFullAfterPartialFailure'),
      fix: declaredOff ? undefined : declaration('Declare ForceFullBackupAfterPartialSetFailure', ctx.edit.setKey(job, 'forceFullAfterPartialFailure', FACT)),
    });
  },
});
