import rule from '../../server/src/core/rules/host-single-instance';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

/** A send port (primary + optional secondary) and a receive location, each naming its host. */
function binding(sendHost: string, recvHost: string, secondary = '<SendHandler xsi:nil="true" />'): string {
  return `<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection>
    <SendPort Name="SP1" IsStatic="true">
      <PrimaryTransport>
        <Address>C:\\out\\%MessageID%.xml</Address>
        <TransportType Name="FILE" />
        <SendHandler Name="${sendHost}" />
      </PrimaryTransport>
      <SecondaryTransport>
        <Address />
        ${secondary}
      </SecondaryTransport>
    </SendPort>
    <SendPort Name="SP_Dynamic" IsStatic="false">
      <PrimaryTransport xsi:nil="true" />
    </SendPort>
  </SendPortCollection>
  <ReceivePortCollection>
    <ReceivePort Name="RP1">
      <ReceiveLocations>
        <ReceiveLocation Name="RL1">
          <ReceiveLocationTransportType Name="FILE" />
          <ReceiveHandler Name="${recvHost}" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;
}

/** A binding with orchestrations only (ModuleRef/Services/Service/Host); an unbound one has a nil Host. */
function orchestrations(...hosts: string[]): string {
  const services = hosts
    .map((h, i) => `        <Service Name="Contoso.Orders.Process${i}" State="Started">\n          ${h ? `<Host Name="${h}" NTGroupName="BizTalk Application Users" Type="1" Trusted="false" />` : '<Host xsi:nil="true" />'}\n        </Service>`)
    .join('\n');
  return `<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <ModuleRefCollection>\n    <ModuleRef Name="Contoso.Orders">\n      <Services>\n${services}\n      </Services>\n    </ModuleRef>\n  </ModuleRefCollection>\n</BindingInfo>\n`;
}

ruleTester(rule, {
  valid: [
    {
      name: 'both hosts have instances on two servers; names matched case-insensitively',
      files: {
        [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: SendHost, instances: [BTS01, BTS02] }\n  - name: RecvHost\n    instances:\n      - BTS01\n      - BTS02\n',
        'b.xml': binding('sendhost', 'RECVHOST'),
      },
    },
    {
      name: 'a host with one instance that no handler uses is not reported',
      files: {
        [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: H, instances: [A, B] }\n  - { name: TrackingOnly, instances: [A] }\n',
        'b.xml': binding('H', 'H'),
      },
    },
    {
      name: 'tokenised host names (${...}, $(...)) are unresolved, and an undeclared host is handler-host-unknown\'s',
      files: {
        [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: SendHost, instances: [A] }\n',
        'b.xml': binding('Undeclared', '$(RecvHost)', '<TransportType Name="FILE" />\n        <SendHandler Name="${SendHost}" />').replace('<Address />', '<Address>\\\\fs01\\backup</Address>'),
      },
    },
    {
      name: 'BizTalk Standard (one BizTalk server per group): a second instance is not advice it can follow',
      files: { [T]: 'topology: 1\nenvironment: production\nbiztalk: { edition: standard }\nhosts:\n  - { name: SendHost, instances: [BTS01] }\n  - { name: RecvHost, instances: [BTS01] }\n', 'b.xml': binding('SendHost', 'RecvHost') },
    },
    {
      name: 'an orchestration\'s host with two instances; an unbound orchestration (nil Host) names no host',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: ProcessingHost, instances: [A, B] }\n', 'o.xml': orchestrations('ProcessingHost', '') },
    },
    {
      name: 'no topology: nothing to check against',
      files: { 'b.xml': binding('SendHost', 'RecvHost') },
    },
  ],
  invalid: [
    {
      name: 'one instance (flow list): a second one is appended; the empty SecondaryTransport does not count',
      files: {
        [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: SendHost\n    instances: [BTS01]\n  - { name: RecvHost, instances: [A, B] }\n',
        'b.xml': binding('SendHost', 'RecvHost'),
      },
      errors: [
        {
          nodePath: 'hosts[name=SendHost].instances',
          range: [4, 5, 4, 19],
          severity: 'warning',
          messageId: 'oneInstance', data: { host: 'SendHost', handlers: '1 handler', server: 'BTS01' },
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - name: SendHost
    instances: [BTS01, '<<second server>>']
  - { name: RecvHost, instances: [A, B] }
` },
        },
      ],
    },
    {
      name: 'the backup transport\'s handler counts too: one host, two handlers',
      files: {
        [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: SendHost\n    instances:\n      - BTS01\n  - { name: RecvHost, instances: [A, B] }\n',
        'b.xml': binding('SendHost', 'RecvHost', '<TransportType Name="FILE" />\n        <SendHandler Name="SendHost" />').replace('<Address />', '<Address>\\\\fs01\\backup</Address>'),
      },
      errors: [
        {
          nodePath: 'hosts[name=SendHost].instances',
          range: [4, 5, 4, 19],
          messageId: 'oneInstance', data: { host: 'SendHost', handlers: '2 handlers', server: 'BTS01' },
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - name: SendHost
    instances:
      - BTS01
      - '<<second server>>'
  - { name: RecvHost, instances: [A, B] }
` },
        },
      ],
    },
    {
      name: 'no instances key: two placeholders are declared',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: RecvHost\n    type: in-process\n', 'b.xml': binding('RecvHost', 'RecvHost') },
      errors: [
        {
          nodePath: 'hosts[name=RecvHost].instances',
          range: [4, 5, 4, 19],
          messageId: 'noInstance', data: { host: 'RecvHost', handlers: '2 handlers' },
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - name: RecvHost
    type: in-process
    instances: ['<<first server>>', '<<second server>>']
` },
        },
      ],
    },
    {
      name: '`instances: []` is replaced by two placeholders',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: RecvHost, instances: [] }\n', 'b.xml': binding('RecvHost', 'RecvHost') },
      errors: [{ messageId: 'noInstance', nodePath: 'hosts[name=RecvHost].instances', range: [4, 7, 4, 21], fixKind: 'declaration', fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - { name: RecvHost, instances: ['<<first server>>', '<<second server>>'] }
` } }],
    },
    {
      name: '`instances:` written empty gets the list after its colon',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: RecvHost\n    instances:\n    clustered: false\n', 'b.xml': binding('RecvHost', 'RecvHost') },
      errors: [
        {
          nodePath: 'hosts[name=RecvHost].instances',
          range: [4, 5, 4, 19],
          messageId: 'noInstance',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - name: RecvHost
    instances: ['<<first server>>', '<<second server>>']
    clustered: false
` },
        },
      ],
    },
    {
      name: 'two instances on one server (names differ only in case) are one machine',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: RecvHost, instances: [BTS01, bts01] }\n', 'b.xml': binding('RecvHost', 'RecvHost') },
      errors: [
        {
          nodePath: 'hosts[name=RecvHost].instances',
          range: [4, 7, 4, 21],
          messageId: 'oneInstance',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - { name: RecvHost, instances: [BTS01, bts01, '<<second server>>'] }
` },
        },
      ],
    },
    {
      name: 'orchestrations count: a processing host with one instance is reported, with the orchestrations as related information',
      files: {
        [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: ProcessingHost\n    instances: [BTS01]\n',
        'o.xml': orchestrations('ProcessingHost', 'processinghost'),
      },
      errors: [
        {
          nodePath: 'hosts[name=ProcessingHost].instances',
          range: [4, 5, 4, 25],
          messageId: 'oneInstance',
          data: { host: 'ProcessingHost', handlers: '2 orchestrations', server: 'BTS01' },
          fixKind: 'declaration', fixOutput: { [T]: "topology: 1\nenvironment: production\nhosts:\n  - name: ProcessingHost\n    instances: [BTS01, '<<second server>>']\n" },
        },
      ],
    },
    {
      name: 'handlers and orchestrations in one host',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: H, instances: [BTS01] }\n', 'b.xml': binding('H', 'H'), 'o.xml': orchestrations('H') },
      errors: [{ nodePath: 'hosts[name=H].instances', fixKind: 'declaration', fixOutput: { 'prod.topology.yaml': 'topology: 1\nenvironment: production\nhosts:\n  - { name: H, instances: [BTS01, \'<<second server>>\'] }\n' }, range: [4, 7, 4, 14], messageId: 'oneInstance', data: { host: 'H', handlers: '2 handlers and 1 orchestration', server: 'BTS01' } }],
    },
    {
      name: 'JSON, test environment: info',
      files: {
        'test.topology.json': '{\n  "topology": 1,\n  "environment": "test",\n  "hosts": [\n    { "name": "RecvHost", "instances": ["TBTS01"] }\n  ]\n}\n',
        'b.xml': binding('RecvHost', 'RecvHost'),
      },
      errors: [
        {
          nodePath: 'hosts[name=RecvHost].instances',
          range: [5, 7, 5, 25],
          severity: 'info',
          messageId: 'oneInstance',
          fixKind: 'declaration',
          fixOutput: { "test.topology.json": `{
  "topology": 1,
  "environment": "test",
  "hosts": [
    { "name": "RecvHost", "instances": ["TBTS01", "<<second server>>"] }
  ]
}
` },
        },
      ],
    },
  ],
});
