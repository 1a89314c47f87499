import { defineRule } from './api';
import { NodePath } from './nodePath';
import { AG } from './sources';

export default defineRule({
  meta: {
    id: 'ag-multisubnet',
    description: 'An availability group holding BizTalk databases is declared multi-subnet; BizTalk cannot use MultiSubnetFailover, so a failover across subnets reconnects slowly.',
    defaultSeverity: 'warning',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [AG],
    messages: {
      multiSubnet: "The availability group of \"{{instance}}\" spans subnets, but BizTalk connects through OLE DB, which cannot set MultiSubnetFailover=True, so it reconnects slowly after a failover to another subnet. Keep BizTalk's replicas in one subnet, or allow for it in the RTO.",
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const flag = inst.get('availabilityGroup')?.get('multiSubnet');
      if (flag?.value !== true) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      ctx.report({
        doc: topo.doc,
        range: flag.range,
        messageId: 'multiSubnet',
        data: { instance: name },
        nodePath: NodePath.sqlInstance(name).key('availabilityGroup', 'multiSubnet'),
      });
    }
  },
});
