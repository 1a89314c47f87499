import { defineRule, fix, placeholder } from './api';
import { missingAnchor } from './shared';
import { CK_HA, CLUSTERING_MSS, HA_MSS, MSS } from './sources';

export default defineRule({
  meta: {
    id: 'master-secret-server-not-clustered',
    description: 'The Enterprise SSO master secret server is not declared clustered.',
    defaultSeverity: 'warning',
    category: 'sso',
    fixable: true,
    availability: true,
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
    if (clustered?.value === true) return;
    const mss = sso?.get('masterSecretServer');
    const range = clustered ? clustered.range : mss ? mss.entryRange : sso ? sso.keyRange : missingAnchor(topo, ['sso']).range;
    const said = clustered ? 'declared not clustered (sso.clustered: false)' : 'not declared clustered (sso.clustered)';
    ctx.report({
      doc: topo.doc,
      range,
      messageId: 'notClustered',
      data: { name: mss?.str ? ` ${mss.str}` : '', said },
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
