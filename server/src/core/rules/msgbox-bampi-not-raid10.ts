import { defineRule, fix, isPlaceholderValue, placeholder } from './api';
import { placements, TopologyView } from '../model/join';
import { itemAnchor } from './shared';
import { HADB, PPFT, PRECONFIG_DB } from './sources';
import type { LNode } from '../readers/yamlNode';

const DATABASES: [string, string][] = [
  ['BizTalkMsgBoxDb', 'the MessageBox database'],
  ['BAMPrimaryImport', 'the BAM Primary Import database'],
];

export default defineRule({
  meta: {
    id: 'msgbox-bampi-not-raid10',
    description: 'The data volume of the MessageBox or BAM Primary Import database is not declared as RAID 10 (RAID 1+0).',
    defaultSeverity: 'warning',
    category: 'storage',
    fixable: true,
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
              fix: fix(
                `Declare volume ${drive} as RAID 10`,
                list && list.isSeq
                  ? ctx.edit.appendItem(list, { drive, raid: 10, holds: ['data'] })
                  : list
                    ? undefined
                    : ctx.edit.insertKey(inst, 'volumes', [{ drive, raid: 10, holds: ['data'] }]),
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
                ? fix(
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
              fix: fix(`Set RAID 10 on ${vd}`, ctx.edit.insertKey(v, 'raid', 10)),
            });
            continue;
          }
          const level = String(raid.value).toLowerCase();
          if (level === '10' || level === '0' || level === 'none') continue; // 0/none: raid0-or-none reports it as an error
          const extra = level === '5' ? ` RAID 5 pays a write penalty on every write, and ${label} is written all the time.` : '';
          ctx.report({
            doc: topo.doc,
            range: raid.range,
            message: `Volume ${vd} holds the data of ${label} (${dbName}) on RAID ${raid.str}; Microsoft recommends RAID 1+0 (RAID 10) for it.${extra}`,
            nodePath: `${path}.raid:${dbName}`,
            fix: fix(`Set RAID 10 on ${vd}`, ctx.edit.replace(raid, 10)),
          });
        }
      }
    }
  },
});
