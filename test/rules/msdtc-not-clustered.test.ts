// msdtc-not-clustered: BizTalk on a Windows cluster needs a clustered MSDTC.
import rule from '../../server/src/core/rules/msdtc-not-clustered';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = 'topology: 1\nenvironment: production\n';
const HOST = 'hosts:\n  - { name: FtpHost, clustered: true, instances: [BTS01, BTS02] }\n';
const FACT = "'<<true once MSDTC is a clustered resource>>'";

ruleTester(rule, {
  valid: [
    { name: 'declared clustered', files: { [T]: `${H}biztalk:\n  msdtcClustered: true\n${HOST}` } },
    { name: 'no clustered host, no clustered ENTSSO', files: { [T]: `${H}hosts:\n  - { name: H, instances: [A, B] }\nsso: { clustered: false }\n` } },
    { name: 'a placeholder is unfilled-placeholder\'s', files: { [T]: `${H}biztalk:\n  msdtcClustered: ${FACT}\n${HOST}` } },
  ],
  invalid: [
    {
      name: 'a clustered host, biztalk section without the key: inserted with a placeholder',
      files: { [T]: `${H}biztalk:\n  edition: Enterprise\n${HOST}` },
      errors: [
        {
          nodePath: 'biztalk.msdtcClustered',
          range: [3, 1, 3, 8],
          severity: 'error',
          messageId: 'undeclared',
          data: { cluster: 'clustered host "FtpHost"' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}biztalk:\n  edition: Enterprise\n  msdtcClustered: ${FACT}\n${HOST}` },
        },
      ],
    },
    {
      name: 'a clustered ENTSSO and no biztalk section: at `environment:` (not at the format version)',
      files: { [T]: `${H}sso:\n  clustered: true\n` },
      errors: [
        {
          nodePath: 'biztalk.msdtcClustered',
          range: [2, 1, 2, 12],
          messageId: 'undeclared',
          data: { cluster: 'clustered ENTSSO' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}sso:\n  clustered: true\nbiztalk:\n  msdtcClustered: ${FACT}\n` },
        },
      ],
    },
    {
      name: 'declared not clustered: at the value, no fix',
      files: { [T]: `${H}biztalk: { msdtcClustered: false }\n${HOST}` },
      errors: [
        {
          nodePath: 'biztalk.msdtcClustered',
          range: [3, 28, 3, 33],
          messageId: 'declaredOff',
          data: { cluster: 'clustered host "FtpHost"' },
          fixOutput: null,
        },
      ],
    },
  ],
});
