// ag-unsupported-combo: SQL Server, BizTalk versions, updates and editions that rule out availability groups.
import rule from '../../server/src/core/rules/ag-unsupported-combo';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const topo = (biztalk: string, inst: string) => `topology: 1\nenvironment: production\nbiztalk: ${biztalk}\nsqlInstances:\n  - name: SQLAG\n${inst}    availabilityGroup: { name: AG1, availabilityMode: synchronous, dtcSupport: perDatabase }\n    databases: [{ name: BizTalkMgmtDb }, { name: BizTalkMsgBoxDb }]\n`;
const END = 'Use a failover cluster instance instead, or upgrade to what Microsoft requires for BizTalk with availability groups.';

ruleTester(rule, {
  valid: [
    { name: 'BizTalk 2020 Enterprise on SQL 2019', files: { [T]: topo('{ version: "2020", edition: Enterprise }', '    version: "2019"\n') } },
    { name: 'BizTalk 2016 CU5 on SQL 2016 SP2', files: { [T]: topo('{ version: 2016, cumulativeUpdate: 5, edition: Enterprise }', '    version: "2016"\n    servicePack: 2\n') } },
    { name: 'versions unknown: nothing to say', files: { [T]: topo('{ x-group: X }', '') } },
    { name: 'no availability group', files: { [T]: 'topology: 1\nenvironment: production\nbiztalk: { version: "2013R2", edition: Standard }\nsqlInstances:\n  - { name: SQL1, version: "2012" }\n' } },
  ],
  invalid: [
    {
      name: 'SQL 2014 and BizTalk 2013 R2: one finding listing both, at the availabilityGroup key',
      files: { [T]: topo('{ version: "2013R2", edition: Enterprise }', '    version: "2014"\n') },
      errors: [
        {
          range: [7, 5, 7, 22],
          severity: 'error',
          message: `The availability group of "SQLAG" cannot hold BizTalk databases with SQL Server 2014 (availability groups for BizTalk need SQL Server 2016 or later); BizTalk Server 2013R2 (BizTalk supports availability groups from BizTalk 2016 CU5). ${END}`,
          fixOutput: null,
        },
      ],
    },
    {
      name: 'BizTalk 2016 CU3, Standard edition',
      files: { [T]: topo('{ version: "2016", cumulativeUpdate: 3, edition: Standard }', '    version: "2017"\n') },
      errors: [{ range: [7, 5, 7, 22], message: `The availability group of "SQLAG" cannot hold BizTalk databases with BizTalk Server 2016 CU3 (CU5 or later is needed); BizTalk Standard edition (Enterprise is needed). ${END}` }],
    },
    {
      name: 'several BizTalk databases on one SQL 2016 instance before SP2',
      files: { [T]: topo('{ version: "2016", cumulativeUpdate: 9, edition: Enterprise }', '    version: "2016"\n    servicePack: 1\n') },
      errors: [{ range: [8, 5, 8, 22], message: /2 BizTalk databases on one SQL Server 2016 instance before SP2 \(BizTalkMgmtDb, BizTalkMsgBoxDb\)/ }],
    },
    {
      name: 'BizTalk 2020 on SQL 2016 SP2 CU3',
      files: { [T]: topo('{ version: "2020", edition: Enterprise }', '    version: "2016"\n    servicePack: 2\n    cumulativeUpdate: 3\n') },
      errors: [{ range: [9, 5, 9, 22], message: /SQL Server 2016 SP2 CU3 with BizTalk Server 2020 \(BizTalk 2020 needs SQL Server 2016 SP2 CU7 or later\)/ }],
    },
  ],
});
