// Deployment Framework token resolution. A BTDF master binding (PortBindingsMaster.xml) is full of
// `${Token}` placeholders (host names, addresses, settings) that XmlPreprocess replaces at deploy time
// with the values of one environment's settings file. btslint does the same for the environment of the
// topology it checks against, so a master binding's hosts join the topology and its addresses can be
// checked. Positions never move: a finding about a resolved value points at the token in the binding.
//
// Where the values come from, in this order:
//   1. exported settings files (`<settings><property name=..>`) whose environment matches;
//   2. the SettingsFileGenerator workbook: the column whose environment matches; a blank cell takes the
//      "Default Values" column, as the Deployment Framework's exporter does.
//
// Matching the topology's environment (production | staging | test | development) to a settings
// column or file: names are split into words (spaces, _, -, ., camelCase; the words "settings",
// "exported", "environment", "env" and a .xml extension are ignored) and compared case-insensitively
// with these aliases:
//   production:  production, prod, prd, live
//   staging:     staging, stage, stg, preprod, preproduction, uat
//   test:        test, tst, testing, qa, sit
//   development: development, dev, devl, develop, local, localdev, sandbox
// A name whose words are all aliases ("Production", "PROD_settings.xml", "Local Development") matches
// better than one with only some ("Shared Development"). A workbook column scores its header twice
// and its "Settings File Name" once, so of three columns headed "Production" the one whose file is
// PROD_Settings.xml wins; an exported file scores its "Environment:" comment twice and its file name
// once. The best score wins; on a tie, the leftmost column (or the first file by name).

import type { BtsDocument } from '../document';
import type { Workspace } from './join';
import type { OffsetRange } from '../text';
import { workbookValue } from '../readers/settings';
import { parseXml, XmlComment } from '../xml/parser';
import { contentRange, textOf } from '../xml/dom';

/**
 * `${Name}` (Deployment Framework, XmlPreprocess) or `$(Name)` (MSBuild style), matched where a '$'
 * stands (sticky: findTokens finds each '$' with indexOf, far faster than the regex's own scan over a
 * whole binding).
 */
const TOKEN_AT = /\$(?:\{([^}\r\n]{1,200})\}|\(([^)\r\n]{1,200})\))/y;

/** Tokens XmlPreprocess defines itself: never looked up in the settings. */
export const BUILTIN_TOKENS = new Set(['_xml_preprocess']);

export const ENVIRONMENT_ALIASES: Record<string, string[]> = {
  production: ['production', 'prod', 'prd', 'live'],
  staging: ['staging', 'stage', 'stg', 'preprod', 'preproduction', 'uat'],
  test: ['test', 'tst', 'testing', 'qa', 'sit'],
  development: ['development', 'dev', 'devl', 'develop', 'local', 'localdev', 'sandbox'],
};

const NOISE = new Set(['settings', 'setting', 'exported', 'environment', 'env', 'xml', 'values']);

function words(label: string): string[] {
  return label
    .replace(/^.*[\\/]/, '')
    .replace(/\.xml$/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !NOISE.has(w));
}

/** 2 when every word of the label is an alias of the environment, 1 when some is, else 0. */
export function environmentScore(environment: string | undefined, label: string | undefined): number {
  if (!environment || !label) return 0;
  const aliases = ENVIRONMENT_ALIASES[environment.toLowerCase()] ?? [environment.toLowerCase()];
  const w = words(label);
  if (!w.length) return 0;
  const hits = w.filter((x) => aliases.includes(x)).length;
  return hits === w.length ? 2 : hits > 0 ? 1 : 0;
}

export interface TokenValue {
  name: string;
  value: string;
  /** The settings file or workbook that gives the value, and where. */
  doc: BtsDocument;
  range: OffsetRange;
  /** In words: `PROD_settings.xml` or `SettingsFileGenerator.xml, column "Production"`. */
  origin: string;
}

export interface SettingsSource {
  doc: BtsDocument;
  /** The workbook column used, for a workbook. */
  column?: number;
  label: string;
}

export interface TokenTable {
  environment?: string;
  /** The settings files and workbook columns consulted, best first. Empty: no settings for this environment. */
  sources: SettingsSource[];
  /** Whether the workspace holds any Deployment Framework settings at all (for messages). */
  anySettings: boolean;
  get(name: string): TokenValue | undefined;
}

function baseName(uri: string): string {
  return uri.replace(/^.*[\\/]/, '');
}

const cache = new WeakMap<BtsDocument[], Map<string, TokenTable>>();

/** The token values of one environment, from the workspace's settings files and workbooks. */
export function tokenTable(ws: Workspace, environment: string | undefined): TokenTable {
  let perWs = cache.get(ws.documents);
  if (!perWs) cache.set(ws.documents, (perWs = new Map<string, TokenTable>()));
  const key = environment ?? '';
  const hit = perWs.get(key);
  if (hit) return hit;
  const exports = ws.documents.filter((d) => d.settingsExport);
  const workbooks = ws.documents.filter((d) => d.settingsWorkbook && d.settingsWorkbook.environments.length);
  const sources: SettingsSource[] = [];
  if (environment) {
    const scored = exports
      .map((d) => ({ d, score: 2 * environmentScore(environment, d.settingsExport!.environment) + environmentScore(environment, baseName(d.uri)) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || (a.d.uri < b.d.uri ? -1 : 1));
    for (const x of scored) sources.push({ doc: x.d, label: baseName(x.d.uri) });
    for (const d of workbooks) {
      let best: { column: number; name: string; file?: string; score: number } | undefined;
      for (const e of d.settingsWorkbook!.environments) {
        const score = 2 * environmentScore(environment, e.name) + environmentScore(environment, e.settingsFile);
        if (score > 0 && (!best || score > best.score)) best = { column: e.column, name: e.name, file: e.settingsFile, score };
      }
      if (best) sources.push({ doc: d, column: best.column, label: `${baseName(d.uri)}, column "${best.name}"${best.file ? ` (${best.file})` : ''}` });
    }
  } else if (exports.length === 1 && !workbooks.length) {
    // No environment to choose by: a lone exported settings file is the only candidate.
    sources.push({ doc: exports[0], label: baseName(exports[0].uri) });
  }
  const table: TokenTable = {
    environment,
    sources,
    anySettings: exports.length + workbooks.length > 0,
    get(name: string) {
      const lower = name.toLowerCase();
      for (const s of sources) {
        if (s.doc.settingsExport) {
          const p = byName(s.doc.settingsExport.properties).get(lower);
          if (p) return { name: p.name, value: p.value, doc: s.doc, range: p.range, origin: s.label };
        } else if (s.doc.settingsWorkbook && s.column !== undefined) {
          const setting = byName(s.doc.settingsWorkbook.settings).get(lower);
          const v = setting && workbookValue(setting, s.column);
          if (v) return { name: setting.name, value: v.value, doc: s.doc, range: v.range, origin: s.label };
        }
      }
      return undefined;
    },
  };
  perWs.set(key, table);
  return table;
}

const nameMaps = new WeakMap<object, Map<string, unknown>>();
/** A list of named items by lower-case name, the first of each name (built once per list, not searched per token). */
function byName<T extends { name: string }>(list: T[]): Map<string, T> {
  let m = nameMaps.get(list) as Map<string, T> | undefined;
  if (!m) {
    m = new Map();
    for (const x of list) {
      const k = x.name.toLowerCase();
      if (!m.has(k)) m.set(k, x);
    }
    nameMaps.set(list, m);
  }
  return m;
}

/**
 * The longest text token substitution builds (characters). A real value (an address, a host name) is
 * short; a 1 MB setting used through 1,000 tokens would be a gigabyte: the text is cut here instead.
 */
export const MAX_RESOLVED_CHARS = 64 * 1024;

export interface TokenUse {
  name: string;
  /** The token as written, `${Name}`. */
  raw: string;
  /** Offset of the token in the resolved-from text. */
  index: number;
  value?: TokenValue;
}

export interface ResolvedText {
  /** The text with every resolvable token replaced. */
  value: string;
  tokens: TokenUse[];
  /** Names of the tokens no settings define. */
  unresolved: string[];
  /** The value was cut at MAX_RESOLVED_CHARS. */
  truncated?: boolean;
}

/**
 * Whether `value` holds a token: one findTokens would find (the same pattern, so a value the host
 * rules leave to unresolved-token as tokenised is one that rule reports). Most values (host names,
 * addresses, asked by every host rule for every endpoint) hold no '$'.
 */
export function hasToken(value: string): boolean {
  for (let i = value.indexOf('$'); i >= 0; i = value.indexOf('$', i + 1)) {
    TOKEN_AT.lastIndex = i;
    if (TOKEN_AT.test(value)) return true;
  }
  return false;
}

/** The tokens of a text in order, each once (a match is not searched again for one inside it). */
export function findTokens(text: string): TokenUse[] {
  const out: TokenUse[] = [];
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    TOKEN_AT.lastIndex = i;
    const m = TOKEN_AT.exec(text);
    if (!m) continue;
    out.push({ name: (m[1] ?? m[2]).trim(), raw: m[0], index: i });
    i = TOKEN_AT.lastIndex - 1;
  }
  return out;
}

export function resolveText(text: string, table: TokenTable | undefined): ResolvedText {
  const tokens = findTokens(text);
  const unresolved: string[] = [];
  let value = '';
  let last = 0;
  let truncated = false;
  const append = (piece: string) => {
    if (truncated) return;
    if (value.length + piece.length > MAX_RESOLVED_CHARS) {
      value += piece.slice(0, MAX_RESOLVED_CHARS - value.length);
      truncated = true;
    } else value += piece;
  };
  for (const t of tokens) {
    append(text.slice(last, t.index));
    last = t.index + t.raw.length;
    t.value = BUILTIN_TOKENS.has(t.name) ? undefined : table?.get(t.name);
    if (t.value) append(t.value.value);
    else {
      append(t.raw);
      if (!BUILTIN_TOKENS.has(t.name)) unresolved.push(t.name);
    }
  }
  append(text.slice(last));
  return truncated ? { value, tokens, unresolved, truncated } : { value, tokens, unresolved };
}

/** The environment rules resolve tokens for when no topology is given: the one all topologies share. */
export function soleEnvironment(ws: Workspace): string | undefined {
  const envs = new Set(ws.topologies.map((t) => t.topology?.environment).filter((e): e is string => !!e));
  return envs.size === 1 ? [...envs][0] : undefined;
}

/** Whether the workspace holds Deployment Framework settings to resolve tokens from. */
export function hasSettings(ws: Workspace): boolean {
  // Asked for every endpoint by several rules: remembered per document list (as tokenTable is), or a
  // repository's lint run would scan all its documents once per endpoint (quadratic).
  let known = settingsCache.get(ws.documents);
  if (known === undefined) {
    known = ws.documents.some((d) => !!(d.settingsExport || (d.settingsWorkbook && d.settingsWorkbook.environments.length)));
    settingsCache.set(ws.documents, known);
  }
  return known;
}

const settingsCache = new WeakMap<BtsDocument[], boolean>();

/**
 * An element as XmlPreprocess deploys it when the file holds it commented out inside an
 * `<!-- ifdef ${_xml_preprocess} -->` ... `<!-- endif -->` block (the Deployment Framework's way of
 * keeping a tokenised Address out of the way of Visual Studio). `comments`: the comments directly
 * inside the element that would hold it (Transport.addressComments). Returns its text and where it is.
 */
export function commentedChild(doc: BtsDocument, comments: readonly XmlComment[], name: string, table?: TokenTable): { text: string; range: OffsetRange } | undefined {
  // Conditions in force: true while every enclosing ifdef/ifndef/else holds.
  const stack: boolean[] = [];
  const active = () => stack.length > 0 && stack.every(Boolean);
  for (const c of comments) {
    const content = doc.text.slice(c.contentStart, c.contentEnd);
    const dir = /^\s*#?\s*(ifdef|ifndef|else|endif)\b\s*(.*?)\s*$/i.exec(content);
    if (dir) {
      const kw = dir[1].toLowerCase();
      if (kw === 'endif') stack.pop();
      else if (kw === 'else') {
        if (stack.length) stack[stack.length - 1] = !stack[stack.length - 1];
      } else {
        const cond = dir[2].replace(/^\$\{([^}]*)\}$/, '$1').trim();
        const defined = BUILTIN_TOKENS.has(cond) || !!table?.get(cond);
        stack.push(kw === 'ifdef' ? defined : !defined);
      }
      continue;
    }
    if (!active()) continue;
    const lead = content.length - content.trimStart().length;
    if (content[lead] !== '<') continue;
    const inner = parseXml(content);
    const el = inner.root;
    if (!el || el.name !== name || inner.errors.length) continue;
    const r = contentRange(inner, el);
    return { text: textOf(inner, el).trim(), range: { start: c.contentStart + r.start, end: c.contentStart + r.end } };
  }
  return undefined;
}
