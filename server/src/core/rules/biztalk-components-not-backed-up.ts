import { declaration, defineRule, placeholder } from './api';
import { NodePath } from './nodePath';
import type { RuleContext } from './api';
import { isBlank, missingAnchor } from './shared';
import { BACKUP_APPLICATIONS, BACKUP_COMPUTER, BACKUP_CONFIGURATION } from './sources';

/** The two components of a BizTalk server that no database backup holds, as the topology declares them. */
const COMPONENTS = [
  { key: 'configurationExport', messageId: 'noConfigurationExport', title: 'Declare where the BizTalk configuration export is kept', folder: 'biztalk-config' },
  { key: 'applications', messageId: 'noApplicationExport', title: 'Declare where the exported application MSIs and bindings are kept', folder: 'biztalk-applications' },
] as const;

export default defineRule({
  meta: {
    id: 'biztalk-components-not-backed-up',
    description: 'The topology declares no backup of the BizTalk Server configuration export, or of the exported application MSIs and bindings, which no database backup holds.',
    defaultSeverity: 'info',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [BACKUP_COMPUTER, BACKUP_CONFIGURATION, BACKUP_APPLICATIONS],
    messages: {
      noConfigurationExport: 'No backup of the BizTalk Server configuration export is declared (backup.configurationExport). Export the configuration of each BizTalk server to your backup location after every change, and declare where it is kept.',
      noApplicationExport: 'The BizTalk applications deployed here have no declared backup of their exported MSIs and bindings (backup.applications). Export each application to a backup location on another server after every change, and declare it.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    // The configuration of a computer running BizTalk Server: only where the topology names one.
    const hasBizTalkServer =
      topo.servers().some((s) => (s.get('roles')?.strings() ?? []).some((r) => r.str?.toLowerCase() === 'biztalk')) ||
      topo.hosts().some((h) => (h.get('instances')?.strings() ?? []).length > 0);
    // Applications: only when this environment deploys some (bindings or an application MSI's definition).
    const hasApplications = ctx.ws.bindings.length > 0 || ctx.ws.appDefinitions.length > 0;
    for (const c of COMPONENTS) {
      if (c.key === 'configurationExport' ? !hasBizTalkServer : !hasApplications) continue;
      const declared = topo.section('backup')?.get(c.key);
      if (!isBlank(declared?.get('destination'))) continue;
      report(ctx, c);
    }
  },
});

function report(ctx: RuleContext, c: (typeof COMPONENTS)[number]): void {
  const topo = ctx.topology!;
  const node = topo.section('backup')?.get(c.key);
  const destination = node?.get('destination');
  const path = `\\\\${placeholder('backup server')}\\${placeholder('share')}\\${c.folder}`;
  const skeleton = { destination: path, lastExport: placeholder('YYYY-MM-DD') };
  const at = destination ? { range: destination.entryRange } : node ? { range: node.keyRange } : missingAnchor(topo, ['backup', c.key]);
  ctx.report({
    doc: topo.doc,
    range: at.range,
    messageId: c.messageId,
    nodePath: NodePath.topology('backup', c.key),
    fix: declaration(
      c.title,
      destination
        ? ctx.edit.replace(destination, path)
        : node && node.isMap && node.entries().length
          ? ctx.edit.insertKey(node, 'destination', path)
          : node
            ? ctx.edit.replace(node, skeleton)
            : ctx.edit.ensure(['backup', c.key], skeleton),
    ),
  });
}
