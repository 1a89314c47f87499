import { defineRule } from './api';
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
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const methods = topo.section('backup')?.get('otherMethods');
    for (const m of methods?.strings() ?? []) {
      if (m.str !== 'ag-secondary') continue;
      const job = topo.section('backup')?.get('biztalkJob');
      const jobOn = job?.isMap && job.get('enabled')?.value === true;
      ctx.report({
        doc: topo.doc,
        range: m.range,
        message: `The availability group's secondary replicas are listed as a backup method (backup.otherMethods: ag-secondary). Microsoft: "Secondary databases in availability group are not backups": a replica applies every change at once, deletions and corruption included, and keeps no point to go back to. ${jobOn ? 'Keep the Backup BizTalk Server job as the backup, and remove ag-secondary from the list.' : 'Back the databases up with the Backup BizTalk Server job, the only supported method.'}`,
        nodePath: 'backup.otherMethods:ag-secondary',
      });
    }
  },
});
