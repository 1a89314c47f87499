import { defineRule } from './api';
import { NodePath } from './nodePath';
import { AG, BACKING_UP_DBS } from './sources';

export default defineRule({
  meta: {
    id: 'ag-secondary-as-backup',
    description: 'The topology counts on availability group secondary replicas as a backup of the BizTalk databases.',
    defaultSeverity: 'error',
    category: 'dr',
    fixable: false,
    byEnvironment: 'full',
    sources: [AG, BACKING_UP_DBS],
    messages: {
      withJob: 'Secondary replicas are listed as a backup method (backup.otherMethods), but they are not backups: they apply deletions and corruption at once. Keep the Backup BizTalk Server job as the backup and remove ag-secondary.',
      withoutJob: 'Secondary replicas are listed as a backup method (backup.otherMethods), but they are not backups: they apply deletions and corruption at once. Back the databases up with the Backup BizTalk Server job.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const methods = topo.section('backup')?.get('otherMethods');
    for (const m of methods?.strings() ?? []) {
      if (m.str !== 'ag-secondary') continue;
      const job = topo.biztalkJob();
      const jobOn = job?.isMap && job.get('enabled')?.value === true;
      ctx.report({
        doc: topo.doc,
        range: m.range,
        messageId: jobOn ? 'withJob' : 'withoutJob',
        nodePath: NodePath.topology('backup', 'otherMethods').tag('ag-secondary'),
      });
    }
  },
});
