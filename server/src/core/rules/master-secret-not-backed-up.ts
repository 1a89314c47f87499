import { declaration, defineRule, placeholder } from './api';
import { NodePath } from './nodePath';
import { isBlank, missingAnchor } from './shared';
import { insertKeys } from './hostHelpers';
import { child } from '../xml/dom';
import { HA_MSS, IMPORT_EXPORT_CFG, MASTER_SECRET_BACKUP } from './sources';

export default defineRule({
  meta: {
    id: 'master-secret-not-backed-up',
    description: 'No backup of the Enterprise SSO master secret is declared.',
    defaultSeverity: 'error',
    category: 'sso',
    fixable: true,
    fixKinds: ['declaration'],
    byEnvironment: 'full',
    sources: [MASTER_SECRET_BACKUP, HA_MSS, IMPORT_EXPORT_CFG],
    messages: {
      noBackup: 'No backup of the Enterprise SSO master secret is declared; without it nothing in SSODB can be decrypted after a loss. Back it up (ssoconfig -backupSecret), keep it in a secure remote place, and declare sso.secretBackup.',
      noPasswordCustody: 'The master secret backup does not say who holds its password or where it is kept (secretBackup.passwordCustody); restoring the secret needs that same password. Declare its holder and location, never the password itself.',
      exportNoFile: 'This configuration creates the SSO master secret server but names no backup file for the secret (SSO_ID_BACKUP_SECRET_FILE). Fill it in before configuring, or declare the backup in the topology (sso.secretBackup).',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    const destination = topo?.section('sso')?.get('secretBackup')?.get('destination');
    // `destination:` written with no value (or an empty string) declares nothing.
    const declared = !isBlank(destination) && destination!.str !== '';
    if (topo && !declared) {
      const sso = topo.section('sso');
      const sb = sso?.get('secretBackup');
      const at = destination ? { range: destination.entryRange } : missingAnchor(topo, ['sso', 'secretBackup']);
      const skeleton = { destination: `\\\\${placeholder('secure server')}\\${placeholder('share')}\\SSO\\master-secret.bak`, lastBackup: placeholder('YYYY-MM-DD') };
      ctx.report({
        doc: topo.doc,
        range: at.range,
        messageId: 'noBackup',
        nodePath: NodePath.topology('sso', 'secretBackup'),
        fix: declaration(
          'Declare the master secret backup',
          destination
            ? ctx.edit.replace(destination, skeleton.destination)
            : sb && sb.isMap
              ? ctx.edit.insertKey(sb, 'destination', skeleton.destination)
              : ctx.edit.ensure(['sso', 'secretBackup'], skeleton),
        ),
      });
    }
    // The backup is declared: restoring it needs the password it was protected with.
    const sb = topo?.section('sso')?.get('secretBackup');
    if (declared && topo && sb) {
      const custody = sb.get('passwordCustody');
      if (isBlank(custody?.get('holder')) || isBlank(custody?.get('location'))) {
        const values = { holder: placeholder('who holds the password'), location: placeholder('where the password is kept') };
        // Keys written empty are filled in; absent keys are inserted together (one edit per offset).
        const keys = ['holder', 'location'] as const;
        const empty = keys.filter((k) => custody?.get(k) && isBlank(custody.get(k)));
        const absent = Object.fromEntries(keys.filter((k) => !custody?.get(k)).map((k) => [k, values[k]]));
        ctx.report({
          doc: topo.doc,
          range: custody ? custody.keyRange : sb.keyRange,
          severity: 'warning',
          messageId: 'noPasswordCustody',
          nodePath: NodePath.topology('sso', 'secretBackup', 'passwordCustody'),
          fix: declaration(
            'Declare who holds the master secret backup password',
            ...(custody && custody.isMap && custody.entries().length
              ? [
                  ...empty.map((k) => { const node = custody.get(k); return node && ctx.edit.replace(node, values[k]); }),
                  Object.keys(absent).length ? insertKeys(ctx, custody, absent) : undefined,
                ]
                : [ctx.edit.setKey(sb, 'passwordCustody', values)]),
          ),
        });
      }
    }
    // A configuration file that creates the master secret server with no backup file. An export never
    // carries the path ("Passwords and Backup file locations are not saved"), so this is a warning,
    // and none at all once the topology declares the backup.
    if (declared) return;
    for (const exp of ctx.ws.configExports) {
      const sso = exp.configExport!.sso;
      if (!sso || !sso.createsSecretServer || sso.backupFile) continue;
      // An empty <Value></Value> has a zero-width content range: point at the whole element instead.
      const valueEl = child(sso.element, 'Value');
      const range =
        sso.backupFileRange && sso.backupFileRange.end > sso.backupFileRange.start
          ? sso.backupFileRange
          : valueEl
            ? { start: valueEl.start, end: valueEl.end }
            : { start: sso.element!.start, end: sso.element!.nameEnd };
      ctx.report({
        doc: exp,
        range,
        severity: 'warning',
        messageId: 'exportNoFile',
        nodePath: NodePath.exportFileValue('SSO_ID_BACKUP_SECRET_FILE'),
      });
    }
  },
});
