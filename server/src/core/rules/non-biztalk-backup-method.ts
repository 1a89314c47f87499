import { defineRule } from './api';
import { NodePath } from './nodePath';
import { BACKING_UP_DBS, MIRRORING_VSS } from './sources';

const WHAT: Record<string, string> = {
  'maintenance-plan': 'a SQL Server maintenance plan',
  vss: 'VSS snapshots',
  'third-party': 'a third-party backup',
};

export default defineRule({
  meta: {
    id: 'non-biztalk-backup-method',
    description: 'The topology relies on a SQL Server maintenance plan, VSS snapshots or a third-party tool to back up the BizTalk databases, which Microsoft does not support.',
    defaultSeverity: 'error',
    category: 'backup',
    fixable: false,
    byEnvironment: 'full',
    sources: [BACKING_UP_DBS, MIRRORING_VSS],
    messages: {
      besideJob: "The BizTalk databases are backed up by {{what}} (backup.otherMethods: {{method}}), which Microsoft does not support: only the Backup BizTalk Server job's marked backups restore to one consistent point. Rely on the job, and remove {{method}} from the list.",
      insteadOfJob: "The BizTalk databases are backed up by {{what}} (backup.otherMethods: {{method}}), which Microsoft does not support: only the Backup BizTalk Server job's marked backups restore to one consistent point. Back them up with the Backup BizTalk Server job instead.",
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
    const jobOn = !!job?.isMap && job.get('enabled')?.value === true;
    for (const m of topo.section('backup')?.get('otherMethods')?.strings() ?? []) {
      const what = WHAT[m.str ?? ''];
      if (!what) continue; // ag-secondary is ag-secondary-as-backup's
      ctx.report({
        doc: topo.doc,
        range: m.range,
        messageId: jobOn ? 'besideJob' : 'insteadOfJob',
        data: { what, method: m.str ?? '' },
        nodePath: NodePath.topology('backup', 'otherMethods').tag(m.str),
      });
    }
  },
});
