// simple-recovery-model: BizTalk databases (and custom databases in the backup job) need the full recovery model.
import rule from '../../server/src/core/rules/simple-recovery-model';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const topo = (dbs: string, extra = '') => `topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLBTS\\BTS\n    databases:\n${dbs}${extra}`;

ruleTester(rule, {
  valid: [
    { name: 'full recovery model', files: { [T]: topo('      - { name: BizTalkMsgBoxDb, recoveryModel: full }\n') } },
    { name: 'recovery model not declared', files: { [T]: topo('      - { name: BizTalkMgmtDb }\n') } },
    { name: 'bulk-logged is not the simple model', files: { [T]: topo('      - { name: BizTalkDTADb, recoveryModel: bulk-logged }\n') } },
    { name: 'an application database outside the backup job', files: { [T]: topo('      - { name: Reporting, recoveryModel: simple }\n') } },
    { name: 'SSISDB is SQL Server\'s own catalog', files: { [T]: topo('      - { name: SSISDB, role: ssis-catalog, recoveryModel: simple }\n') } },
    { name: 'Analysis Services databases have no recovery model', files: { [T]: topo('      - { name: BAMAnalysis, recoveryModel: simple }\n') } },
  ],
  invalid: [
    {
      name: 'the MessageBox in the simple recovery model: at the value, no fix (a declared value)',
      files: { [T]: topo('      - name: BizTalkMsgBoxDb\n        recoveryModel: simple\n') },
      errors: [
        {
          nodePath: 'sqlInstances[name=SQLBTS\\BTS].databases[name=BizTalkMsgBoxDb].recoveryModel',
          range: [7, 24, 7, 30],
          severity: 'error',
          messageId: 'simple',
          data: { kind: 'BizTalk', database: 'BizTalkMsgBoxDb', instance: 'SQLBTS\\BTS' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a renamed database known by its role, written SIMPLE',
      files: { [T]: topo('      - { name: MsgBox2, role: messagebox, recoveryModel: SIMPLE }\n') },
      errors: [{ nodePath: 'sqlInstances[name=SQLBTS\\BTS].databases[name=MsgBox2].recoveryModel', fixOutput: null, range: [6, 59, 6, 65], messageId: 'simple', data: { kind: 'BizTalk', database: 'MsgBox2', instance: 'SQLBTS\\BTS' } }],
    },
    {
      name: 'a custom database, and one listed in otherDatabases, are backup job databases',
      files: {
        [T]: topo(
          '      - { name: Orders, custom: true, recoveryModel: simple }\n      - { name: Billing, recoveryModel: simple }\n',
          'backup:\n  biztalkJob:\n    otherDatabases:\n      - { name: billing, server: SQLBTS\\BTS }\n',
        ),
      },
      errors: [
        { nodePath: 'sqlInstances[name=SQLBTS\\BTS].databases[name=Orders].recoveryModel', fixOutput: null, range: [6, 54, 6, 60], messageId: 'simple', data: { kind: 'Backup job', database: 'Orders', instance: 'SQLBTS\\BTS' } },
        { nodePath: 'sqlInstances[name=SQLBTS\\BTS].databases[name=Billing].recoveryModel', fixOutput: null, range: [7, 41, 7, 47], messageId: 'simple', data: { kind: 'Backup job', database: 'Billing', instance: 'SQLBTS\\BTS' } },
      ],
    },
    {
      name: 'JSON topology',
      files: { 'prod.topology.json': '{"topology": 1, "environment": "production", "sqlInstances": [{"name": "SQL1", "databases": [{"name": "BizTalkDTADb", "recoveryModel": "simple"}]}]}' },
      errors: [{ nodePath: 'sqlInstances[name=SQL1].databases[name=BizTalkDTADb].recoveryModel', fixOutput: null, range: [1, 136, 1, 144], messageId: 'simple', data: { kind: 'BizTalk', database: 'BizTalkDTADb', instance: 'SQL1' } }],
    },
  ],
});
