import rule from '../../server/src/core/rules/handler-host-unknown';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const B = 'app.BindingInfo.xml';

/**
 * A send port on `sendHost` (its SendHandler Name value on line 6, column 28) and a receive location
 * on `recvHost` with `adapter` (its ReceiveHandler Name value on line 19, column 33).
 */
function binding(sendHost: string, recvHost: string, adapter = 'FILE'): string {
  return `<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection>
    <SendPort Name="SP1" IsStatic="true">
      <PrimaryTransport>
        <TransportType Name="FILE" />
        <SendHandler Name="${sendHost}" />
      </PrimaryTransport>
      <SecondaryTransport>
        <Address />
        <SendHandler xsi:nil="true" />
      </SecondaryTransport>
    </SendPort>
  </SendPortCollection>
  <ReceivePortCollection>
    <ReceivePort Name="RP1">
      <ReceiveLocations>
        <ReceiveLocation Name="RL1">
          <ReceiveLocationTransportType Name="${adapter}" />
          <ReceiveHandler Name="${recvHost}" />
        </ReceiveLocation>
        <ReceiveLocation Name="RL_NoHandler">
          <ReceiveLocationTransportType Name="FILE" />
          <ReceiveHandler xsi:nil="true" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;
}

/** Orchestrations bound to hosts (ModuleRef/Services/Service/Host); the first Host's Name value is on line 6, column 21. */
function orchestrations(...hosts: string[]): string {
  const services = hosts
    .map((h, i) => `      <Service Name="Contoso.Orders.Process${i}">\n        ${h ? `<Host Name="${h}" Type="1" Trusted="false" />` : '<Host xsi:nil="true" />'}\n      </Service>`)
    .join('\n');
  return `<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<ModuleRefCollection>\n  <ModuleRef Name="Contoso.Orders">\n    <Services>\n${services}\n    </Services>\n  </ModuleRef>\n</ModuleRefCollection>\n</BindingInfo>\n`;
}

const DECLARED = 'topology: 1\nenvironment: production\nhosts:\n  - { name: BizTalkServerApplication, instances: [A, B] }\n';

ruleTester(rule, {
  valid: [
    {
      name: 'tokens ${SendHost} and $(RecvHost) that no settings resolve are left to unresolved-token',
      files: { [T]: DECLARED, [B]: binding('${SendHost}', '$(RecvHost)') },
    },
    {
      name: 'every host is declared; names matched case-insensitively; nil handlers ignored',
      files: { [T]: DECLARED, [B]: binding('bizTALKserverapplication', 'BizTalkServerApplication') },
    },
    {
      name: 'a dynamic send port has no handler in the binding',
      files: {
        [T]: DECLARED,
        [B]: `<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><SendPortCollection><SendPort Name="Dyn" IsStatic="false"><PrimaryTransport xsi:nil="true" /></SendPort></SendPortCollection></BindingInfo>`,
      },
    },
    {
      name: 'hosts declared in a JSON topology',
      files: {
        'prod.topology.json': '{"topology": 1, "environment": "production", "hosts": [{"name": "SendHost", "instances": ["A", "B"]}, {"name": "BizTalkServerIsolatedHost", "type": "isolated"}]}',
        [B]: binding('SENDHOST', 'BizTalkServerIsolatedHost', 'HTTP'),
      },
    },
    {
      name: 'orchestrations in a declared host; an unbound orchestration names no host; a token is unresolved-token\'s',
      files: { [T]: DECLARED, [B]: orchestrations('biztalkserverapplication', '', '${ProcessingHost}') },
    },
    {
      name: 'no topology in the workspace: no-topology says so once, not once per handler here',
      files: { [B]: binding('SendHost', 'BizTalkServerApplication') },
    },
    {
      name: 'orchestrations in undeclared hosts without a topology: no-topology speaks, not this rule',
      files: { [B]: orchestrations('ProcessingHost', 'processinghost', 'OtherHost', 'ProcessingHost') },
    },
    {
      name: 'a binding with no ports and no topology: nothing to report',
      files: { [B]: '<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><SendPortCollection /><ReceivePortCollection /></BindingInfo>' },
    },
  ],
  invalid: [
    {
      name: 'an undeclared receive host: the host is appended to the block list',
      files: {
        [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: BizTalkServerApplication\n    instances: [A, B]\n',
        [B]: binding('BizTalkServerApplication', 'RecvHost'),
      },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP1]/ReceiveLocation[Name=RL1]/ReceiveHandler',
          range: [19, 33, 19, 41],
          severity: 'info',
          messageId: 'undeclared',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - name: BizTalkServerApplication
    instances: [A, B]
  - name: RecvHost
    type: in-process
    clustered: '<<clustered: true or false>>'
    instances: ['<<first server>>', '<<second server>>']
` },
        },
      ],
    },
    {
      name: 'an HTTP receive location is declared in an isolated host (flow list)',
      files: { [T]: DECLARED, [B]: binding('BizTalkServerApplication', 'BizTalkServerIsolatedHost', 'HTTP') },
      errors: [
        { messageId: 'undeclared',
          file: B,
          nodePath: 'ReceivePort[Name=RP1]/ReceiveLocation[Name=RL1]/ReceiveHandler',
          range: [19, 33, 19, 58],
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - { name: BizTalkServerApplication, instances: [A, B] }
  - name: BizTalkServerIsolatedHost
    type: isolated
    clustered: '<<clustered: true or false>>'
    instances: ['<<first server>>', '<<second server>>']
` },
        },
      ],
    },
    {
      name: 'a ${token} resolved from the Deployment Framework settings of the environment joins the topology by its value',
      files: {
        [T]: DECLARED,
        [B]: binding('BizTalkServerApplication', '${RecvHost}'),
        'PROD_settings.xml': '<settings><property name="RecvHost">BTS_Receive</property></settings>',
      },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP1]/ReceiveLocation[Name=RL1]/ReceiveHandler', fixKind: 'declaration', fixOutput: { 'prod.topology.yaml': 'topology: 1\nenvironment: production\nhosts:\n  - { name: BizTalkServerApplication, instances: [A, B] }\n  - name: BTS_Receive\n    type: in-process\n    clustered: \'<<clustered: true or false>>\'\n    instances: [\'<<first server>>\', \'<<second server>>\']\n' }, range: [19, 33, 19, 44], messageId: 'undeclared' }],
    },
    {
      name: 'an orchestration in an undeclared host: reported at the Host name, the host declared in-process',
      files: { [T]: DECLARED, [B]: orchestrations('ProcessingHost') },
      errors: [
        {
          file: B,
          nodePath: 'ModuleRef[Name=Contoso.Orders]/Service[Name=Contoso.Orders.Process0]/Host',
          range: [6, 21, 6, 35],
          severity: 'info',
          messageId: 'orchestration',
          data: { orchestrations: 'Orchestration "Contoso.Orders.Process0"', verb: 'runs', host: 'ProcessingHost', token: '' },
          fixKind: 'declaration', fixOutput: {
            [T]: "topology: 1\nenvironment: production\nhosts:\n  - { name: BizTalkServerApplication, instances: [A, B] }\n  - name: ProcessingHost\n    type: in-process\n    clustered: '<<clustered: true or false>>'\n    instances: ['<<first server>>', '<<second server>>']\n",
          },
        },
      ],
    },
    {
      name: 'a one-line JSON topology without hosts gets the hosts list',
      files: { 'prod.topology.json': '{"topology": 1, "environment": "production"}', [B]: binding('SendHost', '${RecvHost}') },
      errors: [
        { messageId: 'undeclared',
          file: B,
          nodePath: 'SendPort[Name=SP1]/SendHandler',
          range: [6, 28, 6, 36],
          fixKind: 'declaration',
          fixOutput: { "prod.topology.json": "{\"topology\": 1, \"environment\": \"production\", \"hosts\": [{\"name\": \"SendHost\", \"type\": \"in-process\", \"clustered\": \"<<clustered: true or false>>\", \"instances\": [\"<<first server>>\", \"<<second server>>\"]}]}" },
        },
      ],
    },
    {
      name: '`hosts:` written empty, CRLF: the list goes under the key',
      files: { [T]: 'topology: 1\r\nenvironment: production\r\nhosts:\r\nsqlInstances: []\r\n', [B]: binding('SendHost', '${RecvHost}') },
      errors: [
        { messageId: 'undeclared',
          file: B,
          nodePath: 'SendPort[Name=SP1]/SendHandler',
          range: [6, 28, 6, 36],
          fixKind: 'declaration',
          fixOutput: { [T]: "topology: 1\r\nenvironment: production\r\nhosts:\r\n  - name: SendHost\r\n    type: in-process\r\n    clustered: '<<clustered: true or false>>'\r\n    instances: ['<<first server>>', '<<second server>>']\r\nsqlInstances: []\r\n" },
        },
      ],
    },
    {
      name: 'a send port and a receive location in one undeclared host: once per binding file, at the first, the other counted',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: BizTalkServerApplication\n    instances: [A, B]\n', [B]: binding('AppHost', 'apphost') },
      errors: [
        {
          file: B,
          nodePath: 'SendPort[Name=SP1]/SendHandler',
          range: [6, 28, 6, 35],
          severity: 'info',
          messageId: 'undeclared',
          data: { endpoint: 'Send port "SP1"', others: ' (and 1 other endpoint of this file)', host: 'AppHost', token: '' },
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - name: BizTalkServerApplication
    instances: [A, B]
  - name: AppHost
    type: in-process
    clustered: '<<clustered: true or false>>'
    instances: ['<<first server>>', '<<second server>>']
` },
        },
      ],
    },
  ],
});

describe('handler-host-unknown: a repeated cause once', () => {
  it('the other endpoint in the same undeclared host is a related location of the one finding', () => {
    const { findings } = lintFiles({ [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: BizTalkServerApplication\n    instances: [A, B]\n', [B]: binding('AppHost', 'AppHost') }, [rule]);
    assert.equal(findings.length, 1);
    assert.ok((findings[0].related ?? []).some((r) => r.uri === B && r.message === 'Receive location "RL1" runs in AppHost too'), JSON.stringify(findings[0].related));
  });

  it('an isolated adapter in the same host is a finding of its own: its declaration says type: isolated', () => {
    const { findings } = lintFiles({ [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: BizTalkServerApplication\n    instances: [A, B]\n', [B]: binding('AppHost', 'AppHost', 'HTTP') }, [rule]);
    assert.equal(findings.length, 2);
  });
});
