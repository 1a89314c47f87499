import { defineRule } from './api';
import { NodePath } from './nodePath';
import type { BtsDocument } from '../document';
import { HA_HOSTS, PPFT } from './sources';

/** The files a topology is written from, in the order the anchor is chosen. */
function anchor(docs: BtsDocument[]): BtsDocument | undefined {
  const kinds: BtsDocument['kind'][] = ['binding', 'config-export', 'btdf-settings', 'settings-export', 'btdf-project', 'app-definition'];
  for (const k of kinds) {
    const of = docs.filter((d) => d.kind === k).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    // A readable file first: a broken one has its own findings to show.
    const found = of.find((d) => !d.problems.some((p) => p.kind === 'parse')) ?? of[0];
    if (found) return found;
  }
  return undefined;
}

// One finding per workspace, not one per handler: without a topology, nothing about clustering, RAID,
// backups, hosts or DR can be checked, and the way out is the same for every file (`btslint init`).
export default defineRule({
  meta: {
    id: 'no-topology',
    description: 'The workspace has BizTalk files but no topology file, so btslint cannot check clustering, RAID, backups, hosts or disaster recovery.',
    defaultSeverity: 'info',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [PPFT, HA_HOSTS],
    messages: {
      noTopology: 'No topology file (*.topology.yaml) declares the platform of {{files}}, so clustering, RAID, backups, hosts and DR go unchecked. Run `btslint init` to write one from them.',
    },
  },
  check(ctx) {
    if (ctx.topology || ctx.ws.topologies.length) return;
    const docs = ctx.ws.documents;
    const at = anchor(docs);
    if (!at) return;
    const n = docs.filter((d) => d.kind !== 'other' && d.kind !== 'topology').length;
    ctx.report({
      doc: at,
      // The start of the file: the finding is about the workspace, not about a node of this file.
      range: { start: 0, end: 0 },
      messageId: 'noTopology',
      data: { files: n === 1 ? 'this BizTalk file' : `these ${n} BizTalk files` },
      nodePath: NodePath.id('no-topology'),
    });
  },
});
