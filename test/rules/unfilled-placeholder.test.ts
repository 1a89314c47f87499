import rule from '../../server/src/core/rules/unfilled-placeholder';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    {
      name: 'filled-in values',
      files: { [T]: "topology: 1\nenvironment: production\nbackup:\n  biztalkJob: { enabled: true, fullDestination: '\\\\backup01\\bts\\full' }\n" },
    },
    {
      name: 'a YAML merge key `<<` and a comment that mentions a placeholder are not values',
      files: {
        [T]: `topology: 1
environment: production
x-defaults: &hostDefaults
  clustered: false
hosts:
  - <<: *hostDefaults
    name: H1  # was <<host name>> before we filled it
    instances: [A, B]
`,
      },
    },
    {
      name: 'empty angle pairs and a lone << are not placeholders',
      files: { [T]: "topology: 1\nenvironment: production\nx-note: 'see <<>> and a << b'\n" },
    },
    {
      name: 'placeholders in a binding file are not the topology\'s (only topology files are checked)',
      files: { 'b.xml': '<BindingInfo><SendPortCollection><SendPort Name="&lt;&lt;name&gt;&gt;"/></SendPortCollection></BindingInfo>' },
    },
  ],
  invalid: [
    {
      name: 'two placeholders in one quoted scalar: one finding each, at the placeholder itself, with the severity of the finding it answers',
      files: { [T]: "topology: 1\nenvironment: production\nbackup:\n  biztalkJob:\n    fullDestination: '\\\\<<backup server>>\\<<share>>\\full'\n" },
      errors: [
        {
          nodePath: 'placeholder:<<backup server>>',
          range: [5, 25, 5, 42],
          // It answers backup-job-missing-or-disabled (an error): it keeps that severity.
          severity: 'error',
          messageId: 'unfilled',
          fixOutput: null,
        },
        { nodePath: 'placeholder:<<share>>', range: [5, 43, 5, 52], messageId: 'unfilled', fixOutput: null },
      ],
    },
    {
      name: 'a placeholder answering an availability rule is info in a test environment, like its finding',
      files: { [T]: "topology: 1\nenvironment: test\nsqlInstances:\n  - name: SQL1\n    failoverCluster: { nodes: ['<<first SQL node>>', B] }\n" },
      errors: [{ nodePath: 'placeholder:<<first SQL node>>', fixOutput: null, range: [5, 33, 5, 51], severity: 'info', messageId: 'unfilled', data: { placeholder: '<<first SQL node>>', what: 'first SQL node' } }],
    },
    {
      name: 'the recovery point objective placeholder answers an info finding: info',
      files: { [T]: "topology: 1\nenvironment: production\npolicy:\n  rpoMinutes: '<<minutes of data you may lose>>'\n" },
      errors: [{ nodePath: 'placeholder:<<minutes of data you may lose>>', fixOutput: null, range: [4, 16, 4, 48], severity: 'info', messageId: 'unfilled' }],
    },
    {
      name: 'a placeholder btslint never writes (typed by hand) is a warning',
      files: { [T]: "topology: 1\nenvironment: production\nx-owner: '<<team>>'\n" },
      errors: [{ nodePath: 'placeholder:<<team>>', fixOutput: null, range: [3, 11, 3, 19], severity: 'warning', messageId: 'unfilled' }],
    },
    {
      name: 'flow sequence items and a plain scalar',
      files: { [T]: "topology: 1\nenvironment: production\nhosts:\n  - { name: H, instances: ['<<first server>>', \"<<second server>>\"] }\nsso: { masterSecretServer: <<mss>> }\n" },
      errors: [
        { nodePath: 'placeholder:<<first server>>', fixOutput: null, range: [4, 29, 4, 45], messageId: 'unfilled' },
        { nodePath: 'placeholder:<<second server>>', fixOutput: null, range: [4, 49, 4, 66], messageId: 'unfilled' },
        { nodePath: 'placeholder:<<mss>>', fixOutput: null, range: [5, 28, 5, 35], messageId: 'unfilled' },
      ],
    },
    {
      name: 'JSON, CRLF and four-space indentation',
      files: { 'prod.topology.json': '{\r\n    "topology": 1,\r\n    "environment": "production",\r\n    "backup": { "restoreTest": { "last": "<<YYYY-MM-DD>>" } }\r\n}\r\n' },
      errors: [{ nodePath: 'placeholder:<<YYYY-MM-DD>>', fixOutput: null, range: [4, 43, 4, 57], messageId: 'unfilled' }],
    },
    {
      name: 'a placeholder used as a key is a value to fill too',
      files: { [T]: 'topology: 1\nenvironment: production\nx-owners:\n  <<team>>: ops\n' },
      errors: [{ nodePath: 'placeholder:<<team>>', fixOutput: null, range: [4, 3, 4, 11], messageId: 'unfilled' }],
    },
  ],
});
