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

// Sources of the rest of the catalogue's core set.
export const CLUSTERING_RECEIVING_HOSTS = doc('Clustering Receiving Hosts', 'technical-guides/clustering-receiving-hosts');
export const SCALED_OUT_SENDING = doc('Scaled-Out Sending Hosts', 'core/scaled-out-sending-hosts');
export const PLANNING_ENVIRONMENT = doc('Planning the Environment for BizTalk Server', 'technical-guides/planning-the-environment-for-biztalk-server');
export const CLUSTERING_DBS = doc('Clustering the BizTalk Server Databases', 'technical-guides/clustering-the-biztalk-server-databases2');
export const SQL_EDITIONS = {
  title: 'Editions and supported features of SQL Server 2019',
  url: 'https://learn.microsoft.com/en-us/sql/sql-server/editions-and-components-of-sql-server-2019',
};
export const SQL_AG_TRANSACTIONS = {
  title: 'Transactions: availability groups and database mirroring',
  url: 'https://learn.microsoft.com/en-us/sql/database-engine/availability-groups/windows/transactions-always-on-availability-and-database-mirroring',
};
export const AG = doc('High Availability using SQL Server Always On Availability Groups', 'core/high-availability-using-sql-server-always-on-availability-groups');
export const MIRRORING_VSS = doc('SQL Server Database Mirroring, Volume Shadow Copy Service, and AlwaysOn', 'core/sql-server-database-mirroring-volume-shadow-copy-service-and-alwayson');
export const WHAT_IS_LOG_SHIPPING = doc('What Is BizTalk Server Log Shipping?', 'technical-guides/what-is-biztalk-server-log-shipping');
export const DISK_CONTENTION = doc('How to Avoid Disk Contention', 'technical-guides/how-to-avoid-disk-contention2');
export const CUSTOM_DBS = doc('How to Back Up Custom Databases', 'core/how-to-back-up-custom-databases');
export const BACKUP_RESTORE_DBS = doc('Backing Up and Restoring BizTalk Server Databases', 'core/backing-up-and-restoring-biztalk-server-databases');
export const BAM_ANALYSIS_BACKUP = doc('How to Back Up the BAM Analysis and Tracking Analysis Server Databases', 'core/how-to-back-up-the-bam-analysis-and-tracking-analysis-server-databases');
export const POST_CONFIG = doc('Post-configuration steps to optimize your environment', 'install-and-config-guides/post-configuration-steps-to-optimize-your-environment');
export const MSS = doc('Master Secret Server', 'core/master-secret-server');
export const CLUSTERING_MSS = doc('Clustering the Master Secret Server', 'technical-guides/clustering-the-master-secret-server');
export const CK_DR = doc('Checklist: Increasing Availability with Disaster Recovery', 'technical-guides/checklist-increasing-availability-with-disaster-recovery');
export const DR_SQL = doc('Preparing the Disaster Recovery SQL Servers', 'technical-guides/preparing-the-disaster-recovery-sql-servers');
export const LOG_SHIPPING_DEST = doc('How to Configure the Destination System for Log Shipping', 'core/how-to-configure-the-destination-system-for-log-shipping');
export const LOG_SHIPPING = doc('Log Shipping', 'core/log-shipping');
export const HA_DB_PLANNING = doc('Planning for Database Availability', 'technical-guides/planning-for-database-availability');

// Sources of the coverage rules.
export const PLANNING_TRACKING = doc('Planning for Tracking', 'technical-guides/planning-for-tracking');
export const DB_JOBS = doc('Database Structure and Jobs', 'core/database-structure-and-jobs');
export const DEDICATED_TRACKING_HOST = doc('Configuring a Dedicated Tracking Host', 'technical-guides/configuring-a-dedicated-tracking-host');
export const SCALING_PROCESSING_HOSTS = doc('Scaling Out Processing Hosts', 'technical-guides/scaling-out-processing-hosts');
export const CLUSTER_INSTALL = doc('Considerations for Installing BizTalk Server on a Windows Server Cluster', 'core/considerations-for-installing-biztalk-server-on-a-windows-server-cluster2');
export const AVAILABILITY_TESTING = doc('Performing Availability Testing', 'technical-guides/performing-availability-testing');
export const BACKUP_CONFIGURATION = doc('How to Back Up The BizTalk Server Configuration', 'core/how-to-back-up-the-biztalk-server-configuration');
export const BACKUP_APPLICATIONS = doc('Backing Up BizTalk Server Applications', 'core/backing-up-biztalk-server-applications');
export const BACKUP_BAM_PORTAL = doc('How to Back Up the BAM Portal', 'core/how-to-back-up-the-bam-portal');
