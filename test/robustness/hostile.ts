// Hostile inputs, generated (never committed: some are megabytes), and a runner for the `btslint`
// command in a child process that also reports the child's memory and, with the probe preload, every
// file it opened, socket it tried and process it started (see probe.ts).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { repoRoot } from '../helpers/paths';

/** A string that must never appear in any output: the content of the file an external entity names. */
export const SECRET = 'BTSLINT-SECRET-3f9c1a7e-must-never-leak';

export const NESTING = 200_000;

/** A binding file whose DOCTYPE declares an external entity naming `target`, used in an element. */
export function xxeBinding(target: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE BindingInfo [
  <!ENTITY xxe SYSTEM "${target}">
  <!ENTITY % remote SYSTEM "${target}.dtd">
  %remote;
]>
<BindingInfo Version="3.5.1.0">
  <Description>&xxe;</Description>
  <SendPortCollection>
    <SendPort Name="Leak.&xxe;" IsStatic="true" IsTwoWay="false">
      <PrimaryTransport>
        <Address>&xxe;</Address>
        <TransportType Name="FILE" />
        <SendHandler Name="SendHost" />
      </PrimaryTransport>
    </SendPort>
  </SendPortCollection>
</BindingInfo>
`;
}

/** The classic billion laughs: ten levels of ten-fold entity expansion (10^9 "lol"). */
export function billionLaughs(): string {
  let decl = '<!ENTITY lol "lol">\n';
  for (let k = 1; k <= 9; k++) {
    const prev = k === 1 ? 'lol' : `lol${k - 1}`;
    decl += `<!ENTITY lol${k} "${`&${prev};`.repeat(10)}">\n`;
  }
  return `<?xml version="1.0"?>\n<!DOCTYPE BindingInfo [\n${decl}]>\n<BindingInfo><Description>&lol9;</Description><SendPortCollection/></BindingInfo>\n`;
}

/** A binding whose body nests `depth` elements, then a sound send port after them. */
export function deepBinding(depth = NESTING, closed = true): string {
  return (
    '<BindingInfo><SendPortCollection><SendPort Name="Deep.Port" IsStatic="true"><PrimaryTransport><TransportType Name="FTP"/><SendHandler Name="DeepHost"/></PrimaryTransport></SendPort></SendPortCollection><ReceivePortCollection>' +
    '<x>'.repeat(depth) +
    (closed ? '</x>'.repeat(depth) : '') +
    '</ReceivePortCollection></BindingInfo>'
  );
}

/** A configuration export nesting `depth` selected answers (every ancestor is walked by its readers). */
export function deepConfigExport(depth = NESTING): string {
  return (
    '<Configuration><Feature Name="SSO">' +
    '<Answer Selected="Yes">'.repeat(depth) +
    '<FILE ID="SSO_ID_BACKUP_SECRET_FILE"><Value>\\\\vault\\sso.bak</Value></FILE>' +
    '</Answer>'.repeat(depth) +
    '</Feature></Configuration>'
  );
}

/** A YAML topology nesting `depth` flow sequences. */
export function deepYaml(depth = NESTING): string {
  return `topology: 1\nenvironment: production\nservers: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

export function deepJson(depth = NESTING): string {
  return `{"topology": 1, "environment": "production", "servers": ${'['.repeat(depth)}${']'.repeat(depth)}}\n`;
}

/** Nine levels of nine-fold aliases: 9^9 values if expanded. */
export function aliasBomb(): string {
  let out = 'topology: 1\nenvironment: production\nx-bomb:\n  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (let k = 1; k <= 8; k++) {
    const prev = String.fromCharCode(96 + k);
    const cur = String.fromCharCode(97 + k);
    out += `  ${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
  }
  return out + 'hosts:\n  - name: SendHost\n    instances: [BTSAPP01]\n';
}

/** Bytes that are no text at all (a PNG header and noise), deterministic. */
export function binaryBytes(length = 4096): Buffer {
  const b = Buffer.alloc(length);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(b);
  let x = 12345;
  for (let k = 12; k < length; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[k] = x >>> 24;
  }
  return b;
}

/** A binding declaring utf-16 while saved as UTF-8 (no BOM), with a send port still to check. */
export const UTF16_DECLARED_ON_UTF8 = `<?xml version="1.0" encoding="utf-16"?>
<BindingInfo Version="3.5.1.0">
  <SendPortCollection>
    <SendPort Name="Orders.Send.FTP" IsStatic="true" IsTwoWay="false">
      <PrimaryTransport>
        <Address>ftp://ftp.contoso.com/orders</Address>
        <TransportType Name="FTP" />
        <SendHandler Name="UndeclaredHost" />
      </PrimaryTransport>
    </SendPort>
  </SendPortCollection>
</BindingInfo>
`;

/** A binding whose first receive location holds malformed escaped settings, and a second sound one. */
export const MALFORMED_SETTINGS = `<BindingInfo Version="3.5.1.0">
  <ReceivePortCollection>
    <ReceivePort Name="Orders.Receive" IsTwoWay="false">
      <ReceiveLocations>
        <ReceiveLocation Name="Orders.Receive.FTP">
          <Address>ftp://ftp.contoso.com/in/*.xml</Address>
          <ReceiveLocationTransportType Name="FTP" />
          <ReceiveLocationTransportTypeData>&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;uri&amp;gt;ftp://x&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;Broken&lt;/CustomProps&gt;</ReceiveLocationTransportTypeData>
          <ReceiveHandler Name="ReceiveHost_FTP" />
          <Enable>true</Enable>
        </ReceiveLocation>
        <ReceiveLocation Name="Orders.Receive.FTP2">
          <Address>ftp://ftp.contoso.com/in2/*.xml</Address>
          <ReceiveLocationTransportType Name="FTP" />
          <ReceiveLocationTransportTypeData>&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;uri&amp;gt;ftp://y&amp;lt;/uri&amp;gt;&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;</ReceiveLocationTransportTypeData>
          <ReceiveHandler Name="ReceiveHost_FTP2" />
          <Enable>true</Enable>
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;

// ---------------------------------------------------------------------------------------------------
// Running the CLI.

export const ROOT = repoRoot();
export const BIN = path.join(ROOT, 'server', 'bin', 'btslint.js');
export const PROBE = path.join(ROOT, 'out', 'test', 'robustness', 'probe.js');

export interface ProbeReport {
  /** Files the process opened, read, listed or stat'ed through `fs`, as given and as real paths. */
  files: { op: string; path: string; real?: string }[];
  /** Sockets, requests, DNS lookups and child processes it tried. */
  forbidden: { op: string; detail: string }[];
  /** The scripts of the worker threads it started (`eval:` and the code for inline ones). */
  workers: string[];
  rssStart: number;
  rssEnd: number;
  /** Peak resident set size of the process, in bytes. */
  maxRss: number;
  /** How many worker threads reported (each merged in above). */
  threads?: number;
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  probe?: ProbeReport;
}

/** Runs `node [--require probe] server/bin/btslint.js ...args` in `cwd`; kills it after `timeoutMs`. */
export function runCli(args: string[], cwd: string, opts: { probe?: boolean; timeoutMs?: number } = {}): Promise<CliRun> {
  const log = opts.probe ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-probe-')), 'probe.json') : undefined;
  const nodeArgs = log ? ['--require', PROBE, BIN, ...args] : [BIN, ...args];
  const env = { ...process.env, NO_COLOR: '1', ...(log ? { BTSLINT_PROBE_LOG: log } : {}) };
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      let probe: ProbeReport | undefined;
      if (log && fs.existsSync(log)) {
        const memory = JSON.parse(fs.readFileSync(log, 'utf8')) as Pick<ProbeReport, 'rssStart' | 'rssEnd' | 'maxRss'>;
        probe = { ...memory, files: [], forbidden: [], workers: [], threads: 0 };
        // One log per thread (probe.json.<threadId>.jsonl): the main thread's and each worker's.
        for (const f of fs.readdirSync(path.dirname(log))) {
          if (!/^probe\.json\.\d+\.jsonl$/.test(f)) continue;
          if (f !== 'probe.json.0.jsonl') probe.threads!++;
          for (const line of fs.readFileSync(path.join(path.dirname(log), f), 'utf8').split('\n')) {
            if (!line) continue;
            const e = JSON.parse(line) as { kind: string; op: string; path: string; real?: string; detail: string; script: string };
            if (e.kind === 'file') probe.files.push({ op: e.op, path: e.path, real: e.real });
            else if (e.kind === 'forbidden') probe.forbidden.push({ op: e.op, detail: e.detail });
            else if (e.kind === 'worker') probe.workers.push(e.script);
          }
        }
      }
      if (log) fs.rmSync(path.dirname(log), { recursive: true, force: true });
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - started, probe });
    });
  });
}

/** A fresh temporary folder, removed by the caller with `cleanup`. */
export function tempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes files (text or bytes) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

/** Whether `p` is `dir` or inside it. */
export function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
