import rule from '../../server/src/core/rules/bam-primary-import-not-clustered';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

/** A configuration export that places BAMPrimaryImport on `server` (line 4: `      <Server>` + server). */
function bamExport(server: string, selected = 'Yes'): string {
  return `<Configuration>
  <Feature Name="BAMTools">
    <Question ID="BAM"><Answer Value="Create" Selected="${selected}">
      <SQL ID="{B}" DisplayName="BAM Primary Import Database"><Server>${server}</Server><Database>BAMPrimaryImport</Database></SQL>
    </Answer></Question>
  </Feature>
</Configuration>
`;
}

ruleTester(rule, {
  valid: [
    {
      name: 'BAMPrimaryImport on a failover cluster instance',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBAM\\BAM
    failoverCluster: { nodes: [SQLNODE1, SQLNODE2] }
    databases:
      - { name: BAMPrimaryImport }
`,
      },
    },
    {
      name: 'in an availability group, the database name matched case-insensitively',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLAG
    availabilityGroup: { name: AG1, listener: BTSAGL, availabilityMode: synchronous, dtcSupport: perDatabase }
    databases: [{ name: bamPRIMARYimport }]
`,
      },
    },
    {
      name: 'no instance declares BAM: unlike the MessageBox, BAM is optional, so nothing is reported',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    databases: [{ name: BizTalkMsgBoxDb }]
`,
      },
    },
    {
      name: 'a database whose name only contains BAMPrimaryImport is another database',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    databases: [{ name: BAMPrimaryImport_Old }]
`,
      },
    },
    {
      name: 'the export places BAM on a clustered instance written with a port and other casing',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBAM\\BAM
    failoverCluster: { nodes: [A, B] }
`,
        'cfg.xml': bamExport('sqlbam\\bam,1433'),
      },
    },
    {
      name: 'an unselected answer does not place the database',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL2
`,
        'cfg.xml': bamExport('SQL2', 'No'),
      },
    },
    {
      name: 'a tokenised server in the export is unknown, not unclustered',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    failoverCluster: { nodes: [A, B] }
`,
        'cfg.xml': bamExport('%%BamSqlServer%%'),
      },
    },
    {
      name: 'no topology in the workspace',
      files: { 'cfg.xml': bamExport('SQLBAM') },
    },
  ],
  invalid: [
    {
      name: 'block style: failoverCluster inserted after the last key of the instance',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBAM
    databases:
      - name: BAMPrimaryImport
        dataVolume: 'F:'
  - name: SQLBTS
    failoverCluster: { nodes: [A, B] }
    databases: [{ name: BizTalkMsgBoxDb }]
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLBAM]:BAMPrimaryImport',
          fixOutput: null,
          range: [4, 5, 4, 17],
          severity: 'error',
          messageId: 'notClustered', data: { instance: 'SQLBAM', databases: 'BAMPrimaryImport', gap: 'declares neither failoverCluster nor availabilityGroup' },
          suggestions: [{ title: "SQLBAM is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBAM
    databases:
      - name: BAMPrimaryImport
        dataVolume: 'F:'
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
  - name: SQLBTS
    failoverCluster: { nodes: [A, B] }
    databases: [{ name: BizTalkMsgBoxDb }]
` } }],
        },
      ],
    },
    {
      name: 'flow style: the key goes inside the braces',
      files: {
        [T]: `topology: 1
environment: staging
sqlInstances: [{ name: SQL1, databases: [{ name: bamprimaryimport }] }]
`,
      },
      errors: [
        { messageId: 'notClustered',
          nodePath: 'sqlInstances[name=SQL1]:BAMPrimaryImport',
          fixOutput: null,
          range: [3, 18, 3, 28],
          suggestions: [{ title: "SQL1 is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: staging
sqlInstances: [{ name: SQL1, databases: [{ name: bamprimaryimport }], failoverCluster: { nodes: ['<<first SQL node>>', '<<second SQL node>>'] } }]
` } }],
        },
      ],
    },
    {
      name: 'JSON with four-space indentation in a test environment: info, JSON fix',
      files: {
        'test.topology.json': `{
    "topology": 1,
    "environment": "test",
    "sqlInstances": [
        {
            "name": "SQLBAM",
            "databases": [{ "name": "BAMPrimaryImport" }]
        }
    ]
}
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLBAM]:BAMPrimaryImport',
          fixOutput: null,
          range: [6, 13, 6, 29],
          severity: 'info',
          messageId: 'notClustered',
          suggestions: [{ title: "SQLBAM is now a failover cluster instance: declare it with its nodes", output: { "test.topology.json": `{
    "topology": 1,
    "environment": "test",
    "sqlInstances": [
        {
            "name": "SQLBAM",
            "databases": [{ "name": "BAMPrimaryImport" }],
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
      name: 'a renamed BAM database recognised by its role',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBAM
    databases: [{ name: BAM_Contoso, role: bam-primary-import }]
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLBAM]:BAMPrimaryImport',
          fixOutput: null,
          range: [4, 5, 4, 17],
          messageId: 'notClustered', data: { instance: 'SQLBAM', databases: 'BAM_Contoso', gap: 'declares neither failoverCluster nor availabilityGroup' },
          suggestions: [{ title: "SQLBAM is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBAM
    databases: [{ name: BAM_Contoso, role: bam-primary-import }]
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
` } }],
        },
      ],
    },
    {
      name: 'CRLF line endings are kept',
      files: {
        [T]: 'topology: 1\r\nenvironment: production\r\nsqlInstances:\r\n  - name: SQLBAM\r\n    databases:\r\n      - name: BAMPrimaryImport\r\n',
      },
      errors: [
        { messageId: 'notClustered',
          nodePath: 'sqlInstances[name=SQLBAM]:BAMPrimaryImport',
          fixOutput: null,
          range: [4, 5, 4, 17],
          suggestions: [{ title: "SQLBAM is now a failover cluster instance: declare it with its nodes", output: { [T]: "topology: 1\r\nenvironment: production\r\nsqlInstances:\r\n  - name: SQLBAM\r\n    databases:\r\n      - name: BAMPrimaryImport\r\n    failoverCluster:\r\n      nodes: ['<<first SQL node>>', '<<second SQL node>>']\r\n" } }],
        },
      ],
    },
    {
      name: 'placed by the configuration export on a declared, unclustered instance: reported at the instance',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBAM
    version: "2019"
`,
        'cfg.xml': bamExport('SQLBAM,1433'),
      },
      errors: [
        { messageId: 'notClustered',
          nodePath: 'sqlInstances[name=SQLBAM]:BAMPrimaryImport',
          fixOutput: null,
          range: [4, 5, 4, 17],
          suggestions: [{ title: "SQLBAM is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBAM
    version: "2019"
    failoverCluster:
      nodes: ["<<first SQL node>>", "<<second SQL node>>"]
` } }],
        },
      ],
    },
    {
      name: 'placed by the export on an undeclared server: reported at <Server>, the fix declares the instance',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS
    failoverCluster: { nodes: [A, B] }
`,
        'cfg.xml': bamExport('SQLNEW'),
      },
      errors: [
        {
          file: 'cfg.xml',
          nodePath: 'SQL[DisplayName=BAM Primary Import Database]/Server',
          range: [4, 71, 4, 77],
          messageId: 'undeclaredServer', data: { database: 'BAMPrimaryImport', server: 'SQLNEW' },
          fixKind: 'fix',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS
    failoverCluster: { nodes: [A, B] }
  - name: SQLNEW
    databases:
      - name: BAMPrimaryImport
` },
          suggestions: [{ title: "SQLNEW is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS
    failoverCluster: { nodes: [A, B] }
  - name: SQLNEW
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
    databases:
      - name: BAMPrimaryImport
` } }],
        },
      ],
    },
    {
      name: 'an export on an undeclared server with `sqlInstances:` written empty: the fix fills the list',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
hosts: []
`,
        'cfg.xml': bamExport('SQLNEW'),
      },
      errors: [
        { messageId: 'undeclaredServer',
          file: 'cfg.xml',
          nodePath: 'SQL[DisplayName=BAM Primary Import Database]/Server',
          range: [4, 71, 4, 77],
          fixKind: 'fix',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLNEW
    databases:
      - name: BAMPrimaryImport
hosts: []
` },
          suggestions: [{ title: "SQLNEW is now a failover cluster instance: declare it with its nodes", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLNEW
    failoverCluster:
      nodes: ['<<first SQL node>>', '<<second SQL node>>']
    databases:
      - name: BAMPrimaryImport
hosts: []
` } }],
        },
      ],
    },
  ],
});
