// Shared by the CI-workflow tests: temporary workspaces under os.tmpdir() (the binding fixtures of
// test/fixtures/bindings are copied there at test time), the CLI run in-process with its report
// written to a temporary file, and small readers for the outputs.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { fixtureFile } from '../helpers/paths';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `btslint argv...` in `cwd`, in this process (a child process per run would cost node's start-up
 * every time). The report goes to a temporary --output-file, read back as `stdout`, so nothing is
 * written to this process's stdout (node:test's reporter channel); stderr is captured while the run
 * lasts.
 */
export async function cli(argv: string[], cwd: string): Promise<CliRun> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-out-'));
  const outFile = path.join(outDir, 'report.txt');
  let stderr = '';
  const err = process.stderr.write;
  (process.stderr as { write: unknown }).write = (chunk: string | Uint8Array) => ((stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true);
  try {
    const code = await main([...argv, '--output-file', outFile], cwd);
    const stdout = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
    return { code, stdout, stderr };
  } finally {
    process.stderr.write = err;
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** A new folder under the system temp folder holding these files (text or bytes). */
export function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-ci-')));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

export function removeWorkspace(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The binding fixtures (test/fixtures/bindings), and what makes each one special. */
export const FIXTURE_BINDINGS = {
  /** FTP send port and receive location in BizTalkServerApplication: an error when that host is not clustered. */
  'FtpRelay.BindingInfo.xml': 'bindings/FtpRelay.BindingInfo.xml',
  /** UTF-16 LE with a BOM and CRLF line endings, declared utf-16 (as the WCF Service Publishing Wizard writes). */
  'QuotesWcf.BindingInfo.xml': 'bindings/QuotesWcf.BindingInfo.xml',
  /** UTF-8 with CRLF line endings; MSMQ with ordered delivery. */
  'OrderedLedger.Bindings.xml': 'bindings/OrderedLedger.Bindings.xml',
  /** FILE receive location and send port, and a WCF-Custom (SQL) send port. */
  'OrdersFileSql.Bindings.xml': 'bindings/OrdersFileSql.Bindings.xml',
} as const;

/** The binding fixtures as workspace files under bindings/. */
export function fixtureBindings(): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [name, file] of Object.entries(FIXTURE_BINDINGS)) out[`bindings/${name}`] = fs.readFileSync(fixtureFile(file));
  return out;
}

/**
 * A production topology with gaps: hosts the binding fixtures use (BizTalkServerApplication with two
 * instances, not clustered: the FTP binding's error), a MessageBox on a non-clustered instance and a
 * RAID 5 volume, no backup job, no SSO secret backup, no off-site copy, no restore test, no platform
 * backups.
 */
export const GAPPY_TOPOLOGY = `topology: 1
environment: production
servers:
  - name: BTS01
    roles: [biztalk]
  - name: BTS02
    roles: [biztalk]
sqlInstances:
  - name: SQL01\\BTS
    volumes:
      - { drive: 'E:', raid: 5, holds: [data] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }
hosts:
  - name: BizTalkServerApplication
    type: in-process
    instances: [BTS01, BTS02]
  - name: BizTalkServerIsolatedHost
    type: isolated
    instances: [BTS01, BTS02]
`;

/** The binding fixtures plus the gappy topology, in a fresh temporary folder. */
export function bindingsWorkspace(extra: Record<string, string | Uint8Array> = {}): string {
  return workspace({ ...fixtureBindings(), 'prod.topology.yaml': GAPPY_TOPOLOGY, ...extra });
}

/** Every file of a folder (recursively) with its bytes and modification time. */
export function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const out = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p).replace(/\\/g, '/'), { bytes: fs.readFileSync(p), mtimeMs: fs.statSync(p).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

export interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  line: number;
  column: number;
  nodePath: string;
  fix: unknown;
  suggestions: unknown[];
}

/** `btslint --format json` in a folder, parsed. */
export async function jsonFindings(cwd: string, extra: string[] = []): Promise<{ code: number; findings: JsonFinding[]; stderr: string }> {
  const r = await cli(['--format', 'json', '--today', '2026-12-01', ...extra], cwd);
  return { code: r.code, findings: JSON.parse(r.stdout) as JsonFinding[], stderr: r.stderr };
}
