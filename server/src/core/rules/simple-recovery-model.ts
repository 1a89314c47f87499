import { defineRule } from './api';
import { NodePath } from './nodePath';
import { roleOf } from './dbHelpers';
import { sameName } from '../model/join';
import { BACKING_UP_DBS, LOG_SHIPPING } from './sources';

/** Analysis Services databases have no recovery model; SSISDB is SQL Server's own catalog. */
const NOT_RECOVERY_MODEL_ROLES = new Set(['bam-analysis', 'tracking-analysis', 'ssis-catalog']);

export default defineRule({
  meta: {
    id: 'simple-recovery-model',
    description: 'A BizTalk database, or an application database in the Backup BizTalk Server job, is declared with the simple recovery model, which BizTalk does not support.',
    defaultSeverity: 'error',
    category: 'backup',
    fixable: false,
    byEnvironment: 'full',
    sources: [LOG_SHIPPING, BACKING_UP_DBS],
    messages: {
      simple: '{{kind}} database "{{database}}" on "{{instance}}" uses the simple recovery model, which BizTalk does not support. Switch it to the full recovery model (ALTER DATABASE ... SET RECOVERY FULL) and declare recoveryModel: full.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const rows = topo.biztalkJob()?.get('otherDatabases')?.items() ?? [];
    for (const inst of topo.sqlInstances()) {
      const instName = inst.get('name')?.str ?? 'this SQL instance';
      for (const db of inst.get('databases')?.items() ?? []) {
        const model = db.get('recoveryModel');
        if (model?.str?.toLowerCase() !== 'simple') continue;
        const name = db.get('name')?.str ?? 'this database';
        const role = roleOf(db);
        const custom = db.get('custom')?.value === true || rows.some((r) => sameName(r.get('name')?.str, name));
        const biztalk = role !== undefined && db.get('custom')?.value !== true;
        if (biztalk ? NOT_RECOVERY_MODEL_ROLES.has(role) : !custom) continue;
        ctx.report({
          doc: topo.doc,
          range: model.range,
          messageId: 'simple',
          data: { kind: biztalk ? 'BizTalk' : 'Backup job', database: name, instance: instName },
          nodePath: NodePath.sqlInstance(instName).database(name).key('recoveryModel'),
        });
      }
    }
  },
});
