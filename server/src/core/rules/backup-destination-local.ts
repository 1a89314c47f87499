import { defineRule, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
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
    messages: {
      local: 'The {{what}} backups go to the local path {{path}}, so they stay on the SQL Server they protect. Enter a UNC share (\\\\server\\share) for them.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const job = topo.biztalkJob();
    if (!job) return;
    for (const [key, what] of [['fullDestination', 'full'], ['logDestination', 'log']] as const) {
      const node = job.get(key);
      const value = node?.str;
      if (!node || !value || !LOCAL_PATH.test(value)) continue;
      ctx.report({
        doc: topo.doc,
        range: node.range,
        messageId: 'local',
        data: { what, path: value },
        nodePath: NodePath.topology('backup', 'biztalkJob', key),
        suggestions: [suggestion(`The ${what} backups now go to a share on another server: declare it`, ctx.edit.replace(node, `\\\\${placeholder('backup server')}\\${placeholder('share')}\\${what}`))],
      });
    }
  },
});
