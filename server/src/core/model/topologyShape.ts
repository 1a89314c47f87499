// The shape of a topology file (schemas/topology.schema.json, the format of docs/topology.md) as a
// value and a type: which keys each map has, which keys hold lists and of what. TopologyView's root
// is an LNode<TopologyShape>, so a rule's `topo.biztalkJob()?.get('logDestination')`
// is checked by the compiler: a key the format does not have does not compile, a list is read with
// items(), and every read is `| undefined` (a topology is partial while it is typed: any key may be
// missing, empty or of another type; test/rules/partial-topology.test.ts runs every rule so).
// test/core/topologyShape.test.ts keeps this in step with the schema.

/** A scalar value (string, number, boolean): no keys below it. */
export const SCALAR = 'scalar' as const;
export type Scalar = typeof SCALAR;

const BACKUP_TARGET = { schedule: SCALAR, destination: SCALAR } as const;
const MONITORING = { alertOnFailure: SCALAR, tool: SCALAR } as const;

export const SQL_INSTANCE_SHAPE = {
  name: SCALAR,
  version: SCALAR,
  servicePack: SCALAR,
  cumulativeUpdate: SCALAR,
  edition: SCALAR,
  failoverCluster: { nodes: [SCALAR], virtualName: SCALAR, activeActive: SCALAR, lastFailoverTest: SCALAR },
  availabilityGroup: { name: SCALAR, listener: SCALAR, availabilityMode: SCALAR, dtcSupport: SCALAR, multiSubnet: SCALAR, replicatedJobs: SCALAR, replicatedLogins: SCALAR, replicas: [SCALAR], lastFailoverTest: SCALAR },
  haMethod: SCALAR,
  volumes: [{ drive: SCALAR, raid: SCALAR, holds: [SCALAR], shared: SCALAR }],
  databases: [{ name: SCALAR, role: SCALAR, dataVolume: SCALAR, logVolume: SCALAR, recoveryModel: SCALAR, availabilityGroup: SCALAR, custom: SCALAR }],
} as const;

export const HOST_SHAPE = { name: SCALAR, type: SCALAR, clustered: SCALAR, instances: [SCALAR], tracking: SCALAR, clusterGroup: SCALAR, dependsOn: [SCALAR], nlb: SCALAR } as const;

export const TOPOLOGY_SHAPE = {
  $schema: SCALAR,
  topology: SCALAR,
  environment: SCALAR,
  biztalk: { group: SCALAR, version: SCALAR, cumulativeUpdate: SCALAR, edition: SCALAR, msdtcClustered: SCALAR },
  policy: { rpoMinutes: SCALAR, rtoMinutes: SCALAR },
  servers: [{ name: SCALAR, roles: [SCALAR], backup: { windows: BACKUP_TARGET, iis: BACKUP_TARGET, sql: BACKUP_TARGET, sharepoint: BACKUP_TARGET } }],
  sqlInstances: [SQL_INSTANCE_SHAPE],
  hosts: [HOST_SHAPE],
  sso: { masterSecretServer: SCALAR, clustered: SCALAR, clusterGroup: SCALAR, nodes: [SCALAR], secretBackup: { destination: SCALAR, lastBackup: SCALAR, passwordCustody: { holder: SCALAR, location: SCALAR } } },
  sqlAgentJobs: { dtaPurgeAndArchive: SCALAR, defaultJobsEnabled: SCALAR },
  backup: {
    biztalkJob: {
      enabled: SCALAR,
      fullFrequency: SCALAR,
      fullDestination: SCALAR,
      logDestination: SCALAR,
      logIntervalMinutes: SCALAR,
      daysToKeep: SCALAR,
      forceFullAfterPartialFailure: SCALAR,
      backupHour: SCALAR,
      useLocalTime: SCALAR,
      fileRetention: { method: SCALAR, daysToKeep: SCALAR },
      monitoring: MONITORING,
      otherDatabases: [{ name: SCALAR, server: SCALAR }],
    },
    bamBackup: { ssasBackup: SCALAR, schedule: SCALAR, destination: SCALAR },
    configurationExport: { destination: SCALAR, lastExport: SCALAR },
    applications: { destination: SCALAR, lastExport: SCALAR },
    offsite: { location: SCALAR, schedule: SCALAR, copies: SCALAR },
    restoreTest: { last: SCALAR, everyDays: SCALAR },
    otherMethods: [SCALAR],
  },
  sharepoint: [{ name: SCALAR, siteUrls: [SCALAR], backup: BACKUP_TARGET }],
  dr: { logShipping: SCALAR, destinationInstances: [SCALAR], pathsMatch: SCALAR, shareHighlyAvailable: SCALAR, monitoring: MONITORING },
  fileShares: [{ path: SCALAR, highlyAvailable: SCALAR }],
  mqQueueManagers: [{ name: SCALAR, clustered: SCALAR }],
  msmqServers: [{ name: SCALAR, clustered: SCALAR, version: SCALAR }],
  nlb: [{ name: SCALAR, nodes: [SCALAR] }],
} as const;

export type TopologyShape = typeof TOPOLOGY_SHAPE;
export type SqlInstanceShape = typeof SQL_INSTANCE_SHAPE;
export type HostShape = typeof HOST_SHAPE;
/* eslint-disable @typescript-eslint/no-explicit-any -- any: below a node of no known shape, nothing is known */
/** The shape of a list's items. */
export type ItemShape<S> = unknown extends S ? any : S extends readonly (infer I)[] ? I : any;
export type DatabaseShape = ItemShape<SqlInstanceShape['databases']>;
export type VolumeShape = ItemShape<SqlInstanceShape['volumes']>;

/** The keys a node of shape S may have: any string for an unknown shape, none for a scalar or a list. */
export type KeyOf<S> = unknown extends S ? string : S extends Scalar ? never : S extends readonly unknown[] ? never : keyof S & string;

/** The shape under key K. */
export type ChildShape<S, K> = unknown extends S ? any : K extends keyof S ? S[K] : any;
/* eslint-enable @typescript-eslint/no-explicit-any */
