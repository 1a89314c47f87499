// Real binding files from the shared corpus (read in place, never copied) joined with a topology
// written here: every fault-tolerance gap the topology leaves open is reported by the rule that owns
// it, at the node it concerns (positions found by searching the real text, not hard-coded); the
// same workspace with the gaps closed gets no finding at all from the check rules.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { applyEdits, BtsDocument, Finding, lint, readDocument } from '../../server/src/core';
import { corpusFile } from '../helpers/paths';

const NOW = new Date('2026-12-01T00:00:00Z');

/** The check rules of the seed set (parse-error, topology-schema and internal-error are the engine's). */
const CHECK_RULES = [
  'msgbox-not-clustered',
  'bam-primary-import-not-clustered',
  'raid0-or-none',
  'msgbox-bampi-not-raid10',
  'backup-job-missing-or-disabled',
  'backup-destination-local',
  'backup-same-host-or-disk',
  'restore-not-tested',
  'no-offsite-copy',
  'platform-backup-missing',
  'wss-adapter-without-sharepoint-backup',
  'master-secret-not-backed-up',
  'ftp-sftp-receive-not-clustered',
  'host-single-instance',
  'handler-host-unknown',
  'unfilled-placeholder',
];

// The real files: FTP receive and send on BizTalkServerApplication; FILE and HTTP on
// BizTalkServerApplication and BizTalkServerIsolatedHost; MSMQ send and receive (a CRLF file).
const FTP = 'Azure__aimbiztalk__scenarios__001-FtpPassthru__bindings__Bindings.xml';
const BOOTCAMP = 'Apress__pro-biztalk-2006__Samples__Chapter06__Exception_Management__Msft.BizTalk.ExceptionMgmt__Setup__BootCamp.Orchestration.Exception.Test.BindingInfo.xml';
const MSMQ = 'Apress__biztalk-2006-recipes__1590597117-1__Chapter04__Recipe_4.15__4_-_15_--_Maintaining_Message_Order.zip__SequentialConvoyOrchestration__Bindings.xml';

const T = 'prod.topology.yaml';

/** A topology with one known gap per check rule (except WSS: no corpus binding uses SharePoint). */
const GAPS = `topology: 1
environment: production
servers:
  - name: BTS01
    roles: [biztalk]
    backup: { windows: { schedule: daily, destination: '\\\\backup01\\platform\\BTS01' } }
  - name: SQL01
    roles: [sql]
sqlInstances:
  - name: SQL01
    volumes:
      - { drive: 'E:', raid: 0, holds: [data] }
      - { drive: 'F:', raid: 5, holds: [data] }
      - { drive: 'L:', raid: 1, holds: [log] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:', logVolume: 'L:' }
      - { name: BAMPrimaryImport, dataVolume: 'F:', logVolume: 'L:' }
hosts:
  - name: BizTalkServerApplication
    type: in-process
    instances: [BTS01, BTS02]
backup:
  biztalkJob:
    enabled: false
    fullDestination: 'E:\\Backups\\Full'
    logDestination: '\\\\backup01\\bts\\log'
  restoreTest: { last: 2026-01-15, everyDays: 30 }
dr:
  destinationInstances: ['<<DR SQL instance>>']
`;

/** The same deployment with every gap closed. */
const CLOSED = `topology: 1
environment: production
servers:
  - name: BTS01
    roles: [biztalk, iis]
    backup:
      windows: { schedule: daily, destination: '\\\\backup01\\platform\\BTS01' }
      iis: { schedule: weekly, destination: '\\\\backup01\\platform\\BTS01-iis' }
  - name: BTS02
    roles: [biztalk, iis]
    backup:
      windows: { schedule: daily, destination: '\\\\backup01\\platform\\BTS02' }
      iis: { schedule: weekly, destination: '\\\\backup01\\platform\\BTS02-iis' }
  - name: SQLNODE1
    roles: [sql]
    backup:
      windows: { schedule: daily, destination: '\\\\backup01\\platform\\SQLNODE1' }
      sql: { schedule: daily, destination: '\\\\backup01\\platform\\SQLNODE1-sql' }
  - name: SQLNODE2
    roles: [sql]
    backup:
      windows: { schedule: daily, destination: '\\\\backup01\\platform\\SQLNODE2' }
      sql: { schedule: daily, destination: '\\\\backup01\\platform\\SQLNODE2-sql' }
sqlInstances:
  - name: SQL01
    failoverCluster: { nodes: [SQLNODE1, SQLNODE2] }
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
      - { drive: 'F:', raid: 10, holds: [data] }
      - { drive: 'L:', raid: 1, holds: [log] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:', logVolume: 'L:' }
      - { name: BAMPrimaryImport, dataVolume: 'F:', logVolume: 'L:' }
hosts:
  - name: BizTalkServerApplication
    type: in-process
    clustered: true
    instances: [BTS01, BTS02]
  - name: BizTalkServerIsolatedHost
    type: isolated
    instances: [BTS01, BTS02]
sso:
  masterSecretServer: SSOCLU
  secretBackup: { destination: '\\\\vault01\\sso\\master-secret.bak', lastBackup: 2026-10-01, passwordCustody: { holder: SSO administrators, location: 'KeePass BTS-PROD' } }
backup:
  biztalkJob:
    enabled: true
    fullDestination: '\\\\backup01\\bts\\full'
    logDestination: '\\\\backup01\\bts\\log'
  offsite: { location: 'contoso-dr blob storage', schedule: daily, copies: 3 }
  restoreTest: { last: 2026-11-20, everyDays: 30 }
dr:
  destinationInstances: ['DRSQL01']
`;

type Range = [number, number, number, number];

/** 1-based line and column of an offset, counted here from the raw text (not with the core's LineIndex). */
function lineCol(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - (before.lastIndexOf('\n') + 1) + 1];
}

/** The range of `value` where it follows `prefix` (the `n`th such place) in `text`. */
function rangeAfter(text: string, prefix: string, value: string, n = 1): Range {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(prefix + value, at + 1);
    assert.ok(at >= 0, `"${prefix}${value}" (occurrence ${k + 1}) not found`);
  }
  const start = at + prefix.length;
  return [...lineCol(text, start), ...lineCol(text, start + value.length)] as Range;
}

function rangeOf(doc: BtsDocument, f: Finding): Range {
  const s = doc.lines().position(f.range.start);
  const e = doc.lines().position(f.range.end);
  return [s.line + 1, s.character + 1, e.line + 1, e.character + 1];
}

interface Workspace {
  texts: Record<string, string>;
  docs: BtsDocument[];
  findings: Finding[];
}

function workspace(topology: string): Workspace {
  const texts: Record<string, string> = { [T]: topology };
  const docs = [readDocument(T, topology)];
  for (const [uri, name] of [['ftp.BindingInfo.xml', FTP], ['bootcamp.BindingInfo.xml', BOOTCAMP], ['msmq.BindingInfo.xml', MSMQ]]) {
    const bytes = fs.readFileSync(corpusFile(name));
    const doc = readDocument(uri, bytes);
    texts[uri] = doc.text;
    docs.push(doc);
  }
  return { texts, docs, findings: lint(docs, { now: NOW }) };
}

function show(ws: Workspace, list: Finding[]): string {
  return list.map((f) => `  ${f.ruleId} ${f.uri} ${JSON.stringify(rangeOf(ws.docs.find((d) => d.uri === f.uri)!, f))} ${f.severity}: ${f.message}`).join('\n');
}

describe('corpus bindings joined with a topology', () => {
  it('the real files read cleanly, and the topologies follow the schema', () => {
    for (const ws of [workspace(GAPS), workspace(CLOSED)]) {
      const reader = ws.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'topology-schema');
      assert.deepEqual(reader, [], `reader findings:\n${show(ws, reader)}`);
      assert.equal(ws.docs.filter((d) => d.kind === 'binding').length, 3);
    }
  });

  it('every gap is reported by its rule at its node, and nothing else', () => {
    const ws = workspace(GAPS);
    const ftp = ws.texts['ftp.BindingInfo.xml'];
    const bootcamp = ws.texts['bootcamp.BindingInfo.xml'];
    // Independently counted: every handler the three files run in BizTalkServerApplication.
    const appHandlers = Object.entries(ws.texts)
      .filter(([uri]) => uri.endsWith('.xml'))
      .reduce((n, [, text]) => n + (text.match(/<(Send|Receive)Handler Name="BizTalkServerApplication"/g) ?? []).length, 0);
    assert.equal(appHandlers, 2 + 6 + 2, 'handlers in BizTalkServerApplication across the three corpus files');
    // And the orchestrations bound to it (ModuleRef/Services/Service/Host).
    const appOrchestrations = Object.entries(ws.texts)
      .filter(([uri]) => uri.endsWith('.xml'))
      .reduce((n, [, text]) => n + (text.match(/<Host Name="BizTalkServerApplication"/g) ?? []).length, 0);
    assert.ok(appOrchestrations > 0, 'orchestrations in BizTalkServerApplication across the three corpus files');

    const expected: { rule: string; uri: string; range: Range; severity: string; message?: RegExp }[] = [
      {
        rule: 'ftp-sftp-receive-not-clustered',
        uri: 'ftp.BindingInfo.xml',
        range: rangeAfter(ftp, '<ReceiveHandler Name="', 'BizTalkServerApplication'),
        severity: 'error',
        message: /^Receive location "FtpReceiveLocation" \(FTP\) runs in host "BizTalkServerApplication", which has 2 instances and is not clustered/,
      },
      {
        rule: 'handler-host-unknown',
        uri: 'bootcamp.BindingInfo.xml',
        range: rangeAfter(bootcamp, '<ReceiveHandler Name="', 'BizTalkServerIsolatedHost'),
        severity: 'info',
        message: /^Receive location "Process\.EAIProcess_RequestPort_HTTP" runs in host "BizTalkServerIsolatedHost", which the topology does not declare/,
      },
      { rule: 'msgbox-not-clustered', uri: T, range: rangeAfter(GAPS, 'sqlInstances:\n  - ', 'name: SQL01'), severity: 'error' },
      { rule: 'bam-primary-import-not-clustered', uri: T, range: rangeAfter(GAPS, 'sqlInstances:\n  - ', 'name: SQL01'), severity: 'error' },
      { rule: 'raid0-or-none', uri: T, range: rangeAfter(GAPS, "{ drive: 'E:', raid: ", '0'), severity: 'error' },
      { rule: 'msgbox-bampi-not-raid10', uri: T, range: rangeAfter(GAPS, "{ drive: 'F:', raid: ", '5'), severity: 'warning', message: /BAMPrimaryImport\) on RAID 5/ },
      { rule: 'backup-job-missing-or-disabled', uri: T, range: rangeAfter(GAPS, '    ', 'enabled: false'), severity: 'error' },
      { rule: 'backup-destination-local', uri: T, range: rangeAfter(GAPS, 'fullDestination: ', "'E:\\Backups\\Full'"), severity: 'warning' },
      { rule: 'backup-same-host-or-disk', uri: T, range: rangeAfter(GAPS, 'fullDestination: ', "'E:\\Backups\\Full'"), severity: 'error' },
      { rule: 'restore-not-tested', uri: T, range: rangeAfter(GAPS, 'last: ', '2026-01-15'), severity: 'warning' },
      { rule: 'no-offsite-copy', uri: T, range: rangeAfter(GAPS, '\n', 'backup'), severity: 'warning' },
      { rule: 'platform-backup-missing', uri: T, range: rangeAfter(GAPS, '  - ', 'name: SQL01'), severity: 'warning', message: /^Server SQL01 declares no backup of Windows Server, SQL Server/ },
      { rule: 'master-secret-not-backed-up', uri: T, range: rangeAfter(GAPS, '', 'environment'), severity: 'error' },
      { rule: 'unfilled-placeholder', uri: T, range: rangeAfter(GAPS, "['", '<<DR SQL instance>>'), severity: 'warning' },
    ];

    const mine = ws.findings.filter((f) => CHECK_RULES.includes(f.ruleId));
    const remaining = [...mine];
    for (const e of expected) {
      const i = remaining.findIndex((f) => {
        const doc = ws.docs.find((d) => d.uri === f.uri)!;
        return f.ruleId === e.rule && f.uri === e.uri && JSON.stringify(rangeOf(doc, f)) === JSON.stringify(e.range);
      });
      assert.ok(i >= 0, `no ${e.rule} finding in ${e.uri} at ${JSON.stringify(e.range)}; the check rules reported:\n${show(ws, mine)}`);
      const f = remaining.splice(i, 1)[0];
      assert.equal(f.severity, e.severity, `severity of ${e.rule}`);
      if (e.message) assert.match(f.message, e.message);
    }
    assert.deepEqual(remaining, [], `findings no gap explains:\n${show(ws, remaining)}`);
  });

  it('the FTP finding\'s suggestion (never a fix) marks the host clustered in the topology, and the finding goes away', () => {
    const ws = workspace(GAPS);
    const f = ws.findings.find((x) => x.ruleId === 'ftp-sftp-receive-not-clustered')!;
    assert.equal(f.fix, undefined, 'declaring the host clustered changes a declared fact: no fix');
    const g = f.suggestions?.[0];
    assert.ok(g, 'the FTP finding offers a suggestion');
    assert.deepEqual([...new Set(g.edits.map((e) => e.uri))], [T], 'the suggestion edits the topology only');
    const fixed = applyEdits(GAPS, g.edits).text;
    assert.equal(
      fixed,
      GAPS.replace('    type: in-process\n    instances: [BTS01, BTS02]\n', '    type: in-process\n    instances: [BTS01, BTS02]\n    clustered: true\n'),
    );
    const after = workspace(fixed).findings.filter((x) => x.ruleId === 'ftp-sftp-receive-not-clustered');
    assert.deepEqual(after, []);
  });

  it('the handler-host-unknown declaration declares the isolated host as isolated, whether it is clustered left to fill in', () => {
    const ws = workspace(GAPS);
    const f = ws.findings.find((x) => x.ruleId === 'handler-host-unknown')!;
    const fixed = applyEdits(GAPS, f.fix!.edits).text;
    assert.equal(
      fixed,
      GAPS.replace(
        '    instances: [BTS01, BTS02]\n',
        "    instances: [BTS01, BTS02]\n  - name: BizTalkServerIsolatedHost\n    type: isolated\n    clustered: '<<clustered: true or false>>'\n    instances: ['<<first server>>', '<<second server>>']\n",
      ),
    );
  });

  it('with the gaps closed, the check rules report nothing', () => {
    const ws = workspace(CLOSED);
    const mine = ws.findings.filter((f) => CHECK_RULES.includes(f.ruleId));
    assert.deepEqual(mine, [], `unexpected findings:\n${show(ws, mine)}`);
  });
});
