import { declaration, defineRule, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { missingAnchor } from './shared';
import { BACKING_UP_DBS, CK_DR } from './sources';

export default defineRule({
  meta: {
    id: 'no-log-shipping-destination',
    description: 'No disaster-recovery SQL Server instance receiving BizTalk log shipping is declared.',
    defaultSeverity: 'warning',
    category: 'dr',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'site-loss',
    sources: [CK_DR, BACKING_UP_DBS],
    messages: {
      noDr: 'No disaster-recovery site is declared (dr), so nothing restores the BizTalk backups on another SQL Server if this data centre is lost. Set up BizTalk log shipping to a DR site and declare it.',
      noneShipping: 'The disaster-recovery site declares no log shipping (logShipping: none), so its SQL Servers hold no copy of the BizTalk databases. Set up BizTalk log shipping to it.',
      noDestination: 'The disaster-recovery site names no destination SQL instance for BizTalk log shipping. Name it in dr.destinationInstances.',
      notSaid: 'The disaster-recovery site does not say how the BizTalk databases reach it. Use BizTalk log shipping and declare logShipping: biztalk.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const dr = topo.section('dr');
    if (!dr || !dr.isMap) {
      if (dr && dr.node && !dr.isMap) return; // not a mapping: the schema reports it
      ctx.report({
        doc: topo.doc,
        range: missingAnchor(topo, ['dr']).range,
        messageId: 'noDr',
        nodePath: NodePath.topology('dr'),
        fix: declaration('Declare the disaster-recovery site', ctx.edit.ensure(['dr'], { logShipping: placeholder('log shipping: biztalk or none'), destinationInstances: [placeholder('DR SQL instance')] })),
      });
      return;
    }
    const ls = dr.get('logShipping');
    if (ls?.str === 'none') {
      ctx.report({
        doc: topo.doc,
        range: ls.range,
        messageId: 'noneShipping',
        nodePath: NodePath.topology('dr', 'logShipping'),
        suggestions: [suggestion('BizTalk log shipping now runs to the DR site: declare it', ctx.edit.replace(ls, 'biztalk'))],
      });
      return;
    }
    const dest = dr.get('destinationInstances');
    if (!dest || dest.items().length === 0) {
      ctx.report({
        doc: topo.doc,
        range: dest ? dest.keyRange : dr.keyRange,
        messageId: 'noDestination',
        nodePath: NodePath.topology('dr', 'destinationInstances'),
        fix: declaration(
          'Name the DR SQL instance',
          dest && dest.isSeq ? ctx.edit.replace(dest, [placeholder('DR SQL instance')]) : dest ? undefined : ctx.edit.insertKey(dr, 'destinationInstances', [placeholder('DR SQL instance')]),
        ),
      });
      return;
    }
    if (!ls) {
      ctx.report({
        doc: topo.doc,
        range: dr.keyRange,
        messageId: 'notSaid',
        nodePath: NodePath.topology('dr', 'logShipping'),
        fix: declaration('Declare how the logs are shipped', ctx.edit.insertKey(dr, 'logShipping', placeholder('log shipping: biztalk or none'))),
        suggestions: [suggestion('BizTalk log shipping now runs to the DR site: declare it', ctx.edit.insertKey(dr, 'logShipping', 'biztalk'))],
      });
    }
  },
});
