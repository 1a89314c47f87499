// Reads a BindingInfo document (from the already parsed XML) into send ports, receive ports and
// receive locations, each keeping the element it came from. Adapter settings (the escaped XML in
// TransportTypeData / ReceiveLocationTransportTypeData) are read lazily, on first use, with their
// ranges in the file's offsets: from the escaped text as it stands when they are in the subset
// BizTalk writes (readEscapedSettings), else decoded (readPlainSettings), else parsed (readSettings,
// the reference).

import { attr, attrValue, child, children, contentRange, decodeEmbedded, DecodedText, detach, elementAt, EmbeddedXml, isJsSpace, isNil, parseEmbedded, path, textDocument, textOf } from '../xml/dom';
import { decodeEntities, own, parseElementAt } from '../xml/parser';
import type { KeepElement, XmlComment, XmlDocument, XmlElement } from '../xml/parser';
import { escapedSettingsOutline, escapedSettingsWellFormed, OUTLINE_ATTR, OUTLINE_CHILD } from '../xml/escapedWellFormed';
import type { EscapedOutline } from '../xml/escapedWellFormed';
import { isPlainWellFormed } from '../xml/wellFormed';
import type { OffsetRange } from '../text';

export interface Located<T> {
  value: T;
  range: OffsetRange;
}

export interface AdapterSetting {
  name: string;
  value: string;
  /** Where the value stands in the file (inside the escaped text). */
  range: OffsetRange;
  /** Where the setting's element starts and ends in the file. */
  elementRange: OffsetRange;
}

export interface AdapterSettings {
  /** Flat CustomProps and the inner AdapterConfig/Config (or WCF BindingConfiguration) values. */
  get(name: string): AdapterSetting | undefined;
  all(): AdapterSetting[];
  /** Problems met while parsing the escaped settings, in file offsets. */
  errors: { message: string; range: OffsetRange }[];
}

export interface Transport {
  /** The adapter name as written (`TransportType/@Name`); compare case-insensitively. */
  adapter?: Located<string>;
  /**
   * The adapter name trimmed and lower-cased ('' when there is none): what adapter tests compare
   * (model/adapters.ts, join.ts adapterIs), made once per transport instead of once per test (each
   * host rule tests every endpoint).
   */
  readonly adapterKey: string;
  address?: Located<string>;
  /** The handler host (`SendHandler/@Name` or `ReceiveHandler/@Name`). */
  host?: Located<string>;
  /**
   * When the element that holds the transport (the receive location, or the send port's
   * PrimaryTransport / SecondaryTransport) has no Address element: the comments directly inside it,
   * where the Deployment Framework keeps an Address commented out for XmlPreprocess (model/tokens.ts
   * commentedChild). Empty otherwise.
   */
  addressComments: readonly XmlComment[];
  handlerElement?: XmlElement;
  dataElement?: XmlElement;
  settings(): AdapterSettings | undefined;
  /**
   * The problems of the escaped settings (as `settings()?.errors`), without decoding the settings when
   * they are well formed: a fast check first, the full parse with offsets only when it is not sure.
   */
  settingsErrors(): readonly SettingsError[];
}

export interface SendPort {
  name: string;
  nameRange: OffsetRange;
  element: XmlElement;
  isStatic: boolean;
  isTwoWay: boolean;
  primary?: Transport;
  secondary?: Transport;
}

export interface ReceiveLocation {
  name: string;
  nameRange: OffsetRange;
  element: XmlElement;
  receivePort: string;
  enabled?: boolean;
  transport: Transport;
}

export interface ReceivePort {
  name: string;
  nameRange: OffsetRange;
  element: XmlElement;
  isTwoWay: boolean;
  locations: ReceiveLocation[];
}

/** An orchestration bound in the file (`ModuleRef/Services/Service`), with the host it runs in. */
export interface Orchestration {
  /** `Service/@Name`: the orchestration's full type name. */
  name: string;
  nameRange: OffsetRange;
  /** `ModuleRef/@Name`: the assembly that holds it. */
  assembly: string;
  element: XmlElement;
  /** The processing host (`Service/Host/@Name`); absent when unbound (`<Host xsi:nil="true"/>`). */
  host?: Located<string>;
}

export interface BindingModel {
  sendPorts: SendPort[];
  receivePorts: ReceivePort[];
  receiveLocations: ReceiveLocation[];
  orchestrations: Orchestration[];
}

export function readBinding(xml: XmlDocument): BindingModel {
  const steps = readBindingSteps(xml);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The elements readBindingSteps reads, by their parent's name: 1, the element and those of its
 * children listed under its own name; 2, the element and everything in it. A command-line read that
 * lets the tree go (document.ts) parses a binding with this (ParseOptions.keep), so the tree it builds
 * and drops holds what the model is read from and nothing else: two thirds of a binding's elements are
 * never made nodes. A read added to readBindingSteps is added here too: test/core/treeLetGo.test.ts
 * compares the model read this way with one read from the whole tree, on every fixture and example.
 */
const READS: Record<string, Record<string, 1 | 2>> = {
  BindingInfo: { ModuleRefCollection: 1, SendPortCollection: 1, ReceivePortCollection: 1 },
  ModuleRefCollection: { ModuleRef: 1 },
  ModuleRef: { Services: 1 },
  Services: { Service: 1 },
  Service: { Host: 2 },
  SendPortCollection: { SendPort: 1 },
  SendPort: { PrimaryTransport: 1, SecondaryTransport: 1 },
  PrimaryTransport: { Address: 2, TransportType: 2, TransportTypeData: 2, SendHandler: 1 },
  SecondaryTransport: { Address: 2, TransportType: 2, TransportTypeData: 2, SendHandler: 1 },
  SendHandler: { TransportType: 2 },
  ReceivePortCollection: { ReceivePort: 1 },
  ReceivePort: { ReceiveLocations: 1 },
  ReceiveLocations: { ReceiveLocation: 1 },
  ReceiveLocation: { Address: 2, Enable: 2, ReceiveLocationTransportType: 2, ReceiveLocationTransportTypeData: 2, ReceiveHandler: 1 },
  ReceiveHandler: { TransportType: 2 },
};

/** ParseOptions.keep for a binding's model alone (READS); a document whose root is not BindingInfo is kept whole. */
export const BINDING_READS: KeepElement = (parent, name) => {
  if (parent === null) return isBindingInfo(name) ? 1 : 2;
  // The parser asks about the children of one element in a row, and names are interned: the last
  // parent's list is looked up once.
  if (parent !== lastParent) {
    lastParent = parent;
    lastReads = READS[parent] ?? (isBindingInfo(parent) ? READS.BindingInfo : undefined);
  }
  return lastReads?.[name] ?? 0;
};
let lastParent: string | undefined;
let lastReads: Record<string, 1 | 2> | undefined;

/** `BindingInfo`, with or without a prefix (as document.ts classifies). */
const isBindingInfo = (name: string) => name === 'BindingInfo' || (name.endsWith(':BindingInfo') && name.indexOf(':') === name.length - 12);

/** Ports read between two steps of readBindingSteps. */
const PORTS_PER_STEP = 500;

/**
 * readBinding in steps: it pauses every PORTS_PER_STEP ports, so a shell that must stay responsive
 * (the language server, reading a binding of megabytes) can answer requests in between. `keep`: the
 * ports are remembered per element for the next version of an edited document (PortCacheEntry).
 */
export function* readBindingSteps(xml: XmlDocument, keep = false): Generator<void, BindingModel, void> {
  let sinceStep = 0;
  const model: BindingModel = { sendPorts: [], receivePorts: [], receiveLocations: [], orchestrations: [] };
  const root = xml.root;
  if (!root) return model;
  const mrc = child(root, 'ModuleRefCollection');
  for (const mr of mrc ? children(mrc, 'ModuleRef') : []) {
    const services = child(mr, 'Services');
    for (const svc of services ? children(services, 'Service') : []) {
      const nameAttr = attr(svc, 'Name');
      model.orchestrations.push({
        name: nameAttr?.value ?? '',
        nameRange: nameAttr ? { start: nameAttr.valueStart, end: nameAttr.valueEnd } : { start: svc.nameStart, end: svc.nameEnd },
        assembly: attrValue(mr, 'Name') ?? '',
        element: svc,
        host: locatedAttr(child(svc, 'Host'), 'Name'),
      });
    }
  }
  const spc = child(root, 'SendPortCollection');
  for (const sp of spc ? children(spc, 'SendPort') : []) {
    if (++sinceStep === PORTS_PER_STEP) {
      sinceStep = 0;
      yield;
    }
    model.sendPorts.push(reused(sendPortCache, sp, (p, d) => moveSendPort(p, d, xml)) ?? remember(sendPortCache, sp, readSendPort(xml, sp), keep));
  }
  const rpc = child(root, 'ReceivePortCollection');
  for (const rp of rpc ? children(rpc, 'ReceivePort') : []) {
    if (++sinceStep === PORTS_PER_STEP) {
      sinceStep = 0;
      yield;
    }
    const port = reused(receivePortCache, rp, (p, d) => moveReceivePort(p, d, xml)) ?? remember(receivePortCache, rp, readReceivePort(xml, rp), keep);
    model.receiveLocations.push(...port.locations);
    model.receivePorts.push(port);
  }
  return model;
}

/**
 * The same model with nothing in it that refers to the XML tree, for a document that lets its tree go
 * once read (document.ts, ReadOptions.shortLived): a command-line run keeps every file's model to its
 * end, and the trees they held were most of its heap and of its garbage collection. A transport keeps
 * a detached copy of its data element (what its settings are read from: a text node or two) and copies
 * of its address comments; the element of a port, location, orchestration or handler is parsed again
 * from its range when a rule first asks for it (FoundAgain): the same element at the same offsets.
 */
export function withoutTree(model: BindingModel, text: string, tree: () => XmlDocument): BindingModel {
  // What a transport reads its settings with: the text (settingsOf, wellFormedOf), never the tree.
  const textOnly = textDocument(text);
  const found = (el: XmlElement | undefined) => el && new FoundAgain(text, el.start, el.end, tree);
  const moveOut = (t: Transport): Transport =>
    new ReadTransport(textOnly, t.dataElement && detach(t.dataElement), t, t.addressComments.length ? t.addressComments.map((c) => ({ ...c, parent: null })) : NO_COMMENTS, found(t.handlerElement));
  const receivePorts = model.receivePorts.map((p) =>
    withElement({ name: p.name, nameRange: p.nameRange, isTwoWay: p.isTwoWay, locations: p.locations.map((l) => withElement({ name: l.name, nameRange: l.nameRange, receivePort: l.receivePort, enabled: l.enabled, transport: moveOut(l.transport) }, found(l.element)!)) }, found(p.element)!),
  );
  return {
    sendPorts: model.sendPorts.map((p) => withElement({ name: p.name, nameRange: p.nameRange, isStatic: p.isStatic, isTwoWay: p.isTwoWay, primary: p.primary && moveOut(p.primary), secondary: p.secondary && moveOut(p.secondary) }, found(p.element)!)),
    receivePorts,
    receiveLocations: receivePorts.flatMap((p) => p.locations),
    orchestrations: model.orchestrations.map((o) => withElement({ name: o.name, nameRange: o.nameRange, assembly: o.assembly, host: o.host }, found(o.element)!)),
  };
}

/**
 * An element of a tree that was let go, found again on first use: its range of the text parsed alone
 * (its parent is then null: nothing reads a moved-out element's parent), or, for an element that does
 * not stand alone (one its document left unclosed), in the whole text parsed again (`tree`).
 */
class FoundAgain {
  #el: XmlElement | null = null;
  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    private readonly tree: () => XmlDocument,
  ) {}
  get(): XmlElement {
    return (this.#el ??= parseElementAt(this.text, this.start, this.end) ?? elementAt(this.tree(), this.start)!);
  }
}

/** The fields with `element`, a getter on the prototype (V8 builds object literals with getters in a slow mode). */
function withElement<T extends object>(fields: T, el: FoundAgain): T & { element: XmlElement } {
  return new WithElement(fields, el) as unknown as T & { element: XmlElement };
}

class WithElement {
  #el: FoundAgain;
  constructor(fields: object, el: FoundAgain) {
    Object.assign(this, fields);
    this.#el = el;
  }
  get element(): XmlElement {
    return this.#el.get();
  }
}

function readSendPort(xml: XmlDocument, sp: XmlElement): SendPort {
  const nameAttr = attr(sp, 'Name');
  const isStatic = (attrValue(sp, 'IsStatic') ?? 'true').toLowerCase() !== 'false';
  const primaryEl = child(sp, 'PrimaryTransport');
  const secondaryEl = child(sp, 'SecondaryTransport');
  return {
    name: nameAttr?.value ?? '',
    nameRange: nameAttr ? { start: nameAttr.valueStart, end: nameAttr.valueEnd } : { start: sp.nameStart, end: sp.nameEnd },
    element: sp,
    isStatic,
    isTwoWay: (attrValue(sp, 'IsTwoWay') ?? 'false').toLowerCase() === 'true',
    primary: isStatic && primaryEl && !isNil(primaryEl) ? readTransport(xml, primaryEl, 'TransportType', 'TransportTypeData', 'SendHandler') : undefined,
    secondary:
      secondaryEl && !isNil(secondaryEl) && textOf(xml, child(secondaryEl, 'Address')).trim() !== ''
        ? readTransport(xml, secondaryEl, 'TransportType', 'TransportTypeData', 'SendHandler')
        : undefined,
  };
}

function readReceivePort(xml: XmlDocument, rp: XmlElement): ReceivePort {
  const nameAttr = attr(rp, 'Name');
  const port: ReceivePort = {
    name: nameAttr?.value ?? '',
    nameRange: nameAttr ? { start: nameAttr.valueStart, end: nameAttr.valueEnd } : { start: rp.nameStart, end: rp.nameEnd },
    element: rp,
    isTwoWay: (attrValue(rp, 'IsTwoWay') ?? 'false').toLowerCase() === 'true',
    locations: [],
  };
  const rls = child(rp, 'ReceiveLocations');
  for (const rl of rls ? children(rls, 'ReceiveLocation') : []) {
    const rlName = attr(rl, 'Name');
    const enable = textOf(xml, child(rl, 'Enable')).trim().toLowerCase();
    const loc: ReceiveLocation = {
      name: rlName?.value ?? '',
      nameRange: rlName ? { start: rlName.valueStart, end: rlName.valueEnd } : { start: rl.nameStart, end: rl.nameEnd },
      element: rl,
      receivePort: port.name,
      enabled: enable === '' ? undefined : enable === 'true',
      transport: readTransport(xml, rl, 'ReceiveLocationTransportType', 'ReceiveLocationTransportTypeData', 'ReceiveHandler'),
    };
    port.locations.push(loc);
  }
  return port;
}

/**
 * The ports read from a previous version, kept across incremental re-parses (xml/incremental.ts): an
 * element the re-parse did not touch keeps its identity and its `edits` count, and its content is
 * unchanged (only moved), so its port is the one read then, moved by the difference. On a 15 MB
 * binding an edit then reads one port again instead of every port (the language server's re-check).
 * `start`: where the element started when the port was read.
 */
interface PortCacheEntry<T> {
  edits: number;
  start: number;
  port: T;
}
const sendPortCache = new WeakMap<XmlElement, PortCacheEntry<SendPort>>();
const receivePortCache = new WeakMap<XmlElement, PortCacheEntry<ReceivePort>>();

function remember<T>(cache: WeakMap<XmlElement, PortCacheEntry<T>>, el: XmlElement, port: T, keep: boolean): T {
  if (keep) cache.set(el, { edits: el.edits ?? 0, start: el.start, port });
  return port;
}

/** The port read from `el` in an earlier version, moved to where `el` stands now; undefined when its content changed or it was never read. */
function reused<T>(cache: WeakMap<XmlElement, PortCacheEntry<T>>, el: XmlElement, move: (port: T, delta: number) => T): T | undefined {
  const e = cache.get(el);
  if (!e || e.edits !== (el.edits ?? 0)) return undefined;
  if (e.start === el.start) return e.port;
  const port = move(e.port, el.start - e.start);
  e.start = el.start;
  e.port = port;
  return port;
}

// The moves below list every field (an object spread made them about four times slower on a 15 MB
// binding); a field added to a port or transport is added here too (test/core/incremental.test.ts
// compares the moved model with a fresh read, field for field).
const movedRange = (r: OffsetRange, delta: number): OffsetRange => ({ start: r.start + delta, end: r.end + delta });
const movedLocated = <T>(l: Located<T> | undefined, delta: number): Located<T> | undefined => l && { value: l.value, range: movedRange(l.range, delta) };

/** A transport read `delta` units earlier: its ranges moved; its settings read again through the element cache (settingsOf moves them). */
function moveTransport(t: Transport, delta: number, xml: XmlDocument): Transport {
  return transport(xml, t.dataElement, {
    adapter: movedLocated(t.adapter, delta),
    address: movedLocated(t.address, delta),
    host: movedLocated(t.host, delta),
    addressComments: t.addressComments,
    handlerElement: t.handlerElement,
  });
}

function moveSendPort(p: SendPort, delta: number, xml: XmlDocument): SendPort {
  return {
    name: p.name,
    nameRange: movedRange(p.nameRange, delta),
    element: p.element,
    isStatic: p.isStatic,
    isTwoWay: p.isTwoWay,
    primary: p.primary && moveTransport(p.primary, delta, xml),
    secondary: p.secondary && moveTransport(p.secondary, delta, xml),
  };
}

function moveReceivePort(p: ReceivePort, delta: number, xml: XmlDocument): ReceivePort {
  return {
    name: p.name,
    nameRange: movedRange(p.nameRange, delta),
    element: p.element,
    isTwoWay: p.isTwoWay,
    locations: p.locations.map((l) => ({
      name: l.name,
      nameRange: movedRange(l.nameRange, delta),
      element: l.element,
      receivePort: l.receivePort,
      enabled: l.enabled,
      transport: moveTransport(l.transport, delta, xml),
    })),
  };
}

function located(xml: XmlDocument, el: XmlElement | undefined): Located<string> | undefined {
  if (!el || isNil(el)) return undefined;
  const value = textOf(xml, el).trim();
  if (!value) return undefined;
  return { value, range: contentRange(xml, el) };
}

function locatedAttr(el: XmlElement | undefined, name: string): Located<string> | undefined {
  if (!el || isNil(el)) return undefined;
  const a = attr(el, name);
  if (!a || a.value === '') return undefined;
  return { value: a.value, range: { start: a.valueStart, end: a.valueEnd } };
}

function readTransport(xml: XmlDocument, owner: XmlElement, typeName: string, dataName: string, handlerName: string): Transport {
  const handler = child(owner, handlerName);
  const address = child(owner, 'Address');
  return transport(xml, child(owner, dataName), {
    adapter: locatedAttr(child(owner, typeName), 'Name') ?? locatedAttr(path(handler, 'TransportType'), 'Name'),
    address: located(xml, address),
    addressComments: address ? NO_COMMENTS : commentsIn(owner),
    host: locatedAttr(handler, 'Name'),
    handlerElement: handler && !isNil(handler) ? handler : undefined,
  });
}

const NO_COMMENTS: readonly XmlComment[] = Object.freeze([]);
/** The settings problems of a transport that has none (nearly all): one frozen list, not one each. */
const NO_ERRORS: readonly SettingsError[] = Object.freeze([]);

/** The comments directly inside `el`. */
function commentsIn(el: XmlElement): readonly XmlComment[] {
  let out: XmlComment[] | undefined;
  for (const c of el.children) if (c.kind === 'comment') (out ??= []).push(c);
  return out ?? NO_COMMENTS;
}

/**
 * A transport: what was read of it, and its escaped settings in `dataElement`, read on first use. Its
 * handler element is found again (FoundAgain) when the model was moved out of its tree (withoutTree).
 * A class, not an object literal with a getter: V8 builds such literals in a slow mode,
 * and a binding has thousands of transports.
 */
class ReadTransport implements Transport {
  readonly adapter?: Located<string>;
  readonly adapterKey: string;
  readonly address?: Located<string>;
  readonly host?: Located<string>;
  readonly dataElement?: XmlElement;
  readonly addressComments: readonly XmlComment[];
  #xml: XmlDocument;
  #handler: XmlElement | FoundAgain | undefined;
  #settings: AdapterSettings | undefined | null = null;
  #errors: readonly SettingsError[] | null = null;

  constructor(
    xml: XmlDocument,
    dataElement: XmlElement | undefined,
    read: Pick<Transport, 'adapter' | 'address' | 'host'>,
    addressComments: readonly XmlComment[],
    handler: XmlElement | FoundAgain | undefined,
  ) {
    this.adapter = read.adapter;
    this.adapterKey = read.adapter ? read.adapter.value.trim().toLowerCase() : '';
    this.address = read.address;
    this.host = read.host;
    this.dataElement = dataElement;
    this.addressComments = addressComments;
    this.#xml = xml;
    this.#handler = handler;
  }

  get handlerElement(): XmlElement | undefined {
    const h = this.#handler;
    return h instanceof FoundAgain ? h.get() : h;
  }

  settings(): AdapterSettings | undefined {
    if (this.#settings === null) this.#settings = this.dataElement ? settingsOf(this.#xml, this.dataElement) : undefined;
    return this.#settings;
  }

  settingsErrors(): readonly SettingsError[] {
    // Checked once per document version: the language server lints the same documents again and again.
    if (this.#errors === null) this.#errors = this.#settings === null && (!this.dataElement || wellFormedOf(this.#xml, this.dataElement)) ? NO_ERRORS : (this.settings()?.errors ?? NO_ERRORS);
    return this.#errors;
  }
}

function transport(xml: XmlDocument, dataElement: XmlElement | undefined, read: Pick<Transport, 'adapter' | 'address' | 'host' | 'addressComments' | 'handlerElement'>): Transport {
  return new ReadTransport(xml, dataElement, read, read.addressComments, read.handlerElement);
}

/**
 * What was read from an element's escaped settings, kept across document versions: an incremental
 * re-parse (xml/incremental.ts) keeps the elements it did not re-parse, moved but unchanged, so the
 * next version's readBinding finds them here instead of decoding and parsing their settings again
 * (on a 15 MB binding that is most of a re-check's time). `edits` tells an element whose content
 * changed in place; `base` is where its content started when read, so offsets move with it.
 */
interface SettingsCacheEntry {
  edits: number;
  /** Where the element's content started when its settings were read (or the entry made, before). */
  base: number;
  wellFormed?: boolean;
  /** null: not read yet (undefined: read, and the element holds no markup). */
  settings: AdapterSettings | undefined | null;
}
const settingsCache = new WeakMap<XmlElement, SettingsCacheEntry>();

function cacheEntry(el: XmlElement): SettingsCacheEntry {
  const edits = el.edits ?? 0;
  let e = settingsCache.get(el);
  if (!e || e.edits !== edits) settingsCache.set(el, (e = { edits, base: el.openEnd, settings: null }));
  return e;
}

function wellFormedOf(xml: XmlDocument, el: XmlElement): boolean {
  const e = cacheEntry(el);
  return (e.wellFormed ??= settingsAreWellFormed(xml, el));
}

function settingsOf(xml: XmlDocument, el: XmlElement): AdapterSettings | undefined {
  const e = cacheEntry(el);
  if (e.settings === null) {
    // Well-formed settings (what the check found, nearly always) are read with the check's own scanner,
    // on the escaped text as it stands, else decoded; anything else is parsed.
    let plain = null;
    if (wellFormedOf(xml, el)) {
      plain = readEscapedSettings(xml, el);
      if (plain === null) plain = readPlainSettings(xml, el);
    }
    e.settings = plain !== null ? plain : readSettings(xml, el);
    // Read in today's offsets: the entry may be older (the check made it, and the element moved
    // since), and its settings must move only from here.
    e.base = el.openEnd;
  }
  return e.settings && moved(e.settings, el.openEnd - e.base);
}

/** Settings read when their element started `delta` units earlier, in today's offsets. */
function moved(s: AdapterSettings, delta: number): AdapterSettings {
  if (delta === 0) return s;
  const r = (x: OffsetRange): OffsetRange => ({ start: x.start + delta, end: x.end + delta });
  const m = (x: AdapterSetting): AdapterSetting => ({ ...x, range: r(x.range), elementRange: r(x.elementRange) });
  return {
    get: (name) => {
      const x = s.get(name);
      return x && m(x);
    },
    all: () => s.all().map(m),
    get errors() {
      return s.errors.map((e) => ({ ...e, range: r(e.range) }));
    },
  };
}

/**
 * Whether the escaped settings in `dataElement` (and the escaped documents nested in them) certainly
 * parse without a problem: checked on the escaped text as it stands (escapedSettingsWellFormed), else
 * decoded without an offset map and checked by isPlainWellFormed; neither builds anything. False
 * means "not sure": the caller parses them for real.
 */
function settingsAreWellFormed(xml: XmlDocument, dataElement: XmlElement): boolean {
  // As written (one text node), checked without decoding: nearly every transport ends here.
  const c = dataElement.children;
  if (c.length === 1 && c[0].kind === 'text' && c[0].start === dataElement.openEnd && c[0].end === dataElement.closeStart && escapedSettingsWellFormed(xml.text, c[0].start, c[0].end, isNestedName)) return true;
  // Anything else (a character reference, CDATA, a problem...) decoded and checked, then parsed.
  const text = textOf(xml, dataElement);
  if (text.indexOf('<') < 0) return true; // not embedded XML: parseEmbedded reads nothing
  // Scanned as readPlainSettings scans (one scanner, with one set of callbacks: the JIT compiles it
  // once, not again when the readers' callbacks first come).
  const root = scanPlain(text, 'nested'); // the children whose names' lengths may be NESTED's
  if (!root) return false;
  for (const k of root.children) {
    if (!isNestedName(text, k.nameStart, k.nameEnd)) continue;
    if (k.hasElements) return false;
    const inner = decodeEntities(text, k.contentStart, k.contentEnd);
    if (inner.indexOf('<') >= 0 && !scanPlain(inner, 'nothing')) return false;
  }
  return true;
}

/** Settings whose value is itself escaped XML that holds more settings. */
const NESTED = new Set(['adapterconfig', 'bindingconfiguration']);
const NESTED_LENGTHS = new Set([...NESTED].map((n) => n.length));

/** Whether text[nameStart, nameEnd) names a setting NESTED holds (compared lower-cased). */
function isNestedName(text: string, nameStart: number, nameEnd: number): boolean {
  return NESTED_LENGTHS.has(nameEnd - nameStart) && NESTED.has(text.slice(nameStart, nameEnd).toLowerCase());
}

type SettingsError = { message: string; range: OffsetRange };

/**
 * A top-level setting, built on first use (most are never asked for), and for AdapterConfig /
 * BindingConfiguration the settings nested in it, read when a lookup first passes them.
 */
interface TopSetting {
  /** The setting's name, lower-cased: what lookups compare. */
  lower: string;
  setting: () => AdapterSetting;
  nested?: NestedSettings;
  /** The nested document's problems, once it is read. */
  errors?: SettingsError[];
}

/** The settings nested in a top-level one. */
interface NestedSettings {
  /** False only when they certainly hold no setting of this lower-cased name (a lookup then passes them unread). */
  mayHold(lower: string): boolean;
  /** The first nested setting of this lower-cased name. */
  find(lower: string): AdapterSetting | undefined;
  all(): AdapterSetting[];
}

/** Settings in document order, each built on first use and then kept (a lookup and all() give the same object). */
class LazySettings {
  readonly #made: (AdapterSetting | undefined)[] = [];
  constructor(
    /** Their names, lower-cased. */
    readonly lowers: readonly string[],
    private readonly make: (i: number) => AdapterSetting,
  ) {}

  at(i: number): AdapterSetting {
    return (this.#made[i] ??= this.make(i));
  }

  find(lower: string): AdapterSetting | undefined {
    const i = this.lowers.indexOf(lower);
    return i < 0 ? undefined : this.at(i);
  }

  all(): AdapterSetting[] {
    return this.lowers.map((_, i) => this.at(i));
  }
}

/** Settings already built, as LazySettings. */
function builtSettings(list: AdapterSetting[]): LazySettings {
  return new LazySettings(
    list.map((s) => s.name.toLowerCase()),
    (i) => list[i],
  );
}

function once<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= make());
}

/**
 * A top-level setting named `name`, built by `setting`; for AdapterConfig / BindingConfiguration, with
 * the settings nested in it read by `read` on first use (their problems into the top's `errors`), and
 * passed over by a lookup when its escaped content, text[contentStart, contentEnd), certainly holds no
 * such name (mayHoldName).
 */
function topSetting(name: string, setting: () => AdapterSetting, text: string, contentStart: number, contentEnd: number, read: (errors: SettingsError[]) => LazySettings): TopSetting {
  const lower = name.toLowerCase();
  if (!NESTED.has(lower)) return { lower, setting };
  const errors: SettingsError[] = [];
  let nested: LazySettings | undefined;
  const get = () => (nested ??= read(errors));
  return {
    lower,
    setting,
    errors,
    nested: {
      mayHold: (l) => nested !== undefined || mayHoldName(text, contentStart, contentEnd, l),
      find: (l) => get().find(l),
      all: () => get().all(),
    },
  };
}

const collectErrors = (into: SettingsError[]) => (e: EmbeddedXml) => {
  for (const err of e.doc.errors) {
    into.push({ message: `In the escaped adapter settings: ${err.message}`, range: { start: e.toOuter(err.start), end: e.toOuter(err.end) } });
  }
};

/**
 * The reference reader: the escaped settings parsed into trees with offset maps. Used for what
 * readPlainSettings does not read (settings with a problem, or outside the plain subset); the test
 * test/core/plainSettings.test.ts holds the two to the same answers.
 */
export function readSettings(xml: XmlDocument, dataElement: XmlElement): AdapterSettings | undefined {
  const outer = parseEmbedded(xml, dataElement);
  if (!outer) return undefined;
  const outerErrors: SettingsError[] = [];
  collectErrors(outerErrors)(outer);
  // The settings in document order: each top-level one, followed by those nested in it (AdapterConfig,
  // BindingConfiguration). The nested documents are parsed when a lookup first passes them (a WCF
  // binding configuration is large, and `BindingType`, which comes before it, is often all a rule
  // asks), or when all settings or the errors are asked for; a lookup passes one without parsing it
  // when its escaped text certainly holds no such name (mayHold). Each nested document keeps its own
  // problems, listed in document order, so every answer is the same as parsing them all at once.
  const tops: TopSetting[] = [];
  const props = outer.doc.root;
  if (props) {
    for (const p of children(props)) {
      const setting = once(() => elementSetting(outer.doc, outer.toOuter, p));
      tops.push(topSetting(p.name, setting, outer.doc.text, p.openEnd, p.closeStart, (errors) => builtSettings(readNested(outer, p, collectErrors(errors)))));
    }
  }
  return settingsFrom(tops, outerErrors);
}

/** The lookups over settings read in document order (tops, each followed by what is nested in it). */
function settingsFrom(tops: TopSetting[], outerErrors: SettingsError[]): AdapterSettings {
  return new SettingsList(tops, outerErrors);
}

/**
 * AdapterSettings over settings read in document order. A class, not an object literal with a getter
 * (`errors`): V8 builds such literals as dictionaries, and every endpoint a rule reads has one.
 */
class SettingsList implements AdapterSettings {
  #list: AdapterSetting[] | undefined;
  #errors: SettingsError[] | undefined;

  constructor(
    private readonly tops: TopSetting[],
    private readonly outerErrors: SettingsError[],
  ) {}

  get(name: string): AdapterSetting | undefined {
    const lower = name.toLowerCase();
    for (const t of this.tops) {
      if (t.lower === lower) return t.setting();
      if (!t.nested || !t.nested.mayHold(lower)) continue;
      const hit = t.nested.find(lower);
      if (hit) return hit;
    }
    return undefined;
  }

  all(): AdapterSetting[] {
    if (!this.#list) {
      const list: AdapterSetting[] = [];
      for (const t of this.tops) {
        list.push(t.setting());
        if (t.nested) list.push(...t.nested.all());
      }
      this.#list = list;
    }
    return this.#list;
  }

  get errors(): SettingsError[] {
    if (!this.#errors) {
      this.all(); // every nested document parsed, so its problems are in
      const errors = [...this.outerErrors];
      for (const t of this.tops) if (t.errors) errors.push(...t.errors);
      this.#errors = errors;
    }
    return this.#errors;
  }
}

/** The elements directly under a plain document's root, as isPlainWellFormed reports them. */
interface PlainChild {
  nameStart: number;
  nameEnd: number;
  contentStart: number;
  contentEnd: number;
  end: number;
  hasElements: boolean;
}

/** What scanPlain records: everything (a reader), the children whose names may be NESTED's (the settings check), or nothing. */
type Recorded = 'all' | 'nested' | 'nothing';

/**
 * A plain document's root attributes and children, read by isPlainWellFormed (the scanner the
 * settings check runs on every endpoint, so warm by the time the rules read settings); undefined when
 * it is not in the plain subset. The check records only what it reads (`record`) with the same
 * callbacks: a second set would make V8 compile the scanner again for them.
 */
function scanPlain(text: string, record: Recorded = 'all'): { attrs: number[]; children: PlainChild[] } | undefined {
  const attrs: number[] = [];
  const kids: PlainChild[] = [];
  const ok = isPlainWellFormed(
    text,
    (nameStart, nameEnd, contentStart, contentEnd, hasElements, end) => {
      if (record === 'all' || (record === 'nested' && NESTED_LENGTHS.has(nameEnd - nameStart))) kids.push({ nameStart, nameEnd, contentStart, contentEnd, end, hasElements });
      return true;
    },
    (ns, ne, vs, ve) => {
      if (record === 'all') attrs.push(ns, ne, vs, ve);
    },
  );
  return ok ? { attrs, children: kids } : undefined;
}

/**
 * A setting written as an element: its name, its own text (textOf) and where that text stands
 * (contentRange), and the element's range, in the file's offsets. For a parsed element, and for a plain
 * document's child through its stand-in.
 */
function elementSetting(doc: XmlDocument, toOuter: (o: number) => number, el: XmlElement): AdapterSetting {
  const r = contentRange(doc, el);
  return {
    name: el.name,
    value: textOf(doc, el),
    range: { start: toOuter(r.start), end: toOuter(r.end) },
    elementRange: { start: toOuter(el.start), end: toOuter(el.end) },
  };
}

/** `xmlns` or `xmlns:prefix`: a namespace declaration, not a setting. */
function isNamespaceDeclaration(name: string): boolean {
  return name === 'xmlns' || name.startsWith('xmlns:');
}

/**
 * A setting written as an attribute of the nested root (WCF BindingConfiguration: `<binding name=..
 * pollingStatement=".."/>`); undefined for a namespace declaration (`<Config xmlns:xsi=..>`), which is
 * not a setting.
 */
function attributeSetting(toOuter: (o: number) => number, name: string, value: string, nameStart: number, valueStart: number, valueEnd: number): AdapterSetting | undefined {
  if (isNamespaceDeclaration(name)) return undefined;
  return {
    name,
    value,
    range: { start: toOuter(valueStart), end: toOuter(valueEnd) },
    elementRange: { start: toOuter(nameStart), end: toOuter(valueEnd + 1) },
  };
}

/** A plain document's child (named `name`) as a setting, read through its stand-in as readSettings reads a parsed one. */
function plainSetting(d: DecodedText, doc: XmlDocument, c: PlainChild, name: string): AdapterSetting {
  return elementSetting(doc, d.toOuter, standIn(c, name));
}

/** A child that stands for `c` in a tree that was not built: parseEmbedded reads only its offsets and text. */
function standIn(c: PlainChild, name: string): XmlElement {
  const selfClosing = c.contentStart === c.end;
  return {
    kind: 'element',
    name,
    start: c.nameStart - 1,
    end: c.end,
    nameStart: c.nameStart,
    nameEnd: c.nameEnd,
    openEnd: c.contentStart,
    closeStart: selfClosing ? c.end : c.contentEnd,
    selfClosing,
    attrs: [],
    children: c.contentEnd > c.contentStart ? [{ kind: 'text', start: c.contentStart, end: c.contentEnd }] : [],
    parent: null,
  };
}

/**
 * The settings of a data element whose escaped text the settings check found plain (isPlainWellFormed
 * true, nested documents included), read with that scanner instead of parsed into trees: the same
 * settings, values and ranges as readSettings (decoded and mapped by the same decodeEmbedded), without
 * building a tree per endpoint. Null when it does not apply (the caller uses readSettings): content
 * other than one text node, or a setting that holds elements (textOf keeps only its own text).
 */
export function readPlainSettings(xml: XmlDocument, dataElement: XmlElement): AdapterSettings | undefined | null {
  const c = dataElement.children;
  if (c.length !== 1 || c[0].kind !== 'text' || c[0].start !== dataElement.openEnd || c[0].end !== dataElement.closeStart) return null;
  const outer = decodeEmbedded(xml, dataElement);
  if (!outer) return undefined;
  const root = scanPlain(outer.text);
  if (!root || root.children.some((k) => k.hasElements)) return null;
  const doc = textDocument(outer.text);
  const tops: TopSetting[] = [];
  for (const k of root.children) {
    const name = outer.text.slice(k.nameStart, k.nameEnd);
    const setting = once(() => plainSetting(outer, doc, k, name));
    tops.push(topSetting(name, setting, outer.text, k.contentStart, k.contentEnd, (errors) => readPlainNested(outer, doc, k, name, errors)));
  }
  return settingsFrom(tops, []);
}

/**
 * The settings of a data element read from its escaped text as it stands (escapedSettingsOutline):
 * the same settings, values and ranges as readSettings, without decoding the documents or mapping
 * offsets, since every offset the outline records is one in the file. Values are decoded one setting
 * at a time, when first asked for. The data element's text is copied first (a setting is read when a
 * rule asks, and a reading is kept across versions: a slice would keep the whole file's text alive).
 * Null when it does not apply (the caller reads them decoded): content other than one text node,
 * escaped text outside the scanner's subset, or a setting that holds elements, at either level.
 */
export function readEscapedSettings(xml: XmlDocument, dataElement: XmlElement): AdapterSettings | undefined | null {
  const c = dataElement.children;
  if (c.length !== 1 || c[0].kind !== 'text' || c[0].start !== dataElement.openEnd || c[0].end !== dataElement.closeStart) return null;
  const base = c[0].start;
  const raw = own(xml.text.slice(base, c[0].end));
  const o = escapedSettingsOutline(raw, 0, raw.length, isNestedName);
  if (!o) return null;
  if (!o.root) return undefined; // no markup: no settings (parseEmbedded reads nothing)
  if (holdsElements(o) || o.nested.some((n) => n !== undefined && holdsElements(n))) return null;
  const k = o.children;
  const tops: TopSetting[] = [];
  for (let i = 0; i < k.length; i += OUTLINE_CHILD) {
    const name = raw.slice(k[i + 1], k[i + 2]);
    const setting = once(() => outlinedSetting(raw, base, k, i, name, 1));
    const inner = o.nested[i / OUTLINE_CHILD];
    // mayHoldName may search the escaped text: the subset holds no character reference at any level,
    // so every name stands in it as it is.
    tops.push(topSetting(name, setting, raw, k[i + 3], k[i + 4], () => (inner && inner.root ? outlinedNested(raw, base, inner) : NO_SETTINGS)));
  }
  return settingsFrom(tops, []);
}

/** Whether a child of the outlined document's root holds elements. */
function holdsElements(o: EscapedOutline): boolean {
  for (let i = OUTLINE_CHILD - 1; i < o.children.length; i += OUTLINE_CHILD) if (o.children[i] === 1) return true;
  return false;
}

/** `s` decoded `times` times (the escaped text of a setting of the first level is decoded twice: once for the binding, once for the settings). */
function decodedTimes(s: string, times: number): string {
  for (let k = 0; k < times; k++) s = decodeEntities(s, 0, s.length);
  return s;
}

/**
 * The child at `i` of an outline as readSettings reads it (elementSetting): its text decoded, the
 * range of that text trimmed as contentRange trims (whitespace is never an escape, so trimming the
 * escaped text is trimming the decoded one), and the element's range; `base` is where the copied
 * text stood in the file.
 */
function outlinedSetting(raw: string, base: number, k: number[], i: number, name: string, level: 1 | 2): AdapterSetting {
  const [start, , , contentStart, contentEnd, end] = k.slice(i, i + OUTLINE_CHILD);
  const selfClosing = contentStart === end;
  let s = contentStart;
  let e = contentEnd;
  while (s < e && isJsSpace(raw.charCodeAt(s))) s++;
  while (e > s && isJsSpace(raw.charCodeAt(e - 1))) e--;
  return {
    name,
    value: selfClosing ? '' : decodedTimes(raw.slice(contentStart, contentEnd), level + 1),
    range: selfClosing ? { start: base + start, end: base + end } : { start: base + s, end: base + e },
    elementRange: { start: base + start, end: base + end },
  };
}

/** The settings of a nested document's outline (readPlainNested's, from the escaped text). */
function outlinedNested(raw: string, base: number, o: EscapedOutline): LazySettings {
  const a = o.attrs;
  const attrs: number[] = [];
  const names: string[] = [];
  for (let i = 0; i < a.length; i += OUTLINE_ATTR) {
    const n = raw.slice(a[i], a[i + 1]);
    if (isNamespaceDeclaration(n)) continue;
    attrs.push(i);
    names.push(n);
  }
  const k = o.children;
  for (let i = 0; i < k.length; i += OUTLINE_CHILD) names.push(raw.slice(k[i + 1], k[i + 2]));
  return new LazySettings(
    names.map((n) => n.toLowerCase()),
    (i) => {
      if (i >= attrs.length) return outlinedSetting(raw, base, k, (i - attrs.length) * OUTLINE_CHILD, names[i], 2);
      const at = attrs[i];
      return { name: names[i], value: decodedTimes(raw.slice(a[at + 2], a[at + 3]), 3), range: { start: base + a[at + 2], end: base + a[at + 3] }, elementRange: { start: base + a[at], end: base + a[at + 4] } };
    },
  );
}

/**
 * readNested for a plain setting (`doc`: the outer decoded text as a document): its document scanned as
 * plain, or parsed (readNested) when it is not; a plain document's settings are built on first use (a
 * lookup builds the one it finds).
 */
function readPlainNested(outer: DecodedText, doc: XmlDocument, k: PlainChild, name: string, errors: SettingsError[]): LazySettings {
  const p = standIn(k, name);
  const inner = decodeEmbedded(doc, p, outer.toOuter);
  if (!inner) return NO_SETTINGS; // no markup in it: no nested settings
  const root = scanPlain(inner.text);
  if (!root || root.children.some((c) => c.hasElements)) return builtSettings(readNested({ doc, toOuter: outer.toOuter }, p, collectErrors(errors)));
  const text = inner.text;
  // The root's attributes (but namespace declarations, which are not settings: attributeSetting), then its children.
  const a = root.attrs;
  const attrs: number[] = [];
  const names: string[] = [];
  for (let i = 0; i < a.length; i += 4) {
    const n = text.slice(a[i], a[i + 1]);
    if (isNamespaceDeclaration(n)) continue;
    attrs.push(i);
    names.push(n);
  }
  for (const c of root.children) names.push(text.slice(c.nameStart, c.nameEnd));
  const innerDoc = textDocument(text);
  return new LazySettings(
    names.map((n) => n.toLowerCase()),
    (i) => {
      if (i >= attrs.length) return plainSetting(inner, innerDoc, root.children[i - attrs.length], names[i]);
      const at = attrs[i];
      return attributeSetting(inner.toOuter, names[i], decodeEntities(text, a[at + 2], a[at + 3]), a[at], a[at + 2], a[at + 3])!;
    },
  );
}

const NO_SETTINGS = builtSettings([]);

/**
 * False only when the escaped settings in text[start, end) certainly hold no setting named `lower`
 * (compared lower-cased), so a lookup need not parse them. A name in the decoded document is a run
 * of name characters, and decoding turns the five entities into `<>&"'`, none of them a name
 * character: so without a character reference (`&#`) every such run stands in the escaped text as
 * it is. Anything outside ASCII (where lower-casing is not one unit for one) answers "may hold".
 */
function mayHoldName(text: string, start: number, end: number, lower: string): boolean {
  if (NON_ASCII.test(lower)) return true;
  const s = text.slice(start, end);
  if (NON_ASCII_OR_CHAR_REF.test(s)) return true;
  return s.toLowerCase().includes(lower);
}
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_OR_CHAR_REF = /[\u0080-\uffff]|&#/;

/** The settings nested in one escaped setting (`p`), its problems given to `collectErrors`. */
function readNested(outer: EmbeddedXml, p: XmlElement, collectErrors: (e: EmbeddedXml) => void): AdapterSetting[] {
  const out: AdapterSetting[] = [];
  const inner = parseEmbedded(outer.doc, p, outer.toOuter);
  if (!inner) return out;
  collectErrors(inner);
  const r = inner.doc.root;
  if (!r) return out;
  // WCF BindingConfiguration keeps settings as attributes; FTP, POP3, MSMQ, WSS as child elements
  // (`<Config><uri>..</uri>...`).
  for (const a of r.attrs) {
    const s = attributeSetting(inner.toOuter, a.name, a.value, a.nameStart, a.valueStart, a.valueEnd);
    if (s) out.push(s);
  }
  for (const c of children(r)) out.push(elementSetting(inner.doc, inner.toOuter, c));
  return out;
}

