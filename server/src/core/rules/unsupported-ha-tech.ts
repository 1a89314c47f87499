import { defineRule } from './api';
import { NodePath } from './nodePath';
import { HADB, MIRRORING_VSS, WHAT_IS_LOG_SHIPPING } from './sources';

const WORDS: Record<string, string> = {
  mirroring: 'database mirroring, which Microsoft does not support for the BizTalk databases',
  vss: 'VSS snapshots, which do not keep the BizTalk databases consistent with one another',
  'sql-log-shipping': "SQL Server's own log shipping, which is not supported for the databases of the Backup BizTalk Server job",
};

export default defineRule({
  meta: {
    id: 'unsupported-ha-tech',
    description: 'Database mirroring, VSS snapshots or SQL Server log shipping is declared as the high-availability or disaster-recovery method of the BizTalk databases.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [MIRRORING_VSS, WHAT_IS_LOG_SHIPPING, HADB],
    messages: {
      unsupported: 'SQL instance "{{instance}}" relies on {{method}}. Use a failover cluster instance or an availability group for high availability, and BizTalk log shipping for disaster recovery.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const m = inst.get('haMethod');
      const method = m?.str?.toLowerCase();
      if (!m || !method || !WORDS[method]) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      ctx.report({
        doc: topo.doc,
        range: m.range,
        messageId: 'unsupported',
        data: { instance: name, method: WORDS[method] },
        nodePath: NodePath.sqlInstance(name).key('haMethod'),
      });
    }
  },
});
