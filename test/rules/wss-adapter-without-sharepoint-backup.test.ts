import rule from '../../server/src/core/rules/wss-adapter-without-sharepoint-backup';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const B = 'wss.BindingInfo.xml';

/**
 * A WSS receive location whose only site URL is in the double-escaped AdapterConfig (the Address is a
 * plain list name), as the Administration console exports it. The adapter name is on line 7, col 47.
 */
function wssReceive(siteUrl: string, adapter = 'Windows SharePoint Services'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <ReceivePortCollection>
    <ReceivePort Name="RP_Docs">
      <ReceiveLocations>
        <ReceiveLocation Name="RL_Wss">
          <ReceiveLocationTransportType Name="${adapter}" Capabilities="11" />
          <ReceiveLocationTransportTypeData>&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"&amp;gt;&amp;lt;SiteUrl&amp;gt;${siteUrl}&amp;lt;/SiteUrl&amp;gt;&amp;lt;ViewName&amp;gt;Ready&amp;lt;/ViewName&amp;gt;&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;</ReceiveLocationTransportTypeData>
          <ReceiveHandler Name="BizTalkServerApplication" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;
}

/** Send ports: a static WSS port to `address` and a dynamic one (no transport of its own). */
function wssSend(address: string): string {
  return `<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection>
    <SendPort Name="SP_Wss" IsStatic="true">
      <PrimaryTransport>
        <Address>${address}</Address>
        <TransportType Name="WSS" />
        <SendHandler Name="BizTalkServerApplication" />
      </PrimaryTransport>
    </SendPort>
    <SendPort Name="SP_Dynamic" IsStatic="false">
      <PrimaryTransport xsi:nil="true" />
    </SendPort>
  </SendPortCollection>
</BindingInfo>
`;
}

const BACKED = "{ schedule: daily, destination: '\\\\bk\\sp' }";

ruleTester(rule, {
  valid: [
    {
      name: 'the escaped SiteUrl\'s host names a farm that is backed up (case-insensitive)',
      files: {
        [T]: `topology: 1
environment: production
sharepoint:
  - name: INTRANET
  - name: PORTAL
    backup: ${BACKED}
`,
        [B]: wssReceive('http://Portal:80/sites/docs'),
      },
    },
    {
      name: 'the farm lists the site host under sites',
      files: {
        [T]: `topology: 1
environment: production
sharepoint:
  - name: SPFARM01
    siteUrls: ['https://teams.contoso.com/sites/orders']
    backup: ${BACKED}
  - name: OTHER
`,
        [B]: wssReceive('https://teams.contoso.com/sites/orders'),
      },
    },
    {
      name: 'a single backed-up farm covers a site the topology does not name',
      files: {
        [T]: `topology: 1\nenvironment: production\nsharepoint:\n  - { name: FARM, backup: ${BACKED} }\n`,
        'send.xml': wssSend('wss://intranet/sites/x/Shared%20Documents'),
      },
    },
    {
      name: 'a dynamic send port has no static WSS transport to check',
      files: {
        [T]: 'topology: 1\nenvironment: production\n',
        'send.xml': wssSend('').replace('<SendPort Name="SP_Wss" IsStatic="true">', '<SendPort Name="SP_Wss" IsStatic="false">'),
      },
    },
    {
      name: 'an adapter whose name merely contains SharePoint is not the WSS adapter',
      files: { [T]: 'topology: 1\nenvironment: production\n', [B]: wssReceive('http://portal/sites/x', 'SharePointOnline') },
    },
  ],
  invalid: [
    {
      name: 'no sharepoint section: the farm is added, named after the host of the escaped SiteUrl',
      files: {
        [T]: 'topology: 1\nenvironment: production\nhosts: []\n',
        [B]: wssReceive('http://Portal:80/sites/docs'),
      },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Docs]/ReceiveLocation[Name=RL_Wss]:wss',
          range: [7, 47, 7, 74],
          severity: 'warning',
          messageId: 'noFarm',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
hosts: []
sharepoint:
  - name: portal
    backup:
      schedule: daily
      destination: '\\\\<<backup server>>\\<<share>>\\sharepoint'
` },
        },
      ],
    },
    {
      name: 'a site URL whose host merely contains the site\'s host is another farm\'s',
      files: {
        [T]: `topology: 1
environment: production
sharepoint:
  - { name: FARM1, siteUrls: ['http://myportal/sites/x'], backup: ${BACKED} }
  - { name: FARM2, siteUrls: ['http://portal.contoso.com/sites/x'], backup: ${BACKED} }
`,
        [B]: wssReceive('http://portal/sites/docs'),
      },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Docs]/ReceiveLocation[Name=RL_Wss]:wss',
          range: [7, 47, 7, 74],
          messageId: 'noFarm',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sharepoint:
  - { name: FARM1, siteUrls: ['http://myportal/sites/x'], backup: { schedule: daily, destination: '\\\\bk\\sp' } }
  - { name: FARM2, siteUrls: ['http://portal.contoso.com/sites/x'], backup: { schedule: daily, destination: '\\\\bk\\sp' } }
  - name: portal
    backup:
      schedule: daily
      destination: '\\\\<<backup server>>\\<<share>>\\sharepoint'
` },
        },
      ],
    },
    {
      name: 'the matching farm declares no backup: backup inserted in that farm',
      files: {
        [T]: `topology: 1
environment: production
sharepoint:
  - name: INTRANET
    backup: ${BACKED}
  - name: Portal
`,
        [B]: wssReceive('http://portal/sites/docs'),
      },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Docs]/ReceiveLocation[Name=RL_Wss]:wss',
          range: [7, 47, 7, 74],
          messageId: 'farmNoBackup',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sharepoint:
  - name: INTRANET
    backup: { schedule: daily, destination: '\\\\bk\\sp' }
  - name: Portal
    backup:
      schedule: daily
      destination: '\\\\<<backup server>>\\<<share>>\\sharepoint'
` },
        },
      ],
    },
    {
      name: 'flow style: the single farm gets its backup inside the braces',
      files: {
        [T]: 'topology: 1\nenvironment: production\nsharepoint: [{ name: SPFARM }]\n',
        [B]: wssReceive('http://portal/sites/docs'),
      },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Docs]/ReceiveLocation[Name=RL_Wss]:wss',
          range: [7, 47, 7, 74],
          messageId: 'farmNoBackup',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sharepoint: [{ name: SPFARM, backup: { schedule: daily, destination: '\\\\<<backup server>>\\<<share>>\\sharepoint' } }]
` },
        },
      ],
    },
    {
      name: 'a farm whose `backup:` is written empty is not backed up; the fix fills the key',
      files: {
        [T]: 'topology: 1\nenvironment: production\nsharepoint:\n  - name: PORTAL\n    backup:\n',
        [B]: wssReceive('http://portal/sites/docs'),
      },
      errors: [
        { messageId: 'farmNoBackup',
          file: B,
          nodePath: 'ReceivePort[Name=RP_Docs]/ReceiveLocation[Name=RL_Wss]:wss',
          range: [7, 47, 7, 74],
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sharepoint:
  - name: PORTAL
    backup:
      schedule: daily
      destination: '\\\\<<backup server>>\\<<share>>\\sharepoint'
` },
        },
      ],
    },
    {
      name: 'a static send port (adapter "WSS", site from the Address) with `sharepoint:` written empty',
      files: {
        [T]: 'topology: 1\nenvironment: production\nsharepoint:\n',
        'send.xml': wssSend('wss://intranet.contoso.com:443/sites/x'),
      },
      errors: [
        {
          file: 'send.xml',
          nodePath: 'SendPort[Name=SP_Wss]:wss',
          range: [6, 30, 6, 33],
          messageId: 'noFarm',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sharepoint:
  - name: intranet.contoso.com
    backup:
      schedule: daily
      destination: '\\\\<<backup server>>\\<<share>>\\sharepoint'
` },
        },
      ],
    },
    {
      name: 'JSON topology with two farms, neither matching: a third farm is appended',
      files: {
        'prod.topology.json': `{
  "topology": 1,
  "environment": "production",
  "sharepoint": [
    { "name": "A", "backup": { "schedule": "daily", "destination": "\\\\\\\\bk\\\\a" } },
    { "name": "B", "backup": { "schedule": "daily", "destination": "\\\\\\\\bk\\\\b" } }
  ]
}
`,
        [B]: wssReceive('http://portal/sites/docs'),
      },
      errors: [
        { messageId: 'noFarm',
          file: B,
          nodePath: 'ReceivePort[Name=RP_Docs]/ReceiveLocation[Name=RL_Wss]:wss',
          range: [7, 47, 7, 74],
          fixKind: 'declaration',
          fixOutput: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "sharepoint": [
    { "name": "A", "backup": { "schedule": "daily", "destination": "\\\\\\\\bk\\\\a" } },
    { "name": "B", "backup": { "schedule": "daily", "destination": "\\\\\\\\bk\\\\b" } },
    {
      "name": "portal",
      "backup": {
        "schedule": "daily",
        "destination": "\\\\\\\\<<backup server>>\\\\<<share>>\\\\sharepoint"
      }
    }
  ]
}
` },
        },
      ],
    },
  ],
});
