// ag-unsupported-combo: SQL Server, BizTalk versions, updates and editions that rule out availability groups,
// and, before SQL Server 2016 SP2, databases of one distributed transaction on one instance.
import rule from '../../server/src/core/rules/ag-unsupported-combo';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const topo = (biztalk: string, inst: string) => `topology: 1\nenvironment: production\nbiztalk: ${biztalk}\nsqlInstances:\n  - name: SQLAG\n${inst}    availabilityGroup: { name: AG1, availabilityMode: synchronous, dtcSupport: perDatabase }\n    databases: [{ name: BizTalkMgmtDb }, { name: BizTalkMsgBoxDb }]\n`;

ruleTester(rule, {
  valid: [
    { name: 'BizTalk 2020 Enterprise on SQL 2019', files: { [T]: topo('{ version: "2020", edition: Enterprise }', '    version: "2019"\n') } },
    { name: 'BizTalk 2016 CU5 on SQL 2016 SP2', files: { [T]: topo('{ version: 2016, cumulativeUpdate: 5, edition: Enterprise }', '    version: "2016"\n    servicePack: 2\n') } },
    {
      name: 'the runtime group (MessageBox, Rule Engine, BAM Primary Import, Star Schema, Alerts) shares an instance before SP2',
      files: {
        [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLRUN\n    version: "2016"\n    servicePack: 1\n    availabilityGroup: { name: AG }\n    databases: [{ name: BizTalkMsgBoxDb }, { name: BizTalkRuleEngineDb }, { name: BAMPrimaryImport }, { name: BAMStarSchema }, { name: BAMAlertsApplication }, { name: Orders, custom: true }]\n',
      },
    },
    { name: 'all databases on one instance with SQL 2016 SP2', files: { [T]: topo('{ version: "2016", cumulativeUpdate: 5, edition: Enterprise }', '    version: "2016"\n    servicePack: 2\n') } },
    { name: 'versions unknown: nothing to say', files: { [T]: topo('{ x-group: X }', '') } },
    { name: 'no availability group', files: { [T]: 'topology: 1\nenvironment: production\nbiztalk: { version: "2013R2", edition: Standard }\nsqlInstances:\n  - { name: SQL1, version: "2012" }\n' } },
  ],
  invalid: [
    {
      name: 'SQL 2014 and BizTalk 2013 R2: the SQL version at the availabilityGroup key, the BizTalk version once at its declaration',
      files: { [T]: topo('{ version: "2013R2", edition: Enterprise }', '    version: "2014"\n') },
      errors: [
        { nodePath: 'sqlInstances[name=SQLAG].availabilityGroup:sqlVersion', range: [7, 5, 7, 22], severity: 'error', messageId: 'sqlTooOld', data: { instance: 'SQLAG', version: '2014' }, fixOutput: null },
        { nodePath: 'biztalk.version:availabilityGroup', range: [3, 12, 3, 29], messageId: 'biztalkTooOld', data: { version: '2013R2' }, fixOutput: null },
      ],
    },
    {
      name: 'BizTalk 2016 CU3, Standard edition: each cause once, at its declaration',
      files: { [T]: topo('{ version: "2016", cumulativeUpdate: 3, edition: Standard }', '    version: "2017"\n') },
      errors: [
        { nodePath: 'biztalk.cumulativeUpdate:availabilityGroup', fixOutput: null, range: [3, 29, 3, 48], messageId: 'biztalkUpdate', data: { cu: 3 } },
        { nodePath: 'biztalk.edition:availabilityGroup', fixOutput: null, range: [3, 50, 3, 67], messageId: 'biztalkEdition', data: { edition: 'Standard' } },
      ],
    },
    {
      name: 'BizTalk version causes are reported once however many instances have an availability group',
      files: {
        [T]: 'topology: 1\nenvironment: production\nbiztalk: { version: "2013R2" }\nsqlInstances:\n  - { name: A, availabilityGroup: { name: AG1 } }\n  - { name: B, availabilityGroup: { name: AG2 } }\n',
      },
      errors: [{ nodePath: 'biztalk.version:availabilityGroup', fixOutput: null, range: [3, 12, 3, 29], messageId: 'biztalkTooOld', data: { version: '2013R2' } }],
    },
    {
      name: 'Management and MessageBox share distributed transactions: not on one SQL 2016 instance before SP2',
      files: { [T]: topo('{ version: "2016", cumulativeUpdate: 9, edition: Enterprise }', '    version: "2016"\n    servicePack: 1\n') },
      errors: [{ nodePath: 'sqlInstances[name=SQLAG].availabilityGroup:transactions', fixOutput: null, range: [5, 5, 5, 16], messageId: 'sharedTransaction', data: { instance: 'SQLAG', databases: 'BizTalkMgmtDb and BizTalkMsgBoxDb' } }],
    },
    {
      name: "Microsoft's minimum of four instances: each instance holding another transaction group is fine, one mixing groups is not",
      files: {
        [T]: `topology: 1
environment: production
biztalk: { version: "2016", cumulativeUpdate: 4, edition: Enterprise }
sqlInstances:
  - name: SQLSSO
    version: "2016"
    servicePack: 1
    availabilityGroup: { name: AG1 }
    databases: [{ name: SSODB }]
  - name: SQLRUN
    version: "2016"
    servicePack: 1
    availabilityGroup: { name: AG3 }
    databases: [{ name: BizTalkMsgBoxDb }, { name: BizTalkRuleEngineDb }, { name: BAMPrimaryImport }, { name: BAMStarSchema }, { name: BAMAlertsApplication }]
  - name: SQLMIX
    version: "2016"
    servicePack: 1
    availabilityGroup: { name: AG2 }
    databases: [{ name: BizTalkMgmtDb }, { name: DTA, role: tracking }, { name: BAMArchive }]
`,
      },
      errors: [
        { nodePath: 'biztalk.cumulativeUpdate:availabilityGroup', fixOutput: null, range: [3, 29, 3, 48], messageId: 'biztalkUpdate', data: { cu: 4 } },
        { nodePath: 'sqlInstances[name=SQLMIX].availabilityGroup:transactions', fixOutput: null, range: [15, 5, 15, 17], messageId: 'sharedTransaction', data: { instance: 'SQLMIX', databases: 'BizTalkMgmtDb and DTA' } },
      ],
    },
    {
      name: 'BizTalk 2020 on SQL 2016 SP2 CU3',
      files: { [T]: topo('{ version: "2020", edition: Enterprise }', '    version: "2016"\n    servicePack: 2\n    cumulativeUpdate: 3\n') },
      errors: [{ nodePath: 'sqlInstances[name=SQLAG].availabilityGroup:sqlUpdate', fixOutput: null, range: [9, 5, 9, 22], messageId: 'sqlUpdate', data: { instance: 'SQLAG', update: 'SP2 CU3', biztalk: '2020' } }],
    },
  ],
});
