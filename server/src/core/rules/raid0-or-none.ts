import { defineRule, suggestion } from './api';
import { NodePath } from './nodePath';
import { sameName } from '../model/join';
import { SYS_BOTTLENECKS, PPFT } from './sources';

const BIZTALK_HOLDS = new Set(['data', 'log', 'tempdb']);

export default defineRule({
  meta: {
    id: 'raid0-or-none',
    description: 'A volume that holds SQL Server data, logs or tempdb for BizTalk is declared with RAID 0 or no RAID at all.',
    defaultSeverity: 'error',
    category: 'storage',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'availability',
    sources: [SYS_BOTTLENECKS, PPFT],
    messages: {
      raid0: 'Volume {{drive}} of "{{instance}}" holds {{what}} on {{level}}: one failed disk loses the volume. Move it to RAID 10 (RAID 0 should never be used for BizTalk in production).',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const dbs = inst.get('databases')?.items() ?? [];
      for (const vol of inst.get('volumes')?.items() ?? []) {
        const raid = vol.get('raid');
        if (!raid) continue;
        const level = raid.value;
        if (!(level === 0 || level === '0' || (typeof level === 'string' && level.toLowerCase() === 'none'))) continue;
        const drive = vol.get('drive')?.str;
        const holds = (vol.get('holds')?.strings() ?? []).map((h) => h.str.toLowerCase());
        const used = dbs.some((d) => sameName(d.get('dataVolume')?.str, drive) || sameName(d.get('logVolume')?.str, drive));
        if (!used && !holds.some((h) => BIZTALK_HOLDS.has(h))) continue;
        ctx.report({
          doc: topo.doc,
          range: raid.range,
          messageId: 'raid0',
          data: { drive: drive ?? '', instance: inst.get('name')?.str ?? '?', what: holds.length ? holds.join(', ') : 'BizTalk databases', level: level === 0 || level === '0' ? 'RAID 0' : 'no RAID' },
          nodePath: NodePath.sqlInstance(inst.get('name')?.str).volume(drive).key('raid'),
          suggestions: [suggestion(`${drive ?? 'The volume'} is now on RAID 10: declare it`, ctx.edit.replace(raid, 10))],
        });
      }
    }
  },
});
