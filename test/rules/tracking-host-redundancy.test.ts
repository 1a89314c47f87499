// tracking-host-redundancy: at least N+1 host instances with tracking (N MessageBoxes), and at least two.
import rule from '../../server/src/core/rules/tracking-host-redundancy';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = 'topology: 1\nenvironment: production\n';
const msgboxes = (n: number) =>
  `sqlInstances:\n  - name: SQL1\n    databases:\n      - { name: BizTalkMsgBoxDb }\n${Array.from({ length: n - 1 }, (_, i) => `      - { name: MsgBox${i + 2}, role: messagebox }\n`).join('')}`;

ruleTester(rule, {
  valid: [
    { name: 'a tracking host on two servers, one MessageBox', files: { [T]: `${H}hosts:\n  - { name: TrackingHost, tracking: true, instances: [BTS01, BTS02] }\n` } },
    {
      name: 'three MessageBoxes: four tracking instances over two tracking hosts',
      files: { [T]: `${H}${msgboxes(3)}hosts:\n  - { name: T1, tracking: true, instances: [A, B] }\n  - { name: T2, tracking: true, instances: [C, D] }\n` },
    },
    { name: 'no hosts declared: nothing to judge', files: { [T]: `${H}${msgboxes(1)}` } },
    {
      name: 'a MessageBox declared in the topology and placed by a configuration export on the same instance is one MessageBox',
      files: {
        [T]: `${H}${msgboxes(1)}hosts:\n  - { name: TrackingHost, tracking: true, instances: [BTS01, BTS02] }\n`,
        'BizTalkConfiguration.xml':
          '<Configuration><Feature Name="WMI"><SQL ID="{a}" DisplayName="BizTalk MessageBox Database"><Server>sql1</Server><Database>BizTalkMsgBoxDb</Database></SQL></Feature></Configuration>',
      },
    },
  ],
  invalid: [
    {
      name: 'hosts declared, none with tracking: at `hosts`, a dedicated tracking host is appended',
      files: { [T]: `${H}hosts:\n  - name: SendHost\n    instances: [A, B]\n` },
      errors: [
        {
          nodePath: 'hosts',
          range: [3, 1, 3, 6],
          severity: 'info',
          messageId: 'noTrackingHost',
          data: { needed: 2, messageBoxes: '1 MessageBox database' },
          fixKind: 'declaration', fixOutput: {
            [T]: `${H}hosts:\n  - name: SendHost\n    instances: [A, B]\n  - name: '<<tracking host>>'\n    type: in-process\n    tracking: true\n    instances: ['<<first server>>', '<<second server>>']\n`,
          },
        },
      ],
    },
    {
      name: 'one tracking instance: at the host, an instance is appended',
      files: { [T]: `${H}hosts:\n  - name: TrackingHost\n    tracking: true\n    instances: [BTS01]\n` },
      errors: [
        {
          nodePath: 'hosts[name=TrackingHost].instances',
          range: [4, 5, 4, 23],
          messageId: 'tooFewInstances',
          data: { instances: 'Only 1 host instance has', messageBoxes: '1 MessageBox database', needed: 2, host: 'TrackingHost' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}hosts:\n  - name: TrackingHost\n    tracking: true\n    instances: [BTS01, '<<another server>>']\n` },
        },
      ],
    },
    {
      name: 'two MessageBoxes (one known by its role) need three; a server named twice (in another case) counts once: related information, no fix',
      files: { [T]: `${H}${msgboxes(2)}hosts:\n  - { name: T1, tracking: true, instances: [A, a] }\n  - { name: T2, tracking: true, instances: [B] }\n` },
      errors: [
        {
          nodePath: 'hosts[name=T1].instances',
          range: [9, 7, 9, 15],
          messageId: 'tooFewInstances',
          data: { instances: 'Only 2 host instances have', messageBoxes: '2 MessageBox databases', needed: 3, host: 'T1' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a tracking host without instances: two placeholders are inserted',
      files: { [T]: `${H}hosts:\n  - { name: TrackingHost, tracking: true }\n` },
      errors: [
        {
          nodePath: 'hosts[name=TrackingHost].instances',
          range: [4, 7, 4, 25],
          messageId: 'tooFewInstances',
          data: { instances: 'No host instance has', messageBoxes: '1 MessageBox database', needed: 2, host: 'TrackingHost' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}hosts:\n  - { name: TrackingHost, tracking: true, instances: ['<<first server>>', '<<second server>>'] }\n` },
        },
      ],
    },
  ],
});
