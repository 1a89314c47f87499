// isolated-receive-no-nlb: HTTP, SOAP and isolated WCF receive locations need a load balancer in front
// of their host's servers.
import rule from '../../server/src/core/rules/isolated-receive-no-nlb';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';
import { bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'Web.BindingInfo.xml';
const http = (adapter = 'HTTP', host = 'IsoHost') => bindingXml({ receive: [{ name: 'Orders.Http', adapter, host, address: '/Orders/BTSHTTPReceive.dll' }] });
const two = () =>
  bindingXml({
    receive: [
      { name: 'Orders.Http', adapter: 'HTTP', host: 'IsoHost', address: '/Orders/BTSHTTPReceive.dll' },
      { name: 'Orders.Soap', adapter: 'SOAP', host: 'IsoHost', address: '/Orders/Soap.asmx' },
    ],
  });
const HOST = 'topology: 1\nenvironment: production\nhosts:\n  - name: IsoHost\n    type: isolated\n    instances: [WEB01, WEB02]\n';

/** HOST after the declaration fix: the load balancer inserted as a placeholder. */
const WITH_NLB = HOST + "    nlb: '<<load balancer>>'\n";

ruleTester(rule, {
  valid: [
    { name: 'the host names its load balancer', files: { [T]: HOST + '    nlb: BTSWEB-NLB\n', [B]: http() } },
    { name: 'an nlb entry lists two of the host\'s servers (case-insensitive)', files: { [T]: HOST + 'nlb:\n  - { name: WEBNLB, nodes: [web01, WEB02, WEB03] }\n', [B]: http() } },
    { name: 'FILE is not an IIS adapter', files: { [T]: HOST, [B]: http('FILE') } },
    { name: 'WCF-NetNamedPipe never leaves the machine', files: { [T]: HOST, [B]: http('WCF-NetNamedPipe') } },
    { name: 'a send port using HTTP', files: { [T]: HOST, [B]: bindingXml({ send: [{ name: 'SP', adapter: 'HTTP', host: 'IsoHost', address: 'http://partner/x' }] }) } },
    { name: 'no topology', files: { [B]: http() } },
  ],
  invalid: [
    {
      name: 'no load balancer: at the handler, fix names one on the host',
      files: { [T]: HOST, [B]: http() },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Http]/ReceiveHandler:nlb',
          range: [12, 33, 12, 40],
          severity: 'warning',
          messageId: 'noNlb',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - name: IsoHost
    type: isolated
    instances: [WEB01, WEB02]
    nlb: '<<load balancer>>'
` },
        },
      ],
    },
    {
      name: 'an nlb entry covering only one of the servers does not count; WCF-CustomIsolated',
      files: { [T]: HOST + 'nlb:\n  - { name: WEBNLB, nodes: [WEB01, WEB09] }\n', [B]: http('WCF-CustomIsolated') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Http]/ReceiveHandler:nlb', fixKind: 'declaration', fixOutput: { 'prod.topology.yaml': 'topology: 1\nenvironment: production\nhosts:\n  - name: IsoHost\n    type: isolated\n    instances: [WEB01, WEB02]\n    nlb: \'<<load balancer>>\'\nnlb:\n  - { name: WEBNLB, nodes: [WEB01, WEB09] }\n' }, range: [12, 33, 12, 40], messageId: 'noNlb' }],
    },
    {
      name: 'the named load balancer lists one server: fix adds a second',
      files: { [T]: HOST + '    nlb: WEBNLB\nnlb:\n  - { name: WEBNLB, nodes: [WEB01] }\n', [B]: http('SOAP') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Http]/ReceiveHandler:nlb',
          range: [12, 33, 12, 40],
          messageId: 'tooFew',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts:
  - name: IsoHost
    type: isolated
    instances: [WEB01, WEB02]
    nlb: WEBNLB
nlb:
  - { name: WEBNLB, nodes: [WEB01, '<<second server>>'] }
` },
        },
      ],
    },
    {
      name: 'one host, several locations: once per binding file, at its first location, the others counted',
      files: { [T]: HOST, [B]: two(), 'Other.BindingInfo.xml': http() },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Http]/ReceiveHandler:nlb',
          range: [12, 33, 12, 40],
          messageId: 'noNlb',
          data: { endpoint: 'Receive location "Orders.Http"', adapter: 'HTTP', others: ' (and 1 other receive location of this file)', host: 'IsoHost', nlb: '' },
          fixKind: 'declaration',
          fixOutput: { [T]: WITH_NLB },
        },
        {
          file: 'Other.BindingInfo.xml',
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Http]/ReceiveHandler:nlb',
          range: [12, 33, 12, 40],
          messageId: 'noNlb',
          data: { endpoint: 'Receive location "Orders.Http"', adapter: 'HTTP', others: '', host: 'IsoHost', nlb: '' },
          fixKind: 'declaration',
          fixOutput: { [T]: WITH_NLB },
        },
      ],
    },
  ],
});

describe('isolated-receive-no-nlb: a repeated cause once', () => {
  it('the other locations of the file on the same host are related locations of the one finding', () => {
    const { findings } = lintFiles({ [T]: HOST, [B]: two() }, [rule]);
    assert.equal(findings.length, 1);
    const related = findings[0].related ?? [];
    assert.ok(related.some((r) => r.uri === B && r.message === 'Receive location "Orders.Soap" runs in IIS for IsoHost too'), JSON.stringify(related));
  });
});
