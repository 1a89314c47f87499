import { declaration, defineRule, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { dateOf, daysBetween, isBlank, missingAnchor } from './shared';
import { BP_DB, PPFT } from './sources';

/** "Perform a trial restoration at least once a month." */
const MONTH = 31;

export default defineRule({
  meta: {
    id: 'restore-not-tested',
    description: 'No trial restore of the BizTalk backups is declared, or the last one is older than a month.',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'site-loss',
    sources: [BP_DB, PPFT],
    messages: {
      noTest: 'No restore test is declared (backup.restoreTest), so nothing shows the backups can be restored. Perform a trial restoration at least once a month and declare it.',
      tooRare: 'Restores are tested every {{days}} days, where Microsoft recommends a trial restoration at least once a month. Test them every 30 days or less.',
      noLast: 'The restore test does not say when a restore was last tested. Declare the date (last: YYYY-MM-DD).',
      overdue: 'The last restore test was on {{last}}, {{age}} days ago, and is overdue (every {{period}} days). Perform a trial restoration and update the date.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const rt = topo.section('backup')?.get('restoreTest');
    if (!rt || !rt.isMap) {
      const at = missingAnchor(topo, ['backup', 'restoreTest']);
      ctx.report({
        doc: topo.doc,
        range: at.range,
        messageId: 'noTest',
        nodePath: NodePath.topology('backup', 'restoreTest'),
        fix: declaration('Declare the restore test', ctx.edit.ensure(['backup', 'restoreTest'], { last: placeholder('YYYY-MM-DD'), everyDays: placeholder('days between restore tests') })),
      });
      return;
    }
    const every = rt.get('everyDays');
    const period = typeof every?.value === 'number' ? every.value : MONTH;
    if (every && typeof every.value === 'number' && every.value > MONTH) {
      ctx.report({
        doc: topo.doc,
        range: every.range,
        messageId: 'tooRare',
        data: { days: String(every.value) },
        nodePath: NodePath.topology('backup', 'restoreTest', 'everyDays'),
        suggestions: [suggestion('Restores are now tested every 30 days: declare it', ctx.edit.replace(every, 30))],
      });
    }
    const last = rt.get('last');
    if (!last || isBlank(last)) {
      ctx.report({
        doc: topo.doc,
        range: last ? last.entryRange : rt.keyRange,
        messageId: 'noLast',
        nodePath: NodePath.topology('backup', 'restoreTest', 'last'),
        fix: declaration('Add the date of the last restore test', ctx.edit.setKey(rt, 'last', placeholder('YYYY-MM-DD'))),
      });
      return;
    }
    const date = dateOf(last.str);
    if (!date) return; // not a date: the schema (or unfilled-placeholder) reports it
    const age = daysBetween(date, ctx.now);
    if (age > Math.min(period, MONTH)) {
      ctx.report({
        doc: topo.doc,
        range: last.range,
        messageId: 'overdue',
        data: { last: last.str ?? '', age, period: Math.min(period, MONTH) },
        nodePath: NodePath.topology('backup', 'restoreTest', 'last'),
      });
    }
  },
});
