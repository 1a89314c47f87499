// The Microsoft documents the rules rest on (see ../../../../docs/rules/*.md for each rule's quote).
const LEARN = 'https://learn.microsoft.com/en-us/biztalk/';

function doc(title: string, path: string) {
  return { title, url: LEARN + path };
}

export const PPFT = doc('Planning Your Platform for Fault Tolerance', 'core/planning-your-platform-for-fault-tolerance');
export const HADB = doc('High Availability for Databases', 'technical-guides/high-availability-for-databases');
export const CFG_JOB = doc('Configure the Backup BizTalk Server Job', 'core/how-to-configure-the-backup-biztalk-server-job');
export const SCHED = doc('Schedule the Backup BizTalk Server Job', 'core/how-to-schedule-the-backup-biztalk-server-job');
export const BACKING_UP_DBS = doc('Backing Up Databases', 'technical-guides/backing-up-databases');
export const KB919776 = {
  title: 'Description of the SQL Server Agent jobs in BizTalk Server (KB 919776)',
  url: 'https://learn.microsoft.com/en-us/troubleshoot/biztalk/sql-server-agent-jobs-biztalk',
};
export const BP_DB = doc('Best Practices for Backing Up and Restoring Databases', 'core/best-practices-for-backing-up-and-restoring-databases');
export const BP_BR = doc('Best Practices for Backup and Restore', 'core/best-practices-for-backup-and-restore');
export const SYS_BOTTLENECKS = doc('System-Level Bottlenecks', 'technical-guides/system-level-bottlenecks');
export const PRECONFIG_DB = doc('Pre-Configuration Database Optimizations', 'technical-guides/pre-configuration-database-optimizations2');
export const CLH = doc('Considerations for Running Adapter Handlers within a Clustered Host', 'core/considerations-for-running-adapter-handlers-within-a-clustered-host1');
export const HA_HOSTS = doc('High Availability for BizTalk Hosts', 'technical-guides/high-availability-for-biztalk-hosts');
export const SORH = doc('Scaled-Out Receiving Hosts', 'core/scaled-out-receiving-hosts');
export const MASTER_SECRET_BACKUP = doc('How to Back Up the Master Secret', 'core/how-to-back-up-the-master-secret');
export const HA_MSS = doc('High Availability for the Master Secret Server', 'technical-guides/high-availability-for-the-master-secret-server');
export const IMPORT_EXPORT_CFG = doc('Import and Export BizTalk Server Configuration', 'install-and-config-guides/import-and-export-biztalk-server-configuration');
export const CK_HA = doc('Checklist: Providing High Availability with Fault Tolerance or Load Balancing', 'technical-guides/checklist-providing-high-availability-with-fault-tolerance-or-load-balancing');
export const BACKUP_COMPUTER = doc('Backing Up a Computer Running BizTalk Server', 'core/backing-up-a-computer-running-biztalk-server');
