import { defineRule, placeholder, suggestion } from './api';
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
  },
  check(ctx) {
    const topo = ctx.topology;
    const why = 'A backup that sits on the master secret server is lost with it, and the SSO database cannot be decrypted without the secret. Microsoft: after you generate the master secret, "back it up and store it in a secure location": away from the server, on removable media in a safe or a protected share on another machine.';
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
            message: `The master secret backup goes to ${path}, ${local ? 'a local path on the machine that writes it' : `a share on the master secret server ${mss} itself`}. ${why}`,
            nodePath: 'sso.secretBackup.destination',
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
        message: `This configuration writes the master secret backup to ${file}, on the local disk of the server being configured. ${why} Copy the file to a secure place after configuring, and declare where it is kept (sso.secretBackup.destination).`,
        nodePath: 'FILE[ID=SSO_ID_BACKUP_SECRET_FILE]/Value',
      });
    }
  },
});
