// tracking-host-not-dedicated: the host that hosts tracking should do nothing else.
import rule from '../../server/src/core/rules/tracking-host-not-dedicated';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const B = 'app.BindingInfo.xml';
const H = 'topology: 1\nenvironment: production\n';

/** A receive location on `recvHost` and an orchestration on `orchHost`. */
function binding(recvHost: string, orchHost: string): string {
  return `<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ModuleRefCollection>
    <ModuleRef Name="Contoso.Orders">
      <Services>
        <Service Name="Contoso.Orders.Process">
          <Host Name="${orchHost}" Type="1" Trusted="false" />
        </Service>
      </Services>
    </ModuleRef>
  </ModuleRefCollection>
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

const HOSTS = `${H}hosts:\n  - { name: ReceiveHost, instances: [A, B] }\n  - { name: ProcessingHost, instances: [A, B] }\n  - name: TrackingHost\n    tracking: true\n    instances: [A, B]\n`;

ruleTester(rule, {
  valid: [
    { name: 'a dedicated tracking host that no binding uses', files: { [T]: HOSTS, [B]: binding('ReceiveHost', 'ProcessingHost') } },
    { name: 'tracking: false on a busy host', files: { [T]: `${H}hosts:\n  - { name: H, tracking: false }\n`, [B]: binding('H', 'H') } },
    { name: 'no topology', files: { [B]: binding('H', 'H') } },
  ],
  invalid: [
    {
      name: 'the tracking host also runs a receive location and an orchestration: one finding at `tracking: true`',
      files: { [T]: HOSTS, [B]: binding('TrackingHost', 'trackinghost') },
      errors: [
        {
          nodePath: 'hosts[name=TrackingHost].tracking',
          range: [7, 5, 7, 19],
          severity: 'info',
          messageId: 'notDedicated',
          data: { host: 'TrackingHost', runs: '2 endpoints or orchestrations' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'flow style, one orchestration',
      files: { [T]: `${H}hosts:\n  - { name: BizTalkServerApplication, tracking: true, instances: [A, B] }\n`, [B]: binding('Other', 'BizTalkServerApplication') },
      errors: [{ nodePath: 'hosts[name=BizTalkServerApplication].tracking', fixOutput: null, range: [4, 39, 4, 53], messageId: 'notDedicated', data: { host: 'BizTalkServerApplication', runs: '1 endpoint or orchestration' } }],
    },
  ],
});
