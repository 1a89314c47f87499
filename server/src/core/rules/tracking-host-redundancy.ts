import { declaration, defineRule, placeholder } from './api';
import { NodePath } from './nodePath';
import { placements } from '../model/join';
import type { LNode } from '../readers/yamlNode';
import { itemAnchor } from './shared';
import { CK_HA, DEDICATED_TRACKING_HOST } from './sources';

/** The tracking host the fixes declare: dedicated, on two servers. */
export const TRACKING_HOST_SKELETON = {
  name: placeholder('tracking host'),
  type: 'in-process',
  tracking: true,
  instances: [placeholder('first server'), placeholder('second server')],
};

export default defineRule({
  meta: {
    id: 'tracking-host-redundancy',
    description: 'Fewer host instances have tracking enabled than the N+1 Microsoft asks for (N MessageBox databases, and at least two), or no host is declared with tracking.',
    defaultSeverity: 'warning',
    category: 'hosts',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'availability',
    sources: [CK_HA, DEDICATED_TRACKING_HOST],
    messages: {
      noTrackingHost: 'No host is declared with tracking (hosts[].tracking: true), so btslint cannot check that tracking survives the loss of a server. Declare the tracking host, with instances on at least {{needed}} servers ({{messageBoxes}} + 1).',
      tooFewInstances: '{{instances}} tracking enabled; with {{messageBoxes}} Microsoft asks for at least {{needed}} (N+1, for fault tolerance). Add instances of tracking host "{{host}}" on more servers.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const list = topo.section('hosts');
    const hosts = topo.hosts();
    // Only a topology that declares its hosts can be judged; the other host rules ask for the hosts.
    if (!list || !hosts.length) return;
    const tracking = hosts.filter((h) => h.get('tracking')?.value === true);
    const messageBoxes = Math.max(1, placements(topo, ctx.ws, 'BizTalkMsgBoxDb').length);
    const needed = Math.max(2, messageBoxes + 1);
    const mbText = `${messageBoxes} MessageBox database${messageBoxes === 1 ? '' : 's'}`;
    if (!tracking.length) {
      ctx.report({
        doc: topo.doc,
        range: list.keyRange,
        severity: 'info', // cannot check: an unknown, not a violation
        messageId: 'noTrackingHost',
        data: { needed, messageBoxes: mbText },
        nodePath: NodePath.topology('hosts'),
        fix: declaration('Declare a dedicated tracking host', ctx.edit.addToList('hosts', TRACKING_HOST_SKELETON)),
      });
      return;
    }
    const servers = (h: LNode) => new Set((h.get('instances')?.strings() ?? []).map((s) => s.str.toLowerCase()));
    const count = tracking.reduce((n, h) => n + servers(h).size, 0);
    if (count >= needed) return;
    const first = tracking[0];
    const name = first.get('name')?.str ?? 'the tracking host';
    const instances = first.get('instances');
    ctx.report({
      doc: topo.doc,
      range: itemAnchor(first),
      messageId: 'tooFewInstances',
      data: { instances: count === 0 ? 'No host instance has' : count === 1 ? 'Only 1 host instance has' : `Only ${count} host instances have`, messageBoxes: mbText, needed, host: name },
      nodePath: NodePath.host(name).key('instances'),
      related: tracking.slice(1, 6).map((h) => ({ uri: topo.uri, range: itemAnchor(h), message: `Host ${h.get('name')?.str ?? ''} has tracking enabled` })),
      fix:
        tracking.length === 1
          ? declaration(
              `Add an instance of ${name}`,
              instances && instances.isSeq
                ? ctx.edit.appendItem(instances, placeholder('another server'))
                : !instances
                  ? ctx.edit.insertKey(first, 'instances', [placeholder('first server'), placeholder('second server')])
                  : undefined,
            )
          : undefined,
    });
  },
});
