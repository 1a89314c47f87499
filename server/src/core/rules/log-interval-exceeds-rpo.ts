import { declaration, defineRule, placeholder, suggestion } from './api';
import { missingAnchor } from './shared';
import { CFG_JOB, SCHED } from './sources';

/** MarkAndBackupLogSched's default period. */
export const DEFAULT_LOG_INTERVAL = 15;

export default defineRule({
  meta: {
    id: 'log-interval-exceeds-rpo',
    description: 'The log backups of the Backup BizTalk Server job run less often than the recovery point objective allows, or no recovery point objective is declared.',
    defaultSeverity: 'error',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'full',
    sources: [SCHED, CFG_JOB],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.section('backup')?.get('biztalkJob');
    if (!job || !job.isMap) return; // backup-job-missing-or-disabled reports it
    const intervalNode = job.get('logIntervalMinutes');
    const interval = typeof intervalNode?.value === 'number' ? intervalNode.value : intervalNode ? undefined : DEFAULT_LOG_INTERVAL;
    if (interval === undefined) return; // not a number: the schema reports it
    const rpoNode = topo.section('policy')?.get('rpoMinutes');
    const every = `every ${interval} minute${interval === 1 ? "" : "s"}${intervalNode ? '' : ' (the MarkAndBackupLogSched default)'}`;
    if (!rpoNode || typeof rpoNode.value !== 'number') {
      if (rpoNode) return; // a value that is not a number: the schema reports it
      const at = missingAnchor(topo, ['policy', 'rpoMinutes']);
      ctx.report({
        doc: topo.doc,
        range: at.range,
        severity: 'info',
        message: `No recovery point objective is declared (policy.rpoMinutes), so btslint cannot tell whether log backups ${every} are often enough. A restore with BizTalk log shipping goes back to the last log backup mark: up to ${interval} minutes of messages are lost. Declare how much loss is acceptable.`,
        nodePath: 'policy.rpoMinutes',
        fix: declaration('Declare the recovery point objective', ctx.edit.ensure(['policy', 'rpoMinutes'], placeholder('minutes of data you may lose'))),
      });
      return;
    }
    const rpo = rpoNode.value;
    if (interval <= rpo) return;
    const related = [{ uri: topo.uri, range: rpoNode.entryRange, message: `The recovery point objective is ${rpo} minutes` }];
    if (rpo < 1) {
      ctx.report({
        doc: topo.doc,
        range: intervalNode ? intervalNode.range : job.keyRange,
        message: `The recovery point objective is ${rpo} minutes, but backups always lose what was written since the last log backup (${every}). No backup interval meets a zero RPO: only a synchronous failover cluster or availability group keeps every transaction; declare the RPO your backups can meet for a site loss.`,
        nodePath: 'backup.biztalkJob.logIntervalMinutes',
        related,
      });
      return;
    }
    ctx.report({
      doc: topo.doc,
      range: intervalNode ? intervalNode.range : job.keyRange,
      message: `The log backups run ${every}, but the recovery point objective is ${rpo} minutes: a restore goes back to the last log backup mark and can lose up to ${interval} minutes of messages. Schedule MarkAndBackupLogSched every ${rpo} minutes or less.`,
      nodePath: 'backup.biztalkJob.logIntervalMinutes',
      related,
      suggestions: [suggestion(`The job now backs up the logs every ${rpo} minutes (MarkAndBackupLogSched): declare it`, intervalNode ? ctx.edit.replace(intervalNode, rpo) : ctx.edit.insertKey(job, 'logIntervalMinutes', rpo))],
    });
  },
});
