import rule from '../../server/src/core/rules/platform-backup-missing';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

/** A binding with one receive location (adapter, host) and one send port (adapter, host). */
function binding(recvAdapter: string, recvHost: string, sendAdapter = 'FILE', sendHost = 'BizTalkServerApplication'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection>
    <SendPort Name="SP1" IsStatic="true">
      <PrimaryTransport>
        <TransportType Name="${sendAdapter}" />
        <SendHandler Name="${sendHost}" />
      </PrimaryTransport>
    </SendPort>
  </SendPortCollection>
  <ReceivePortCollection>
    <ReceivePort Name="RP1">
      <ReceiveLocations>
        <ReceiveLocation Name="RL1">
          <ReceiveLocationTransportType Name="${recvAdapter}" />
          <ReceiveHandler Name="${recvHost}" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;
}

const W = "{ schedule: daily, destination: '\\\\bk\\p' }";

ruleTester(rule, {
  valid: [
    {
      name: 'every server backs up what its roles need (roles matched case-insensitively)',
      files: {
        [T]: `topology: 1
environment: production
servers:
  - name: BTS01
    roles: [biztalk]
    backup: { windows: ${W} }
  - name: SQLN1
    roles: [SQL]
    backup: { windows: ${W}, sql: ${W} }
  - name: WEB1
    roles: [iis, sharepoint]
    backup: { windows: ${W}, iis: ${W}, sharepoint: ${W} }
`,
      },
    },
    {
      name: 'an isolated host receiving over HTTP on a server that backs up IIS',
      files: {
        [T]: `topology: 1
environment: production
servers:
  - name: BTS01
    roles: [biztalk]
    backup: { windows: ${W}, iis: ${W} }
hosts:
  - { name: IsoHost, type: isolated, instances: [bts01] }
`,
        'b.xml': binding('WCF-BasicHttp', 'isohost'),
      },
    },
    {
      name: 'HTTP on the send side runs in an in-process host, not in IIS: no IIS backup needed',
      files: {
        [T]: `topology: 1
environment: production
servers:
  - name: BTS01
    backup: { windows: ${W} }
hosts:
  - { name: SendHost, instances: [BTS01] }
`,
        'b.xml': binding('FILE', 'SendHost', 'HTTP', 'SendHost'),
      },
    },
    {
      name: 'no servers declared: nothing to check',
      files: { [T]: 'topology: 1\nenvironment: production\n' },
    },
  ],
  invalid: [
    {
      name: 'a server hosting the BAM portal needs its IIS configuration backed up (How to Back Up the BAM Portal)',
      files: { [T]: "topology: 1\nenvironment: production\nservers:\n  - name: BAMWEB1\n    roles: [biztalk, bam-portal]\n    backup: { windows: { schedule: daily, destination: '\\\\b\\p\\BAMWEB1' } }\n" },
      errors: [
        {
          nodePath: 'servers[name=BAMWEB1].backup',
          range: [4, 5, 4, 18],
          severity: 'warning',
          messageId: 'missing',
          data: { server: 'BAMWEB1', what: 'IIS (it hosts the BAM portal)' },
          fixKind: 'declaration',
          fixOutput: { [T]: "topology: 1\nenvironment: production\nservers:\n  - name: BAMWEB1\n    roles: [biztalk, bam-portal]\n    backup: { windows: { schedule: daily, destination: '\\\\b\\p\\BAMWEB1' }, iis: { schedule: weekly, destination: '\\\\<<backup server>>\\<<share>>\\BAMWEB1-iis' } }\n" },
        },
      ],
    },
    {
      name: 'a SQL server with no backup at all: the backup block is added (block style)',
      files: {
        [T]: `topology: 1
environment: production
servers:
  - name: SQLN1
    roles: [sql]
sqlInstances: []
`,
      },
      errors: [
        {
          nodePath: 'servers[name=SQLN1].backup',
          range: [4, 5, 4, 16],
          severity: 'warning',
          messageId: 'missing',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
servers:
  - name: SQLN1
    roles: [sql]
    backup:
      windows:
        schedule: daily
        destination: '\\\\<<backup server>>\\<<share>>\\SQLN1'
      sql:
        schedule: daily
        destination: '\\\\<<backup server>>\\<<share>>\\SQLN1-sql'
sqlInstances: []
` },
        },
      ],
    },
    {
      name: 'cross-file: a host instance of an isolated host that receives over HTTP needs an IIS backup',
      files: {
        [T]: `topology: 1
environment: production
servers:
  - name: BTS01
    roles: [biztalk]
    backup:
      windows: ${W}
hosts:
  - { name: IsoHost, type: isolated, instances: [bts01, BTS02] }
`,
        'b.xml': binding('HTTP', 'ISOHOST'),
      },
      errors: [
        {
          nodePath: 'servers[name=BTS01].backup',
          range: [4, 5, 4, 16],
          messageId: 'missing',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
servers:
  - name: BTS01
    roles: [biztalk]
    backup:
      windows: { schedule: daily, destination: '\\\\bk\\p' }
      iis:
        schedule: weekly
        destination: '\\\\<<backup server>>\\<<share>>\\BTS01-iis'
hosts:
  - { name: IsoHost, type: isolated, instances: [bts01, BTS02] }
` },
        },
      ],
    },
    {
      name: 'a flow backup mapping missing two pieces: both keys go into the braces in one edit',
      files: {
        [T]: `topology: 1
environment: production
servers:
  - name: WEB1
    roles: [IIS, sharepoint]
    backup: { windows: ${W} }
`,
      },
      errors: [
        {
          nodePath: 'servers[name=WEB1].backup',
          range: [4, 5, 4, 15],
          messageId: 'missing',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
servers:
  - name: WEB1
    roles: [IIS, sharepoint]
    backup: { windows: { schedule: daily, destination: '\\\\bk\\p' }, iis: { schedule: weekly, destination: '\\\\<<backup server>>\\<<share>>\\WEB1-iis' }, sharepoint: { schedule: daily, destination: '\\\\<<backup server>>\\<<share>>\\WEB1-sharepoint' } }
` },
        },
      ],
    },
    {
      name: 'an empty flow mapping `backup: {}` is replaced whole (separate inserts would lack commas)',
      files: { [T]: 'topology: 1\nenvironment: production\nservers:\n  - { name: SQLN1, roles: [sql], backup: {} }\n' },
      errors: [
        { messageId: 'missing',
          nodePath: 'servers[name=SQLN1].backup',
          range: [4, 7, 4, 18],
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
servers:
  - { name: SQLN1, roles: [sql], backup: { windows: { schedule: daily, destination: '\\\\<<backup server>>\\<<share>>\\SQLN1' }, sql: { schedule: daily, destination: '\\\\<<backup server>>\\<<share>>\\SQLN1-sql' } } }
` },
        },
      ],
    },
    {
      name: 'JSON: an empty backup object is replaced whole',
      files: { 'prod.topology.json': '{"topology": 1, "environment": "production", "servers": [{"name": "APP1", "backup": {}}]}' },
      errors: [
        { messageId: 'missing',
          nodePath: 'servers[name=APP1].backup',
          range: [1, 59, 1, 73],
          fixKind: 'declaration',
          fixOutput: { "prod.topology.json": "{\"topology\": 1, \"environment\": \"production\", \"servers\": [{\"name\": \"APP1\", \"backup\": {\"windows\": {\"schedule\": \"daily\", \"destination\": \"\\\\\\\\<<backup server>>\\\\<<share>>\\\\APP1\"}}}]}" },
        },
      ],
    },
    {
      name: '`backup:` written empty, CRLF: the pieces go under the key',
      files: { [T]: 'topology: 1\r\nenvironment: production\r\nservers:\r\n  - name: WEB1\r\n    roles: [iis]\r\n    backup:\r\n' },
      errors: [
        { messageId: 'missing',
          nodePath: 'servers[name=WEB1].backup',
          range: [4, 5, 4, 15],
          fixKind: 'declaration',
          fixOutput: { [T]: "topology: 1\r\nenvironment: production\r\nservers:\r\n  - name: WEB1\r\n    roles: [iis]\r\n    backup:\r\n      windows:\r\n        schedule: daily\r\n        destination: '\\\\<<backup server>>\\<<share>>\\WEB1'\r\n      iis:\r\n        schedule: weekly\r\n        destination: '\\\\<<backup server>>\\<<share>>\\WEB1-iis'\r\n" },
        },
      ],
    },
    {
      name: '`windows:` written empty as the last key, `sql` absent: the value and the new key land in order',
      files: { [T]: 'topology: 1\nenvironment: production\nservers:\n  - name: S1\n    roles: [sql]\n    backup:\n      windows:\n' },
      errors: [
        {
          nodePath: 'servers[name=S1].backup',
          range: [4, 5, 4, 13],
          messageId: 'missing',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
servers:
  - name: S1
    roles: [sql]
    backup:
      windows:
        schedule: daily
        destination: '\\\\<<backup server>>\\<<share>>\\S1'
      sql:
        schedule: daily
        destination: '\\\\<<backup server>>\\<<share>>\\S1-sql'
` },
        },
      ],
    },
  ],
});
