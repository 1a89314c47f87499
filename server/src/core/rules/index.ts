// The rule registry. Each rule is one file in this folder; the meta-test checks that every rule has
// its docs page and its tests.
import type { Rule } from './api';
import parseError from './parse-error';
import topologySchema from './topology-schema';
import internalError from './internal-error';
import fileTooLarge from './file-too-large';
import unfilledPlaceholder from './unfilled-placeholder';
import noTopology from './no-topology';
import msgboxNotClustered from './msgbox-not-clustered';
import bamPrimaryImportNotClustered from './bam-primary-import-not-clustered';
import raid0OrNone from './raid0-or-none';
import msgboxBampiNotRaid10 from './msgbox-bampi-not-raid10';
import backupJobMissingOrDisabled from './backup-job-missing-or-disabled';
import backupDestinationLocal from './backup-destination-local';
import backupSameHostOrDisk from './backup-same-host-or-disk';
import restoreNotTested from './restore-not-tested';
import noOffsiteCopy from './no-offsite-copy';
import platformBackupMissing from './platform-backup-missing';
import wssAdapterWithoutSharepointBackup from './wss-adapter-without-sharepoint-backup';
import masterSecretNotBackedUp from './master-secret-not-backed-up';
import ftpSftpReceiveNotClustered from './ftp-sftp-receive-not-clustered';
import hostSingleInstance from './host-single-instance';
import handlerHostUnknown from './handler-host-unknown';
// The rest of the catalogue's core set, and Deployment Framework tokens.
import pop3ReceiveNotClustered from './pop3-receive-not-clustered';
import msmqLocalQueueNotClustered from './msmq-local-queue-not-clustered';
import pollingReceiveNotClustered from './polling-receive-not-clustered';
import isolatedReceiveNoNlb from './isolated-receive-no-nlb';
import fileReceiveLocalPath from './file-receive-local-path';
import clusteredHostRequiresEnterprise from './clustered-host-requires-enterprise';
import unresolvedToken from './unresolved-token';
import runtimeDbNotClustered from './runtime-db-not-clustered';
import sqlStandardNodeLimit from './sql-standard-node-limit';
import agUnsupportedCombo from './ag-unsupported-combo';
import agAsyncCommit from './ag-async-commit';
import agDtcPerDbMissing from './ag-dtc-per-db-missing';
import agBasicStandard from './ag-basic-standard';
import unsupportedHaTech from './unsupported-ha-tech';
import raidUndeclared from './raid-undeclared';
import msgboxMdfLdfSameDisk from './msgbox-mdf-ldf-same-disk';
import logIntervalExceedsRpo from './log-interval-exceeds-rpo';
import noBackupFileCleanup from './no-backup-file-cleanup';
import customDbNotInBackupJob from './custom-db-not-in-backup-job';
import bamOlapNotBackedUp from './bam-olap-not-backed-up';
import masterSecretServerNotClustered from './master-secret-server-not-clustered';
import secretBackupLocal from './secret-backup-local';
import ssodbNotClusteredWithMss from './ssodb-not-clustered-with-mss';
import noLogShippingDestination from './no-log-shipping-destination';
import drPathsMismatch from './dr-paths-mismatch';
import agSecondaryAsBackup from './ag-secondary-as-backup';
import orderedReceiveNotClustered from './ordered-receive-not-clustered';
import simpleRecoveryModel from './simple-recovery-model';
import sqlAgentJobsDisabled from './sql-agent-jobs-disabled';
import agJobsLoginsNotReplicated from './ag-jobs-logins-not-replicated';
import trackingHostRedundancy from './tracking-host-redundancy';
import trackingHostNotDedicated from './tracking-host-not-dedicated';
import agMultisubnet from './ag-multisubnet';
import agBackupUsesNodeName from './ag-backup-uses-node-name';
import unclusteredHostOnSsoClusterNode from './unclustered-host-on-sso-cluster-node';
import msdtcNotClustered from './msdtc-not-clustered';
import fullBackupLongPeriodNoForce from './full-backup-long-period-no-force';
import backupUtcHour from './backup-utc-hour';
import backupNotMonitored from './backup-not-monitored';
import logShareNotHa from './log-share-not-ha';
import failoverNotTested from './failover-not-tested';
import drSqlVersionMismatch from './dr-sql-version-mismatch';
import drCapacityMismatch from './dr-capacity-mismatch';
import msmqRemoteServerNotClustered from './msmq-remote-server-not-clustered';
import netmsmqNotClustered from './netmsmq-not-clustered';
import nonBiztalkBackupMethod from './non-biztalk-backup-method';
import ssasInAvailabilityGroup from './ssas-in-availability-group';
import ssisdbNotInAg from './ssisdb-not-in-ag';
import biztalkComponentsNotBackedUp from './biztalk-components-not-backed-up';
import mqseriesQueueManagerNotClustered from './mqseries-queue-manager-not-clustered';
import configInvalid from './config-invalid';
import suppressionInvalid from './suppression-invalid';
import suppressionExpired from './suppression-expired';
import suppressionUnused from './suppression-unused';

export const allRules: Rule[] = [
  parseError,
  topologySchema,
  internalError,
  fileTooLarge,
  unfilledPlaceholder,
  noTopology,
  msgboxNotClustered,
  bamPrimaryImportNotClustered,
  raid0OrNone,
  msgboxBampiNotRaid10,
  backupJobMissingOrDisabled,
  backupDestinationLocal,
  backupSameHostOrDisk,
  restoreNotTested,
  noOffsiteCopy,
  platformBackupMissing,
  wssAdapterWithoutSharepointBackup,
  masterSecretNotBackedUp,
  ftpSftpReceiveNotClustered,
  hostSingleInstance,
  handlerHostUnknown,
  pop3ReceiveNotClustered,
  msmqLocalQueueNotClustered,
  pollingReceiveNotClustered,
  isolatedReceiveNoNlb,
  fileReceiveLocalPath,
  clusteredHostRequiresEnterprise,
  unresolvedToken,
  runtimeDbNotClustered,
  sqlStandardNodeLimit,
  agUnsupportedCombo,
  agAsyncCommit,
  agDtcPerDbMissing,
  agBasicStandard,
  unsupportedHaTech,
  raidUndeclared,
  msgboxMdfLdfSameDisk,
  logIntervalExceedsRpo,
  noBackupFileCleanup,
  customDbNotInBackupJob,
  bamOlapNotBackedUp,
  masterSecretServerNotClustered,
  secretBackupLocal,
  ssodbNotClusteredWithMss,
  noLogShippingDestination,
  drPathsMismatch,
  agSecondaryAsBackup,
  orderedReceiveNotClustered,
  simpleRecoveryModel,
  sqlAgentJobsDisabled,
  agJobsLoginsNotReplicated,
  trackingHostRedundancy,
  trackingHostNotDedicated,
  agMultisubnet,
  agBackupUsesNodeName,
  unclusteredHostOnSsoClusterNode,
  msdtcNotClustered,
  fullBackupLongPeriodNoForce,
  backupUtcHour,
  backupNotMonitored,
  logShareNotHa,
  failoverNotTested,
  drSqlVersionMismatch,
  drCapacityMismatch,
  msmqRemoteServerNotClustered,
  netmsmqNotClustered,
  nonBiztalkBackupMethod,
  ssasInAvailabilityGroup,
  ssisdbNotInAg,
  biztalkComponentsNotBackedUp,
  mqseriesQueueManagerNotClustered,
  configInvalid,
  suppressionInvalid,
  suppressionExpired,
  suppressionUnused,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
