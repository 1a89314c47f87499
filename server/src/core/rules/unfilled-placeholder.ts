import type { Scalar } from 'yaml';
import { NodePath } from './nodePath';
import { yaml } from '../lazy';
import { severityRank, type Severity } from '../types';
import { defineRule, RuleContext } from './api';

/**
 * Which findings each placeholder a btslint declaration (or suggestion) inserts answers: its label, the
 * part of the topology it stands in (keys from the top, list positions left out) and the rules whose
 * findings it answers. A placeholder keeps the severity of the finding it answers: the highest
 * severity those rules have in this run (`upTo` caps it where the finding was reported lower, as the
 * recovery point objective's info). A label nobody inserted (typed by hand) is a warning.
 * test/meta.test.ts checks that every label a rule writes is here.
 */
export const PLACEHOLDER_ANSWERS: { label: string; under: RegExp; rules: string[]; upTo?: Severity }[] = [
  { label: 'backup server', under: /^backup\.biztalkJob\./, rules: ['backup-job-missing-or-disabled', 'backup-destination-local'] },
  { label: 'share', under: /^backup\.biztalkJob\./, rules: ['backup-job-missing-or-disabled', 'backup-destination-local'] },
  { label: 'job enabled: true or false', under: /^backup\.biztalkJob\./, rules: ['backup-job-missing-or-disabled'] },
  { label: 'backup server', under: /^backup\.bamBackup\./, rules: ['bam-olap-not-backed-up'] },
  { label: 'share', under: /^backup\.bamBackup\./, rules: ['bam-olap-not-backed-up'] },
  { label: 'SSAS backed up: true or false', under: /^backup\.bamBackup\./, rules: ['bam-olap-not-backed-up'] },
  { label: 'backup server', under: /^servers\./, rules: ['platform-backup-missing'] },
  { label: 'share', under: /^servers\./, rules: ['platform-backup-missing'] },
  { label: 'backup server', under: /^sharepoint\./, rules: ['wss-adapter-without-sharepoint-backup'] },
  { label: 'share', under: /^sharepoint\./, rules: ['wss-adapter-without-sharepoint-backup'] },
  { label: 'SharePoint farm', under: /^sharepoint\./, rules: ['wss-adapter-without-sharepoint-backup'] },
  { label: 'secure server', under: /^sso\./, rules: ['master-secret-not-backed-up', 'secret-backup-local'] },
  { label: 'share', under: /^sso\./, rules: ['master-secret-not-backed-up', 'secret-backup-local'] },
  { label: 'YYYY-MM-DD', under: /^sso\./, rules: ['master-secret-not-backed-up'] },
  { label: 'who holds the password', under: /^sso\./, rules: ['master-secret-not-backed-up'], upTo: 'warning' },
  { label: 'where the password is kept', under: /^sso\./, rules: ['master-secret-not-backed-up'], upTo: 'warning' },
  { label: 'master secret server', under: /^sso\./, rules: ['master-secret-server-not-clustered'] },
  { label: 'SSO clustered: true or false', under: /^sso\./, rules: ['master-secret-server-not-clustered'] },
  { label: 'YYYY-MM-DD', under: /^backup\.restoreTest\./, rules: ['restore-not-tested'] },
  { label: 'days between restore tests', under: /^backup\.restoreTest\./, rules: ['restore-not-tested'] },
  { label: 'cleanup method', under: /^backup\.biztalkJob\.fileRetention\./, rules: ['no-backup-file-cleanup'] },
  { label: 'days of backup files kept', under: /^backup\.biztalkJob\.fileRetention\./, rules: ['no-backup-file-cleanup'] },
  { label: 'off-site location', under: /^backup\.offsite\./, rules: ['no-offsite-copy'] },
  { label: 'off-site schedule', under: /^backup\.offsite\./, rules: ['no-offsite-copy'] },
  { label: 'copies kept off site', under: /^backup\.offsite\./, rules: ['no-offsite-copy'] },
  { label: 'SQL instance', under: /^backup\.biztalkJob\.otherDatabases\./, rules: ['custom-db-not-in-backup-job'] },
  { label: 'minutes of data you may lose', under: /^policy\./, rules: ['log-interval-exceeds-rpo'], upTo: 'info' },
  { label: 'DR SQL instance', under: /^dr\./, rules: ['no-log-shipping-destination'] },
  { label: 'log shipping: biztalk or none', under: /^dr\./, rules: ['no-log-shipping-destination'] },
  { label: 'first server', under: /^hosts\./, rules: ['host-single-instance', 'handler-host-unknown'] },
  { label: 'second server', under: /^hosts\./, rules: ['host-single-instance', 'handler-host-unknown'] },
  { label: 'clustered: true or false', under: /^hosts\./, rules: ['handler-host-unknown'] },
  { label: 'load balancer', under: /^hosts\./, rules: ['isolated-receive-no-nlb'] },
  { label: 'second server', under: /^nlb\./, rules: ['isolated-receive-no-nlb'] },
  { label: 'clustered MSMQ resource', under: /^(hosts|msmqServers)\./, rules: ['msmq-local-queue-not-clustered'] },
  { label: 'first SQL node', under: /^sqlInstances\./, rules: ['msgbox-not-clustered', 'bam-primary-import-not-clustered', 'runtime-db-not-clustered', 'ssodb-not-clustered-with-mss'] },
  { label: 'second SQL node', under: /^sqlInstances\./, rules: ['msgbox-not-clustered', 'bam-primary-import-not-clustered', 'runtime-db-not-clustered', 'ssodb-not-clustered-with-mss'] },
  { label: 'RAID level: 10, 1, 5, 6, 0 or none', under: /^sqlInstances\./, rules: ['raid-undeclared', 'msgbox-bampi-not-raid10'] },
  { label: 'drive, e.g. E:', under: /^sqlInstances\./, rules: ['msgbox-bampi-not-raid10'] },
  { label: 'DTC support: perDatabase or none', under: /^sqlInstances\./, rules: ['ag-dtc-per-db-missing'] },
  { label: 'highly available: true or false', under: /^fileShares\./, rules: ['file-receive-local-path'] },
  // The coverage rules.
  { label: 'true once DTA Purge and Archive is configured and enabled', under: /^sqlAgentJobs\./, rules: ['sql-agent-jobs-disabled'] },
  { label: 'true if every default BizTalk job is enabled', under: /^sqlAgentJobs\./, rules: ['sql-agent-jobs-disabled'] },
  { label: 'true once the jobs are on every replica, guarded', under: /^sqlInstances\./, rules: ['ag-jobs-logins-not-replicated'] },
  { label: 'true once the logins are on every replica', under: /^sqlInstances\./, rules: ['ag-jobs-logins-not-replicated'] },
  { label: 'YYYY-MM-DD', under: /^sqlInstances\./, rules: ['failover-not-tested'] },
  { label: 'backup server', under: /^backup\.(configurationExport|applications)\./, rules: ['biztalk-components-not-backed-up'] },
  { label: 'share', under: /^backup\.(configurationExport|applications)\./, rules: ['biztalk-components-not-backed-up'] },
  { label: 'YYYY-MM-DD', under: /^backup\.(configurationExport|applications)\./, rules: ['biztalk-components-not-backed-up'] },
  { label: 'true once the queue manager and its MQSeries Server are clustered', under: /^mqQueueManagers\./, rules: ['mqseries-queue-manager-not-clustered'], upTo: 'info' },
  { label: 'true once MSDTC is a clustered resource', under: /^biztalk\./, rules: ['msdtc-not-clustered'] },
  { label: 'tracking host', under: /^hosts\./, rules: ['tracking-host-redundancy'] },
  { label: 'first server', under: /^hosts\./, rules: ['tracking-host-redundancy'] },
  { label: 'second server', under: /^hosts\./, rules: ['tracking-host-redundancy'] },
  { label: 'another server', under: /^hosts\./, rules: ['tracking-host-redundancy'] },
  { label: 'true once the host is clustered', under: /^hosts\./, rules: ['netmsmq-not-clustered'] },
  { label: 'true once ForceFullBackupAfterPartialSetFailure is 1', under: /^backup\.biztalkJob\./, rules: ['full-backup-long-period-no-force'] },
  { label: 'true once UseLocalTime is 1', under: /^backup\.biztalkJob\./, rules: ['backup-utc-hour'] },
  { label: 'true once a failure raises an alert', under: /^(backup\.biztalkJob|dr)\.monitoring\./, rules: ['backup-not-monitored'] },
  { label: 'monitoring tool', under: /^(backup\.biztalkJob|dr)\.monitoring\./, rules: ['backup-not-monitored'] },
  { label: 'true once the share is clustered or on a SAN', under: /^fileShares\./, rules: ['log-share-not-ha'] },
  { label: 'true once MSMQ is a clustered resource', under: /^msmqServers\./, rules: ['msmq-remote-server-not-clustered'], upTo: 'info' },
];

/** The severity of the finding a placeholder answers, or undefined for a label btslint never writes. */
export function answeredSeverity(ctx: Pick<RuleContext, 'severityOf'>, label: string, path: string): Severity | undefined {
  const entries = PLACEHOLDER_ANSWERS.filter((a) => a.label === label && a.under.test(path));
  if (!entries.length) return undefined;
  let best: Severity = 'info';
  for (const a of entries) {
    for (const id of a.rules) {
      let s = ctx.severityOf(id);
      if (!s) continue;
      if (a.upTo && severityRank(s) > severityRank(a.upTo)) s = a.upTo;
      if (severityRank(s) > severityRank(best)) best = s;
    }
  }
  return best;
}

export default defineRule({
  meta: {
    id: 'unfilled-placeholder',
    description: 'A value is still a <<placeholder>> that a btslint quick-fix inserted and nobody has filled in.',
    // Each finding has the severity of the finding its placeholder answers (at most this level).
    defaultSeverity: 'error',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [],
    messages: {
      unfilled: '{{placeholder}} still stands for a real value: a quick-fix inserted it. Fill in {{what}}.',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    const re = /<<([^<>\r\n]{1,80})>>/g;
    yaml().visit(topo.root.doc, {
      Scalar(_key, node: Scalar, path) {
        if (!yaml().isScalar(node) || typeof node.value !== 'string' || !node.range) return;
        const value = node.value;
        if (!value.includes('<<')) return;
        const raw = topo.doc.text.slice(node.range[0], node.range[1]);
        // Where it stands: the keys from the top (list positions left out), e.g. `backup.biztalkJob.fullDestination`.
        const keys = path.filter((p) => yaml().isPair(p)).map((p) => {
          const k = (p as { key: unknown }).key;
          return String(yaml().isScalar(k) ? (k).value : k);
        });
        const where = keys.join('.') + '.';
        for (const m of raw.matchAll(re)) {
          const start = node.range[0] + m.index;
          ctx.report({
            doc: topo.doc,
            range: { start, end: start + m[0].length },
            messageId: 'unfilled',
            data: { placeholder: m[0], what: m[1] },
            nodePath: NodePath.id('placeholder', m[0]),
            severity: answeredSeverity(ctx, m[1], where) ?? 'warning',
          });
        }
      },
    });
  },
});
