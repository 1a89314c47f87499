// Reads the Deployment Framework's environment settings: the SettingsFileGenerator workbook (Excel 2003
// SpreadsheetML: one column per environment, one row per setting) and the settings files exported from
// it (`<settings><property name="X">value</property></settings>`). Together they say what each
// `${Token}` of a master binding becomes in each environment (model/tokens.ts does the resolving).
//
// SpreadsheetML notes: a <Cell ss:Index="n"> jumps to column n (the cells it skips are empty), and a
// cell with ss:MergeAcross="k" spans k more columns; naive counting of <Cell> elements gets columns
// wrong in most real workbooks. A setting left blank for an environment takes the "Default Values"
// column, as the Deployment Framework's exporter does.

import { attr, children, contentRange, textOf, withSpace } from '../xml/dom';
import { decodeEntities } from '../xml/parser';
import type { XmlDocument, XmlElement, XmlNode } from '../xml/parser';
import type { OffsetRange } from '../text';

export interface SettingValue {
  value: string;
  /** Where the value stands in the file (the cell's Data, or the property's text). */
  range: OffsetRange;
}

export interface WorkbookEnvironment {
  /** The column header in the "Environment Name:" row, e.g. "Production". */
  name: string;
  /** 1-based column. */
  column: number;
  range: OffsetRange;
  /** The "Settings File Name:" of the column, e.g. PROD_settings.xml. */
  settingsFile?: string;
  /** The "Generate File?" answer of the column. */
  generate?: boolean;
}

export interface WorkbookSetting {
  name: string;
  nameRange: OffsetRange;
  /** The "Default Values" cell, when not blank. */
  defaultValue?: SettingValue;
  /** Non-blank cells by 1-based column. */
  values: Map<number, SettingValue>;
}

export interface SettingsWorkbookModel {
  /** The worksheet read (normally "Settings"); undefined when the workbook has no settings sheet. */
  sheet?: string;
  environments: WorkbookEnvironment[];
  /** The 1-based column of "Default Values", when there is one. */
  defaultColumn?: number;
  settings: WorkbookSetting[];
}

export interface SettingsExportModel {
  /** The environment named in the exporter's comment (`<!--Environment: Production-->`). */
  environment?: string;
  properties: { name: string; nameRange: OffsetRange; value: string; range: OffsetRange; element: XmlElement }[];
}

/** Local name of an element or attribute (`ss:Cell` -> `Cell`). */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function kids(el: XmlElement, name: string): XmlElement[] {
  return children(el).filter((c) => local(c.name) === name);
}

function attrLocal(el: XmlElement, name: string): string | undefined {
  for (const a of el.attrs) if (local(a.name) === name && !a.name.startsWith('xmlns')) return a.value;
  return undefined;
}

/** All text under an element in document order, rich-text markup (<B>, <Font>) included, entities decoded. */
function deepText(xml: XmlDocument, el: XmlElement): string {
  let out = '';
  const stack: XmlNode[] = withSpace(xml, el).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === 'text') out += decodeEntities(xml.text, n.start, n.end);
    else if (n.kind === 'cdata') out += xml.text.slice(n.start, n.end);
    else if (n.kind === 'element') {
      const kids = withSpace(xml, n);
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
    }
  }
  return out;
}

interface Cell {
  column: number;
  text: string;
  range: OffsetRange;
}

function readRow(xml: XmlDocument, row: XmlElement): Cell[] {
  const cells: Cell[] = [];
  let col = 0;
  for (const c of kids(row, 'Cell')) {
    const idx = Number(attrLocal(c, 'Index'));
    col = Number.isInteger(idx) && idx > col ? idx : col + 1;
    const data = kids(c, 'Data')[0];
    const text = data ? deepText(xml, data).trim() : '';
    cells.push({ column: col, text, range: data ? contentRange(xml, data) : { start: c.start, end: c.nameEnd } });
    const merge = Number(attrLocal(c, 'MergeAcross'));
    if (Number.isInteger(merge) && merge > 0) col += merge;
  }
  return cells;
}

const LABEL = /^(environment settings|environment name:?|generate file\??|settings file name:?|settings:?)$/i;

export function readSettingsWorkbook(xml: XmlDocument): SettingsWorkbookModel {
  const model: SettingsWorkbookModel = { environments: [], settings: [] };
  const root = xml.root;
  if (!root) return model;
  const sheets = kids(root, 'Worksheet');
  // The sheet that holds an "Environment Name:" row; "Settings" first when several do.
  const ordered = [...sheets.filter((s) => /^settings$/i.test(attrLocal(s, 'Name') ?? '')), ...sheets];
  for (const sheet of ordered) {
    const table = kids(sheet, 'Table')[0];
    if (!table) continue;
    const rows = kids(table, 'Row').map((r) => readRow(xml, r));
    const headerAt = rows.findIndex((cells) => /^environment name/i.test(cells.find((c) => c.column === 1)?.text ?? ''));
    if (headerAt < 0) continue;
    model.sheet = attrLocal(sheet, 'Name');
    const header = rows[headerAt];
    const dflt = header.find((c) => c.column > 1 && /default/i.test(c.text));
    model.defaultColumn = dflt?.column;
    const firstEnv = (dflt?.column ?? 1) + 1;
    for (const c of header) {
      if (c.column >= firstEnv && c.text) model.environments.push({ name: c.text, column: c.column, range: c.range });
    }
    for (let r = headerAt + 1; r < rows.length; r++) {
      const cells = rows[r];
      const first = cells.find((c) => c.column === 1);
      if (!first || !first.text) continue;
      if (/^generate file/i.test(first.text)) {
        for (const e of model.environments) {
          const v = cells.find((c) => c.column === e.column)?.text;
          if (v) e.generate = /^(yes|true|1)$/i.test(v);
        }
        continue;
      }
      if (/^settings file name/i.test(first.text)) {
        for (const e of model.environments) {
          const v = cells.find((c) => c.column === e.column)?.text;
          if (v) e.settingsFile = v;
        }
        continue;
      }
      if (LABEL.test(first.text)) continue;
      const setting: WorkbookSetting = { name: first.text, nameRange: first.range, values: new Map() };
      for (const c of cells) {
        if (c.column === 1 || !c.text) continue;
        if (c.column === model.defaultColumn) setting.defaultValue = { value: c.text, range: c.range };
        else setting.values.set(c.column, { value: c.text, range: c.range });
      }
      model.settings.push(setting);
    }
    break;
  }
  return model;
}

/** A setting's value in an environment column: the column's cell, else the "Default Values" cell. */
export function workbookValue(setting: WorkbookSetting, column: number): SettingValue | undefined {
  return setting.values.get(column) ?? setting.defaultValue;
}

export function readSettingsExport(xml: XmlDocument): SettingsExportModel {
  const model: SettingsExportModel = { properties: [] };
  const root = xml.root;
  if (!root) return model;
  for (const c of xml.comments) {
    const m = /Environment\s*:\s*([^\r\n]+?)\s*$/im.exec(xml.text.slice(c.contentStart, c.contentEnd));
    if (m) {
      model.environment = m[1].trim();
      break;
    }
  }
  for (const p of kids(root, 'property')) {
    const nameAttr = attr(p, 'name');
    if (!nameAttr || !nameAttr.value) continue;
    model.properties.push({
      name: nameAttr.value,
      nameRange: { start: nameAttr.valueStart, end: nameAttr.valueEnd },
      value: textOf(xml, p).trim(),
      range: contentRange(xml, p),
      element: p,
    });
  }
  return model;
}
