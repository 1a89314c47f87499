import { defineRule } from './api';
import { itemAnchor } from './shared';
import { NodePath } from './nodePath';
import { placements, sameName } from '../model/join';
import { DISK_CONTENTION, HADB } from './sources';

export default defineRule({
  meta: {
    id: 'msgbox-mdf-ldf-same-disk',
    description: 'The MessageBox database keeps its data file (MDF) and its transaction log (LDF) on the same volume.',
    defaultSeverity: 'warning',
    category: 'storage',
    fixable: false,
    byEnvironment: 'availability',
    sources: [DISK_CONTENTION, HADB],
    messages: {
      sameVolume: '{{database}} on "{{instance}}" keeps its data and its transaction log on the same volume {{drive}}, where they contend and fail together. Put the MessageBox log on a separate disk.',
      onlyVolume: 'Volume {{drive}} is the only volume of "{{instance}}" that holds data and logs, so the MessageBox ({{database}}) has its data and log on one volume. Put the MessageBox log on a separate disk.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const p of placements(topo, ctx.ws, 'BizTalkMsgBoxDb')) {
      const instName = p.instance.get('name')?.str ?? '?';
      const db = p.dbNode;
      const data = db?.get('dataVolume');
      const log = db?.get('logVolume');
      if (data?.str && log?.str) {
        if (!sameName(data.str, log.str)) continue;
        ctx.report({
          doc: topo.doc,
          range: log.range,
          messageId: 'sameVolume',
          data: { database: p.name, instance: instName, drive: log.str ?? '' },
          nodePath: NodePath.sqlInstance(instName).database(p.name).key('logVolume'),
          related: [{ uri: topo.uri, range: data.entryRange, message: `Its data is on ${data.str}` }],
        });
        continue;
      }
      if (data?.str || log?.str) continue;
      // Nothing said per database: the instance's only data volume also holds the only log volume.
      const volumes = p.instance.get('volumes')?.items() ?? [];
      const holds = (v: (typeof volumes)[0], what: string) => (v.get('holds')?.strings() ?? []).some((h) => h.str.toLowerCase() === what);
      const dataVols = volumes.filter((v) => holds(v, 'data'));
      const logVols = volumes.filter((v) => holds(v, 'log'));
      if (dataVols.length !== 1 || logVols.length !== 1 || dataVols[0].node !== logVols[0].node) continue;
      const v = dataVols[0];
      const drive = v.get('drive')?.str ?? '?';
      ctx.report({
        doc: topo.doc,
        range: v.get('holds')?.range ?? itemAnchor(v),
        messageId: 'onlyVolume',
        data: { drive: drive ?? '', instance: instName, database: p.name },
        nodePath: NodePath.sqlInstance(instName).volume(drive).key('holds').tag(p.name),
      });
    }
  },
});
