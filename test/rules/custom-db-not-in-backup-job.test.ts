// custom-db-not-in-backup-job: application databases in BizTalk's transactions should be in the Backup
// BizTalk Server job: declared custom in the topology (a warning), or found in WCF-SQL / SQL adapter
// addresses (information: Microsoft makes it optional); not endpoints with useAmbientTransaction="false".
import rule from '../../server/src/core/rules/custom-db-not-in-backup-job';
import { ruleTester } from '../helpers/ruleTester';
import { bindingXml, wcf } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'Crm.BindingInfo.xml';
const JOB = 'backup:\n  biztalkJob:\n    enabled: true\n';
const sendSql = (address: string) => bindingXml({ send: [{ name: 'ToCrm', adapter: 'WCF-SQL', host: 'SendHost', address }] });

ruleTester(rule, {
  valid: [
    { name: 'in the job (server matched through normalisation)', files: { [T]: 'topology: 1\nenvironment: production\n' + JOB + "    otherDatabases:\n      - { name: Orders, server: 'SQLAPP,1433' }\n", [B]: sendSql('mssql://sqlapp//Orders?') } },
    {
      name: 'in the job under the availability group listener',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAPP\n    availabilityGroup: { listener: APPL }\n    databases: [{ name: Orders, custom: true }]\n' + JOB + '    otherDatabases: [{ name: Orders, server: APPL }]\n' },
    },
    { name: 'a BizTalk database named in an address is the job\'s own', files: { [T]: 'topology: 1\nenvironment: production\n' + JOB, [B]: sendSql('mssql://SQL1//BizTalkMsgBoxDb?') } },
    { name: 'no job declared: backup-job-missing-or-disabled reports it', files: { [T]: 'topology: 1\nenvironment: production\n', [B]: sendSql('mssql://SQL1//Orders?') } },
    {
      name: 'a WCF-SQL endpoint with useAmbientTransaction="false" takes part in no BizTalk transaction',
      files: {
        [T]: 'topology: 1\nenvironment: production\n' + JOB,
        [B]: bindingXml({ send: [{ name: 'NoTx', adapter: 'WCF-Custom', host: 'H', address: 'mssql://SQL2//Crm?', data: wcf('sqlBinding', { useAmbientTransaction: 'false' }) }] }),
      },
    },
    { name: 'an address token no settings define', files: { [T]: 'topology: 1\nenvironment: production\n' + JOB, [B]: sendSql('mssql://${SqlServer}//Orders?') } },
  ],
  invalid: [
    {
      name: 'a custom database of the topology: at the database, fix adds the row with the listener',
      files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLAPP\n    availabilityGroup: { name: AG, listener: APPL }\n    databases:\n      - { name: Orders, custom: true }\n' + JOB },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLAPP].databases[name=Orders]:backup',
          fixOutput: null,
          range: [7, 11, 7, 23],
          severity: 'warning',
          messageId: 'declared', data: { database: 'Orders', instance: 'SQLAPP' },
          suggestions: [{ title: "Orders is now in the Backup BizTalk Server job (adm_OtherBackupDatabases): declare it", output: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQLAPP
    availabilityGroup: { name: AG, listener: APPL }
    databases:
      - { name: Orders, custom: true }
backup:
  biztalkJob:
    enabled: true
    otherDatabases:
      - name: Orders
        server: APPL
` } }],
        },
      ],
    },
    {
      name: 'only a binding names it: once per database and file, at the database inside the first address',
      files: {
        [T]: 'topology: 1\nenvironment: production\n' + JOB + '    otherDatabases: []\n',
        [B]: bindingXml({
          receive: [
            { name: 'Poll', adapter: 'WCF-SQL', host: 'H', address: 'mssql://SQL2/INST/Crm?InboundId=x' },
            { name: 'Custom', adapter: 'WCF-Custom', host: 'H', address: 'mssql://SQL2/INST/Crm?', data: wcf('sqlBinding', {}) },
          ],
        }),
      },
      errors: [
        {
          file: B,
          nodePath: 'sqldb:sql2\\inst|crm',
          fixOutput: null,
          range: [9, 38, 9, 41],
          messageId: 'endpoint', data: { endpoint: 'Receive location "Poll"', database: 'Crm', server: 'SQL2\\INST', others: ' (with 1 other endpoint of this file)' },
          suggestions: [{ title: "Crm is now in the Backup BizTalk Server job (adm_OtherBackupDatabases): declare it", output: { [T]: `topology: 1
environment: production
backup:
  biztalkJob:
    enabled: true
    otherDatabases: [{ name: Crm, server: 'SQL2\\INST' }]
` } }],
        },
      ],
    },
    {
      name: 'the legacy SQL adapter address',
      files: { [T]: 'topology: 1\nenvironment: production\n' + JOB, [B]: bindingXml({ send: [{ name: 'Legacy', adapter: 'SQL', host: 'H', address: 'SQL://SQL3/Billing/' }] }) },
      errors: [{ file: B, nodePath: 'sqldb:sql3|billing', fixOutput: null, range: [6, 29, 6, 36], messageId: 'endpoint', data: { endpoint: 'Send port "Legacy"', database: 'Billing', server: 'SQL3', others: '' } }],
    },
  ],
});
