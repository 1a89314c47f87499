import { defineRule } from './api';
import { DEFAULT_DB_NAME } from '../readers/configExport';
import { sameName } from '../model/join';
import { biztalkDatabases } from './dbHelpers';
import { AG, SQL_EDITIONS } from './sources';

export default defineRule({
  meta: {
    id: 'ag-basic-standard',
    description: 'An availability group on SQL Server Standard (a basic availability group, one database each) is declared for more than one BizTalk database.',
    defaultSeverity: 'error',
    category: 'clustering',
    fixable: false,
    byEnvironment: 'availability',
    sources: [SQL_EDITIONS, AG],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    for (const inst of topo.sqlInstances()) {
      const ag = inst.get('availabilityGroup');
      const edition = inst.get('edition');
      if (!ag || !ag.isMap || edition?.str?.toLowerCase() !== 'standard') continue;
      const names = biztalkDatabases(inst).map((d) => d.get('name')!.str!);
      // Databases a configuration export places on this instance count too.
      for (const exp of ctx.ws.configExports) {
        for (const d of exp.configExport!.databases) {
          const n = d.database ?? DEFAULT_DB_NAME[d.role];
          if (!n || !d.server || d.role === 'bam-analysis' || d.role === 'tracking-analysis') continue;
          if (topo.findInstance(d.server)?.node !== inst.node) continue;
          if (!names.some((x) => sameName(x, n))) names.push(n);
        }
      }
      if (names.length < 2) continue;
      const name = inst.get('name')?.str ?? 'this SQL instance';
      ctx.report({
        doc: topo.doc,
        range: ag.keyRange,
        message: `"${name}" is SQL Server Standard, whose basic availability groups hold one database each, yet ${names.length} BizTalk databases (${names.join(', ')}) are declared in its availability group. Microsoft: "SQL Server 2016 Standard supports only one single database in each SQL AlwaysOn AG. Since BizTalk uses many databases, SQL Server Enterprise edition is typically recommended."`,
        nodePath: `sqlInstances[name=${name}].availabilityGroup:basic`,
        related: [{ uri: topo.uri, range: edition!.entryRange, message: `${name} is SQL Server Standard` }],
      });
    }
  },
});
