import rule from '../../server/src/core/rules/backup-same-host-or-disk';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

/** A topology whose SQL tier is SQLBTS\BTS on nodes SQLNODE1/2 and an AG on listener BTSAGL. */
function topo(full: string, log: string, extra = ''): string {
  return `topology: 1
environment: production
servers:
  - { name: SQLBOX, roles: [sql] }
  - { name: BTS01, roles: [biztalk, file-share] }
sqlInstances:
  - name: SQLBTS\\BTS
    failoverCluster: { nodes: [SQLNODE1, SQLNODE2], virtualName: SQLVN }
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
      - { drive: 'L:', raid: 1 }
      - { drive: 'B:', raid: 1, holds: [backup] }
    databases:
      - { name: BizTalkMgmtDb, dataVolume: 'E:', logVolume: 'L:' }
  - name: SQLAG
    availabilityGroup: { name: AG1, listener: BTSAGL }
${extra}backup:
  biztalkJob:
    enabled: true
    fullDestination: '${full}'
    logDestination: '${log}'
`;
}

ruleTester(rule, {
  valid: [
    {
      name: 'shares on a backup server the topology does not run SQL on',
      files: { [T]: topo('\\\\backup01\\bts\\full', '\\\\backup01.contoso.com\\bts\\log') },
    },
    {
      name: 'a share on a BizTalk server (not a SQL machine) and a local path on the backup volume',
      files: { [T]: topo('\\\\BTS01\\bak', 'B:\\Backups\\log') },
    },
    {
      name: 'a share whose name only starts with a SQL node\'s name is another machine',
      files: { [T]: topo('\\\\SQLNODE10\\bak', '\\\\sqlbts-backup\\bak') },
    },
    {
      name: 'a local drive no instance declares, and an Azure blob URL',
      files: { [T]: topo('G:\\Backups', 'https://contoso.blob.core.windows.net/bts') },
    },
    {
      name: 'no job declared',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances: [{ name: SQL1 }]\n' },
    },
  ],
  invalid: [
    {
      name: 'a share on a cluster node (case-insensitive) and a local path on the data volume',
      files: { [T]: topo('\\\\SQLNode2\\bak\\full', 'e:\\Backups\\log') },
      errors: [
        {
          nodePath: 'backup.biztalkJob.fullDestination',
          range: [20, 22, 20, 43],
          severity: 'error',
          messageId: 'sameHost',
          fixOutput: null,
        },
        {
          nodePath: 'backup.biztalkJob.logDestination',
          range: [21, 21, 21, 37],
          messageId: 'sameDisk',
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a UNC path written with forward slashes on the instance\'s own server, and a volume a database uses for its log',
      files: { [T]: topo('//sqlbts/bak/full', 'L:\\log') },
      errors: [
        { nodePath: 'backup.biztalkJob.fullDestination', range: [20, 22, 20, 41], messageId: 'sameHost', fixOutput: null },
        { nodePath: 'backup.biztalkJob.logDestination', range: [21, 21, 21, 29], messageId: 'sameDisk', fixOutput: null },
      ],
    },
    {
      name: 'the DNS name of the cluster\'s virtual name, and the availability group listener',
      files: { [T]: topo('\\\\sqlvn.contoso.com\\bak', '\\\\BTSAGL\\bak\\log') },
      errors: [
        { nodePath: 'backup.biztalkJob.fullDestination', fixOutput: null, range: [20, 22, 20, 47], messageId: 'sameHost' },
        { nodePath: 'backup.biztalkJob.logDestination', fixOutput: null, range: [21, 21, 21, 39], messageId: 'sameHost' },
      ],
    },
    {
      name: 'a server declared with the sql role (JSON)',
      files: {
        'prod.topology.json': `{
  "topology": 1,
  "environment": "production",
  "servers": [{ "name": "SQLBOX", "roles": ["sql"] }],
  "backup": { "biztalkJob": { "enabled": true, "fullDestination": "\\\\\\\\SQLBOX\\\\bak" } }
}
`,
      },
      errors: [{ nodePath: 'backup.biztalkJob.fullDestination', range: [5, 67, 5, 84], messageId: 'sameHost', fixOutput: null }],
    },
  ],
});
