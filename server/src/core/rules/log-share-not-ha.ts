import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { NodePath } from './nodePath';
import { uncShare } from '../model/adapters';
import type { RelatedLocation } from '../types';
import { CK_DR } from './sources';

export default defineRule({
  meta: {
    id: 'log-share-not-ha',
    description: 'The share the Backup BizTalk Server job writes its log backups to is not declared highly available.',
    defaultSeverity: 'warning',
    category: 'dr',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'site-loss',
    sources: [CK_DR],
    messages: {
      declaredNotHa: 'The log backups go to {{path}}, on a share declared not highly available; if its server fails, the logs needed to restore or to ship to the DR site are lost with it. Move them to a clustered or SAN-backed share, then declare it highlyAvailable: true.',
      undeclared: 'The log backups go to {{path}}, on a share the topology does not declare highly available (fileShares). Microsoft: create a highly available file share (SAN or Windows clustering) for the SQL Server logs; then declare it.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const dest = topo.biztalkJob()?.get('logDestination');
    const path = dest?.str;
    if (!dest || !path || isPlaceholderValue(path)) return;
    const root = uncShare(path);
    if (!root) return; // a local path is backup-destination-local's; a blob container is Azure Storage's
    const found = topo.findShare(path);
    const share = found?.node;
    const ha = share?.get('highlyAvailable');
    if (ha?.value === true || (ha && isPlaceholderValue(ha.str))) return;
    const drFlag = topo.section('dr')?.get('shareHighlyAvailable');
    if (!share && (drFlag?.value === true || (drFlag && isPlaceholderValue(drFlag.str)))) return;
    const related: RelatedLocation[] = [];
    if (found) related.push({ uri: topo.uri, range: found.pathNode.range, message: `Share ${found.path} is declared here` });
    if (drFlag) related.push({ uri: topo.uri, range: drFlag.entryRange, message: 'The DR share is declared here' });
    const declaredOff = (share && ha && ha.value === false) || (!share && drFlag?.value === false);
    ctx.report({
      doc: topo.doc,
      range: dest.range,
      messageId: declaredOff ? 'declaredNotHa' : 'undeclared',
      data: { path },
      nodePath: NodePath.topology('backup', 'biztalkJob', 'logDestination'),
      related: related.length ? related : undefined,
      fix: declaredOff
        ? undefined
        : declaration(
            `Declare ${found ? found.path : root} in fileShares`,
            share ? ctx.edit.setKey(share, 'highlyAvailable', placeholder('true once the share is clustered or on a SAN')) : ctx.edit.addToList('fileShares', { path: path.slice(0, root.length), highlyAvailable: placeholder('true once the share is clustered or on a SAN') }),
          ),
    });
  },
});
