import rule from '../../server/src/core/rules/msgbox-not-clustered';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    {
      name: 'an availability group with a listener and two replicas, and a cluster whose nodes are not listed',
      files: {
        [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLA\n    availabilityGroup: { listener: BTSL, replicas: [SQLA, SQLB] }\n    databases: [{ name: BizTalkMsgBoxDb }]\n  - name: SQLV\n    failoverCluster: { virtualName: SQLV }\n    databases: [{ name: BizTalkMsgBoxDb, role: messagebox }]\n',
      },
    },
    {
      name: 'MessageBox on a failover cluster instance',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS\\BTS
    failoverCluster:
      nodes: [SQLNODE1, SQLNODE2]
    databases:
      - { name: BizTalkMsgBoxDb }
`,
      },
    },
    {
      name: 'MessageBox in an availability group, name matched case-insensitively',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLAG
    availabilityGroup: { name: AG1, listener: BTSAGL, availabilityMode: synchronous, dtcSupport: perDatabase }
    databases:
      - { name: bizTALKmsgboxdb }
`,
      },
    },
    {
      name: 'the configuration export places the MessageBox on a clustered instance',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS\\BTS
    failoverCluster: { nodes: [A, B] }
`,
        'cfg.xml': `<Configuration><Feature Name="WMI"><Question ID="CREATEORJOIN"><Answer Value="Create" Selected="Yes"><SQL ID="{x}" DisplayName="BizTalk MessageBox Database"><Server>sqlbts\\bts</Server><Database>BizTalkMsgBoxDb</Database></SQL></Answer></Question></Feature></Configuration>`,
      },
    },
    {
      name: 'no topology in the workspace: nothing to check against',
      files: { 'cfg.xml': `<Configuration><Feature Name="WMI"><SQL ID="{x}" DisplayName="BizTalk MessageBox Database"><Server>SQL1</Server><Database>BizTalkMsgBoxDb</Database></SQL></Feature></Configuration>` },
    },
    {
      name: 'an unselected answer does not place the database',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    failoverCluster: { nodes: [A, B] }
    databases: [{ name: BizTalkMsgBoxDb }]
  - name: SQL2
`,
        'cfg.xml': `<Configuration><Feature Name="WMI"><Question ID="CREATEORJOIN"><Answer Value="Join" Selected="No"><SQL ID="{x}" DisplayName="BizTalk MessageBox Database"><Server>SQL2</Server><Database>BizTalkMsgBoxDb</Database></SQL></Answer></Question></Feature></Configuration>`,
      },
    },
  ],
  invalid: [
    {
      name: 'a one-node failover cluster is not highly available: a suggestion declares a second node',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS
    failoverCluster:
      nodes: [SQLNODE1]
    databases: [{ name: BizTalkMsgBoxDb }]
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLBTS]:BizTalkMsgBoxDb',
          fixOutput: null,
          range: [4, 5, 4, 17],
          messageId: 'notClustered',
          data: { instance: 'SQLBTS', databases: 'BizTalkMsgBoxDb', gap: 'its failoverCluster lists fewer than two nodes' },
          suggestions: [{ output: {
            [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS
    failoverCluster:
      nodes: [SQLNODE1, '<<second SQL node>>']
    databases: [{ name: BizTalkMsgBoxDb }]
`,
          } }],
        },
      ],
    },
    {
      name: 'the same node twice is one node',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLBTS\n    failoverCluster: { nodes: [N1, n1] }\n    databases: [{ name: BizTalkMsgBoxDb }]\n' },
      errors: [{ nodePath: 'sqlInstances[name=SQLBTS]:BizTalkMsgBoxDb', fixOutput: null, range: [4, 5, 4, 17], messageId: 'notClustered', data: { instance: 'SQLBTS', databases: 'BizTalkMsgBoxDb', gap: 'its failoverCluster lists fewer than two nodes' } }],
    },
    {
      name: 'an empty availabilityGroup is not highly available, and gets no fix (what the group is is for a person to say)',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLBTS\n    availabilityGroup: {}\n    databases: [{ name: BizTalkMsgBoxDb }]\n' },
      errors: [{ nodePath: 'sqlInstances[name=SQLBTS]:BizTalkMsgBoxDb', range: [4, 5, 4, 17], messageId: 'notClustered', data: { instance: 'SQLBTS', databases: 'BizTalkMsgBoxDb', gap: 'its availabilityGroup is empty' }, fixOutput: null }],
    },
    {
      name: 'an availability group with one replica is not highly available',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLBTS\n    availabilityGroup: { listener: BTSL, replicas: [SQLA] }\n    databases: [{ name: BizTalkMsgBoxDb }]\n' },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLBTS]:BizTalkMsgBoxDb',
          fixOutput: null,
          range: [4, 5, 4, 17],
          messageId: 'notClustered',
          data: { instance: 'SQLBTS', databases: 'BizTalkMsgBoxDb', gap: 'its availabilityGroup lists fewer than two replicas' },
          suggestions: [{ output: { [T]: "topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLBTS\n    availabilityGroup: { listener: BTSL, replicas: [SQLA, '<<second replica>>'] }\n    databases: [{ name: BizTalkMsgBoxDb }]\n" } }],
        },
      ],
    },
    {
      name: 'block style: a failoverCluster skeleton is inserted in the item',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS\\BTS
    version: "2019"
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }
hosts: []
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLBTS\\BTS]:BizTalkMsgBoxDb',
          fixOutput: null,
          range: [4, 5, 4, 21],
          severity: 'error',
          messageId: 'notClustered', data: { instance: 'SQLBTS\\BTS', databases: 'BizTalkMsgBoxDb', gap: 'declares neither failoverCluster nor availabilityGroup' },
          suggestions: [{ title: "SQLBTS\\BTS is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS\\BTS
    version: "2019"
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
hosts: []
` } }],
        },
      ],
    },
    {
      name: 'CRLF and four-space indentation are kept',
      files: {
        [T]: 'topology: 1\r\nenvironment: staging\r\nsqlInstances:\r\n    -   name: SQL1\r\n        databases:\r\n            -   name: BizTalkMsgBoxDb\r\n',
      },
      errors: [
        { messageId: 'notClustered',
          nodePath: 'sqlInstances[name=SQL1]:BizTalkMsgBoxDb',
          fixOutput: null,
          range: [4, 9, 4, 19],
          suggestions: [{ title: "SQL1 is now a failover cluster instance: declare it with its nodes", output: { [T]: "topology: 1\r\nenvironment: staging\r\nsqlInstances:\r\n    -   name: SQL1\r\n        databases:\r\n            -   name: BizTalkMsgBoxDb\r\n        failoverCluster:\r\n            nodes: ['<<first SQL node>>', '<<second SQL node>>']\r\n" } }],
        },
      ],
    },
    {
      name: 'JSON topology gets JSON',
      files: {
        'prod.topology.json': `{
  "topology": 1,
  "environment": "production",
  "sqlInstances": [
    {
      "name": "SQL1",
      "databases": [{ "name": "BizTalkMsgBoxDb" }]
    }
  ]
}
`,
      },
      errors: [
        { messageId: 'notClustered',
          nodePath: 'sqlInstances[name=SQL1]:BizTalkMsgBoxDb',
          fixOutput: null,
          range: [6, 7, 6, 21],
          suggestions: [{ title: "SQL1 is now a failover cluster instance: declare it with its nodes", output: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "sqlInstances": [
    {
      "name": "SQL1",
      "databases": [{ "name": "BizTalkMsgBoxDb" }],
      "failoverCluster": {
        "nodes": [
          "<<first SQL node>>",
          "<<second SQL node>>"
        ]
      }
    }
  ]
}
` } }],
        },
      ],
    },
    {
      name: 'placed by the configuration export on a declared, unclustered instance',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - { name: 'SQLBTS\\BTS', version: "2019" }
`,
        'cfg.xml': `<Configuration><Feature Name="WMI"><SQL ID="{x}" DisplayName="BizTalk MessageBox Database"><Server>SQLBTS\\BTS,1433</Server><Database>BizTalkMsgBoxDb</Database></SQL></Feature></Configuration>`,
      },
      errors: [
        { messageId: 'notClustered',
          nodePath: 'sqlInstances[name=SQLBTS\\BTS]:BizTalkMsgBoxDb',
          fixOutput: null,
          range: [4, 7, 4, 25],
          suggestions: [{ title: "SQLBTS\\BTS is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - { name: 'SQLBTS\\BTS', version: "2019", failoverCluster: { nodes: ['<<first SQL node>>', '<<second SQL node>>'] } }
` } }],
        },
      ],
    },
    {
      name: 'placed by the export on a server the topology does not declare: reported at <Server>',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLOTHER
    failoverCluster: { nodes: [A, B] }
`,
        'cfg.xml': `<Configuration><Feature Name="WMI"><SQL ID="{x}" DisplayName="BizTalk MessageBox Database"><Server>SQLNEW</Server><Database>%%BizTalkMsgBoxDb-Database%%</Database></SQL></Feature></Configuration>`,
      },
      errors: [
        {
          file: 'cfg.xml',
          nodePath: 'SQL[DisplayName=BizTalk MessageBox Database]/Server',
          range: [1, 100, 1, 106],
          messageId: 'undeclaredServer', data: { database: 'BizTalkMsgBoxDb', server: 'SQLNEW' },
          fixKind: 'fix',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLOTHER
    failoverCluster: { nodes: [A, B] }
  - name: SQLNEW
    databases:
      - name: BizTalkMsgBoxDb
` },
          suggestions: [{ title: "SQLNEW is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLOTHER
    failoverCluster: { nodes: [A, B] }
  - name: SQLNEW
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
    databases:
      - name: BizTalkMsgBoxDb
` } }],
        },
      ],
    },
    {
      name: 'no instance holds the MessageBox: reported at sqlInstances',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
`,
      },
      errors: [{ nodePath: 'sqlInstances:BizTalkMsgBoxDb:undeclared', fixOutput: null, range: [3, 1, 3, 13], messageId: 'notPlaced', data: { database: 'BizTalkMsgBoxDb' },
        suggestions: [{ title: "BizTalkMsgBoxDb is on SQL1 (the only one declared): declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    databases:
      - name: BizTalkMsgBoxDb
` } }],
      }],
    },
    {
      name: 'development relaxes the rule to info',
      files: {
        'dev.topology.yaml': `topology: 1
environment: development
sqlInstances:
  - name: DEVSQL
    databases: [{ name: BizTalkMsgBoxDb }]
`,
      },
      errors: [{ nodePath: 'sqlInstances[name=DEVSQL]:BizTalkMsgBoxDb', fixOutput: null, range: [4, 5, 4, 17], severity: 'info', messageId: 'notClustered' }],
    },
  ],
});
