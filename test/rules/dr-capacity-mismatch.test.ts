// dr-capacity-mismatch: as many DR instances as production instances holding BizTalk databases.
import rule from '../../server/src/core/rules/dr-capacity-mismatch';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    databases: [{ name: BizTalkMgmtDb }, { name: BizTalkDTADb }]
  - name: SQL2
    databases: [{ name: BizTalkMsgBoxDb }]
  - name: SQLAPP
    databases: [{ name: Orders, custom: true }]
`;

ruleTester(rule, {
  valid: [
    { name: 'two DR instances for two BizTalk instances (the custom one does not count)', files: { [T]: `${H}dr:\n  destinationInstances: [DR1, DR2]\n` } },
    { name: 'no destinations: no-log-shipping-destination reports it', files: { [T]: `${H}dr:\n  logShipping: biztalk\n` } },
  ],
  invalid: [
    {
      name: 'one DR instance for two: at the list, no fix',
      files: { [T]: `${H}dr:\n  destinationInstances: [DR1, dr1]\n` },
      errors: [
        {
          nodePath: 'dr.destinationInstances',
          range: [11, 25, 11, 35],
          severity: 'warning',
          messageId: 'fewerInstances',
          data: { dr: '1 SQL instance', production: 2 },
          fixOutput: null,
        },
      ],
    },
  ],
});
