import { defineRule, placeholder, suggestion } from './api';
import { NodePath } from './nodePath';
import { isPlaceholder } from '../readers/configExport';
import { LOCAL_DRIVE_PATH } from '../model/adapters';
import { sameName } from '../model/join';
import { HA_MSS, MASTER_SECRET_BACKUP } from './sources';

/** `\\server\...` -> server. */
function uncServer(path: string): string | undefined {
  return /^(?:\\\\|\/\/)([^\\/]+)/.exec(path.trim())?.[1];
}

const REMOTE = `\\\\${placeholder('secure server')}\\${placeholder('share')}\\SSO\\master-secret.bak`;

export default defineRule({
  meta: {
    id: 'secret-backup-local',
    description: 'The backup of the Enterprise SSO master secret is kept on a local path (or a share on the master secret server itself) instead of a secure place away from it.',
    defaultSeverity: 'warning',
    category: 'sso',
    fixable: true,
    fixKinds: ['suggestion'],
    byEnvironment: 'full',
    sources: [MASTER_SECRET_BACKUP, HA_MSS],
    messages: {
      onServer: 'The master secret backup goes to {{path}}, {{where}}, so it is lost with that server. Keep it on another machine: removable media in a safe, or a protected share.',
      exportLocal: 'This configuration writes the master secret backup to {{file}}, on the local disk of the server it configures. Copy it to a secure place after configuring, and declare where (sso.secretBackup.destination).',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    let declaredElsewhere = false;
    if (topo) {
      const sso = topo.section('sso');
      const dest = sso?.get('secretBackup')?.get('destination');
      const path = dest?.str;
      const mss = sso?.get('masterSecretServer')?.str;
      if (dest && path) {
        const server = uncServer(path);
        const local = LOCAL_DRIVE_PATH.test(path);
        const onMss = !!server && !!mss && sameName(server, mss);
        declaredElsewhere = !local && !onMss;
        if (local || onMss) {
          ctx.report({
            doc: topo.doc,
            range: dest.range,
            messageId: 'onServer',
            data: { path, where: local ? 'a local path on the machine that writes it' : `a share on the master secret server ${mss} itself` },
            nodePath: NodePath.topology('sso', 'secretBackup', 'destination'),
            suggestions: [suggestion('The secret backup is now kept on another machine: declare where', ctx.edit.replace(dest, REMOTE))],
          });
        }
      }
    }
    // A configuration file that names a local backup file for the secret (tokenised values are unknown);
    // once the topology declares where the copy is kept, the local file is only where it was written.
    if (declaredElsewhere) return;
    for (const exp of ctx.ws.configExports) {
      const sso = exp.configExport!.sso;
      const file = sso?.backupFile;
      if (!sso || !file || isPlaceholder(file) || !LOCAL_DRIVE_PATH.test(file) || !sso.backupFileRange) continue;
      ctx.report({
        doc: exp,
        range: sso.backupFileRange,
        messageId: 'exportLocal',
        data: { file },
        nodePath: NodePath.exportFileValue('SSO_ID_BACKUP_SECRET_FILE'),
      });
    }
  },
});
