import { defineRule } from './api';
import { HADB, MIRRORING_VSS, WHAT_IS_LOG_SHIPPING } from './sources';

const WORDS: Record<string, string> = {
  mirroring: 'database mirroring, which Microsoft does not support for the BizTalk databases',
  vss: 'VSS snapshots, which are not a supported way to protect the BizTalk databases (they do not keep the databases consistent with one another)',
  'sql-log-shipping': "SQL Server's own log shipping, which is not supported for the databases of the Backup BizTalk Server job; BizTalk has its own log shipping (dr.logShipping: biztalk)",
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
        message: `SQL instance "${name}" relies on ${WORDS[method]}. Use a failover cluster instance or an availability group for high availability, and the Backup BizTalk Server job with BizTalk log shipping for disaster recovery.`,
        nodePath: `sqlInstances[name=${name}].haMethod`,
      });
    }
  },
});
