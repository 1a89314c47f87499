import { declaration, defineRule, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
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
    messages: {
      noRpo: 'No recovery point objective is declared (policy.rpoMinutes), so btslint cannot tell whether log backups {{every}} are often enough (up to {{interval}} minutes of messages lost). Declare how much loss is acceptable.',
      zeroRpo: 'The recovery point objective is {{rpo}} minutes, which no backup meets: a restore loses what was written since the last log backup ({{every}}). Declare the RPO your backups can meet for a site loss.',
      exceeds: 'The log backups run {{every}}, but the recovery point objective is {{rpo}} minutes: a restore can lose up to {{interval}} minutes of messages. Schedule MarkAndBackupLogSched every {{rpo}} minutes or less.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
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
        messageId: 'noRpo',
        data: { every, interval },
        nodePath: NodePath.topology('policy', 'rpoMinutes'),
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
        messageId: 'zeroRpo',
        data: { rpo, every },
        nodePath: NodePath.topology('backup', 'biztalkJob', 'logIntervalMinutes'),
        related,
      });
      return;
    }
    ctx.report({
      doc: topo.doc,
      range: intervalNode ? intervalNode.range : job.keyRange,
      messageId: 'exceeds',
      data: { every, rpo, interval },
      nodePath: NodePath.topology('backup', 'biztalkJob', 'logIntervalMinutes'),
      related,
      suggestions: [suggestion(`The job now backs up the logs every ${rpo} minutes (MarkAndBackupLogSched): declare it`, ctx.edit.setKey(job, 'logIntervalMinutes', rpo))],
    });
  },
});
