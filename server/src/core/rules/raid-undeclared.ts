import { declaration, defineRule, placeholder } from './api';
import type { VolumeNode } from '../model/join';
import { NodePath } from './nodePath';
import { sameName, TopologyView } from '../model/join';
import { roleOf } from './dbHelpers';
import { itemAnchor } from './shared';
import { PPFT, SYS_BOTTLENECKS } from './sources';

const BIZTALK_HOLDS = ['data', 'log', 'tempdb'];

function holdsOf(v: VolumeNode): string[] {
  return (v.get('holds')?.strings() ?? []).map((h) => h.str.toLowerCase());
}

export default defineRule({
  meta: {
    id: 'raid-undeclared',
    description: 'A volume that holds BizTalk database files declares no RAID level, or a database points at a volume the instance does not declare.',
    defaultSeverity: 'info', // every finding is an unknown: the topology lacks the RAID fact
    category: 'storage',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [PPFT, SYS_BOTTLENECKS],
    messages: {
      noRaid: 'Volume {{drive}} of "{{instance}}" holds {{what}} but declares no RAID level, so btslint cannot tell whether one failed disk loses it. Declare its RAID level (RAID 10 for data, 1 or 10 for logs).',
      volumeUndeclared: '{{database}} keeps its {{kind}} on {{drive}}, but "{{instance}}" declares no volume {{drive}}, so its RAID level is unknown. Declare the volume with its RAID level.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const RAID = placeholder('RAID level: 10, 1, 5, 6, 0 or none');
    for (const inst of topo.sqlInstances()) {
      const instName = inst.get('name')?.str ?? '?';
      const dbs = inst.get('databases')?.items() ?? [];
      const volumes = inst.get('volumes')?.items() ?? [];
      // The data volumes of the MessageBox and BAM Primary Import are msgbox-bampi-not-raid10's.
      const hot = dbs.filter((d) => ['messagebox', 'bam-primary-import'].includes(roleOf(d) ?? ''));
      const hotData = new Set<string>();
      for (const d of hot) {
        const dv = d.get('dataVolume')?.str;
        if (dv) hotData.add(dv.toLowerCase());
        else for (const v of volumes) if (holdsOf(v).includes('data')) hotData.add((v.get('drive')?.str ?? '').toLowerCase());
      }
      for (const v of volumes) {
        if (v.get('raid')) continue;
        const drive = v.get('drive')?.str;
        if (!drive || hotData.has(drive.toLowerCase())) continue;
        const users = dbs.filter((d) => sameName(d.get('dataVolume')?.str, drive) || sameName(d.get('logVolume')?.str, drive)).map((d) => d.get('name')?.str ?? '?');
        const holds = holdsOf(v).filter((h) => BIZTALK_HOLDS.includes(h));
        if (!users.length && !holds.length) continue;
        ctx.report({
          doc: topo.doc,
          range: itemAnchor(v),
          messageId: 'noRaid',
          data: { drive, instance: instName, what: users.length ? users.join(', ') : `${holds.join(' and ')} files` },
          nodePath: NodePath.sqlInstance(instName).volume(drive).key('raid'),
          fix: declaration(`Declare the RAID level of ${drive}`, ctx.edit.insertKey(v, 'raid', RAID)),
        });
      }
      // Databases that point at a drive the instance does not declare (one finding per drive).
      const seen = new Set<string>();
      for (const d of dbs) {
        for (const key of ['dataVolume', 'logVolume'] as const) {
          const node = d.get(key);
          const drive = node?.str;
          if (!node || !drive || TopologyView.volume(inst, drive) || seen.has(drive.toLowerCase())) continue;
          if (key === 'dataVolume' && hot.includes(d)) continue;
          seen.add(drive.toLowerCase());
          const list = inst.get('volumes');
          const volume = { drive, raid: RAID, holds: [key === 'dataVolume' ? 'data' : 'log'] };
          ctx.report({
            doc: topo.doc,
            range: node.range,
            messageId: 'volumeUndeclared',
            data: { database: d.get('name')?.str ?? 'A database', kind: key === 'dataVolume' ? 'data' : 'log', drive, instance: instName },
            nodePath: NodePath.sqlInstance(instName).volume(drive).tag('undeclared'),
            fix: declaration(
              `Declare volume ${drive}`,
              list && list.isSeq ? ctx.edit.appendItem(list, volume) : list ? undefined : ctx.edit.insertKey(inst, 'volumes', [volume]),
            ),
          });
        }
      }
    }
  },
});
