import { declaration, defineRule, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { isBlank, missingAnchor } from './shared';
import { BP_BR, BP_DB, PPFT } from './sources';

const MIN_COPIES = 3;

export default defineRule({
  meta: {
    id: 'no-offsite-copy',
    description: 'No off-site copy of the backups is declared, or fewer than three copies are kept.',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'site-loss',
    sources: [BP_DB, PPFT, BP_BR],
    messages: {
      noOffsite: 'No off-site copy of the backups is declared (backup.offsite), so a site loss takes the backups too. Keep at least three copies of the media, one off site, and declare it.',
      copiesUnknown: 'The off-site copy does not say how many copies are kept. Keep at least {{min}} and declare copies.',
      tooFewCopies: 'Only {{copies}} of the backup media {{verb}} kept, where Microsoft recommends at least {{min}}, one of them off site. Keep {{min}} copies.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const off = topo.section('backup')?.get('offsite');
    if (!off || !off.isMap) {
      const at = missingAnchor(topo, ['backup', 'offsite']);
      ctx.report({
        doc: topo.doc,
        range: at.range,
        messageId: 'noOffsite',
        nodePath: NodePath.topology('backup', 'offsite'),
        fix: declaration('Declare the off-site copy', ctx.edit.ensure(['backup', 'offsite'], { location: placeholder('off-site location'), schedule: placeholder('off-site schedule'), copies: placeholder('copies kept off site') })),
      });
      return;
    }
    const copies = off.get('copies');
    if (!copies || isBlank(copies)) {
      ctx.report({
        doc: topo.doc,
        range: copies ? copies.entryRange : off.keyRange,
        messageId: 'copiesUnknown',
        data: { min: MIN_COPIES },
        nodePath: NodePath.topology('backup', 'offsite', 'copies'),
        fix: declaration('Declare how many copies are kept off site', ctx.edit.setKey(off, 'copies', placeholder('copies kept off site'))),
        suggestions: [suggestion(`${MIN_COPIES} copies are now kept off site: declare it`, ctx.edit.setKey(off, 'copies', MIN_COPIES))],
      });
    } else if (typeof copies.value === 'number' && copies.value < MIN_COPIES) {
      ctx.report({
        doc: topo.doc,
        range: copies.range,
        messageId: 'tooFewCopies',
        data: { copies: `${String(copies.value)} cop${copies.value === 1 ? 'y' : 'ies'}`, verb: copies.value === 1 ? 'is' : 'are', min: MIN_COPIES },
        nodePath: NodePath.topology('backup', 'offsite', 'copies'),
        suggestions: [suggestion(`${MIN_COPIES} copies are now kept off site: declare it`, ctx.edit.replace(copies, MIN_COPIES))],
      });
    }
  },
});
