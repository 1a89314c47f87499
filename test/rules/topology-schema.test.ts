// topology-schema findings come from the topology reader's validation (the engine reports a
// document's problems whatever the `rules` option says); the tester keeps only this rule's findings.
import rule from '../../server/src/core/rules/topology-schema';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    {
      name: 'the full example of the topology format (reference/topology-format.md, group and rtoMinutes included)',
      files: {
        [T]: `topology: 1
environment: production
biztalk: { group: ContosoProd, version: "2020", edition: Enterprise }
policy: { rpoMinutes: 15, rtoMinutes: 60 }
servers:
  - name: BTSAPP01
    roles: [biztalk, iis]
    backup:
      windows: { schedule: daily, destination: '\\\\backup01\\platform\\BTSAPP01' }
      iis:     { schedule: weekly, destination: '\\\\backup01\\platform\\BTSAPP01-iis' }
sqlInstances:
  - name: SQLBTS\\BTS
    version: "2019"
    edition: Enterprise
    failoverCluster:
      nodes: [SQLNODE1, SQLNODE2]
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
      - { drive: 'L:', raid: 1,  holds: [log] }
    databases:
      - { name: BizTalkMsgBoxDb,  dataVolume: 'E:', logVolume: 'L:', recoveryModel: full }
      - { name: ContosoOrders,    dataVolume: 'E:', logVolume: 'L:', custom: true }
hosts:
  - name: ReceiveHost_FTP
    type: in-process
    clustered: true
    instances: [BTSAPP01, BTSAPP02]
    tracking: false
sso:
  masterSecretServer: SSOCLU
  clustered: true
  secretBackup: { destination: '\\\\vault01\\sso\\master-secret.bak', lastBackup: 2026-10-01 }
backup:
  biztalkJob:
    enabled: true
    fullFrequency: d
    fullDestination: '\\\\backup01\\bts\\full'
    logDestination:  '\\\\backup01\\bts\\log'
    logIntervalMinutes: 15
    daysToKeep: 14
    forceFullAfterPartialFailure: true
  offsite: { location: 'contoso-dr blob storage', schedule: daily, copies: 3 }
  restoreTest: { last: 2026-11-02, everyDays: 30 }
sharepoint:
  - name: PORTAL
    backup: { schedule: daily, destination: '\\\\backup01\\sharepoint' }
dr:
  logShipping: biztalk
  destinationInstances: [DRSQL\\BTS]
`,
      },
    },
    {
      name: 'x- extension keys and $schema are allowed (JSON)',
      files: { 'prod.topology.json': '{ "$schema": "../schemas/topology.schema.json", "topology": 1, "environment": "test", "x-owner": "ops", "hosts": [{ "name": "H", "x-note": "legacy" }] }' },
    },
    {
      name: 'only the required keys',
      files: { [T]: 'topology: 1\nenvironment: development\n' },
    },
    {
      name: 'anchors and aliases are read as the values they stand for',
      files: {
        [T]: `topology: 1
environment: staging
x-instances: &two [BTS01, BTS02]
hosts:
  - { name: H1, clustered: true, instances: *two }
  - { name: H2, instances: *two }
sqlInstances:
  - name: SQL1
    volumes: [{ drive: 'E:', raid: none, holds: [tempdb] }]
`,
      },
    },
  ],
  invalid: [
    {
      name: 'a value outside the enumeration: reported at the value, listing the choices',
      files: { [T]: 'topology: 1\nenvironment: prod\n' },
      errors: [{ messageId: 'problem', nodePath: 'topology-schema:"environment" is "prod"; it must be one of: "production", "staging", "test", "development".', range: [2, 14, 2, 18], severity: 'error', message: '"environment" is "prod"; it must be one of: "production", "staging", "test", "development".', fixOutput: null }],
    },
    {
      name: 'a misspelt top-level key: reported at the key, with the closest known key',
      files: { [T]: 'topology: 1\nenvironment: production\nhostz: []\n' },
      errors: [{ messageId: 'problem', nodePath: 'topology-schema:Unknown key "hostz" in the top level: did you mean "hosts"?', fixOutput: null, range: [3, 1, 3, 6], message: /^Unknown key "hostz" in the top level: did you mean "hosts"\?/ }],
    },
    {
      name: 'a drive without its colon and a quoted boolean, four spaces and CRLF',
      files: { [T]: 'topology: 1\r\nenvironment: production\r\nsqlInstances:\r\n    -   name: SQL1\r\n        volumes:\r\n            -   drive: E\r\n                raid: 10\r\nbackup:\r\n    biztalkJob: { enabled: "yes" }\r\n' },
      errors: [
        { messageId: 'problem', nodePath: 'topology-schema:"sqlInstances[SQL1].volumes[E].drive" is "E", which is not in the expected form (a drive written like \'E:\').', fixOutput: null, range: [6, 24, 6, 25], message: /^"sqlInstances\[SQL1\]\.volumes\[E\]\.drive" is "E", which is not in the expected form \(a drive written like 'E:'\)/ },
        { messageId: 'problem', nodePath: 'topology-schema:"backup.biztalkJob.enabled" must be true or false; found "yes".', fixOutput: null, range: [9, 28, 9, 33], message: '"backup.biztalkJob.enabled" must be true or false; found "yes".' },
      ],
    },
    {
      name: 'JSON without the required "topology" key, and a misspelt key in a list item',
      files: { 'prod.topology.json': '{\n    "environment": "production",\n    "hosts": [{ "name": "H", "clustred": true }]\n}\n' },
      errors: [
        { messageId: 'problem', nodePath: 'topology-schema:the top level is missing the required key "topology".', fixOutput: null, range: [1, 1, 1, 2], message: /is missing the required key "topology"/ },
        { messageId: 'problem', nodePath: 'topology-schema:Unknown key "clustred" in "hosts[H]": did you mean "clustered"?', fixOutput: null, range: [3, 30, 3, 40], message: /^Unknown key "clustred" in "hosts\[H\]": did you mean "clustered"\?/ },
      ],
    },
  ],
});
