// What the host-and-adapter rules need to know about an endpoint, read from its adapter name, its
// address and its parsed adapter settings (Transport.settings(): offsets already mapped into the file
// through the escaping). Each answer is "evidence": a value with the range where it stands, so a
// finding can point at the queue, the polling statement or the address that makes the rule apply.

import type { OffsetRange } from '../text';
import type { BtsDocument } from '../document';
import type { HandlerRef, Workspace } from './join';
import { children, contentRange, parseEmbedded, textDocument, textOf } from '../xml/dom';
import { commentedChild, hasSettings, resolveText, soleEnvironment, tokenTable, TokenValue } from './tokens';

export interface Evidence {
  /** The value, `${Token}`s resolved where the environment's settings define them. */
  value: string;
  /** The value as written in the file. */
  raw: string;
  range: OffsetRange;
  /** Tokens in the value that no settings define. */
  unresolved: string[];
  /** Where resolved tokens got their values. */
  sources: TokenValue[];
}

function adapterLower(h: HandlerRef): string {
  return h.transport.adapterKey;
}

function evidence(ws: Workspace, raw: string, range: OffsetRange): Evidence {
  const table = hasSettings(ws) ? tokenTable(ws, ws.environment ?? soleEnvironment(ws)) : undefined;
  const r = resolveText(raw, table);
  return { value: r.value, raw, range, unresolved: r.unresolved, sources: r.tokens.map((t) => t.value).filter((v): v is TokenValue => !!v) };
}

/**
 * The endpoint's address as deployed: the Address element, else an Address that the Deployment
 * Framework keeps commented out for XmlPreprocess (`<!-- ifdef ${_xml_preprocess} -->`), with tokens
 * resolved from the environment's settings.
 */
export function effectiveAddress(ws: Workspace, h: HandlerRef): Evidence | undefined {
  const a = h.transport.address;
  if (a) return evidence(ws, a.value, a.range);
  // Else one kept commented out, in a comment directly inside the element that holds the transport.
  const comments = h.transport.addressComments;
  if (!comments.some((c) => h.doc.text.slice(c.contentStart, c.contentEnd).includes('<Address'))) return undefined;
  const table = hasSettings(ws) ? tokenTable(ws, ws.environment ?? soleEnvironment(ws)) : undefined;
  const p = commentedChild(h.doc, comments, 'Address', table);
  return p && p.text ? evidence(ws, p.text, p.range) : undefined;
}

/** An adapter setting as evidence (`queue`, `pollingStatement`, ...), when set and not blank. */
export function setting(ws: Workspace, h: HandlerRef, name: string): Evidence | undefined {
  const s = h.transport.settings()?.get(name) ?? decodedSetting(h, name);
  if (!s || !s.value.trim()) return undefined;
  return evidence(ws, s.value.trim(), s.range);
}

/**
 * A setting of transport data kept decoded, as Deployment Framework master bindings do
 * (`<TransportTypeData><CustomProps><queue vt="8">..` as elements, encoded by ElementTunnel at build
 * time): the CustomProps children, and the once-escaped AdapterConfig / BindingConfiguration inside.
 */
function decodedSetting(h: HandlerRef, name: string): { value: string; range: OffsetRange } | undefined {
  const data = h.transport.dataElement;
  const props = data ? children(data).find((c) => c.name === 'CustomProps') : undefined;
  if (!props) return undefined;
  // The data element may be kept without its tree (readers/binding.ts withoutTree): only the text is read.
  const xml = textDocument(h.doc.text);
  const lower = name.toLowerCase();
  for (const p of children(props)) {
    if (p.name.toLowerCase() === lower) {
      const r = contentRange(xml, p);
      return { value: textOf(xml, p), range: r };
    }
  }
  for (const p of children(props)) {
    if (!/^(adapterconfig|bindingconfiguration)$/i.test(p.name)) continue;
    const inner = parseEmbedded(xml, p);
    const root = inner?.doc.root;
    if (!inner || !root) continue;
    for (const a of root.attrs) if (a.name.toLowerCase() === lower) return { value: a.value, range: { start: inner.toOuter(a.valueStart), end: inner.toOuter(a.valueEnd) } };
    for (const c of children(root)) {
      if (c.name.toLowerCase() !== lower) continue;
      const r = contentRange(inner.doc, c);
      return { value: textOf(inner.doc, c), range: { start: inner.toOuter(r.start), end: inner.toOuter(r.end) } };
    }
  }
  return undefined;
}

export function adapterEvidence(h: HandlerRef): Evidence | undefined {
  const a = h.transport.adapter;
  return a ? { value: a.value, raw: a.value, range: a.range, unresolved: [], sources: [] } : undefined;
}

export function isPop3(h: HandlerRef): boolean {
  return adapterLower(h) === 'pop3';
}

/** The MSMQ adapter (not MSMQT, not WCF-NetMsmq). */
export function isMsmq(h: HandlerRef): boolean {
  return adapterLower(h) === 'msmq';
}

/** The queue an MSMQ endpoint reads or writes: AdapterConfig/Config/queue, else the address. */
export function msmqQueue(ws: Workspace, h: HandlerRef): Evidence | undefined {
  return setting(ws, h, 'queue') ?? effectiveAddress(ws, h);
}

/**
 * The machine of an MSMQ queue path: `FORMATNAME:DIRECT=OS:SERVER\PRIVATE$\Q` -> SERVER,
 * `DIRECT=TCP:10.0.0.5\Q` -> 10.0.0.5, `.\private$\q` -> `.`; undefined for public format names
 * (`PUBLIC=guid`) and anything else without a machine.
 */
export function queueMachine(queue: string): string | undefined {
  let q = queue.trim().replace(/^formatname:/i, '');
  const direct = /^direct=(?:os|tcp|http|https|spx|ipx):(.*)$/i.exec(q);
  if (direct) q = direct[1];
  else if (/^[a-z]+=/i.test(q)) return undefined;
  q = q.replace(/^[a-z]+:\/\//i, '');
  const m = /^([^\\/]+)[\\/]/.exec(q);
  return m ? m[1].toLowerCase() : undefined;
}

const LOCAL_MACHINES = new Set(['.', 'localhost', '(local)', '127.0.0.1', '::1']);

/** A queue on the machine that runs the handler: `.`, localhost, or one of the host's own servers. */
export function isLocalQueue(queue: string, hostServers: string[]): boolean {
  const m = queueMachine(queue);
  if (m === undefined) return false;
  return LOCAL_MACHINES.has(m) || hostServers.some((s) => s.toLowerCase() === m);
}

export function isTrue(e: Evidence | undefined): boolean {
  return !!e && /^(true|-1|1)$/i.test(e.value.trim());
}

/** WCF-Custom / WCF-CustomIsolated with the given WCF binding (BindingType setting). */
function customBinding(h: HandlerRef, binding: string): boolean {
  const a = adapterLower(h);
  if (a !== 'wcf-custom' && a !== 'wcf-customisolated') return false;
  if (!mayName(h, binding)) return false;
  const bt = h.transport.settings()?.get('BindingType') ?? decodedSetting(h, 'BindingType');
  return (bt?.value ?? '').trim().toLowerCase() === binding.toLowerCase();
}

const NAME_PATTERNS = new Map<string, RegExp>();
/** A character reference, escaped any number of times (`&#115;`, `&amp;#115;`). */
const CHAR_REF = /&(?:amp;)*#/;

/**
 * Whether the transport's settings may hold `name` (case-insensitively): they do only if the raw,
 * still escaped text spells it, or spells something with character references. Rules out most
 * WCF-Custom endpoints without decoding and parsing their settings (a large part of a lint's time on
 * a big binding file: bench/, BENCHMARKS.md). True, so "look closer", when in doubt.
 */
function mayName(h: HandlerRef, name: string): boolean {
  const el = h.transport.dataElement;
  if (!el) return true;
  let re = NAME_PATTERNS.get(name);
  if (!re) NAME_PATTERNS.set(name, (re = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')));
  const raw = h.doc.text.slice(el.openEnd, el.closeStart);
  return re.test(raw) || CHAR_REF.test(raw);
}

export type PollingKind = 'SQL' | 'WCF-SQL' | 'SAP';

export interface Polling {
  kind: PollingKind;
  /** What shows it polls: the polling statement, the InboundId, the operation type, or the adapter. */
  evidence: Evidence;
  /** In words, for messages: "polls with pollingStatement", "is a SAP inbound (RFC/IDoc) listener". */
  how: string;
}

/**
 * A receive location that must run in one host instance at a time because it polls a database or
 * listens to SAP: the legacy SQL adapter; WCF-SQL or WCF-Custom sqlBinding in polling mode (an
 * InboundId in the address, a pollingStatement, or inboundOperationType Polling/TypedPolling/
 * XmlPolling, the adapter's default); WCF-SAP, WCF-Custom sapBinding or the legacy SAP adapter.
 * WCF-SQL in Notification mode does not poll and is not reported.
 */
export function polling(ws: Workspace, h: HandlerRef): Polling | undefined {
  if (h.side !== 'receive') return undefined;
  const a = adapterLower(h);
  if (a === 'wcf-sql' || customBinding(h, 'sqlBinding')) {
    const op = setting(ws, h, 'inboundOperationType');
    if (op && /^notification$/i.test(op.value)) return undefined;
    const stmt = setting(ws, h, 'pollingStatement');
    if (stmt) return { kind: 'WCF-SQL', evidence: stmt, how: 'polls the database with a pollingStatement' };
    const addr = effectiveAddress(ws, h);
    const inbound = addr && /[?&]InboundId=([^&]*)/i.exec(addr.raw);
    if (addr && inbound) {
      const start = addr.range.start + inbound.index + 1;
      const raw = inbound[0].slice(1);
      // The InboundId inside the address, when the address is written as it is read (no escaping).
      const range = addr.range.end - addr.range.start === addr.raw.length ? { start, end: start + raw.length } : addr.range;
      return { kind: 'WCF-SQL', evidence: { ...addr, value: raw, raw, range }, how: `polls the database (address with ${raw})` };
    }
    if (op) return { kind: 'WCF-SQL', evidence: op, how: `polls the database (inboundOperationType ${op.value})` };
    const ad = adapterEvidence(h);
    return ad ? { kind: 'WCF-SQL', evidence: ad, how: 'polls the database (Polling is the default inbound operation)' } : undefined;
  }
  if (a === 'sql') {
    const e = setting(ws, h, 'sqlCommand') ?? effectiveAddress(ws, h) ?? adapterEvidence(h);
    return e ? { kind: 'SQL', evidence: e, how: 'polls the database (SQL adapter receive)' } : undefined;
  }
  if (a === 'wcf-sap' || a === 'sap' || customBinding(h, 'sapBinding')) {
    const e = effectiveAddress(ws, h) ?? adapterEvidence(h);
    return e ? { kind: 'SAP', evidence: e, how: 'is a SAP inbound (RFC/IDoc) listener' } : undefined;
  }
  return undefined;
}

/**
 * Receive adapters that run in IIS (an isolated host) and need network load balancing in front of
 * their servers. Not listed: WCF-NetNamedPipe (named pipes never leave the machine) and the SharePoint
 * adapter (it polls SharePoint from an in-process host; the NLB it needs is SharePoint's).
 */
export const ISOLATED_RECEIVE_ADAPTERS = ['HTTP', 'SOAP', 'WCF-BasicHttp', 'WCF-WSHttp', 'WCF-WebHttp', 'WCF-CustomIsolated'];

const ISOLATED_RECEIVE_LOWER: ReadonlySet<string> = new Set(ISOLATED_RECEIVE_ADAPTERS.map((x) => x.toLowerCase()));

export function isIsolatedReceive(h: HandlerRef): boolean {
  return h.side === 'receive' && ISOLATED_RECEIVE_LOWER.has(adapterLower(h));
}

export function isFile(h: HandlerRef): boolean {
  return adapterLower(h) === 'file';
}

/** `C:\in\*.xml` */
export const LOCAL_DRIVE_PATH = /^[A-Za-z]:([\\/]|$)/;

/** `\\server\share` of a UNC path, lower-cased; undefined when not UNC. */
export function uncShare(path: string): string | undefined {
  const m = /^(?:\\\\|\/\/)([^\\/]+)[\\/]([^\\/]+)/.exec(path.trim());
  return m ? `\\\\${m[1]}\\${m[2]}`.toLowerCase() : undefined;
}

export interface SqlTarget {
  server: string;
  /** The database, as in the address. */
  database: string;
  doc: BtsDocument;
  handler: HandlerRef;
  /** The address, and the database's range inside it when it can be told. */
  range: OffsetRange;
}

/**
 * The SQL Server database a WCF-SQL / sqlBinding endpoint (`mssql://server[:port]/[instance]/Db?...`)
 * or a legacy SQL adapter endpoint (`SQL://server/Db/`) writes to or polls.
 */
export function sqlTarget(ws: Workspace, h: HandlerRef): SqlTarget | undefined {
  const a = adapterLower(h);
  if (a !== 'wcf-sql' && a !== 'sql' && !customBinding(h, 'sqlBinding')) return undefined;
  const addr = effectiveAddress(ws, h);
  if (!addr || addr.unresolved.length) return undefined;
  const m = /^mssql:\/\/([^/?]*)\/([^/?]*)\/([^/?]+)/i.exec(addr.value) ?? /^sql:\/\/([^/?]*)\/()([^/?]+)/i.exec(addr.value);
  if (!m) return undefined;
  const host = m[1].replace(/:\d+$/, '');
  const server = m[2] ? `${host}\\${m[2]}` : host;
  const database = decodeURIComponent(m[3]);
  if (!host || !database) return undefined;
  // Point at the database inside the address when the text is as written (no token, no escaping).
  let range = addr.range;
  if (addr.value === addr.raw && addr.range.end - addr.range.start === addr.raw.length) {
    const at = m.index + m[0].length - m[3].length;
    range = { start: addr.range.start + at, end: addr.range.start + at + m[3].length };
  }
  return { server, database, doc: h.doc, handler: h, range };
}
