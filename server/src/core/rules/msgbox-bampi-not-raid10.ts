import { declaration, defineRule, isPlaceholderValue, placeholder, suggestion } from './api';
import { placements, TopologyView } from '../model/join';
import { itemAnchor } from './shared';
import { HADB, PPFT, PRECONFIG_DB } from './sources';
import type { LNode } from '../readers/yamlNode';

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
        let volumes: LNode[];
        if (drive) {
          const v = TopologyView.volume(inst, drive);
          if (!v) {
            const list = inst.get('volumes');
            ctx.report({
              doc: topo.doc,
              range: dataVolumeNode!.range,
              message: `${dbName} keeps its data on ${drive}, but SQL instance "${instName}" declares no volume ${drive}, so its RAID level is unknown. Declare the volume with its RAID level (RAID 10 for ${label}).`,
              nodePath: `sqlInstances[name=${instName}].databases[name=${dbName}].dataVolume`,
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
          volumes = (inst.get('volumes')?.items() ?? []).filter((v) => (v.get('holds')?.strings() ?? []).some((h) => h.str!.toLowerCase() === 'data'));
          if (!volumes.length) {
            ctx.report({
              doc: topo.doc,
              range: p.dbNode ? itemAnchor(p.dbNode) : itemAnchor(inst),
              message: `Nothing says which volume holds the data of ${dbName} on "${instName}", so btslint cannot check that ${label} is on RAID 10. Declare its dataVolume and the volume's RAID level.`,
              nodePath: `sqlInstances[name=${instName}].databases[name=${dbName}]`,
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
          const path = `sqlInstances[name=${instName}].volumes[drive=${vd}]`;
          if (!raid) {
            ctx.report({
              doc: topo.doc,
              range: itemAnchor(v),
              message: `Volume ${vd} holds the data of ${label} (${dbName}) but declares no RAID level. Microsoft recommends RAID 1+0 for it.`,
              nodePath: `${path}:${dbName}`,
              fix: declaration(`Declare the RAID level of ${vd}`, ctx.edit.insertKey(v, 'raid', RAID_LEVEL)),
              suggestions: [suggestion(`${vd} is now on RAID 10: declare it`, ctx.edit.insertKey(v, 'raid', 10))],
            });
            continue;
          }
          if (isPlaceholderValue(raid.str)) continue; // unfilled-placeholder reports it
          const level = String(raid.value).toLowerCase();
          if (level === '10' || level === '0' || level === 'none') continue; // 0/none: raid0-or-none reports it as an error
          const extra = level === '5' ? ` RAID 5 pays a write penalty on every write, and ${label} is written all the time.` : '';
          ctx.report({
            doc: topo.doc,
            range: raid.range,
            message: `Volume ${vd} holds the data of ${label} (${dbName}) on RAID ${raid.str}; Microsoft recommends RAID 1+0 (RAID 10) for it.${extra}`,
            nodePath: `${path}.raid:${dbName}`,
            suggestions: [suggestion(`${vd} is now on RAID 10: declare it`, ctx.edit.replace(raid, 10))],
          });
        }
      }
    }
  },
});
