import { declaration, defineRule, isPlaceholderValue, placeholder, suggestion } from './api';
import { missingAnchor } from './shared';
import { CK_HA, HA_MSS, MSS } from './sources';

export default defineRule({
  meta: {
    id: 'master-secret-server-not-clustered',
    description: 'The Enterprise SSO master secret server is not declared clustered.',
    defaultSeverity: 'warning',
    category: 'sso',
    fixable: true,
    fixKinds: ['declaration', 'suggestion'],
    byEnvironment: 'availability',
    sources: [MSS, HA_MSS, CK_HA],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const sso = topo.section('sso');
    const clustered = sso?.get('clustered');
    if (clustered?.value === true || isPlaceholderValue(clustered?.str)) return;
    const mss = sso?.get('masterSecretServer');
    const who = mss?.str ? `The master secret server ${mss.str}` : 'The master secret server';
    const range = clustered ? clustered.range : mss ? mss.entryRange : sso ? sso.keyRange : missingAnchor(topo, ['sso']).range;
    const said = clustered ? 'is declared not clustered (sso.clustered: false)' : 'is not declared clustered (sso.clustered)';
    ctx.report({
      doc: topo.doc,
      range,
      message: `${who} ${said}. There is only one in the SSO system: while it is down, running work goes on but no SSO server can encrypt new credentials (new or changed port configurations, affiliate applications). Microsoft: "it is strongly recommended you cluster the master secret server".`,
      nodePath: 'sso.clustered',
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
