// ssodb-not-clustered-with-mss: a clustered master secret server needs SSODB on a clustered instance.
import rule from '../../server/src/core/rules/ssodb-not-clustered-with-mss';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const SSO = 'topology: 1\nenvironment: production\nsso:\n  masterSecretServer: SSOCLU\n  clustered: true\n';

ruleTester(rule, {
  valid: [
    { name: 'SSODB on a failover cluster instance', files: { [T]: SSO + 'sqlInstances:\n  - name: SQL1\n    failoverCluster: { nodes: [A, B] }\n    databases: [{ name: SSODB }]\n' } },
    { name: 'the master secret server is not clustered (runtime-db-not-clustered covers SSODB then)', files: { [T]: 'topology: 1\nenvironment: production\nsso: { masterSecretServer: BTS01, clustered: false }\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: SSODB }]\n' } },
    { name: 'the export puts SSODB on a tokenised server', files: { [T]: SSO, 'cfg.xml': '<Configuration><Feature Name="SSOServer,Engine"><SQL ID="SSO_DB_ID" DisplayName="SSO Database"><Server>{{SSO_DB_ID_SERVER}}</Server><Database>SSODB</Database></SQL></Feature></Configuration>' } },
  ],
  invalid: [
    {
      name: 'SSODB on an unclustered instance: error at the instance, fix declares a failover cluster',
      files: { [T]: SSO + 'sqlInstances:\n  - name: SQL1\n    databases:\n      - { name: BizTalkMgmtDb }\n      - { name: SSODB }\n' },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1]:SSODB',
          fixOutput: null,
          range: [7, 5, 7, 15],
          severity: 'error',
          messageId: 'notClustered', data: { instance: 'SQL1', databases: 'SSODB', gap: 'declares neither failoverCluster nor availabilityGroup' },
          suggestions: [{ title: "SQL1 is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: SSOCLU
  clustered: true
sqlInstances:
  - name: SQL1
    databases:
      - { name: BizTalkMgmtDb }
      - { name: SSODB }
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
` } }],
        },
      ],
    },
    {
      name: 'the configuration export places SSODB on a server the topology does not declare: the fix declares it as the export states, a suggestion as a cluster',
      files: { [T]: SSO, 'cfg.xml': '<Configuration><Feature Name="SSOServer,Engine"><SQL ID="SSO_DB_ID" DisplayName="SSO Database"><Server>SQLSSO</Server><Database>SSODB</Database></SQL></Feature></Configuration>' },
      errors: [{ file: 'cfg.xml', nodePath: 'SQL[DisplayName=SSO Database]/Server', range: [1, 104, 1, 110], messageId: 'undeclaredServer', data: { database: 'SSODB', server: 'SQLSSO' }, fixKind: 'fix', fixOutput: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: SSOCLU
  clustered: true
sqlInstances:
  - name: SQLSSO
    databases:
      - name: SSODB
` }, suggestions: [{ title: "SQLSSO is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: SSOCLU
  clustered: true
sqlInstances:
  - name: SQLSSO
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
    databases:
      - name: SSODB
` } }] }],
    },
    {
      name: 'nothing says where SSODB is: information (an unknown, not a violation) at sso.clustered, no fix with several candidate instances',
      files: { [T]: 'topology: 1\nenvironment: production\nsso: { masterSecretServer: SSOCLU, clustered: true }\nsqlInstances: [{ name: A }, { name: B }]\n' },
      errors: [{ nodePath: 'sso.clustered:SSODB', range: [3, 36, 3, 51], severity: 'info', messageId: 'notPlaced', data: { database: 'SSODB' }, fixOutput: null }],
    },
    {
      name: 'nothing says where SSODB is: the fix declares it with the Management database',
      files: { [T]: SSO + 'sqlInstances:\n  - name: SQL1\n    failoverCluster: { nodes: [A, B] }\n    databases:\n      - { name: BizTalkMgmtDb }\n  - name: SQL2\n' },
      errors: [
        {
          nodePath: 'sso.clustered:SSODB',
          fixOutput: null,
          range: [5, 3, 5, 18],
          severity: 'info',
          messageId: 'notPlaced',
          suggestions: [{ title: "SSODB is on SQL1 (the only candidate): declare it", output: { [T]: `topology: 1
environment: production
sso:
  masterSecretServer: SSOCLU
  clustered: true
sqlInstances:
  - name: SQL1
    failoverCluster: { nodes: [A, B] }
    databases:
      - { name: BizTalkMgmtDb }
      - name: SSODB
  - name: SQL2
` } }],
        },
      ],
    },
  ],
});
