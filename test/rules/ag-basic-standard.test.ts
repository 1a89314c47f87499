// ag-basic-standard: SQL Server Standard's basic availability groups hold one database each.
import rule from '../../server/src/core/rules/ag-basic-standard';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const inst = (edition: string, dbs: string) => `topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAG\n    edition: ${edition}\n    availabilityGroup: { name: AG1 }\n    databases: ${dbs}\n`;

ruleTester(rule, {
  valid: [
    { name: 'Enterprise with many databases', files: { [T]: inst('Enterprise', '[{ name: BizTalkMgmtDb }, { name: BizTalkMsgBoxDb }]') } },
    { name: 'Standard with one BizTalk database (a custom one and an SSAS one do not count)', files: { [T]: inst('Standard', '[{ name: BizTalkMgmtDb }, { name: Orders, custom: true }, { name: BAMAnalysis }]') } },
  ],
  invalid: [
    {
      name: 'Standard with two BizTalk databases: at the availabilityGroup key',
      files: { [T]: inst('Standard', '[{ name: BizTalkMgmtDb }, { name: BizTalkMsgBoxDb }]') },
      errors: [
        {
          range: [6, 5, 6, 22],
          severity: 'error',
          message:
            '"SQLAG" is SQL Server Standard, whose basic availability groups hold one database each, yet 2 BizTalk databases (BizTalkMgmtDb, BizTalkMsgBoxDb) are declared in its availability group. Microsoft: "SQL Server 2016 Standard supports only one single database in each SQL AlwaysOn AG. Since BizTalk uses many databases, SQL Server Enterprise edition is typically recommended."',
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a configuration export adds the databases it places on the instance',
      files: {
        [T]: inst('Standard', '[{ name: BizTalkMgmtDb }]'),
        'cfg.xml': '<Configuration><Feature Name="WMI"><SQL ID="{x}" DisplayName="BizTalk MessageBox Database"><Server>SQLAG</Server><Database>BizTalkMsgBoxDb</Database></SQL></Feature></Configuration>',
      },
      errors: [{ range: [6, 5, 6, 22], message: /yet 2 BizTalk databases \(BizTalkMgmtDb, BizTalkMsgBoxDb\)/ }],
    },
  ],
});
