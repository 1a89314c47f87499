import { declaration, defineRule, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { CFG_JOB, POST_CONFIG } from './sources';

export default defineRule({
  meta: {
    id: 'no-backup-file-cleanup',
    description: 'Nothing is declared to delete old backup files of the Backup BizTalk Server job, or sp_DeleteBackupHistoryAndFiles is set to keep one day or less (when it deletes nothing).',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'full',
    sources: [CFG_JOB, POST_CONFIG],
    messages: {
      noRetention: 'The Backup BizTalk Server job declares nothing that deletes old backup files; its Clear Backup History step does not, so the backup disk fills up. Declare fileRetention: sp_DeleteBackupHistoryAndFiles, a cleanup task or an archive job.',
      noMethod: 'fileRetention does not say what deletes the old backup files. Declare its method: delete-history-and-files, maintenance-plan, archive-job, storage-lifecycle or other.',
      daysTooFew: 'Old backup files are deleted by sp_DeleteBackupHistoryAndFiles with {{days}} to keep, and the procedure deletes nothing when @DaysToKeep is 1 or less. Keep at least 2 days (14 is the default).',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
    if (!job || !job.isMap) return; // backup-job-missing-or-disabled reports it
    const fr = job.get('fileRetention');
    if (!fr || !fr.isMap) {
      if (fr && fr.node && !fr.isMap) return; // not a mapping: the schema reports it
      ctx.report({
        doc: topo.doc,
        range: job.keyRange,
        messageId: 'noRetention',
        nodePath: NodePath.topology('backup', 'biztalkJob', 'fileRetention'),
        fix: declaration('Declare how old backup files are deleted', ctx.edit.insertKey(job, 'fileRetention', { method: placeholder('cleanup method'), daysToKeep: placeholder('days of backup files kept') })),
      });
      return;
    }
    const method = fr.get('method');
    if (!method) {
      ctx.report({
        doc: topo.doc,
        range: fr.keyRange,
        messageId: 'noMethod',
        nodePath: NodePath.topology('backup', 'biztalkJob', 'fileRetention', 'method'),
        fix: declaration('Declare the cleanup method', ctx.edit.insertKey(fr, 'method', placeholder('cleanup method'))),
      });
      return;
    }
    if (method.str !== 'delete-history-and-files') return;
    // sp_DeleteBackupHistoryAndFiles takes the job's @DaysToKeep unless fileRetention says otherwise.
    const daysNode = fr.get('daysToKeep') ?? job.get('daysToKeep');
    if (!daysNode || typeof daysNode.value !== 'number' || daysNode.value > 1) return;
    ctx.report({
      doc: topo.doc,
      range: daysNode.range,
      messageId: 'daysTooFew',
      data: { days: `${String(daysNode.value)} day${daysNode.value === 1 ? '' : 's'}` },
      nodePath: NodePath.topology('backup', 'biztalkJob', 'fileRetention', 'daysToKeep'),
      suggestions: [suggestion('The cleanup now keeps 14 days of backup files: declare it', ctx.edit.replace(daysNode, 14))],
    });
  },
});
