// log-share-not-ha: the share that holds the log backups must be highly available.
import rule from '../../server/src/core/rules/log-share-not-ha';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = "topology: 1\nenvironment: production\nbackup:\n  biztalkJob:\n    logDestination: '\\\\fs01\\bts\\log'\n";
const FACT = "'<<true once the share is clustered or on a SAN>>'";

ruleTester(rule, {
  valid: [
    { name: 'the share is declared highly available', files: { [T]: `${H}fileShares:\n  - { path: '\\\\FS01\\BTS', highlyAvailable: true }\n` } },
    { name: 'the DR share is declared highly available', files: { [T]: `${H}dr:\n  shareHighlyAvailable: true\n` } },
    { name: 'a local path is backup-destination-local\'s', files: { [T]: "topology: 1\nenvironment: production\nbackup:\n  biztalkJob:\n    logDestination: 'E:\\log'\n" } },
    { name: 'a placeholder is unfilled-placeholder\'s', files: { [T]: `${H}fileShares:\n  - { path: '\\\\fs01\\bts', highlyAvailable: ${FACT} }\n` } },
  ],
  invalid: [
    {
      name: 'an undeclared share: at the destination, the share added with a placeholder',
      files: { [T]: H },
      errors: [
        {
          nodePath: 'backup.biztalkJob.logDestination',
          range: [5, 21, 5, 37],
          severity: 'warning',
          messageId: 'undeclared',
          data: { path: '\\\\fs01\\bts\\log' },
          fixKind: 'declaration', fixOutput: { [T]: `${H}fileShares:\n  - path: '\\\\fs01\\bts'\n    highlyAvailable: ${FACT}\n` },
        },
      ],
    },
    {
      name: 'a declared share without highlyAvailable: the key is inserted',
      files: { [T]: `${H}fileShares:\n  - path: '\\\\fs01\\bts'\n` },
      errors: [{ nodePath: 'backup.biztalkJob.logDestination', range: [5, 21, 5, 37], messageId: 'undeclared', fixKind: 'declaration', fixOutput: { [T]: `${H}fileShares:\n  - path: '\\\\fs01\\bts'\n    highlyAvailable: ${FACT}\n` } }],
    },
    {
      name: 'declared not highly available: no fix',
      files: { [T]: `${H}fileShares:\n  - { path: '\\\\fs01\\bts', highlyAvailable: false }\n` },
      errors: [{ nodePath: 'backup.biztalkJob.logDestination', range: [5, 21, 5, 37], messageId: 'declaredNotHa', data: { path: '\\\\fs01\\bts\\log' }, fixOutput: null }],
    },
  ],
});
