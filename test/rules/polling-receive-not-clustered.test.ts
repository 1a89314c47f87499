// polling-receive-not-clustered: SQL / WCF-SQL / sqlBinding polling and SAP inbound receive locations
// in a host with several unclustered instances, reported at the setting that shows the polling.
import rule from '../../server/src/core/rules/polling-receive-not-clustered';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';
import { bindingXml, Endpoint, flat, wcf } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'Orders.BindingInfo.xml';
const TOPO = 'topology: 1\nenvironment: production\nhosts:\n  - name: PollHost\n    instances: [BTS01, BTS02]\n';

const one = (e: Partial<Endpoint>) => bindingXml({ receive: [{ name: 'Orders.Poll', adapter: 'WCF-SQL', host: 'PollHost', address: 'mssql://SQL1//Orders?', ...e }] });
const POLL = { endpoint: 'Receive location "Orders.Poll"', others: '', host: 'PollHost', instances: 'has 2 instances (BTS01, BTS02)', consequence: 'each instance can pick up the same rows' };

ruleTester(rule, {
  valid: [
    { name: 'WCF-SQL in Notification mode does not poll', files: { [T]: TOPO, [B]: one({ data: wcf('sqlBinding', { inboundOperationType: 'Notification' }) }) } },
    {
      name: 'the host is clustered',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: PollHost, clustered: true, instances: [A, B] }\n', [B]: one({ data: wcf('sqlBinding', { pollingStatement: 'SELECT 1' }) }) },
    },
    { name: 'a single instance', files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: PollHost, instances: [A] }\n', [B]: one({}) } },
    {
      name: 'a WCF-Custom sqlBinding send port keeps the default inboundOperationType="Polling" but does not poll',
      files: { [T]: TOPO, [B]: bindingXml({ send: [{ name: 'SendSql', adapter: 'WCF-Custom', host: 'PollHost', address: 'mssql://SQL1//Orders?', data: wcf('sqlBinding', { inboundOperationType: 'Polling', pollingStatement: 'SELECT 1' }) }] }) },
    },
    { name: 'WCF-Custom with another binding', files: { [T]: TOPO, [B]: one({ adapter: 'WCF-Custom', address: 'net.tcp://x/y', data: wcf('netTcpBinding', {}) }) } },
    { name: 'no topology', files: { [B]: one({}) } },
    {
      name: "BizTalk's EDI batch-control receive location (BatchControlMessageRecvLoc) is the product's, not an application poller",
      files: { [T]: TOPO, [B]: bindingXml({ receive: [{ name: 'BatchControlMessageRecvLoc', adapter: 'SQL', host: 'PollHost', address: 'SQL://SQL1/BizTalkDTADb/', data: flat({ sqlCommand: '<ControlMessage xmlns="http://SQL"><ns0:edi_GetControlMessage xmlns:ns0="http://SQL" /></ControlMessage>' }) }] }) },
    },
    {
      name: 'an SQL receive location under another name that polls edi_GetControlMessage',
      files: { [T]: TOPO, [B]: bindingXml({ receive: [{ name: 'EdiBatchControl', adapter: 'SQL', host: 'PollHost', address: 'SQL://SQL1/BizTalkDTADb/', data: flat({ sqlCommand: 'exec edi_GetControlMessage' }) }] }) },
    },
  ],
  invalid: [
    {
      name: 'pollingStatement inside the double-escaped BindingConfiguration',
      files: { [T]: TOPO, [B]: one({ data: wcf('sqlBinding', { inboundOperationType: 'Polling', pollingStatement: 'SELECT * FROM Orders WHERE Sent = 0' }) }) },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Poll]/ReceiveHandler:polling',
          fixOutput: null,
          range: [11, 294, 11, 329],
          severity: 'warning',
          messageId: 'polls', data: { ...POLL, adapter: 'WCF-SQL', how: 'polls the database with a pollingStatement' },
          suggestions: [{ title: "Host PollHost is now clustered (one active instance at a time): declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - name: PollHost
    instances: [BTS01, BTS02]
    clustered: true
` } }],
        },
      ],
    },
    {
      name: 'InboundId in the address',
      files: { [T]: TOPO, [B]: one({ address: 'mssql://SQL1//Orders?InboundId=NewOrders', data: wcf('sqlBinding', { pollingStatement: '' }) }) },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Poll]/ReceiveHandler:polling', fixOutput: null, range: [9, 41, 9, 60], messageId: 'polls', data: { ...POLL, adapter: 'WCF-SQL', how: 'polls the database (address with InboundId=NewOrders)' }, suggestions: [{ title: "Host PollHost is now clustered (one active instance at a time): declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - name: PollHost
    instances: [BTS01, BTS02]
    clustered: true
` } }] }],
    },
    {
      name: 'WCF-Custom with sqlBinding, TypedPolling',
      files: { [T]: TOPO, [B]: one({ adapter: 'WCF-Custom', data: wcf('sqlBinding', { inboundOperationType: 'TypedPolling' }) }) },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Poll]/ReceiveHandler:polling', fixOutput: null, range: [11, 249, 11, 261], messageId: 'polls', data: { ...POLL, adapter: 'WCF-Custom', how: 'polls the database (inboundOperationType TypedPolling)' } }],
    },
    {
      // The raw-text prefilter (model/adapters.ts mayName) must not rule this one out.
      name: 'WCF-Custom whose BindingType is spelled with a character reference',
      files: { [T]: TOPO, [B]: one({ adapter: 'WCF-Custom', data: wcf('&#115;qlBinding', { inboundOperationType: 'TypedPolling' }) }) },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Poll]/ReceiveHandler:polling', fixOutput: null, range: [11, 258, 11, 270], messageId: 'polls', data: { ...POLL, adapter: 'WCF-Custom', how: 'polls the database (inboundOperationType TypedPolling)' } }],
    },
    {
      name: 'WCF-SQL without settings polls by default: reported at the adapter name',
      files: { [T]: TOPO, [B]: one({}) },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Poll]/ReceiveHandler:polling', fixOutput: null, range: [10, 47, 10, 54], messageId: 'polls', data: { ...POLL, adapter: 'WCF-SQL', how: 'polls the database (Polling is the default inbound operation)' } }],
    },
    {
      name: 'legacy SQL adapter: at its sqlCommand',
      files: { [T]: TOPO, [B]: one({ adapter: 'SQL', address: 'SQL://SQL1/Orders/', data: flat({ sqlCommand: 'exec GetOrders' }) }) },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Poll]/ReceiveHandler:polling', fixOutput: null, range: [11, 99, 11, 113], messageId: 'polls' }],
    },
    {
      name: 'WCF-SAP inbound: at the address',
      files: { [T]: TOPO, [B]: one({ adapter: 'WCF-SAP', address: 'sap://CLIENT=800;LANG=EN;@a/SAPHOST/00?ListenerProgramId=BTS' }) },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Poll]/ReceiveHandler:polling', fixOutput: null, range: [9, 20, 9, 80], messageId: 'polls' }],
    },
    {
      name: 'a Deployment Framework master binding keeps CustomProps decoded (ElementTunnel): the once-escaped binding is read',
      files: {
        [T]: TOPO,
        [B]: `<BindingInfo>
  <ReceivePortCollection>
    <ReceivePort Name="RP">
      <ReceiveLocations>
        <ReceiveLocation Name="P">
          <Address>mssql://s//Db?</Address>
          <ReceiveLocationTransportType Name="WCF-Custom" />
          <ReceiveLocationTransportTypeData>
            <CustomProps>
              <BindingType vt="8">sqlBinding</BindingType>
              <BindingConfiguration vt="8">&lt;binding name="x" pollingStatement="SELECT 1" /&gt;</BindingConfiguration>
            </CustomProps>
          </ReceiveLocationTransportTypeData>
          <ReceiveHandler Name="PollHost" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`,
      },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=P]/ReceiveHandler:polling', fixOutput: null, range: [11, 83, 11, 91], messageId: 'polls' }],
    },
    {
      name: 'development keeps the severity (duplicate pickup is wrong processing)',
      files: { 'dev.topology.yaml': TOPO.replace('production', 'development'), [B]: one({}) },
      errors: [{ file: B, messageId: 'polls', nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Poll]/ReceiveHandler:polling', fixOutput: null, range: [10, 47, 10, 54], severity: 'warning' }],
    },
  ],
});

describe('polling-receive-not-clustered: a repeated cause once', () => {
  it('polling locations of one file in one host: one finding at the first, the other counted and related; another file has its own', () => {
    const poll = (name: string) => ({ name, adapter: 'WCF-SQL', host: 'PollHost', address: 'mssql://SQL1//Orders?', data: wcf('sqlBinding', { pollingStatement: 'SELECT 1' }) });
    const { findings } = lintFiles({ [T]: TOPO, [B]: bindingXml({ receive: [poll('P1'), poll('P2')] }), 'Other.BindingInfo.xml': one({ data: wcf('sqlBinding', { pollingStatement: 'SELECT 2' }) }) }, [rule]);
    assert.deepEqual(findings.map((f) => f.uri).sort(), [B, 'Other.BindingInfo.xml'].sort());
    const here = findings.find((f) => f.uri === B)!;
    assert.match(here.message, /^Receive location "P1" \(WCF-SQL\) \(and 1 other receive location of this file\) polls/);
    assert.ok((here.related ?? []).some((r) => r.uri === B && r.message === 'Receive location "P2" polls the database with a pollingStatement in PollHost too'), JSON.stringify(here.related));
  });
});
