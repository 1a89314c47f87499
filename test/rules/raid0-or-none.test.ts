import rule from '../../server/src/core/rules/raid0-or-none';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    {
      name: 'RAID 10 for data and RAID 1 for logs',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
      - { drive: 'L:', raid: 1, holds: [log] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:', logVolume: 'L:' }
`,
      },
    },
    {
      name: 'RAID 0 on a volume that only holds backups and no database points at',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'B:', raid: 0, holds: [backup] }
      - { drive: 'E:', raid: 10, holds: [data] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }
`,
      },
    },
    {
      name: 'no RAID on a volume that holds nothing declared and that no database uses',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - drive: 'X:'
        raid: none
`,
      },
    },
    {
      name: 'a volume that does not declare its RAID level is raid-undeclared\'s concern, not this rule\'s',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes: [{ drive: 'E:', holds: [data] }]
`,
      },
    },
    {
      name: 'RAID 5 and 6 are redundant (msgbox-bampi-not-raid10 reports RAID 5 for the MessageBox)',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 5, holds: [data] }
      - { drive: 'F:', raid: 6, holds: [tempdb] }
`,
      },
    },
    { name: 'no topology in the workspace', files: { 'readme.xml': '<root/>' } },
  ],
  invalid: [
    {
      name: 'RAID 0 on a data volume (flow item): the value becomes 10',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 0, holds: [data] }
      - { drive: 'L:', raid: 1, holds: [log] }
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=E:].raid',
          fixOutput: null,
          range: [6, 30, 6, 31],
          severity: 'error',
          messageId: 'raid0',
          suggestions: [{ title: "E: is now on RAID 10: declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
      - { drive: 'L:', raid: 1, holds: [log] }
` } }],
        },
      ],
    },
    {
      name: 'CRLF, four-space indentation: a log volume with no RAID',
      files: {
        [T]: 'topology: 1\r\nenvironment: production\r\nsqlInstances:\r\n    -   name: SQL1\r\n        volumes:\r\n            -   drive: "L:"\r\n                raid: none\r\n                holds: [log]\r\n',
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=L:].raid',
          fixOutput: null,
          range: [7, 23, 7, 27],
          messageId: 'raid0',
          suggestions: [{ title: "L: is now on RAID 10: declare it", output: { [T]: "topology: 1\r\nenvironment: production\r\nsqlInstances:\r\n    -   name: SQL1\r\n        volumes:\r\n            -   drive: \"L:\"\r\n                raid: 10\r\n                holds: [log]\r\n" } }],
        },
      ],
    },
    {
      name: 'a volume without `holds` that a database uses as its log volume (drive matched case-insensitively)',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'L:', raid: NONE }
    databases:
      - { name: BizTalkMgmtDb, logVolume: 'l:' }
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=L:].raid',
          fixOutput: null,
          range: [6, 30, 6, 34],
          messageId: 'raid0',
          suggestions: [{ title: "L: is now on RAID 10: declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'L:', raid: 10 }
    databases:
      - { name: BizTalkMgmtDb, logVolume: 'l:' }
` } }],
        },
      ],
    },
    {
      name: 'tempdb on RAID 0 and a data volume on RAID 0 in the same instance: two findings',
      files: {
        [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - drive: 'T:'
        raid: 0
        holds: [tempdb]
      - drive: 'E:'
        raid: 0
        holds: [data, log]
`,
      },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=T:].raid',
          fixOutput: null,
          range: [7, 15, 7, 16],
          messageId: 'raid0',
          suggestions: [{ title: "T: is now on RAID 10: declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - drive: 'T:'
        raid: 10
        holds: [tempdb]
      - drive: 'E:'
        raid: 0
        holds: [data, log]
` } }],
        },
        {
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=E:].raid',
          fixOutput: null,
          range: [10, 15, 10, 16],
          messageId: 'raid0',
          suggestions: [{ title: "E: is now on RAID 10: declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - drive: 'T:'
        raid: 0
        holds: [tempdb]
      - drive: 'E:'
        raid: 10
        holds: [data, log]
` } }],
        },
      ],
    },
    {
      name: 'JSON topology',
      files: {
        'prod.topology.json': `{
  "topology": 1,
  "environment": "production",
  "sqlInstances": [
    { "name": "SQL1", "volumes": [{ "drive": "E:", "raid": "none", "holds": ["data"] }] }
  ]
}
`,
      },
      errors: [
        { messageId: 'raid0',
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=E:].raid',
          fixOutput: null,
          range: [5, 60, 5, 66],
          suggestions: [{ title: "E: is now on RAID 10: declare it", output: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "sqlInstances": [
    { "name": "SQL1", "volumes": [{ "drive": "E:", "raid": 10, "holds": ["data"] }] }
  ]
}
` } }],
        },
      ],
    },
    {
      name: 'development relaxes the rule to info',
      files: {
        'dev.topology.yaml': `topology: 1
environment: development
sqlInstances:
  - name: DEVSQL
    volumes: [{ drive: 'C:', raid: none, holds: [data, log, tempdb] }]
`,
      },
      errors: [{ messageId: 'raid0', nodePath: 'sqlInstances[name=DEVSQL].volumes[drive=C:].raid', fixOutput: null, range: [5, 36, 5, 40], severity: 'info' }],
    },
  ],
});
