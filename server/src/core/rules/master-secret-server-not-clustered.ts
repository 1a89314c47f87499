import { declaration, defineRule, isPlaceholderValue, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { missingAnchor } from './shared';
import { CK_HA, CLUSTERING_MSS, HA_MSS, MSS } from './sources';

export default defineRule({
  meta: {
    id: 'master-secret-server-not-clustered',
    description: 'The Enterprise SSO master secret server is not declared clustered.',
    defaultSeverity: 'warning',
    category: 'sso',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'availability',
    sources: [MSS, HA_MSS, CK_HA, CLUSTERING_MSS],
    messages: {
      notClustered: 'The master secret server{{name}} is {{said}}: while it is down, an SSO service that restarts cannot start, so a restarted BizTalk server cannot start its hosts. Cluster it and declare sso.clustered: true.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const sso = topo.section('sso');
    const clustered = sso?.get('clustered');
    if (clustered?.value === true || isPlaceholderValue(clustered?.str)) return;
    const mss = sso?.get('masterSecretServer');
    const range = clustered ? clustered.range : mss ? mss.entryRange : sso ? sso.keyRange : missingAnchor(topo, ['sso']).range;
    const said = clustered ? 'declared not clustered (sso.clustered: false)' : 'not declared clustered (sso.clustered)';
    ctx.report({
      doc: topo.doc,
      range,
      messageId: 'notClustered',
      data: { name: mss?.str ? ` ${mss.str}` : '', said },
      nodePath: NodePath.topology('sso', 'clustered'),
      fix: clustered
        ? undefined
        : declaration(
            'Declare whether the master secret server is clustered',
            sso && sso.isMap
              ? ctx.edit.insertKey(sso, 'clustered', placeholder('SSO clustered: true or false'))
              : sso
                ? undefined
                : ctx.edit.ensure(['sso'], { masterSecretServer: placeholder('master secret server'), clustered: placeholder('SSO clustered: true or false') }),
          ),
      suggestions: [
        suggestion(
          'The master secret server is now a clustered resource: declare it',
          clustered ? ctx.edit.replace(clustered, true) : sso && sso.isMap ? ctx.edit.insertKey(sso, 'clustered', true) : undefined,
        ),
      ],
    });
  },
});
