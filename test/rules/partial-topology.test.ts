// No rule crashes on a partial or mistyped topology. A topology is written by hand and linted while it is
// typed: any key may be missing, empty or of the wrong type (the schema reports that; the rules must
// still run). Every rule runs, with the example workspace's bindings, configuration export and
// Deployment Framework files, on a topology that declares every section, then on one variant per node
// of it: the node removed, and its value replaced by null, an empty map, an empty list and a string.
// A rule that throws is reported as internal-error, which fails here with the variant that caused it.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { lint, readDocument } from '../../server/src/core';
import { repoRoot } from '../helpers/paths';

const FULL = {
  topology: 1,
  environment: 'production',
  biztalk: { version: '2020', edition: 'Standard', cumulativeUpdate: 'CU2', msdtcClustered: true },
  policy: { rpoMinutes: 15 },
  servers: [{ name: 'BTSAPP01', roles: ['biztalk', 'iis'], backup: { windows: { schedule: 'daily', destination: '\\\\backup01\\platform' }, iis: { schedule: 'weekly', destination: '\\\\backup01\\iis' } } }],
  sqlInstances: [
    {
      name: 'SQLBTS\\BTS',
      version: '2019',
      edition: 'Standard',
      haMethod: 'failover-cluster',
      failoverCluster: { nodes: ['SQLNODE1', 'SQLNODE2', 'SQLNODE3'], lastFailoverTest: '2024-01-01' },
      volumes: [
        { drive: 'E:', raid: 5, holds: ['data'] },
        { drive: 'L:', raid: 0, holds: ['log'] },
      ],
      databases: [
        { name: 'BizTalkMsgBoxDb', role: 'messagebox', dataVolume: 'E:', logVolume: 'E:', recoveryModel: 'simple' },
        { name: 'BizTalkMgmtDb', dataVolume: 'E:', logVolume: 'L:' },
        { role: 'bam-primary-import', dataVolume: 'E:', logVolume: 'L:' },
        { name: 'SSODB' },
        { name: 'ContosoOrders', dataVolume: 'E:', logVolume: 'L:', custom: true },
        { name: 'SSISDB' },
        { name: 'BAMAnalysis' },
      ],
    },
    {
      name: 'SQLAG',
      version: '2016',
      edition: 'Standard',
      availabilityGroup: { name: 'AG1', listener: 'AGL', availabilityMode: 'asynchronous', dtcSupport: 'none', multiSubnet: true, replicateJobs: false, replicateLogins: false, replicas: ['N1', 'N2'], lastFailoverTest: '2020-01-01' },
      databases: [{ name: 'BizTalkDTADb', role: 'tracking', availabilityGroup: 'AG-T' }, { name: 'BizTalkRuleEngineDb', role: 'rule-engine', availabilityGroup: 'ag-t' }, { name: 'BAMAnalysis', role: 'bam-analysis' }],
    },
  ],
  hosts: [
    { name: 'BizTalkServerApplication', type: 'in-process', clustered: false, instances: ['BTSAPP01'], tracking: true },
    { name: 'ReceiveHost', type: 'in-process', clustered: true, instances: ['BTSAPP01', 'SQLNODE1'], tracking: false },
    { name: 'IsolatedHost', type: 'isolated', instances: ['BTSAPP01', 'BTSAPP02'] },
  ],
  sso: { masterSecretServer: 'SQLNODE1', clustered: false, secretBackup: { destination: 'C:\\secret.bak', lastBackup: '2020-01-01' } },
  backup: {
    biztalkJob: {
      enabled: true,
      fullFrequency: 'm',
      fullDestination: 'E:\\full',
      logDestination: '\\\\backup01\\bts\\log',
      logIntervalMinutes: 60,
      daysToKeep: 14,
      useLocalTime: true,
      forceFullAfterPartialFailure: false,
      fileRetention: { method: 'none', daysToKeep: 3 },
      monitoring: { alertOnFailure: false, tool: 'SCOM' },
      otherDatabases: [{ name: 'ContosoOrders', server: 'SQLNODE1' }],
    },
    bamBackup: { ssasBackup: false },
    otherMethods: ['ag-secondary', 'vm-snapshot'],
    offsite: { location: 'blob', schedule: 'daily', copies: 0 },
    restoreTest: { last: '2020-01-01', everyDays: 30 },
  },
  sqlAgentJobs: { dtaPurgeAndArchive: false, defaultJobsEnabled: false },
  sharepoint: [{ name: 'PORTAL', backup: { schedule: 'daily', destination: '\\\\backup01\\sp' } }],
  dr: { logShipping: 'biztalk', destinationInstances: ['DRSQL\\BTS'], pathsMatch: false, shareHighlyAvailable: false, monitoring: { alertOnFailure: false } },
  fileShares: [{ path: '\\\\backup01\\bts', highlyAvailable: false }, { path: '\\\\files\\in' }],
  msmqServers: [{ name: 'MSMQ01', clustered: false }],
  nlb: [{ name: 'NLB1', hosts: ['IsolatedHost'] }],
};

type Json = unknown;
const VALUES: Json[] = [null, {}, [], 'x'];

/** Every variant: each node removed, and each node's value replaced by each of VALUES. */
function* variants(root: Json): Generator<{ label: string; value: Json }> {
  const walk = function* (node: Json, at: (string | number)[]): Generator<(string | number)[]> {
    if (node && typeof node === 'object') {
      for (const [k, v] of Array.isArray(node) ? node.map((x, i) => [i, x] as const) : Object.entries(node)) {
        yield [...at, k];
        yield* walk(v, [...at, k]);
      }
    }
  };
  for (const at of walk(root, [])) {
    const edit = (change: (parent: Record<string | number, Json> | Json[], key: string | number) => void): Json => {
      const copy = structuredClone(root) as Record<string, Json>;
      let parent: Json = copy;
      for (const k of at.slice(0, -1)) parent = (parent as Record<string | number, Json>)[k];
      change(parent as Record<string | number, Json>, at[at.length - 1]);
      return copy;
    };
    yield { label: `${at.join('.')} removed`, value: edit((p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k])) };
    for (const v of VALUES) yield { label: `${at.join('.')} = ${JSON.stringify(v)}`, value: edit((p, k) => ((p as Record<string | number, Json>)[k] = structuredClone(v))) };
  }
}

function examples(): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const dir = path.join(repoRoot(), 'examples');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/topology/.test(e.name)) out[path.relative(dir, p).replace(/\\/g, '/')] = fs.readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

describe('every rule on a partial topology', () => {
  const others = Object.entries(examples());
  const failures = (topology: Json, asJson: boolean) => {
    const text = asJson ? JSON.stringify(topology, null, 2) : stringify(topology);
    const docs = [readDocument(asJson ? 'prod.topology.json' : 'prod.topology.yaml', text), ...others.map(([n, c]) => readDocument(n, c))];
    return lint(docs, { now: new Date('2026-12-01T00:00:00Z') }).filter((f) => f.ruleId === 'internal-error');
  };

  it('the full topology is read without a schema finding and the rules find its gaps', () => {
    const docs = [readDocument('prod.topology.yaml', stringify(FULL)), ...others.map(([n, c]) => readDocument(n, c))];
    const findings = lint(docs, { now: new Date('2026-12-01T00:00:00Z') });
    assert.deepEqual(findings.filter((f) => ['internal-error', 'parse-error'].includes(f.ruleId)).map((f) => f.message), []);
    // The full topology exercises many rules (each variant then takes away what one of them reads).
    assert.ok(new Set(findings.map((f) => f.ruleId)).size >= 30, `rules that found something: ${[...new Set(findings.map((f) => f.ruleId))].join(', ')}`);
  });

  it('no rule throws with any node removed, null, empty or of another type (YAML)', () => {
    let n = 0;
    const crashes: string[] = [];
    for (const v of variants(FULL)) {
      n++;
      for (const f of failures(v.value, false)) crashes.push(`${v.label}: ${f.message}`);
    }
    assert.ok(n > 500, `${n} variants`);
    assert.deepEqual(crashes, []);
  });

  it('no rule throws on the JSON form of each removal', () => {
    const crashes: string[] = [];
    for (const v of variants(FULL)) {
      if (!v.label.endsWith(' removed')) continue;
      for (const f of failures(v.value, true)) crashes.push(`${v.label}: ${f.message}`);
    }
    assert.deepEqual(crashes, []);
  });
});
