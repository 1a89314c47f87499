// raid-undeclared: volumes holding BizTalk database files without a RAID level, and databases on
// drives the instance does not declare.
import rule from '../../server/src/core/rules/raid-undeclared';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const inst = (volumes: string, dbs: string) => `topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    volumes:\n${volumes}    databases:\n${dbs}`;

ruleTester(rule, {
  valid: [
    { name: 'every volume has a RAID level', files: { [T]: inst("      - { drive: 'E:', raid: 10, holds: [data] }\n      - { drive: 'L:', raid: 1, holds: [log] }\n", "      - { name: BizTalkDTADb, dataVolume: 'E:', logVolume: 'L:' }\n") } },
    { name: 'a volume that holds only backups', files: { [T]: inst("      - { drive: 'B:', holds: [backup] }\n", '      - { name: BizTalkDTADb }\n') } },
    {
      name: 'the MessageBox data volume is msgbox-bampi-not-raid10\'s',
      files: { [T]: inst("      - { drive: 'E:', holds: [data] }\n", "      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }\n") },
    },
  ],
  invalid: [
    {
      name: 'a volume used by a database, without raid: at the volume, fix inserts a raid placeholder',
      files: { [T]: inst("      - { drive: 'F:', holds: [data] }\n", "      - { name: BizTalkDTADb, dataVolume: 'F:' }\n") },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=F:].raid',
          range: [6, 11, 6, 22],
          severity: 'info',
          messageId: 'noRaid',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'F:', holds: [data], raid: '<<RAID level: 10, 1, 5, 6, 0 or none>>' }
    databases:
      - { name: BizTalkDTADb, dataVolume: 'F:' }
` },
        },
      ],
    },
    {
      name: 'a log volume known by what it holds',
      files: { [T]: inst("      - drive: 'L:'\n        holds: [log]\n", '      - { name: BizTalkDTADb }\n') },
      errors: [{ nodePath: 'sqlInstances[name=SQL1].volumes[drive=L:].raid', range: [6, 9, 6, 20], messageId: 'noRaid', fixKind: 'declaration', fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - drive: 'L:'
        holds: [log]
        raid: '<<RAID level: 10, 1, 5, 6, 0 or none>>'
    databases:
      - { name: BizTalkDTADb }
` } }],
    },
    {
      name: 'a database on a drive the instance does not declare: at the drive, fix declares the volume',
      files: { [T]: inst("      - { drive: 'E:', raid: 10, holds: [data] }\n", "      - { name: BizTalkDTADb, dataVolume: 'E:', logVolume: 'M:' }\n") },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQL1].volumes[drive=M:]:undeclared',
          range: [8, 60, 8, 64],
          messageId: 'volumeUndeclared',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
      - drive: 'M:'
        raid: '<<RAID level: 10, 1, 5, 6, 0 or none>>'
        holds: [log]
    databases:
      - { name: BizTalkDTADb, dataVolume: 'E:', logVolume: 'M:' }
` },
        },
      ],
    },
  ],
});
