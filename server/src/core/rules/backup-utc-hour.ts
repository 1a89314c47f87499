import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { NodePath } from './nodePath';
import { isBlank } from './shared';
import { CFG_JOB, SCHED } from './sources';

const FACT = placeholder('true once UseLocalTime is 1');

export default defineRule({
  meta: {
    id: 'backup-utc-hour',
    description: 'The Backup BizTalk Server job does not declare UseLocalTime, so its full backups run at hours counted in UTC.',
    defaultSeverity: 'info',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [SCHED, CFG_JOB],
    messages: {
      utc: 'The Backup BizTalk Server job counts hours in UTC (UseLocalTime 0): {{when}}, not local time. Set UseLocalTime to 1 in the BackupFull step, as Microsoft recommends, then declare useLocalTime: true.',
      undeclared: 'The Backup BizTalk Server job does not say it uses local time (useLocalTime); by default {{when}}. Set UseLocalTime to 1 in the BackupFull step, as Microsoft recommends, then declare useLocalTime: true.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
    if (!job || !job.isMap) return;
    const local = job.get('useLocalTime');
    if (local?.value === true || (local && isPlaceholderValue(local.str))) return; // a placeholder is unfilled-placeholder's
    const hour = job.get('backupHour');
    const when = typeof hour?.value === 'number' ? `BackupHour ${hour.value} is ${hour.value}:00 UTC` : 'full backups start at midnight UTC';
    const declaredOff = local && !isBlank(local);
    ctx.report({
      doc: topo.doc,
      range: declaredOff ? local.range : local ? local.entryRange : job.keyRange,
      messageId: declaredOff ? 'utc' : 'undeclared',
      data: { when },
      nodePath: NodePath.topology('backup', 'biztalkJob', 'useLocalTime'),
      fix: declaredOff ? undefined : declaration('Declare UseLocalTime', ctx.edit.setKey(job, 'useLocalTime', FACT)),
    });
  },
});
