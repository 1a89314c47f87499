// Reads a BizTalk configuration file (Configuration.exe export/import, root <Configuration> with
// <Feature> children): which database lives on which SQL Server, and the SSO secret backup file.
// Only branches under selected answers count (`Answer Selected="Yes"`).

import { attrValue, child, children, contentRange, textOf, walk } from '../xml/dom';
import type { XmlDocument, XmlElement } from '../xml/parser';
import type { OffsetRange } from '../text';

export type DatabaseRole =
  | 'mgmt'
  | 'msgbox'
  | 'dta'
  | 'sso'
  | 'ruleengine'
  | 'bam-primary-import'
  | 'bam-archive'
  | 'bam-star-schema'
  | 'bam-analysis'
  | 'bam-alerts'
  | 'tracking-analysis'
  | 'other';

export interface ExportedDatabase {
  role: DatabaseRole;
  displayName: string;
  /** The database name; undefined when tokenised (`%%X%%`, `{{X}}`) or empty. */
  database?: string;
  databaseRange: OffsetRange;
  /** The SQL server as written (`SERVER`, `SERVER\\INSTANCE`, `SERVER,port`); undefined when tokenised. */
  server?: string;
  serverRange: OffsetRange;
  /** The raw text, tokens included. */
  rawServer: string;
  rawDatabase: string;
  element: XmlElement;
}

/** A host the configuration creates (Question HOST for in-process, ISOHOST for isolated). */
export interface ExportedHost {
  type: 'in-process' | 'isolated';
  /** The host name; undefined when tokenised or empty. */
  name?: string;
  rawName: string;
  nameRange: OffsetRange;
  /** The TRUSTEDHOST / TRUSTEDIHOST answer (authentication trusted), when one is selected. */
  trusted?: boolean;
  trustedRange?: OffsetRange;
  /** The GENERICHOST / GENERICIHOST answer (32-bit only), when one is selected. */
  is32Bit?: boolean;
  /** The host instance account as DOMAIN\\user; undefined when tokenised or empty. */
  account?: string;
  element: XmlElement;
}

export interface ConfigExportModel {
  databases: ExportedDatabase[];
  /** Hosts created by the configuration (in selected answers only). */
  hosts: ExportedHost[];
  sso?: {
    createsSecretServer: boolean;
    backupFile?: string;
    backupFileRange?: OffsetRange;
    element?: XmlElement;
  };
}

const ROLE_BY_DISPLAY: [RegExp, DatabaseRole][] = [
  [/management database/i, 'mgmt'],
  [/messagebox/i, 'msgbox'],
  [/tracking analysis/i, 'tracking-analysis'],
  [/tracking database/i, 'dta'],
  [/sso database/i, 'sso'],
  [/rule engine/i, 'ruleengine'],
  [/bam primary import/i, 'bam-primary-import'],
  [/bam archive/i, 'bam-archive'],
  [/bam star schema/i, 'bam-star-schema'],
  [/bam analysis/i, 'bam-analysis'],
  [/alert/i, 'bam-alerts'],
];

/** Default database names for each role, used when the export tokenises the name. */
export const DEFAULT_DB_NAME: Partial<Record<DatabaseRole, string>> = {
  mgmt: 'BizTalkMgmtDb',
  msgbox: 'BizTalkMsgBoxDb',
  dta: 'BizTalkDTADb',
  sso: 'SSODB',
  ruleengine: 'BizTalkRuleEngineDb',
  'bam-primary-import': 'BAMPrimaryImport',
  'bam-archive': 'BAMArchive',
  'bam-star-schema': 'BAMStarSchema',
  'bam-analysis': 'BAMAnalysis',
  'tracking-analysis': 'BizTalkAnalysisDb',
};

const PLACEHOLDER_RE = /%%[^%]+%%|\{\{[^}]+\}\}|\$\{[^}]+\}|\$\([^)]+\)/;

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER_RE.test(value);
}

/**
 * Whether no ancestor of an element is an unselected Answer. Memoised per ancestor: walking up the
 * parents for each element is quadratic in a deeply nested (hostile) file.
 */
function selectionOf(): (el: XmlElement) => boolean {
  // memo(a): a itself and all its ancestors are not unselected Answers.
  const memo = new Map<XmlElement, boolean>();
  return (el) => {
    const chain: XmlElement[] = [];
    let ok = true;
    for (let p = el.parent; p; p = p.parent) {
      const m = memo.get(p);
      if (m !== undefined) {
        ok = m;
        break;
      }
      chain.push(p);
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      const a = chain[k];
      if (ok && a.name === 'Answer' && (attrValue(a, 'Selected') ?? '').toLowerCase() !== 'yes') ok = false;
      memo.set(a, ok);
    }
    return ok;
  };
}

export function readConfigExport(xml: XmlDocument): ConfigExportModel {
  const model: ConfigExportModel = { databases: [], hosts: [] };
  const root = xml.root;
  if (!root) return model;
  walk(root, (el) => {
    if (el.name === 'Answer' && (attrValue(el, 'Selected') ?? '').toLowerCase() !== 'yes') return false;
    if (el.name === 'SQL') {
      const display = attrValue(el, 'DisplayName') ?? '';
      const id = attrValue(el, 'ID') ?? '';
      let role: DatabaseRole = 'other';
      if (id === 'SSO_DB_ID') role = 'sso';
      else for (const [re, r] of ROLE_BY_DISPLAY) if (re.test(display)) { role = r; break; }
      const serverEl = child(el, 'Server');
      const dbEl = child(el, 'Database');
      const rawServer = textOf(xml, serverEl).trim();
      const rawDatabase = textOf(xml, dbEl).trim();
      model.databases.push({
        role,
        displayName: display,
        server: rawServer && !isPlaceholder(rawServer) ? rawServer : undefined,
        database: rawDatabase && !isPlaceholder(rawDatabase) ? rawDatabase : undefined,
        rawServer,
        rawDatabase,
        serverRange: serverEl ? contentRange(xml, serverEl) : { start: el.start, end: el.nameEnd },
        databaseRange: dbEl ? contentRange(xml, dbEl) : { start: el.start, end: el.nameEnd },
        element: el,
      });
      return false;
    }
    return true;
  });
  const selected = selectionOf();
  model.hosts = readHosts(xml, root, selected);
  for (const feature of children(root, 'Feature')) {
    if (!/SSO/i.test(attrValue(feature, 'Name') ?? '')) continue;
    let creates = false;
    let fileEl: XmlElement | undefined;
    walk(feature, (el) => {
      if (el.name === 'Question' && attrValue(el, 'ID') === 'IsSecretServer') {
        for (const a of children(el, 'Answer')) {
          if ((attrValue(a, 'Selected') ?? '').toLowerCase() === 'yes' && attrValue(a, 'Value') === 'Create') creates = true;
        }
      }
      if (el.name === 'FILE' && attrValue(el, 'ID') === 'SSO_ID_BACKUP_SECRET_FILE' && selected(el)) fileEl = el;
      return true;
    });
    const valueEl = child(fileEl, 'Value');
    const backupFile = valueEl ? textOf(xml, valueEl).trim() : undefined;
    model.sso = {
      createsSecretServer: creates,
      backupFile: backupFile || undefined,
      backupFileRange: valueEl ? contentRange(xml, valueEl) : fileEl ? { start: fileEl.start, end: fileEl.nameEnd } : undefined,
      element: fileEl ?? feature,
    };
  }
  return model;
}

/** The selected answer's Value of a Question, and the answer element. */
function selectedAnswer(q: XmlElement | undefined): XmlElement | undefined {
  return q ? children(q, 'Answer').find((a) => (attrValue(a, 'Selected') ?? '').toLowerCase() === 'yes') : undefined;
}

function questionIn(el: XmlElement, id: string): XmlElement | undefined {
  return children(el, 'Question').find((q) => attrValue(q, 'ID') === id);
}

/** Hosts created by Question HOST (in-process) and ISOHOST (isolated), with their trust and bitness. */
function readHosts(xml: XmlDocument, root: XmlElement, selected: (el: XmlElement) => boolean): ExportedHost[] {
  const out: ExportedHost[] = [];
  walk(root, (el) => {
    if (el.name !== 'Question') return true;
    const id = attrValue(el, 'ID');
    if (id !== 'HOST' && id !== 'ISOHOST') return true;
    const yes = selectedAnswer(el);
    if (!yes || (attrValue(yes, 'Value') ?? '').toLowerCase() !== 'yes' || !selected(el)) return false;
    const iso = id === 'ISOHOST';
    const nameEl = children(yes, 'Name').find((n) => attrValue(n, 'ID') === (iso ? 'BTS_IHOST_NAME' : 'BTS_HOST_NAME'));
    const valueEl = child(nameEl, 'Value');
    const rawName = valueEl ? textOf(xml, valueEl).trim() : '';
    const trustedAnswer = selectedAnswer(questionIn(yes, iso ? 'TRUSTEDIHOST' : 'TRUSTEDHOST'));
    const genericAnswer = selectedAnswer(questionIn(yes, iso ? 'GENERICIHOST' : 'GENERICHOST'));
    const service = children(yes, 'NTService')[0];
    const user = textOf(xml, child(service, 'UserName')).trim();
    const domain = textOf(xml, child(service, 'Domain')).trim();
    const account = user && !isPlaceholder(user) && !isPlaceholder(domain) ? (domain ? `${domain}\\${user}` : user) : undefined;
    const trustedValue = trustedAnswer ? attrValue(trustedAnswer, 'Value') : undefined;
    const trustedAttr = trustedAnswer?.attrs.find((a) => a.name === 'Value');
    out.push({
      type: iso ? 'isolated' : 'in-process',
      name: rawName && !isPlaceholder(rawName) ? rawName : undefined,
      rawName,
      nameRange: valueEl ? contentRange(xml, valueEl) : nameEl ? { start: nameEl.start, end: nameEl.nameEnd } : { start: el.start, end: el.nameEnd },
      trusted: trustedValue === undefined ? undefined : trustedValue.toLowerCase() === 'yes',
      trustedRange: trustedAttr ? { start: trustedAttr.valueStart, end: trustedAttr.valueEnd } : undefined,
      is32Bit: genericAnswer ? (attrValue(genericAnswer, 'Value') ?? '').toLowerCase() === 'yes' : undefined,
      account,
      element: el,
    });
    return false;
  });
  return out;
}
