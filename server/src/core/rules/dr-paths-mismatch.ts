import { defineRule, isPlaceholderValue } from './api';
import type { SqlInstanceNode } from '../model/join';
import { NodePath } from './nodePath';
import { normaliseSqlName, sameName } from '../model/join';
import type { LNode } from '../readers/yamlNode';
import type { RelatedLocation } from '../types';
import { itemAnchor } from './shared';
import { DR_SQL, LOG_SHIPPING_DEST } from './sources';

/** Drives production's database files use on an instance: drive -> what is on it. */
function drivesOf(inst: SqlInstanceNode): Map<string, { label: string; node: LNode }> {
  const out = new Map<string, { label: string; node: LNode }>();
  const instName = inst.get('name')?.str ?? '?';
  for (const db of inst.get('databases')?.items() ?? []) {
    for (const key of ['dataVolume', 'logVolume'] as const) {
      const node = db.get(key);
      const d = node?.str?.toUpperCase();
      if (node && d && !out.has(d)) out.set(d, { label: `the ${key === 'dataVolume' ? 'data' : 'log'} of ${db.get('name')?.str ?? 'a database'} on ${instName}`, node });
    }
  }
  for (const v of inst.get('volumes')?.items() ?? []) {
    const drive = v.get('drive');
    const d = drive?.str?.toUpperCase();
    const holds = (v.get('holds')?.strings() ?? []).map((h) => (h.str ?? '').toLowerCase()).filter((h) => h === 'data' || h === 'log');
    if (drive && d && holds.length && !out.has(d)) out.set(d, { label: `${holds.join(' and ')} files on ${instName}`, node: drive });
  }
  return out;
}

function instancePart(name: string): string {
  const n = normaliseSqlName(name);
  const i = n.indexOf('\\');
  return i < 0 ? '' : n.slice(i + 1);
}

export default defineRule({
  meta: {
    id: 'dr-paths-mismatch',
    description: 'A disaster-recovery SQL instance does not have the drives that hold the production BizTalk database files, which BizTalk log shipping needs because it cannot restore files to other paths.',
    defaultSeverity: 'error',
    category: 'dr',
    fixable: false,
    byEnvironment: 'site-loss',
    sources: [DR_SQL, LOG_SHIPPING_DEST],
    messages: {
      pathsDiffer: 'The DR instances are declared with other drives or paths than production (pathsMatch: false), and BizTalk log shipping restores to the same paths. Give the DR SQL Servers production\'s drives and paths.',
      noVolumes: 'DR instance "{{instance}}" declares no volumes, so btslint cannot check that it has production\'s drives. Declare its volumes, or state dr.pathsMatch: true.',
      notDeclared: 'DR instance "{{instance}}" is not declared under sqlInstances, so btslint cannot check that it has production\'s drives. Declare it with its volumes, or state dr.pathsMatch: true.',
      missingDrives: 'DR instance "{{instance}}" has no {{drives}}, which production uses for {{uses}}; BizTalk log shipping restores to the same paths. Give it the same drives.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const dr = topo.section('dr');
    const dests = dr?.get('destinationInstances')?.strings() ?? [];
    if (!dr || !dests.length) return; // no-log-shipping-destination reports it
    const pathsMatch = dr.get('pathsMatch');
    if (pathsMatch?.value === false) {
      ctx.report({ doc: topo.doc, range: pathsMatch.range, messageId: 'pathsDiffer', nodePath: NodePath.topology('dr', 'pathsMatch') });
      return;
    }
    const isDest = (i: SqlInstanceNode) => dests.some((d) => normaliseSqlName(d.str) === normaliseSqlName(i.get('name')?.str ?? ''));
    const production = topo.sqlInstances().filter((i) => !isDest(i) && i.get('name')?.str);
    for (const d of dests) {
      if (isPlaceholderValue(d.str)) continue; // unfilled-placeholder reports it
      const inst = topo.findInstance(d.str);
      const vols = inst?.get('volumes')?.items() ?? [];
      if (!inst || !vols.length) {
        if (pathsMatch?.value === true) continue;
        ctx.report({
          doc: topo.doc,
          range: inst ? itemAnchor(inst) : d.range,
          // btslint cannot check it: an unknown, not a violation.
          severity: 'info',
          messageId: inst ? 'noVolumes' : 'notDeclared',
          data: { instance: d.str ?? '' },
          nodePath: NodePath.topology('dr', 'destinationInstances').label(d.str).tag('volumes'),
        });
        continue;
      }
      // Pair with the production instance of the same instance name when there is exactly one.
      const same = production.filter((p) => instancePart(p.get('name')?.str ?? '') === instancePart(d.str ?? ''));
      const sources = same.length === 1 ? same : production;
      const needed = new Map<string, { label: string; node: LNode }>();
      for (const p of sources) for (const [drive, what] of drivesOf(p)) if (!needed.has(drive)) needed.set(drive, what);
      const missing = [...needed.entries()].filter(([drive]) => !vols.some((v) => sameName(v.get('drive')?.str, drive))).sort(([a], [b]) => (a < b ? -1 : 1));
      if (!missing.length) continue;
      const related: RelatedLocation[] = missing.map(([drive, w]) => ({ uri: topo.uri, range: w.node.range, message: `${drive} holds ${w.label}` }));
      ctx.report({
        doc: topo.doc,
        range: itemAnchor(inst),
        messageId: 'missingDrives',
        data: { instance: d.str ?? '', drives: missing.map(([drive]) => drive).join(', '), uses: missing.map(([, w]) => w.label).join('; ') },
        nodePath: NodePath.sqlInstance(d.str).tag('dr-drives'),
        related,
      });
    }
  },
});
