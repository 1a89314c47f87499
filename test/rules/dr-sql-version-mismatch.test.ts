// dr-sql-version-mismatch: BizTalk log shipping needs the same SQL Server version on both sides.
import rule from '../../server/src/core/rules/dr-sql-version-mismatch';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const topo = (prod: string, dr: string) =>
  `topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQLBTS\\BTS, version: ${prod} }\n  - name: DRSQL\\BTS\n    version: ${dr}\ndr:\n  logShipping: biztalk\n  destinationInstances: [DRSQL\\BTS]\n`;

ruleTester(rule, {
  valid: [
    { name: 'same version, written as a string and a number', files: { [T]: topo('"2019"', '2019') } },
    { name: 'DR version not declared', files: { [T]: topo('"2019"', '""').replace('    version: ""\n', '') } },
    { name: 'no DR site', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQL1, version: "2019" }\n' } },
  ],
  invalid: [
    {
      name: 'a newer DR instance: at its version, no fix',
      files: { [T]: topo('"2017"', '"2019"') },
      errors: [
        {
          nodePath: 'sqlInstances[name=DRSQL\\BTS].version',
          range: [6, 14, 6, 20],
          severity: 'error',
          messageId: 'versionMismatch',
          data: { instance: 'DRSQL\\BTS', version: '2019', production: '2017' },
          fixOutput: null,
        },
      ],
    },
  ],
});
