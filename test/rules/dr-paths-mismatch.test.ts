// dr-paths-mismatch: DR instances need production's drives (BizTalk log shipping cannot RESTORE WITH MOVE).
import rule from '../../server/src/core/rules/dr-paths-mismatch';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const PROD = `topology: 1
environment: production
sqlInstances:
  - name: SQLBTS\\BTS
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
      - { drive: 'L:', raid: 1, holds: [log] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:', logVolume: 'L:' }
      - { name: BizTalkMgmtDb, dataVolume: 'F:', logVolume: 'L:' }
`;

ruleTester(rule, {
  valid: [
    { name: 'the DR instance has every drive', files: { [T]: PROD + "  - name: DRSQL\\BTS\n    volumes: [{ drive: 'E:' }, { drive: 'f:' }, { drive: 'L:' }]\ndr:\n  logShipping: biztalk\n  destinationInstances: [DRSQL\\BTS]\n" } },
    { name: 'undeclared DR volumes with pathsMatch: true', files: { [T]: PROD + 'dr:\n  logShipping: biztalk\n  destinationInstances: [DRSQL\\BTS]\n  pathsMatch: true\n' } },
    { name: 'no DR destination: no-log-shipping-destination reports it', files: { [T]: PROD } },
  ],
  invalid: [
    {
      name: 'missing drives: at the DR instance, with the production uses',
      files: { [T]: PROD + "  - name: DRSQL\\BTS\n    volumes:\n      - { drive: 'E:', raid: 10 }\ndr:\n  logShipping: biztalk\n  destinationInstances: [DRSQL\\BTS]\n" },
      errors: [
        {
          nodePath: 'sqlInstances[name=DRSQL\\BTS]:dr-drives',
          range: [11, 5, 11, 20],
          severity: 'error',
          messageId: 'missingDrives',
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a DR instance not declared: an unknown (info) at its name in the list',
      files: { [T]: PROD + 'dr:\n  logShipping: biztalk\n  destinationInstances: [DR2]\n' },
      errors: [{ nodePath: 'dr.destinationInstances[DR2]:volumes', fixOutput: null, range: [13, 26, 13, 29], severity: 'info', messageId: 'notDeclared' }],
    },
    {
      name: 'a DR instance declared without volumes: an unknown (info) at the instance',
      files: { [T]: PROD + "  - name: DRSQL\\BTS\ndr:\n  logShipping: biztalk\n  destinationInstances: [DRSQL\\BTS]\n" },
      errors: [{ nodePath: 'dr.destinationInstances[DRSQL\\BTS]:volumes', fixOutput: null, range: [11, 5, 11, 20], severity: 'info', messageId: 'noVolumes', data: { instance: 'DRSQL\\BTS' } }],
    },
    {
      name: 'pathsMatch: false',
      files: { [T]: PROD + 'dr:\n  logShipping: biztalk\n  destinationInstances: [DRSQL]\n  pathsMatch: false\n' },
      errors: [{ nodePath: 'dr.pathsMatch', fixOutput: null, range: [14, 15, 14, 20], messageId: 'pathsDiffer' }],
    },
  ],
});
