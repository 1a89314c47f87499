// runtime-db-not-clustered: Management, Tracking, SSO, Rule Engine and the other BAM SQL databases on an
// instance that is neither an FCI nor in an availability group, one finding per instance; and a
// configuration export that puts them on a server the topology does not declare.
import rule from '../../server/src/core/rules/runtime-db-not-clustered';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const NONE = 'declares neither failoverCluster nor availabilityGroup';
const CFG = (server: string, dtaServer = '%%BizTalkDTADb-Server%%') =>
  `<Configuration><Feature Name="WMI"><SQL ID="{a}" DisplayName="BizTalk Management Database"><Server>${server}</Server><Database>BizTalkMgmtDb</Database></SQL><SQL ID="{b}" DisplayName="BizTalk Tracking Database"><Server>${dtaServer}</Server><Database>BizTalkDTADb</Database></SQL></Feature></Configuration>`;

ruleTester(rule, {
  valid: [
    { name: 'all on a failover cluster instance', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    failoverCluster: { nodes: [A, B] }\n    databases: [{ name: BizTalkMgmtDb }, { name: SSODB }, { name: BizTalkDTADb }]\n' } },
    { name: 'in an availability group', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAG\n    availabilityGroup: { name: AG1 }\n    databases: [{ name: BizTalkMgmtDb }]\n' } },
    {
      name: 'an instance that also holds the MessageBox is msgbox-not-clustered\'s',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: BizTalkMgmtDb }, { name: BizTalkMsgBoxDb }]\n' },
    },
    {
      name: 'SSODB with a clustered master secret server is ssodb-not-clustered-with-mss\'s',
      files: { [T]: 'topology: 1\nenvironment: production\nsso: { masterSecretServer: SSOCLU, clustered: true }\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: SSODB }]\n' },
    },
    { name: 'tokenised export servers are unknown, not wrong', files: { [T]: 'topology: 1\nenvironment: production\n', 'cfg.xml': CFG('%%BizTalkMgmtDb-Server%%') } },
    { name: 'an export placing the database on a declared clustered instance', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLBTS\\BTS\n    failoverCluster: { nodes: [A, B] }\n', 'cfg.xml': CFG('sqlbts\\bts,1433') } },
    { name: 'custom application databases are not runtime databases', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: Orders, custom: true }]\n' } },
  ],
  invalid: [
    {
      name: 'one finding per unclustered instance, listing its databases (by name or role)',
      files: {
        [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    databases:\n      - { name: BizTalkMgmtDb }\n      - { name: BizTalkDTADb }\n      - { name: Tracking2, role: tracking }\n  - name: SQL3\n    failoverCluster: { nodes: [A, B] }\n    databases: [{ name: BAMArchive }]\n',
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1]:runtime',
          fixOutput: null,
          range: [4, 5, 4, 15],
          severity: 'warning',
          messageId: 'notClustered', data: { instance: 'SQL1', databases: 'BizTalkMgmtDb, BizTalkDTADb, Tracking2', gap: NONE },
          suggestions: [{ title: "SQL1 is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    databases:
      - { name: BizTalkMgmtDb }
      - { name: BizTalkDTADb }
      - { name: Tracking2, role: tracking }
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
  - name: SQL3
    failoverCluster: { nodes: [A, B] }
    databases: [{ name: BAMArchive }]
` } }],
        },
      ],
    },
    {
      // Known by role through the one table of BizTalk databases (model/join.ts BIZTALK_DATABASES).
      name: 'renamed BAM alerts databases, declared by role',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL2\n    databases: [{ name: ContosoAlerts, role: bam-alerts-application }, { name: ContosoNS, role: bam-alerts-ns-main }]\n' },
      errors: [{ nodePath: 'sqlInstances[name=SQL2]:runtime', fixOutput: null, range: [4, 5, 4, 15], messageId: 'notClustered', data: { instance: 'SQL2', databases: 'ContosoAlerts, ContosoNS', gap: NONE } }],
    },
    {
      name: 'the configuration export places the Management database on an undeclared server (the tokenised one is skipped)',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL3\n    failoverCluster: { nodes: [A, B] }\n', 'cfg.xml': CFG('SQLMGMT') },
      errors: [
        {
          file: 'cfg.xml',
          nodePath: 'SQL[DisplayName=BizTalk Management Database]/Server',
          range: [1, 100, 1, 107],
          messageId: 'undeclaredServer', data: { database: 'BizTalkMgmtDb', server: 'SQLMGMT' },
          fixKind: 'fix',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL3
    failoverCluster: { nodes: [A, B] }
  - name: SQLMGMT
    databases:
      - name: BizTalkMgmtDb
` },
          suggestions: [{ title: "SQLMGMT is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL3
    failoverCluster: { nodes: [A, B] }
  - name: SQLMGMT
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
    databases:
      - name: BizTalkMgmtDb
` } }],
        },
      ],
    },
    {
      name: 'the export places it on a declared instance that is not clustered',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQLMGMT, version: "2019" }\n', 'cfg.xml': CFG('sqlmgmt') },
      errors: [{ nodePath: 'sqlInstances[name=SQLMGMT]:runtime', fixOutput: null, range: [4, 7, 4, 20], messageId: 'notClustered', data: { instance: 'SQLMGMT', databases: 'BizTalkMgmtDb', gap: NONE } }],
    },
    {
      name: 'test environment: info',
      files: { 'test.topology.yaml': 'topology: 1\nenvironment: test\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: SSODB }]\n' },
      errors: [{ nodePath: 'sqlInstances[name=SQL1]:runtime', fixOutput: null, range: [4, 5, 4, 15], severity: 'info', messageId: 'notClustered' }],
    },
  ],
});
