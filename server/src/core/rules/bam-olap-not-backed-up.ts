import { declaration, defineRule, isPlaceholderValue, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import type { RelatedLocation } from '../types';
import type { DatabaseRole } from '../readers/configExport';
import { DEFAULT_DB_NAME } from '../readers/configExport';
import { roleOf } from './dbHelpers';
import { missingAnchor } from './shared';
import { BACKUP_RESTORE_DBS, BAM_ANALYSIS_BACKUP } from './sources';

const TOPOLOGY_ROLES = ['bam-analysis', 'tracking-analysis', 'bam-star-schema', 'bam-archive'];
const EXPORT_ROLES: DatabaseRole[] = ['bam-analysis', 'tracking-analysis', 'bam-star-schema', 'bam-archive'];
const SSAS = new Set(['bam-analysis', 'tracking-analysis']);

export default defineRule({
  meta: {
    id: 'bam-olap-not-backed-up',
    description: 'BAM Star Schema, BAM Archive or the Analysis Services databases (BAMAnalysis, BizTalkAnalysisDb) exist, but no separate BAM backup is declared; the Backup BizTalk Server job does not cover them.',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'full',
    sources: [BACKUP_RESTORE_DBS, BAM_ANALYSIS_BACKUP],
    messages: {
      noBamBackup: '{{names}} {{verb}} not backed up by the Backup BizTalk Server job, and no BAM backup is declared{{ssas}}. Back them up with the BAM backup process and declare backup.bamBackup.',
      noSsasBackup: '{{names}} {{verb}} Analysis Services, which no SQL backup covers, but the BAM backup declares no SSAS backup. Back up the OLAP cubes with Analysis Services and declare ssasBackup: true.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const found: { name: string; ssas: boolean; related: RelatedLocation }[] = [];
    for (const inst of topo.sqlInstances()) {
      for (const db of inst.get('databases')?.items() ?? []) {
        const role = roleOf(db);
        if (!role || !TOPOLOGY_ROLES.includes(role)) continue;
        const name = db.get('name')?.str ?? role;
        found.push({ name, ssas: SSAS.has(role), related: { uri: topo.uri, range: db.get('name')?.range ?? db.range, message: `${name} is declared here` } });
      }
    }
    for (const exp of ctx.ws.configExports) {
      for (const d of exp.configExport!.databases) {
        if (!EXPORT_ROLES.includes(d.role)) continue;
        const name = d.database ?? DEFAULT_DB_NAME[d.role] ?? d.displayName;
        if (found.some((f) => f.name.toLowerCase() === name.toLowerCase())) continue;
        found.push({ name, ssas: SSAS.has(d.role), related: { uri: exp.uri, range: d.databaseRange, message: `The configuration creates ${name}` } });
      }
    }
    if (!found.length) return;
    const names = found.map((f) => f.name).join(', ');
    const ssas = found.filter((f) => f.ssas).map((f) => f.name);
    const bb = topo.section('backup')?.get('bamBackup');
    if (!bb || !bb.isMap) {
      if (bb && bb.node && !bb.isMap) return; // not a mapping: the schema reports it
      const at = missingAnchor(topo, ['backup', 'bamBackup']);
      const skeleton: Record<string, unknown> = { schedule: 'daily', destination: `\\\\${placeholder('backup server')}\\${placeholder('share')}\\bam` };
      if (ssas.length) skeleton.ssasBackup = placeholder('SSAS backed up: true or false');
      ctx.report({
        doc: topo.doc,
        range: at.range,
        messageId: 'noBamBackup',
        data: { names, verb: found.length === 1 ? 'is' : 'are', ssas: ssas.length ? ` (nor an SSAS backup for ${ssas.join(', ')})` : '' },
        nodePath: NodePath.topology('backup', 'bamBackup'),
        related: found.map((f) => f.related),
        fix: declaration('Declare the BAM backup', ctx.edit.ensure(['backup', 'bamBackup'], skeleton)),
      });
      return;
    }
    const ssasNode = bb.get('ssasBackup');
    if (!ssas.length || ssasNode?.value === true || isPlaceholderValue(ssasNode?.str)) return;
    ctx.report({
      doc: topo.doc,
      range: ssasNode ? ssasNode.range : bb.keyRange,
      messageId: 'noSsasBackup',
      data: { names: ssas.join(', '), verb: ssas.length === 1 ? 'is on' : 'are on' },
      nodePath: NodePath.topology('backup', 'bamBackup', 'ssasBackup'),
      related: found.filter((f) => f.ssas).map((f) => f.related),
      fix: ssasNode ? undefined : declaration('Declare whether the SSAS databases are backed up', ctx.edit.insertKey(bb, 'ssasBackup', placeholder('SSAS backed up: true or false'))),
      suggestions: [suggestion('The Analysis Services databases are now backed up: declare it', ctx.edit.setKey(bb, 'ssasBackup', true))],
    });
  },
});
