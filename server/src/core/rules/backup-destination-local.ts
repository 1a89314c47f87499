import { defineRule, placeholder, suggestion } from './api';
import { CFG_JOB } from './sources';

export const LOCAL_PATH = /^[A-Za-z]:(\\|\/|$)/;

export default defineRule({
  meta: {
    id: 'backup-destination-local',
    description: 'A destination of the Backup BizTalk Server job (full or log backups) is a local path, not a UNC share or an Azure blob URL.',
    defaultSeverity: 'warning',
    category: 'backup',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'full',
    sources: [CFG_JOB],
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.section('backup')?.get('biztalkJob');
    if (!job) return;
    for (const [key, what] of [['fullDestination', 'full'], ['logDestination', 'log']] as const) {
      const node = job.get(key);
      const value = node?.str;
      if (!node || !value || !LOCAL_PATH.test(value)) continue;
      ctx.report({
        doc: topo.doc,
        range: node.range,
        message: `The ${what} backups go to the local path ${value}. Microsoft: with a local path "you have to manually copy all the files" elsewhere; enter a UNC share (\\\\server\\share) so the backups leave the SQL Server.`,
        nodePath: `backup.biztalkJob.${key}`,
        suggestions: [suggestion(`The ${what} backups now go to a share on another server: declare it`, ctx.edit.replace(node, `\\\\${placeholder('backup server')}\\${placeholder('share')}\\${what}`))],
      });
    }
  },
});
