import rule from '../../server/src/core/rules/ftp-sftp-receive-not-clustered';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const B = 'ftp.BindingInfo.xml';

/**
 * One receive location; the ReceiveHandler's Name value starts on line 9, column 33. The FTP settings
 * are the double-escaped AdapterConfig the Administration console exports.
 */
function receive(adapter: string, host: string, eol = '\n'): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <ReceivePortCollection>',
    '    <ReceivePort Name="RP_Orders">',
    '      <ReceiveLocations>',
    '        <ReceiveLocation Name="RL_Orders">',
    `          <ReceiveLocationTransportType Name="${adapter}" Capabilities="80907" />`,
    '          <ReceiveLocationTransportTypeData>&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;uri&amp;gt;ftp://ftp.contoso.com:21/in/*.xml&amp;lt;/uri&amp;gt;&amp;lt;serverAddress&amp;gt;ftp.contoso.com&amp;lt;/serverAddress&amp;gt;&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;</ReceiveLocationTransportTypeData>',
    `          <ReceiveHandler Name="${host}" HostTrusted="false" />`,
    '        </ReceiveLocation>',
    '      </ReceiveLocations>',
    '    </ReceivePort>',
    '  </ReceivePortCollection>',
    '</BindingInfo>',
    '',
  ].join(eol);
}

/** receive(): its receive location twice more (RL_Returns on FTP, RL_Archive on SFTP), in the same host. */
function three(host: string): string {
  const one = receive('FTP', host);
  const start = one.indexOf('        <ReceiveLocation Name="RL_Orders">');
  const end = one.indexOf('      </ReceiveLocations>');
  const loc = one.slice(start, end);
  return one.slice(0, end) + loc.replace('RL_Orders', 'RL_Returns') + loc.replace('RL_Orders', 'RL_Archive').replace('Name="FTP"', 'Name="SFTP"') + one.slice(end);
}

/** An FTP send port (the send side has no duplicate-pickup problem). */
const FTP_SEND = `<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection>
    <SendPort Name="SP_Ftp" IsStatic="true">
      <PrimaryTransport>
        <Address>ftp://ftp.contoso.com/out/%MessageID%.xml</Address>
        <TransportType Name="FTP" />
        <SendHandler Name="SendHost" />
      </PrimaryTransport>
    </SendPort>
  </SendPortCollection>
</BindingInfo>
`;

const HOSTS = `topology: 1
environment: production
hosts:
  - name: FtpHost
    instances: [BTS01, BTS02]
`;

function utf16le(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

ruleTester(rule, {
  valid: [
    {
      name: 'FTP receive in a clustered host, the host name matched case-insensitively',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: FtpHost, clustered: true, instances: [BTS01, BTS02] }\n', [B]: receive('FTP', 'FTPHOST') },
    },
    {
      name: 'SFTP receive in a clustered host (JSON topology)',
      files: {
        'prod.topology.json': '{"topology": 1, "environment": "production", "hosts": [{"name": "SftpHost", "clustered": true, "instances": ["A", "B"]}]}',
        [B]: receive('SFTP', 'SftpHost'),
      },
    },
    {
      name: 'FTP on the send side: an unclustered host is fine',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: SendHost, instances: [A, B] }\n', 'send.xml': FTP_SEND },
    },
    {
      name: 'FILE receive in an unclustered host is another rule\'s concern',
      files: { [T]: HOSTS, [B]: receive('FILE', 'FtpHost') },
    },
    {
      name: 'an adapter whose name only contains "ftp" inside a word is not FTP',
      files: { [T]: HOSTS, [B]: receive('Contoso.SoftPipe', 'FtpHost') },
    },
    {
      name: 'Deployment Framework token ${FtpHost}: unresolved, handler-host-unknown reports it',
      files: { [T]: HOSTS, [B]: receive('FTP', '${FtpHost}') },
    },
    {
      name: 'MSBuild-style token $(FtpHost): unresolved',
      files: { [T]: HOSTS, [B]: receive('FTP', '$(FtpHost)') },
    },
    {
      name: 'a host the topology does not declare: handler-host-unknown reports it',
      files: { [T]: HOSTS, [B]: receive('FTP', 'OtherHost') },
    },
    {
      name: 'one host instance picks each file up once: no duplicate (its availability is host-single-instance\'s)',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - { name: FtpHost, instances: [BTS01] }\n', [B]: receive('FTP', 'FtpHost') },
    },
    {
      name: 'BizTalk Standard with the FTP host on one server',
      files: { [T]: 'topology: 1\nenvironment: production\nbiztalk: { edition: Standard }\nhosts:\n  - { name: FtpHost, instances: [BTS01] }\n', [B]: receive('FTP', 'FtpHost') },
    },
    {
      name: 'no topology: nothing says whether the host is clustered',
      files: { [B]: receive('FTP', 'FtpHost') },
    },
  ],
  invalid: [
    {
      name: 'FTP receive in an unclustered host with two instances: reported at the ReceiveHandler Name, the host marked clustered',
      files: { [T]: HOSTS, [B]: receive('FTP', 'FtpHost') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Orders]/ReceiveLocation[Name=RL_Orders]/ReceiveHandler',
          fixOutput: null,
          range: [9, 33, 9, 40],
          severity: 'error',
          messageId: 'notClustered', data: { location: 'RL_Orders', adapter: 'FTP', others: '', host: 'FtpHost', count: 2 },
          suggestions: [{ title: "Host FtpHost is now clustered (one active instance at a time): declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - name: FtpHost
    instances: [BTS01, BTS02]
    clustered: true
` } }],
        },
      ],
    },
    {
      name: 'SFTP in a host declared `clustered: false` (flow): the value is flipped',
      files: { [T]: 'topology: 1\nenvironment: staging\nhosts:\n  - { name: SftpHost, clustered: false, instances: [BTS01, BTS02] }\n', [B]: receive('SFTP', 'sftphost') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Orders]/ReceiveLocation[Name=RL_Orders]/ReceiveHandler',
          fixOutput: null,
          range: [9, 33, 9, 41],
          messageId: 'notClustered', data: { location: 'RL_Orders', adapter: 'SFTP', others: '', host: 'SftpHost', count: 2 },
          suggestions: [{ title: "Host SftpHost is now clustered (one active instance at a time): declare it", output: { [T]: `topology: 1
environment: staging
hosts:
  - { name: SftpHost, clustered: true, instances: [BTS01, BTS02] }
` } }],
        },
      ],
    },
    {
      name: 'a third-party SFTP adapter (nsoftware), JSON topology',
      files: {
        'prod.topology.json': `{
  "topology": 1,
  "environment": "production",
  "hosts": [
    {
      "name": "FtpHost",
      "instances": ["BTS01", "BTS02"]
    }
  ]
}
`,
        [B]: receive('nsoftware.SFTP v4', 'FtpHost'),
      },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Orders]/ReceiveLocation[Name=RL_Orders]/ReceiveHandler',
          fixOutput: null,
          range: [9, 33, 9, 40],
          messageId: 'notClustered', data: { location: 'RL_Orders', adapter: 'nsoftware.SFTP v4', others: '', host: 'FtpHost', count: 2 },
          suggestions: [{ title: "Host FtpHost is now clustered (one active instance at a time): declare it", output: { "prod.topology.json": `{
  "topology": 1,
  "environment": "production",
  "hosts": [
    {
      "name": "FtpHost",
      "instances": ["BTS01", "BTS02"],
      "clustered": true
    }
  ]
}
` } }],
        },
      ],
    },
    {
      name: 'a UTF-16 LE binding with a BOM, given as bytes: same position in the decoded text',
      files: { [T]: HOSTS, [B]: utf16le(receive('FTP', 'FtpHost').replace('encoding="utf-8"', 'encoding="utf-16"')) },
      errors: [{ file: B, messageId: 'notClustered', nodePath: 'ReceivePort[Name=RP_Orders]/ReceiveLocation[Name=RL_Orders]/ReceiveHandler', fixOutput: null, range: [9, 33, 9, 40], suggestions: [{ title: "Host FtpHost is now clustered (one active instance at a time): declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - name: FtpHost
    instances: [BTS01, BTS02]
    clustered: true
` } }] }],
    },
    {
      name: 'CRLF binding and CRLF topology with four-space indentation',
      files: {
        [T]: 'topology: 1\r\nenvironment: production\r\nhosts:\r\n    -   name: FtpHost\r\n        instances:\r\n            - BTS01\r\n            - BTS02\r\n',
        [B]: receive('FTP', 'FtpHost', '\r\n'),
      },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Orders]/ReceiveLocation[Name=RL_Orders]/ReceiveHandler',
          fixOutput: null,
          range: [9, 33, 9, 40],
          messageId: 'notClustered',
          suggestions: [{ title: "Host FtpHost is now clustered (one active instance at a time): declare it", output: { [T]: "topology: 1\r\nenvironment: production\r\nhosts:\r\n    -   name: FtpHost\r\n        instances:\r\n            - BTS01\r\n            - BTS02\r\n        clustered: true\r\n" } }],
        },
      ],
    },
    {
      name: '`clustered:` written empty: the value goes after the colon (`clustered:true` would be no mapping)',
      files: { [T]: 'topology: 1\nenvironment: production\nhosts:\n  - name: FtpHost\n    clustered:\n    instances: [A, B]\n', [B]: receive('FTP', 'FtpHost') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Orders]/ReceiveLocation[Name=RL_Orders]/ReceiveHandler',
          fixOutput: null,
          range: [9, 33, 9, 40],
          messageId: 'notClustered',
          suggestions: [{ title: "Host FtpHost is now clustered (one active instance at a time): declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - name: FtpHost
    clustered: true
    instances: [A, B]
` } }],
        },
      ],
    },
    {
      name: 'BizTalk Standard cannot cluster hosts: advice it can follow, and no fix that declares a clustered host',
      files: { [T]: 'topology: 1\nenvironment: production\nbiztalk: { edition: Standard }\nhosts:\n  - name: FtpHost\n    instances: [BTS01, BTS02]\n', [B]: receive('FTP', 'FtpHost') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP_Orders]/ReceiveLocation[Name=RL_Orders]/ReceiveHandler', range: [9, 33, 9, 40], severity: 'error', messageId: 'standard', data: { location: 'RL_Orders', adapter: 'FTP', others: '', host: 'FtpHost', count: 2, edition: 'Standard' }, fixOutput: null }],
    },
    {
      name: 'development keeps the severity (duplicate pickup is wrong processing, not a matter of redundancy)',
      files: { 'dev.topology.yaml': HOSTS.replace('production', 'development'), [B]: receive('FTP', 'FtpHost') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP_Orders]/ReceiveLocation[Name=RL_Orders]/ReceiveHandler', fixOutput: null, range: [9, 33, 9, 40], severity: 'error', messageId: 'notClustered' }],
    },
    {
      name: 'three locations in one host: once per binding file, at the first, the others counted',
      files: { [T]: HOSTS, [B]: three('FtpHost') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP_Orders]/ReceiveLocation[Name=RL_Orders]/ReceiveHandler',
          fixOutput: null,
          range: [9, 33, 9, 40],
          severity: 'error',
          messageId: 'notClustered',
          data: { location: 'RL_Orders', adapter: 'FTP', others: ' (and 2 other receive locations of this file)', host: 'FtpHost', count: 2 },
          suggestions: [{ title: 'Host FtpHost is now clustered (one active instance at a time): declare it', output: { [T]: `topology: 1
environment: production
hosts:
  - name: FtpHost
    instances: [BTS01, BTS02]
    clustered: true
` } }],
        },
      ],
    },
  ],
});

describe('ftp-sftp-receive-not-clustered: a repeated cause once', () => {
  it('the other locations in the same host are related locations of the one finding', () => {
    const { findings } = lintFiles({ [T]: HOSTS, [B]: three('FtpHost') }, [rule]);
    assert.equal(findings.length, 1);
    const messages = (findings[0].related ?? []).map((r) => r.message);
    assert.deepEqual(messages.slice(1), ['Receive location "RL_Returns" (FTP) runs in FtpHost too', 'Receive location "RL_Archive" (SFTP) runs in FtpHost too']);
  });
});
