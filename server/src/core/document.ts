// One file as btslint sees it: decoded text, its kind (decided by content, not by name), the parse
// tree and the kind's model. Built once per file version; everything downstream reads from it.

import { decode, DecodedText, detectEol, Encoding, Eol, LineIndex } from './text';
import { parseXml, XmlDocument } from './xml/parser';
import { BindingModel, readBinding } from './readers/binding';
import { ConfigExportModel, readConfigExport } from './readers/configExport';
import { readTopology, ReaderProblem, TopologyModel } from './readers/topology';
import { children } from './xml/dom';

export type DocumentKind =
  /** A BindingInfo file (root `BindingInfo`), whatever its name. */
  | 'binding'
  /** A *.topology.yaml|yml|json file. */
  | 'topology'
  /** A BizTalk configuration file (root `Configuration` with `Feature` children). */
  | 'config-export'
  /** A Deployment Framework project (`*.btdfproj`, MSBuild `Project`). */
  | 'btdf-project'
  /** A Deployment Framework SettingsFileGenerator workbook (SpreadsheetML `Workbook`). */
  | 'btdf-settings'
  /** A Deployment Framework exported settings file (root `settings`). */
  | 'settings-export'
  /** An ApplicationDefinition.adf from an extracted MSI. */
  | 'app-definition'
  /** Any other file: not a BizTalk deployment file; read but not checked. */
  | 'other';

export interface BtsDocument {
  uri: string;
  text: string;
  encoding: Encoding;
  eol: Eol;
  kind: DocumentKind;
  xml?: XmlDocument;
  binding?: BindingModel;
  configExport?: ConfigExportModel;
  topology?: TopologyModel;
  /** Syntax and schema problems, and decoding problems, in this file's offsets. */
  problems: ReaderProblem[];
  lines(): LineIndex;
}

export function isTopologyName(uri: string): boolean {
  return /\.topology\.(ya?ml|json)$/i.test(uri);
}

/** File names btslint reads when it walks a folder. */
export function isCandidateName(uri: string): boolean {
  return isTopologyName(uri) || /\.(xml|btdfproj|adf)$/i.test(uri);
}

export function readDocument(uri: string, content: Uint8Array | string): BtsDocument {
  const decoded: DecodedText = typeof content === 'string' ? { text: content, encoding: 'utf8' } : decode(content);
  const text = decoded.text;
  let lineIndex: LineIndex | undefined;
  const doc: BtsDocument = {
    uri,
    text,
    encoding: decoded.encoding,
    eol: detectEol(text),
    kind: 'other',
    problems: [],
    lines: () => (lineIndex ??= new LineIndex(text)),
  };
  if (decoded.problem) doc.problems.push({ kind: 'parse', message: `Cannot read the file as text: ${decoded.problem}.`, range: { start: 0, end: 0 } });
  if (isTopologyName(uri)) {
    doc.kind = 'topology';
    doc.topology = readTopology(text, /\.json$/i.test(uri));
    doc.problems.push(...doc.topology.problems);
    return doc;
  }
  if (!looksLikeXml(text)) return doc;
  const xml = parseXml(text);
  const root = xml.root;
  const kind = classify(uri, xml);
  doc.kind = kind;
  if (kind === 'other') return doc;
  doc.xml = xml;
  for (const e of xml.errors) doc.problems.push({ kind: 'parse', message: e.message, range: { start: e.start, end: e.end } });
  if (kind === 'binding') doc.binding = readBinding(xml);
  else if (kind === 'config-export') doc.configExport = readConfigExport(xml);
  void root;
  return doc;
}

function looksLikeXml(text: string): boolean {
  for (let i = 0; i < text.length && i < 4096; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    return c === 60;
  }
  return false;
}

function classify(uri: string, xml: XmlDocument): DocumentKind {
  const root = xml.root;
  if (!root) return /\.(xml|btdfproj|adf)$/i.test(uri) && /bind/i.test(uri) ? 'binding' : 'other';
  const name = root.name.replace(/^.*:/, '');
  if (name === 'BindingInfo') return 'binding';
  if (name === 'Configuration' && children(root, 'Feature').length > 0) return 'config-export';
  if (name === 'Project' && /\.btdfproj$/i.test(uri)) return 'btdf-project';
  if (name === 'Workbook') return 'btdf-settings';
  if (name === 'settings') return 'settings-export';
  if (name === 'ApplicationDefinition') return 'app-definition';
  return 'other';
}
