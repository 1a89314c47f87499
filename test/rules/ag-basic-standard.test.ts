// ag-basic-standard: SQL Server Standard's basic availability groups hold one database each.
import rule from '../../server/src/core/rules/ag-basic-standard';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const inst = (edition: string, dbs: string) => `topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAG\n    edition: ${edition}\n    availabilityGroup: { name: AG1 }\n    databases: ${dbs}\n`;

ruleTester(rule, {
  valid: [
    { name: 'Enterprise with many databases', files: { [T]: inst('Enterprise', '[{ name: BizTalkMgmtDb }, { name: BizTalkMsgBoxDb }]') } },
    {
      name: 'Standard with one basic availability group per database (databases[].availabilityGroup)',
      files: {
        [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAG\n    edition: Standard\n    availabilityGroup: { dtcSupport: perDatabase, availabilityMode: synchronous }\n    databases:\n      - { name: BizTalkMgmtDb, availabilityGroup: AG-Mgmt }\n      - { name: BizTalkMsgBoxDb, availabilityGroup: AG-MsgBox }\n      - { name: SSODB, availabilityGroup: AG-SSO }\n',
      },
    },
    { name: 'Standard with one BizTalk database (a custom one and an SSAS one do not count)', files: { [T]: inst('Standard', '[{ name: BizTalkMgmtDb }, { name: Orders, custom: true }, { name: BAMAnalysis }]') } },
  ],
  invalid: [
    {
      name: 'Standard with two BizTalk databases: at the availabilityGroup key',
      files: { [T]: inst('Standard', '[{ name: BizTalkMgmtDb }, { name: BizTalkMsgBoxDb }]') },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLAG].availabilityGroup:basic',
          range: [6, 5, 6, 22],
          severity: 'error',
          messageId: 'basic',
          data: { instance: 'SQLAG', count: 2, databases: 'BizTalkMgmtDb, BizTalkMsgBoxDb', group: 'availability group AG1' },
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
      errors: [{ nodePath: 'sqlInstances[name=SQLAG].availabilityGroup:basic', fixOutput: null, range: [6, 5, 6, 22], messageId: 'basic', data: { instance: 'SQLAG', count: 2, databases: 'BizTalkMgmtDb, BizTalkMsgBoxDb', group: 'availability group AG1' } }],
    },
    {
      name: 'two databases name the same basic group (case-insensitively): at the first one\'s group name',
      files: {
        [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAG\n    edition: Standard\n    availabilityGroup: { dtcSupport: perDatabase }\n    databases:\n      - { name: BizTalkMgmtDb, availabilityGroup: AG-Mgmt }\n      - { name: BizTalkMsgBoxDb, availabilityGroup: ag-mgmt }\n      - { name: SSODB, availabilityGroup: AG-SSO }\n',
      },
      errors: [{ nodePath: 'sqlInstances[name=SQLAG].availabilityGroup[ag-mgmt]:basic', fixOutput: null, range: [8, 51, 8, 58], messageId: 'basic', data: { instance: 'SQLAG', count: 2, databases: 'BizTalkMgmtDb, BizTalkMsgBoxDb', group: 'availability group AG-Mgmt' } }],
    },
    {
      name: 'a database entry with a role and no name does not stop the rule',
      files: { [T]: inst('Standard', '[{ name: BizTalkMgmtDb }, { role: messagebox }]') },
      errors: [{ nodePath: 'sqlInstances[name=SQLAG].availabilityGroup:basic', fixOutput: null, range: [6, 5, 6, 22], messageId: 'basic', data: { instance: 'SQLAG', count: 2, databases: 'BizTalkMgmtDb, messagebox', group: 'availability group AG1' } }],
    },
  ],
});
