import { declaration, defineRule, isPlaceholderValue, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { isBlank, missingAnchor } from './shared';
import { BACKING_UP_DBS, CFG_JOB, KB919776 } from './sources';

/** The job's defaults (CFG-JOB), with placeholders for what only the team can say. */
export const BACKUP_JOB_SKELETON = {
  enabled: placeholder('job enabled: true or false'),
  fullFrequency: 'd',
  fullDestination: `\\\\${placeholder('backup server')}\\${placeholder('share')}\\full`,
  logDestination: `\\\\${placeholder('backup server')}\\${placeholder('share')}\\log`,
  logIntervalMinutes: 15,
  daysToKeep: 14,
  forceFullAfterPartialFailure: true,
};

export default defineRule({
  meta: {
    id: 'backup-job-missing-or-disabled',
    description: 'The topology does not declare the "Backup BizTalk Server (BizTalkMgmtDb)" SQL Agent job, or declares it disabled.',
    defaultSeverity: 'error',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'full',
    sources: [KB919776, BACKING_UP_DBS, CFG_JOB],
    messages: {
      missing: 'No Backup BizTalk Server (BizTalkMgmtDb) job is declared (backup.biztalkJob); it is the supported way to back up the BizTalk databases. Enable the job and declare it.',
      disabled: 'The Backup BizTalk Server job is declared disabled, so no BizTalk database is backed up and the logs grow without bound. Enable the job (BizTalk leaves it disabled) and declare enabled: true.',
      notSaid: 'The Backup BizTalk Server job does not say it is enabled, and BizTalk leaves it disabled after configuration. Enable the job and declare enabled: true.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
    if (!job || !job.isMap) {
      const at = missingAnchor(topo, ['backup', 'biztalkJob']);
      ctx.report({
        doc: topo.doc,
        range: at.range,
        messageId: 'missing',
        nodePath: NodePath.topology('backup', 'biztalkJob'),
        fix: declaration('Declare the Backup BizTalk Server job', ctx.edit.ensure(['backup', 'biztalkJob'], BACKUP_JOB_SKELETON)),
      });
      return;
    }
    const enabled = job.get('enabled');
    if (enabled && enabled.value === true) return;
    // A placeholder the declaration inserted: unfilled-placeholder reports it, at this rule's severity.
    if (isPlaceholderValue(enabled?.str)) return;
    ctx.report({
      doc: topo.doc,
      range: enabled ? enabled.entryRange : job.keyRange,
      messageId: !isBlank(enabled) ? 'disabled' : 'notSaid',
      nodePath: NodePath.topology('backup', 'biztalkJob', 'enabled'),
      fix: enabled ? undefined : declaration('Declare whether the Backup BizTalk Server job is enabled', ctx.edit.insertKey(job, 'enabled', placeholder('job enabled: true or false'))),
      suggestions: [suggestion('The Backup BizTalk Server job is now enabled: declare it', ctx.edit.setKey(job, 'enabled', true))],
    });
  },
});
