// isolated-receive-no-nlb: HTTP, SOAP and isolated WCF receive locations need a load balancer in front
// of their host's servers.
import rule from '../../server/src/core/rules/isolated-receive-no-nlb';
import { ruleTester } from '../helpers/ruleTester';
import { bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'Web.BindingInfo.xml';
const http = (adapter = 'HTTP', host = 'IsoHost') => bindingXml({ receive: [{ name: 'Orders.Http', adapter, host, address: '/Orders/BTSHTTPReceive.dll' }] });
const HOST = 'topology: 1\nenvironment: production\nhosts:\n  - name: IsoHost\n    type: isolated\n    instances: [WEB01, WEB02]\n';

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
          range: [12, 33, 12, 40],
          severity: 'warning',
          message:
            'Receive location "Orders.Http" (HTTP) runs in IIS for host "IsoHost", but the topology declares no network load balancer in front of its servers (hosts[].nlb, or an nlb entry listing them). Clients then call one server by name and lose the service when it fails. Microsoft: add multiple computers to the receive host and configure NLB to distribute incoming messages across them.',
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
      errors: [{ file: B, range: [12, 33, 12, 40], message: /^Receive location "Orders.Http" \(WCF-CustomIsolated\) runs in IIS/ }],
    },
    {
      name: 'the named load balancer lists one server: fix adds a second',
      files: { [T]: HOST + '    nlb: WEBNLB\nnlb:\n  - { name: WEBNLB, nodes: [WEB01] }\n', [B]: http('SOAP') },
      errors: [
        {
          file: B,
          range: [12, 33, 12, 40],
          message: /whose load balancer "WEBNLB" lists fewer than two servers/,
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
  ],
});
