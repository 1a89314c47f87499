import { declaration, defineRule, isPlaceholderValue, placeholder } from './api';
import { NodePath } from './nodePath';
import type { LNode } from '../readers/yamlNode';
import { isBlank, missingAnchor } from './shared';
import { CLUSTER_INSTALL } from './sources';

const FACT = placeholder('true once MSDTC is a clustered resource');

export default defineRule({
  meta: {
    id: 'msdtc-not-clustered',
    description: 'BizTalk runs on a Windows cluster (a clustered host or a clustered ENTSSO), but MSDTC is not declared a clustered resource (biztalk.msdtcClustered).',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [CLUSTER_INSTALL],
    messages: {
      declaredOff: 'MSDTC is declared not clustered, but BizTalk runs on a Windows cluster ({{cluster}}). Cluster MSDTC in the cluster (before installing BizTalk there), then declare msdtcClustered: true.',
      undeclared: 'BizTalk runs on a Windows cluster ({{cluster}}), but the topology does not say that MSDTC is clustered there (biztalk.msdtcClustered). Cluster MSDTC before installing BizTalk on the cluster, then declare msdtcClustered: true.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    // What puts BizTalk on a Windows cluster: a clustered host, or the clustered ENTSSO service.
    let why: { what: string; node: LNode } | undefined;
    const host = topo.hosts().find((h) => h.get('clustered')?.value === true);
    const hostFlag = host?.get('clustered');
    const ssoFlag = topo.section('sso')?.get('clustered');
    if (host && hostFlag) why = { what: `clustered host "${host.get('name')?.str ?? ''}"`, node: hostFlag };
    else if (ssoFlag?.value === true) why = { what: 'clustered ENTSSO', node: ssoFlag };
    if (!why) return;
    const related = [{ uri: topo.uri, range: why.node.entryRange, message: `The ${why.what}` }];
    const biztalk = topo.section('biztalk');
    const flag = biztalk?.isMap ? biztalk.get('msdtcClustered') : undefined;
    if (flag?.value === true || (flag && isPlaceholderValue(flag.str))) return; // a placeholder is unfilled-placeholder's
    if (flag && !isBlank(flag)) {
      ctx.report({
        doc: topo.doc,
        range: flag.range,
        messageId: 'declaredOff',
        data: { cluster: why.what },
        nodePath: NodePath.topology('biztalk', 'msdtcClustered'),
        related,
      });
      return;
    }
    const at = flag ? { range: flag.entryRange } : missingAnchor(topo, ['biztalk', 'msdtcClustered']);
    ctx.report({
      doc: topo.doc,
      range: at.range,
      messageId: 'undeclared',
      data: { cluster: why.what },
      nodePath: NodePath.topology('biztalk', 'msdtcClustered'),
      related,
      fix: declaration('Declare whether MSDTC is clustered', flag ? ctx.edit.replace(flag, FACT) : biztalk && !biztalk.isMap ? undefined : ctx.edit.ensure(['biztalk', 'msdtcClustered'], FACT)),
    });
  },
});
