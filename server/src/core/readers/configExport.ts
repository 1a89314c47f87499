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

export interface ConfigExportModel {
  databases: ExportedDatabase[];
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

function selected(el: XmlElement): boolean {
  for (let p = el.parent; p; p = p.parent) {
    if (p.name === 'Answer' && (attrValue(p, 'Selected') ?? '').toLowerCase() !== 'yes') return false;
  }
  return true;
}

export function readConfigExport(xml: XmlDocument): ConfigExportModel {
  const model: ConfigExportModel = { databases: [] };
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
