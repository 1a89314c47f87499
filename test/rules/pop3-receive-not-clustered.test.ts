// pop3-receive-not-clustered: a POP3 receive location in a host with several unclustered instances.
import rule from '../../server/src/core/rules/pop3-receive-not-clustered';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintFiles, ruleTester } from '../helpers/ruleTester';
import { adapterConfig, bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'Mail.BindingInfo.xml';

const pop3 = (host: string, adapter = 'POP3') =>
  bindingXml({ receive: [{ name: 'Orders.Mail', adapter, host, address: 'POP3://mail.contoso.com#orders', data: adapterConfig({ mailServer: 'mail.contoso.com', userName: 'orders' }) }] });

const topology = (hostLines: string) => `topology: 1
environment: production
hosts:
${hostLines}`;

ruleTester(rule, {
  valid: [
    { name: 'the host is clustered', files: { [T]: topology('  - { name: MailHost, clustered: true, instances: [BTS01, BTS02] }\n'), [B]: pop3('MailHost') } },
    { name: 'one instance: nothing reads the mailbox twice (host-single-instance asks for more)', files: { [T]: topology('  - { name: MailHost, instances: [BTS01] }\n'), [B]: pop3('MailHost') } },
    { name: 'not POP3', files: { [T]: topology('  - { name: MailHost, instances: [BTS01, BTS02] }\n'), [B]: pop3('MailHost', 'SMTP') } },
    { name: 'host not declared: handler-host-unknown reports it', files: { [T]: topology('  - { name: Other, instances: [BTS01, BTS02] }\n'), [B]: pop3('MailHost') } },
    { name: 'no topology', files: { [B]: pop3('MailHost') } },
    {
      name: 'a send port using POP3 is not a receive location',
      files: { [T]: topology('  - { name: MailHost, instances: [BTS01, BTS02] }\n'), [B]: bindingXml({ send: [{ name: 'SP', adapter: 'POP3', host: 'MailHost' }] }) },
    },
  ],
  invalid: [
    {
      name: 'two unclustered instances: reported at the handler, fix marks the host clustered',
      files: { [T]: topology('  - name: MailHost\n    instances: [BTS01, BTS02]\n'), [B]: pop3('MailHost') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Mail]/ReceiveHandler:pop3',
          fixOutput: null,
          range: [12, 33, 12, 41],
          severity: 'warning',
          messageId: 'pop3',
          suggestions: [{ title: "Host MailHost is now clustered (one active instance at a time): declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - name: MailHost
    instances: [BTS01, BTS02]
    clustered: true
` } }],
        },
      ],
    },
    {
      name: 'clustered: false is replaced; adapter and host names match case-insensitively',
      files: { [T]: topology('  - { name: mailhost, clustered: false, instances: [A, B, C] }\n'), [B]: pop3('MailHost', 'pop3') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Mail]/ReceiveHandler:pop3',
          fixOutput: null,
          range: [12, 33, 12, 41],
          messageId: 'pop3',
          suggestions: [{ title: "Host mailhost is now clustered (one active instance at a time): declare it", output: { [T]: `topology: 1
environment: production
hosts:
  - { name: mailhost, clustered: true, instances: [A, B, C] }
` } }],
        },
      ],
    },
    {
      name: 'test environment keeps the severity (duplicate pickup is wrong processing)',
      files: { 'test.topology.yaml': 'topology: 1\nenvironment: test\nhosts:\n  - { name: MailHost, instances: [A, B] }\n', [B]: pop3('MailHost') },
      errors: [{ file: B, messageId: 'pop3', nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.Mail]/ReceiveHandler:pop3', fixOutput: null, range: [12, 33, 12, 41], severity: 'warning' }],
    },
  ],
});

describe('pop3-receive-not-clustered: a repeated cause once', () => {
  it('POP3 locations of one file in one host: one finding at the first, the other counted and related', () => {
    const mail = (name: string) => ({ name, adapter: 'POP3', host: 'MailHost', address: `POP3://mail.contoso.com#${name}`, data: adapterConfig({ mailServer: 'mail.contoso.com', userName: name }) });
    const { findings } = lintFiles({ [T]: topology('  - { name: MailHost, instances: [BTS01, BTS02] }\n'), [B]: bindingXml({ receive: [mail('Orders'), mail('Returns')] }) }, [rule]);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^Receive location "Orders" \(POP3\) \(and 1 other receive location of this file\) runs in host "MailHost"/);
    assert.ok((findings[0].related ?? []).some((r) => r.uri === B && r.message === 'Receive location "Returns" polls a mailbox in MailHost too'), JSON.stringify(findings[0].related));
  });
});
