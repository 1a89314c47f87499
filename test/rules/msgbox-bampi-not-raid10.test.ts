import rule from '../../server/src/core/rules/msgbox-bampi-not-raid10';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    {
      name: 'MessageBox and BAM on RAID 10 volumes, drives matched case-insensitively',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
      - { drive: 'F:', raid: 10, holds: [data] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'e:' }
      - { name: bamprimaryimport, dataVolume: 'F:' }
`,
      },
    },
    {
      name: 'no dataVolume, but the instance\'s only data volume is RAID 10',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
      - { drive: 'L:', raid: 1, holds: [log] }
    databases: [{ name: BizTalkMsgBoxDb }]
`,
      },
    },
    {
      name: 'RAID 0 or none is raid0-or-none\'s error, not reported twice',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 0, holds: [data] }
      - { drive: 'F:', raid: none, holds: [data] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }
      - { name: BAMPrimaryImport, dataVolume: 'F:' }
`,
      },
    },
    {
      name: 'other databases on RAID 5 are not this rule\'s concern',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes: [{ drive: 'G:', raid: 5, holds: [data] }]
    databases: [{ name: BizTalkDTADb, dataVolume: 'G:' }]
`,
      },
    },
    {
      name: 'a dataVolume still holding a quick-fix placeholder is left to unfilled-placeholder',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: '<<drive, e.g. E:>>' }
`,
      },
    },
  ],
  invalid: [
    {
      name: 'RAID 5 on shared storage (a SAN LUN): information, as a SAN cache makes the RAID level matter less',
      files: {
        [T]: "topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    volumes:\n      - { drive: 'E:', raid: 5, shared: true, holds: [data] }\n    databases:\n      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }\n",
      },
      errors: [{ nodePath: 'sqlInstances[name=SQL1].volumes[drive=E:].raid:BizTalkMsgBoxDb', fixOutput: null, range: [6, 30, 6, 31], severity: 'info', messageId: 'raid5San', data: { drive: 'E:', label: 'the MessageBox database', database: 'BizTalkMsgBoxDb' } }],
    },
    {
      name: 'RAID 5 under the MessageBox: the write penalty is named',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 5, holds: [data] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=E:].raid:BizTalkMsgBoxDb',
          fixOutput: null,
          range: [6, 30, 6, 31],
          severity: 'warning',
          messageId: 'raid5', data: { drive: 'E:', label: 'the MessageBox database', database: 'BizTalkMsgBoxDb' },
          suggestions: [{ title: "E: is now on RAID 10: declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }
` } }],
        },
      ],
    },
    {
      name: 'a data volume without a RAID level (flow item): raid is added',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'F:', holds: [data] }
    databases:
      - { name: BAMPrimaryImport, dataVolume: 'F:' }
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=F:]:BAMPrimaryImport',
          range: [6, 11, 6, 22],
          severity: 'info', messageId: 'noRaid', data: { drive: 'F:', label: 'the BAM Primary Import database', database: 'BAMPrimaryImport' },
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'F:', holds: [data], raid: '<<RAID level: 10, 1, 5, 6, 0 or none>>' }
    databases:
      - { name: BAMPrimaryImport, dataVolume: 'F:' }
` },
          suggestions: [{ title: "F: is now on RAID 10: declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'F:', holds: [data], raid: 10 }
    databases:
      - { name: BAMPrimaryImport, dataVolume: 'F:' }
` } }],
        },
      ],
    },
    {
      name: 'dataVolume names a drive the instance does not declare: the volume is added as RAID 10',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL2
    failoverCluster: { nodes: [C, D] }
    databases:
      - name: bizTalkMsgBoxDb
        dataVolume: 'M:'
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL2].databases[name=BizTalkMsgBoxDb].dataVolume',
          range: [8, 21, 8, 25],
          severity: 'info', messageId: 'volumeUndeclared', data: { database: 'BizTalkMsgBoxDb', drive: 'M:', instance: 'SQL2', label: 'the MessageBox database' },
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL2
    failoverCluster: { nodes: [C, D] }
    databases:
      - name: bizTalkMsgBoxDb
        dataVolume: 'M:'
    volumes:
      - drive: 'M:'
        raid: '<<RAID level: 10, 1, 5, 6, 0 or none>>'
        holds: [data]
` },
        },
      ],
    },
    {
      name: 'dataVolume names an undeclared drive and volumes is a block list: the volume is appended',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL2
    volumes:
      - drive: 'L:'
        raid: 1
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'M:', logVolume: 'L:' }
`,
      },
      errors: [
        { messageId: 'volumeUndeclared',
          nodePath: 'sqlInstances[name=SQL2].databases[name=BizTalkMsgBoxDb].dataVolume',
          range: [9, 46, 9, 50],
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL2
    volumes:
      - drive: 'L:'
        raid: 1
      - drive: 'M:'
        raid: '<<RAID level: 10, 1, 5, 6, 0 or none>>'
        holds: [data]
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'M:', logVolume: 'L:' }
` },
        },
      ],
    },
    {
      name: 'nothing says where the BAM data lives: the dataVolume key is added with a placeholder',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL3
    availabilityGroup: { name: AG }
    databases:
      - name: BAMPrimaryImport
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL3].databases[name=BAMPrimaryImport]',
          range: [7, 9, 7, 31],
          severity: 'info', messageId: 'dataVolumeUnknown', data: { database: 'BAMPrimaryImport', instance: 'SQL3' },
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL3
    availabilityGroup: { name: AG }
    databases:
      - name: BAMPrimaryImport
        dataVolume: '<<drive, e.g. E:>>'
` },
        },
      ],
    },
    {
      name: '`dataVolume:` written with no value gets the placeholder after its colon (no duplicate key)',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL3
    databases:
      - name: BizTalkMsgBoxDb
        dataVolume:
`,
      },
      errors: [
        { messageId: 'dataVolumeUnknown',
          nodePath: 'sqlInstances[name=SQL3].databases[name=BizTalkMsgBoxDb]',
          range: [6, 9, 6, 30],
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL3
    databases:
      - name: BizTalkMsgBoxDb
        dataVolume: '<<drive, e.g. E:>>'
` },
        },
      ],
    },
    {
      name: 'placed by the configuration export only: the instance\'s data volume on RAID 6 (JSON)',
      files: {
        'prod.topology.json': `{
  "topology": 1,
  "environment": "production",
  "sqlInstances": [
    {
      "name": "SQLBTS",
      "volumes": [{ "drive": "E:", "raid": 6, "holds": ["data"] }]
    }
  ]
}
`,
        'cfg.xml': `<Configuration><Feature Name="WMI"><SQL ID="{x}" DisplayName="BizTalk MessageBox Database"><Server>SQLBTS</Server><Database>BizTalkMsgBoxDb</Database></SQL></Feature></Configuration>`,
      },
      errors: [
        {
          file: 'prod.topology.json',
          nodePath: 'sqlInstances[name=SQLBTS].volumes[drive=E:].raid:BizTalkMsgBoxDb',
          fixOutput: null,
          range: [7, 44, 7, 45],
          messageId: 'otherLevel', data: { drive: 'E:', label: 'the MessageBox database', database: 'BizTalkMsgBoxDb', level: '6' },
          suggestions: [{ title: "E: is now on RAID 10: declare it", output: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "sqlInstances": [
    {
      "name": "SQLBTS",
      "volumes": [{ "drive": "E:", "raid": 10, "holds": ["data"] }]
    }
  ]
}
` } }],
        },
      ],
    },
    {
      name: 'test environment: info',
      files: {
        'test.topology.yaml': `topology: 1
environment: test
sqlInstances:
  - name: TSQL
    volumes: [{ drive: 'E:', raid: 1, holds: [data] }]
    databases: [{ name: BizTalkMsgBoxDb, dataVolume: 'E:' }]
`,
      },
      errors: [{ nodePath: 'sqlInstances[name=TSQL].volumes[drive=E:].raid:BizTalkMsgBoxDb', fixOutput: null, range: [5, 36, 5, 37], severity: 'info', messageId: 'otherLevel' }],
    },
  ],
});
