import { declaration, defineRule, isPlaceholderValue, placeholder, suggestion } from './api';
import type { VolumeNode } from '../model/join';
import { NodePath } from './nodePath';
import { placements, TopologyView } from '../model/join';
import { itemAnchor } from './shared';
import { HADB, PPFT, PRECONFIG_DB } from './sources';

const DATABASES: [string, string][] = [
  ['BizTalkMsgBoxDb', 'the MessageBox database'],
  ['BAMPrimaryImport', 'the BAM Primary Import database'],
];

/** The RAID level a declaration leaves for the team to say (as raid-undeclared does). */
const RAID_LEVEL = placeholder('RAID level: 10, 1, 5, 6, 0 or none');

export default defineRule({
  meta: {
    id: 'msgbox-bampi-not-raid10',
    description: 'The data volume of the MessageBox or BAM Primary Import database is not declared as RAID 10 (RAID 1+0).',
    defaultSeverity: 'warning',
    category: 'storage',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'availability',
    sources: [PPFT, HADB, PRECONFIG_DB],
    messages: {
      volumeUndeclared: '{{database}} keeps its data on {{drive}}, but "{{instance}}" declares no volume {{drive}}, so its RAID level is unknown. Declare the volume with its RAID level (RAID 10 for {{label}}).',
      dataVolumeUnknown: 'Nothing says which volume holds the data of {{database}} on "{{instance}}", so btslint cannot check its RAID level. Declare its dataVolume and that volume\'s RAID level.',
      noRaid: 'Volume {{drive}} holds the data of {{label}} ({{database}}) but declares no RAID level. Declare it; Microsoft recommends RAID 10 for {{label}}.',
      raid5: 'Volume {{drive}} holds the data of {{label}} ({{database}}) on RAID 5, which is slower at writing than RAID 10. Use RAID 10, unless the volume is a SAN LUN with a large write cache (declare shared: true).',
      raid5San: 'Volume {{drive}} holds the data of {{label}} ({{database}}) on RAID 5 on shared storage; with a SAN\'s large write cache the RAID level matters less. Check that cache, or use RAID 10.',
      otherLevel: 'Volume {{drive}} holds the data of {{label}} ({{database}}) on RAID {{level}}, where Microsoft recommends RAID 10. Move it to a RAID 10 volume.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const [dbName, label] of DATABASES) {
      for (const p of placements(topo, ctx.ws, dbName)) {
        const inst = p.instance;
        const instName = inst.get('name')?.str ?? '?';
        const dataVolumeNode = p.dbNode?.get('dataVolume');
        const drive = dataVolumeNode?.str;
        // A quick-fix placeholder (`dataVolume: '<<drive, e.g. E:>>'`) is unfilled-placeholder's to report.
        if (isPlaceholderValue(drive)) continue;
        let volumes: VolumeNode[];
        if (drive) {
          const v = TopologyView.volume(inst, drive);
          if (!v) {
            const list = inst.get('volumes');
            ctx.report({
              doc: topo.doc,
              range: dataVolumeNode.range,
              severity: 'info', // cannot check: an unknown, not a violation
              messageId: 'volumeUndeclared',
              data: { database: dbName, drive, instance: instName, label },
              nodePath: NodePath.sqlInstance(instName).database(dbName).key('dataVolume'),
              fix: declaration(
                `Declare volume ${drive}`,
                list && list.isSeq
                  ? ctx.edit.appendItem(list, { drive, raid: RAID_LEVEL, holds: ['data'] })
                  : list
                    ? undefined
                    : ctx.edit.insertKey(inst, 'volumes', [{ drive, raid: RAID_LEVEL, holds: ['data'] }]),
              ),
            });
            continue;
          }
          volumes = [v];
        } else {
          volumes = (inst.get('volumes')?.items() ?? []).filter((v) => (v.get('holds')?.strings() ?? []).some((h) => h.str.toLowerCase() === 'data'));
          if (!volumes.length) {
            ctx.report({
              doc: topo.doc,
              range: p.dbNode ? itemAnchor(p.dbNode) : itemAnchor(inst),
              severity: 'info', // cannot check: an unknown, not a violation
              messageId: 'dataVolumeUnknown',
              data: { database: dbName, instance: instName },
              nodePath: NodePath.sqlInstance(instName).database(dbName),
              fix: p.dbNode
                ? declaration(
                    `Declare the data volume of ${dbName}`,
                    dataVolumeNode // `dataVolume:` written empty
                      ? ctx.edit.replace(dataVolumeNode, placeholder('drive, e.g. E:'))
                      : ctx.edit.insertKey(p.dbNode, 'dataVolume', placeholder('drive, e.g. E:')),
                  )
                : undefined,
            });
            continue;
          }
        }
        for (const v of volumes) {
          const raid = v.get('raid');
          const vd = v.get('drive')?.str ?? '?';
          const path = NodePath.sqlInstance(instName).volume(vd);
          if (!raid) {
            ctx.report({
              doc: topo.doc,
              range: itemAnchor(v),
              severity: 'info', // cannot check: an unknown, not a violation
              messageId: 'noRaid',
              data: { drive: vd, label, database: dbName },
              nodePath: path.tag(dbName),
              fix: declaration(`Declare the RAID level of ${vd}`, ctx.edit.insertKey(v, 'raid', RAID_LEVEL)),
              suggestions: [suggestion(`${vd} is now on RAID 10: declare it`, ctx.edit.insertKey(v, 'raid', 10))],
            });
            continue;
          }
          if (isPlaceholderValue(raid.str)) continue; // unfilled-placeholder reports it
          const level = String(raid.value).toLowerCase();
          if (level === '10' || level === '0' || level === 'none') continue; // 0/none: raid0-or-none reports it as an error
          // Microsoft: RAID 5 is slower at writing, but "newer SAN disks have very large memory caches, so in
          // these cases the raid selection is not as important": on shared storage, information.
          const san = level === '5' && v.get('shared')?.value === true;
          ctx.report({
            doc: topo.doc,
            range: raid.range,
            severity: san ? 'info' : undefined,
            messageId: level === '5' ? (san ? 'raid5San' : 'raid5') : 'otherLevel',
            data: { drive: vd, label, database: dbName, level: raid.str ?? String(raid.value) },
            nodePath: path.key('raid').tag(dbName),
            suggestions: [suggestion(`${vd} is now on RAID 10: declare it`, ctx.edit.replace(raid, 10))],
          });
        }
      }
    }
  },
});
