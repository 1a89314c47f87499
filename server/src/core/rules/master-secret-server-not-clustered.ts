import { defineRule, fix, placeholder } from './api';
import { missingAnchor } from './shared';
import { CK_HA, HA_MSS, MSS } from './sources';

export default defineRule({
  meta: {
    id: 'master-secret-server-not-clustered',
    description: 'The Enterprise SSO master secret server is not declared clustered.',
    defaultSeverity: 'warning',
    category: 'sso',
    fixable: true,
    byEnvironment: 'availability',
    sources: [MSS, HA_MSS, CK_HA],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const sso = topo.section('sso');
    const clustered = sso?.get('clustered');
    if (clustered?.value === true) return;
    const mss = sso?.get('masterSecretServer');
    const who = mss?.str ? `The master secret server ${mss.str}` : 'The master secret server';
    const range = clustered ? clustered.range : mss ? mss.entryRange : sso ? sso.keyRange : missingAnchor(topo, ['sso']).range;
    const said = clustered ? 'is declared not clustered (sso.clustered: false)' : 'is not declared clustered (sso.clustered)';
    ctx.report({
      doc: topo.doc,
      range,
      message: `${who} ${said}. There is only one in the SSO system: while it is down, running work goes on but no SSO server can encrypt new credentials (new or changed port configurations, affiliate applications). Microsoft: "it is strongly recommended you cluster the master secret server".`,
      nodePath: 'sso.clustered',
      fix: fix(
        'Declare the master secret server clustered',
        clustered
          ? ctx.edit.replace(clustered, true)
          : sso && sso.isMap
            ? ctx.edit.insertKey(sso, 'clustered', true)
            : sso
              ? undefined
              : ctx.edit.ensure(['sso'], { masterSecretServer: placeholder('clustered SSO network name'), clustered: true }),
      ),
    });
  },
});
