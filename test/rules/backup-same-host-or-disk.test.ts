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
          range: [20, 22, 20, 43],
          severity: 'error',
          message:
            '\\\\SQLNode2\\bak\\full is a share on sqlnode2, which runs SQL instance "SQLBTS\\BTS": the backups would be lost with the server they protect. Microsoft: "Do not store backups on the same computer or disk that you are backing up."',
          fixOutput: null,
        },
        {
          range: [21, 21, 21, 37],
          message: 'e:\\Backups\\log is on e:, the volume that holds BizTalkMgmtDb on "SQLBTS\\BTS". Microsoft: configure the backup disk to be a different disk than the database data and log disks.',
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a UNC path written with forward slashes on the instance\'s own server, and a volume a database uses for its log',
      files: { [T]: topo('//sqlbts/bak/full', 'L:\\log') },
      errors: [
        { range: [20, 22, 20, 41], message: /^\/\/sqlbts\/bak\/full is a share on sqlbts, which runs SQL instance "SQLBTS\\BTS"/, fixOutput: null },
        { range: [21, 21, 21, 29], message: /^L:\\log is on L:, the volume that holds BizTalkMgmtDb on "SQLBTS\\BTS"/, fixOutput: null },
      ],
    },
    {
      name: 'the DNS name of the cluster\'s virtual name, and the availability group listener',
      files: { [T]: topo('\\\\sqlvn.contoso.com\\bak', '\\\\BTSAGL\\bak\\log') },
      errors: [
        { range: [20, 22, 20, 47], message: /is a share on sqlvn\.contoso\.com, which runs SQL instance "SQLBTS\\BTS"/ },
        { range: [21, 21, 21, 39], message: /is a share on btsagl, which runs SQL instance "SQLAG"/ },
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
      errors: [{ range: [5, 67, 5, 84], message: /^\\\\SQLBOX\\bak is a share on sqlbox, which runs SQL Server SQLBOX:/, fixOutput: null }],
    },
  ],
});
