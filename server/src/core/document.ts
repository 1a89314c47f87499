// One file as btslint sees it: decoded text, its kind (decided by content, not by name), the parse
// tree and the kind's model. Built once per file version; everything downstream reads from it.

import { decode, DecodedText, detectEol, Encoding, Eol, LineIndex, utf8ByteLength } from './text';
import { parseXml, XmlComment, XmlDocument } from './xml/parser';
import { changedRange, reparseXml, TextChange } from './xml/incremental';
import { BINDING_READS, BindingModel, readBindingSteps, withoutTree } from './readers/binding';
import { ConfigExportModel, readConfigExport } from './readers/configExport';
import { BtdfProjectModel, readBtdfProject } from './readers/btdf';
import { readSettingsExport, readSettingsWorkbook, SettingsExportModel, SettingsWorkbookModel } from './readers/settings';
import { AppDefinitionModel, readAppDefinition } from './readers/appDefinition';
import { readTopology, ReaderProblem, TopologyModel } from './readers/topology';
import { children } from './xml/dom';
import { commentsMayHoldSuppressions } from './suppress/directives';

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
  /** kind btdf-project: the Deployment.btdfproj. */
  btdfProject?: BtdfProjectModel;
  /** kind btdf-settings: the SettingsFileGenerator workbook. */
  settingsWorkbook?: SettingsWorkbookModel;
  /** kind settings-export: an exported environment settings file. */
  settingsExport?: SettingsExportModel;
  /** kind app-definition: an ApplicationDefinition.adf. */
  appDefinition?: AppDefinitionModel;
  topology?: TopologyModel;
  /** Syntax and schema problems, and decoding problems, in this file's offsets. */
  problems: ReaderProblem[];
  lines(): LineIndex;
  /**
   * Set when the next version of the file was read incrementally from this one (ReadOptions.previous):
   * its XML tree now describes the newer text, so this version must not be used again.
   */
  superseded?: boolean;
}

export function isTopologyName(uri: string): boolean {
  return /\.topology\.(ya?ml|json)$/i.test(uri);
}

/** File names btslint reads when it walks a folder. */
export function isCandidateName(uri: string): boolean {
  return isTopologyName(uri) || /\.(xml|btdfproj|adf)$/i.test(uri);
}

/**
 * Folders never worth walking into, for every shell that walks a folder (the CLI's walker and the
 * language server's scan and file watching): tool and build output, VCS metadata, dependencies.
 */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.svn', '.hg', 'bin', 'obj', '.vs', '.vscode-test', 'out', '.e2e']);

export interface ReadOptions {
  /** Files larger than this many bytes are not read; an info finding (file-too-large) says so. Default 50 MB. */
  maxFileSize?: number;
  /**
   * The end of the file-too-large message: how the user of this shell raises the limit. Default: the
   * CLI's `--max-file-size` (the language server names its btslint.maxFileSizeMB setting instead).
   */
  sizeLimitHint?: string;
  /** False: topologies are read without schema validation (no topology-schema problems). Default true. */
  topologySchema?: boolean;
  /**
   * The previous version of the same file, when `content` is its new text (an editor's buffer after an
   * edit): its XML tree is updated in place when the change allows (xml/incremental.ts), instead of
   * parsing the whole text again, and `previous` is then marked superseded. The result is the same.
   */
  previous?: BtsDocument;
  /**
   * With `previous`: the region where `content` differs from `previous.text`, when the caller knows
   * it (an editor's change events); it may be larger than the difference, never smaller. Without it
   * the region is found by comparing both texts (a few tens of milliseconds on 15 MB).
   */
  change?: TextChange;
  /**
   * The document will not outlive its text and will not be edited (a command-line run): its XML tree
   * may hold views into the text instead of copies (ParseOptions.shortLived). Default false.
   */
  shortLived?: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

/** How the CLI's user raises the size limit (the default end of the file-too-large message). */
export const CLI_SIZE_LIMIT_HINT = 'Raise the limit (--max-file-size) to check it.';

/**
 * Reads one file. Never throws: every problem (undecodable bytes, syntax, a file over the size limit)
 * becomes a problem with a range in the document, reported by the engine as a finding.
 */
export function readDocument(uri: string, content: Uint8Array | string, options: ReadOptions = {}): BtsDocument {
  const steps = readDocumentSteps(uri, content, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * readDocument in steps: it pauses before and after the XML is parsed (or re-parsed in place) and while the
 * binding model is read, so a shell that must stay responsive (the language server, re-reading an
 * edited binding of megabytes) can answer requests in between. The core keeps no clock: the caller
 * decides when to go back to its event loop. The first step decodes and indexes the text; the second
 * parses it, updating `previous`'s tree in place when it can (then `previous` is superseded): from
 * there, a caller that needs the document runs the remaining steps at once.
 */
export function* readDocumentSteps(uri: string, content: Uint8Array | string, options: ReadOptions = {}): Generator<void, BtsDocument, void> {
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // A text's UTF-8 size is at most 3 bytes per code unit: counted only when that bound is over the limit.
  const size = typeof content === 'string' ? (content.length * 3 > limit ? utf8ByteLength(content) : 0) : content.byteLength;
  if (size > limit) return skippedDocument(uri, size, limit, options.sizeLimitHint);
  try {
    return yield* readDocumentUnsafe(uri, content, options.topologySchema !== false, options.previous, options.change, options.shortLived === true);
  } catch (e) {
    const doc = emptyDocument(uri);
    doc.kind = isTopologyName(uri) ? 'topology' : 'binding';
    doc.problems.push({ kind: 'parse', message: `btslint could not read this file: ${(e as Error)?.message ?? e}. Please report it.`, range: { start: 0, end: 0 } });
    return doc;
  }
}

/**
 * The stand-in for a file over the size limit: no text, no kind, one `skipped` problem. The CLI calls
 * it from the file's size alone, so a huge file is never loaded into memory.
 */
export function skippedDocument(uri: string, size: number, limit: number = DEFAULT_MAX_FILE_SIZE, hint: string = CLI_SIZE_LIMIT_HINT): BtsDocument {
  const doc = emptyDocument(uri);
  doc.problems.push({
    kind: 'skipped',
    message: `This file is ${megabytes(size)} MB, over btslint's size limit of ${megabytes(limit)} MB, so it was not read or checked. ${hint}`,
    range: { start: 0, end: 0 },
  });
  return doc;
}

/**
 * The stand-in for a file under the size limit that was not read because the files read before it
 * used up the run's byte budget (all files of a run together): a file-too-large finding.
 */
export function overBudgetDocument(uri: string, size: number, budget: number): BtsDocument {
  const doc = emptyDocument(uri);
  doc.problems.push({
    kind: 'skipped',
    message: `This file (${megabytes(size)} MB) was not read or checked: the files read before it used up btslint's budget of ${megabytes(budget)} MB for one run. Lint its folder on its own.`,
    range: { start: 0, end: 0 },
  });
  return doc;
}

/**
 * Text handed over as a string (an editor's buffer): no bytes to check, but a NUL is as wrong as in a
 * file. With `from`, only the text from there to `to` is searched (the rest is known to hold none).
 */
function fromText(text: string, from = 0, to = text.length): DecodedText {
  const at = (from > 0 || to < text.length ? text.slice(from, to) : text).indexOf('\u0000');
  const nul = at < 0 ? -1 : from + at;
  return nul >= 0 ? { text, encoding: 'utf8', problem: `the text holds a NUL character at character ${nul}: XML and YAML files cannot hold one` } : { text, encoding: 'utf8' };
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10);
}

function emptyDocument(uri: string): BtsDocument {
  let lineIndex: LineIndex | undefined;
  return { uri, text: '', encoding: 'utf8', eol: '\n', kind: 'other', problems: [], lines: () => (lineIndex ??= new LineIndex('')) };
}

/**
 * A name that says "binding file" (`Bindings.xml`, `*BindingInfo*.xml`, `PortBindingsMaster.xml`):
 * such a file is checked even when it is empty, binary or holds no root element, and says why.
 */
export function isBindingName(uri: string): boolean {
  const base = uri.replace(/^.*[\\/]/, '');
  return /\.(xml|btdfproj|adf)$/i.test(base) && /bind/i.test(base);
}

/** Documents whose text holds no NUL and decoded cleanly: an edit of them is searched for one only where it changed. */
const cleanText = new WeakSet<BtsDocument>();
/**
 * The document with `eol` found on first read: detectEol goes through every line of the text, and
 * only a fix, a completion or a suppression written back asks (a command-line report never does; the
 * language server reads a new version after each edit). One getter serves every document: V8 keeps
 * objects whose accessors are the same functions in one fast shape, and turns each object that gets a
 * getter of its own (or a value redefined as an accessor) into a slow dictionary.
 */
function withEol<T extends { text: string }>(doc: T): T & { readonly eol: Eol } {
  Object.defineProperty(doc, 'eol', EOL_PROPERTY);
  return doc as T & { readonly eol: Eol };
}
const eols = new WeakMap<object, Eol>();
const EOL_PROPERTY: PropertyDescriptor = {
  get(this: { text: string }): Eol {
    let e = eols.get(this);
    if (e === undefined) eols.set(this, (e = detectEol(this.text)));
    return e;
  },
  enumerable: true,
  configurable: true,
};

/** The line index a document built: the next version's is made from it (LineIndex.edited). */
const builtLines = new WeakMap<BtsDocument, LineIndex>();

function* readDocumentUnsafe(
  uri: string,
  content: Uint8Array | string,
  topologySchema = true,
  previous?: BtsDocument,
  change?: TextChange,
  shortLived = false,
): Generator<void, BtsDocument, void> {
  // The client's edit of a clean text: only the changed part is searched for a NUL, and the line
  // index is made from the previous one.
  const edit = typeof content === 'string' && previous && change && previous.uri === uri && validChange(change, previous.text.length, content.length) ? change : undefined;
  const decoded: DecodedText = typeof content === 'string' ? (edit && cleanText.has(previous!) ? fromText(content, edit.start, edit.newEnd) : fromText(content)) : decode(content);
  const text = decoded.text;
  const previousLines = edit && builtLines.get(previous!);
  let lineIndex: LineIndex | undefined = previousLines ? LineIndex.edited(previousLines, text, edit) : undefined;
  const doc: BtsDocument = withEol(
    {
      uri,
      text,
      encoding: decoded.encoding,
      kind: 'other',
      problems: [],
      lines: () => {
        if (!lineIndex) builtLines.set(doc, (lineIndex = new LineIndex(text)));
        return lineIndex;
      },
    },
  );
  if (lineIndex) builtLines.set(doc, lineIndex);
  if (!decoded.problem) cleanText.add(doc);
  if (decoded.problem) {
    // At the first NUL or undecodable character (U+FFFD), else at the end (an odd UTF-16 byte).
    const nul = text.indexOf('\u0000');
    const bad = nul >= 0 ? nul : text.indexOf('\ufffd');
    const at = bad >= 0 ? bad : text.length;
    doc.problems.push({ kind: 'parse', message: `Cannot read the file as text: ${decoded.problem}.`, range: { start: at, end: Math.min(text.length, at + 1) } });
  }
  if (isTopologyName(uri)) {
    doc.kind = 'topology';
    doc.topology = readTopology(text, /\.json$/i.test(uri), { schema: topologySchema });
    doc.problems.push(...doc.topology.problems);
    return doc;
  }
  const bindingName = isBindingName(uri);
  if (bindingName && text.trim().replace(/^\uFEFF/, '') === '') {
    // An empty file named like a binding is a binding that lost its content (a failed export, a bad merge).
    doc.kind = 'binding';
    doc.problems.push({ kind: 'parse', message: 'The file is empty: a binding file holds a <BindingInfo> element.', range: { start: 0, end: 0 } });
    return doc;
  }
  if (!looksLikeXml(text)) {
    // Binary or plain text: only a file named like a binding is reported (its decoding problem, or a
    // missing root); anything else is not a BizTalk file.
    if (bindingName) {
      doc.kind = 'binding';
      if (!decoded.problem) doc.problems.push({ kind: 'parse', message: 'The file holds no XML: a binding file holds a <BindingInfo> element.', range: { start: 0, end: Math.min(text.length, 1) } });
    }
    return doc;
  }
  // Nothing of `previous` has changed yet: a caller may still answer from it while it waits.
  yield;
  // A command-line read of a binding lets its tree go once the model is read (letTreeGo): only the
  // elements the model is read from are made nodes (BINDING_READS). One with suppressions keeps it all.
  // Whether it has one is known once its comments are (a comment holds every XML suppression): the
  // rare document that has one is parsed again, whole.
  let letGo = shortLived;
  let xml = (typeof content === 'string' && !decoded.problem && reparsed(uri, previous, text, change)) || parseXml(text, { shortLived, keep: letGo ? BINDING_READS : undefined });
  if (letGo && commentsMayHoldSuppressions(text, xml.comments)) {
    letGo = false;
    xml = parseXml(text, { shortLived });
  }
  yield;
  const root = xml.root;
  const kind = classify(uri, xml);
  doc.kind = kind;
  if (kind === 'other') return doc;
  // A binding that lets its tree go gets `xml` as an accessor (letTreeGo), never first as a value: V8
  // turns an object whose data property becomes an accessor into a slow dictionary, and every rule
  // reads its documents' fields.
  const releases = letGo && kind === 'binding';
  if (!releases) doc.xml = xml;
  for (const e of xml.errors) doc.problems.push({ kind: 'parse', message: e.message, range: { start: e.start, end: e.end } });
  if (typeof content !== 'string') {
    const mismatch = declaredEncodingProblem(xml, decoded.encoding);
    if (mismatch) doc.problems.push(mismatch);
  }
  // An editor's text (a string) may be edited next: its ports are kept for the next version's model.
  if (kind === 'binding') {
    doc.binding = yield* readBindingSteps(xml, typeof content === 'string');
    if (releases) letTreeGo(doc, doc.binding, xml);
  }
  else if (kind === 'config-export') doc.configExport = readConfigExport(xml);
  else if (kind === 'btdf-project') doc.btdfProject = readBtdfProject(xml);
  else if (kind === 'btdf-settings') doc.settingsWorkbook = readSettingsWorkbook(xml);
  else if (kind === 'settings-export') doc.settingsExport = readSettingsExport(xml);
  else if (kind === 'app-definition') doc.appDefinition = readAppDefinition(xml);
  void root;
  return doc;
}

/**
 * A command-line run keeps every binding's model to its end, not its tree (most of the run's heap, and
 * of its garbage collection, on a repository of two thousand bindings): the model moves out of the
 * tree (withoutTree), the comments are kept as copies that stand alone (commentsOf), and `doc.xml`
 * parses the text again the first time something asks for it. A binding with suppressions keeps its
 * tree: the policy step reads them from it.
 */
function letTreeGo(doc: BtsDocument, model: BindingModel, xml: XmlDocument): void {
  const text = xml.text;
  let tree: XmlDocument | undefined;
  const again = () => (tree ??= parseXml(text, { shortLived: true }));
  keptComments.set(doc, xml.comments.map((c) => ({ ...c, parent: null })));
  treesAgain.set(doc, again);
  Object.defineProperty(doc, 'xml', XML_AGAIN_PROPERTY);
  doc.binding = withoutTree(model, text, again);
}

/** How each document that let its tree go parses it again; one getter for all of them (see withEol). */
const treesAgain = new WeakMap<object, () => XmlDocument>();
const XML_AGAIN_PROPERTY: PropertyDescriptor = {
  get(this: object): XmlDocument | undefined {
    return treesAgain.get(this)?.();
  },
  enumerable: true,
  configurable: true,
};

const keptComments = new WeakMap<BtsDocument, XmlComment[]>();

/** Whether the document let its tree go (letTreeGo): a command-line read of a binding without a `btslint-` suppression. */
export function withoutItsTree(doc: BtsDocument): boolean {
  return keptComments.has(doc);
}

/**
 * The comments of an XML document in document order, with their ranges; their `parent` is null when
 * the document let its tree go (letTreeGo). For a reader that needs where comments are, not what
 * holds them, without parsing a tree again.
 */
export function commentsOf(doc: BtsDocument): readonly XmlComment[] {
  return keptComments.get(doc) ?? doc.xml?.comments ?? [];
}

/**
 * The previous version's XML tree updated in place to `text`, when an incremental re-parse gives the
 * same tree a full parse would (xml/incremental.ts decides); the previous version is then superseded.
 */
function reparsed(uri: string, previous: BtsDocument | undefined, text: string, known?: TextChange): XmlDocument | undefined {
  const xml = previous?.xml;
  if (!previous || !xml || previous.superseded || previous.uri !== uri || previous.kind === 'other' || xml.text !== previous.text) return undefined;
  const change = known && validChange(known, xml.text.length, text.length) ? known : changedRange(xml.text, text);
  if (!change || !reparseXml(xml, text, change)) return undefined;
  previous.superseded = true;
  return xml;
}

/** A change region that fits both texts' lengths (what is outside it is then assumed equal). */
function validChange(c: TextChange, oldLength: number, newLength: number): boolean {
  return c.start >= 0 && c.oldEnd >= c.start && c.newEnd >= c.start && c.oldEnd <= oldLength && c.newEnd <= newLength && oldLength - c.oldEnd === newLength - c.newEnd;
}

/**
 * The XML declaration's `encoding=` against the bytes. btslint decodes by the BOM and zero bytes, not by
 * the declaration; a tool that trusts the declaration (.NET's XmlReader, used by BizTalk's binding
 * import) reads such a file differently or refuses it ("There is no Unicode byte order mark").
 * Only checked when btslint read the bytes (an editor hands over text, not bytes).
 */
function declaredEncodingProblem(xml: XmlDocument, encoding: string): ReaderProblem | undefined {
  const first = xml.nodes[0];
  if (!first || first.kind !== 'pi' || first.target !== 'xml') return undefined;
  const m = /\sencoding\s*=\s*(["'])([^"'<>]*)\1/.exec(xml.text.slice(first.start, first.end));
  if (!m) return undefined;
  const declared = m[2].trim().toLowerCase();
  const start = first.start + m.index + m[0].length - 1 - m[2].length;
  const range = { start, end: start + m[2].length };
  const isUtf16 = encoding.startsWith('utf16');
  const saved = isUtf16 ? 'UTF-16' : 'UTF-8';
  const sixteen = /^(utf-?16(le|be)?|unicode|ucs-?2)$/.test(declared);
  const eight = /^utf-?8$/.test(declared);
  if (sixteen && !isUtf16) {
    return {
      kind: 'parse',
      range,
      message: `The XML declaration says encoding="${m[2]}", but the file is saved as UTF-8 (no UTF-16 byte order mark). btslint read it as UTF-8; XML readers that trust the declaration, such as .NET's (used by BizTalk's import), refuse it ("There is no Unicode byte order mark"). Declare encoding="utf-8", or save the file as UTF-16.`,
    };
  }
  if (eight && isUtf16) {
    return { kind: 'parse', range, message: `The XML declaration says encoding="${m[2]}", but the file is saved as UTF-16. btslint read it as UTF-16; declare encoding="utf-16" so that every tool reads it the same way.` };
  }
  if (!sixteen && !eight && /[^\u0000-\u007f]/.test(xml.text)) {
    return {
      kind: 'parse',
      range,
      message: `The XML declaration says encoding="${m[2]}", but btslint reads files as UTF-8 or UTF-16 and read this one as ${saved}: its non-ASCII characters may be read differently by other tools. Save the file as UTF-8 or UTF-16 and declare that.`,
    };
  }
  return undefined;
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
  if (!root) return isBindingName(uri) ? 'binding' : 'other';
  const name = root.name.replace(/^.*:/, '');
  if (name === 'BindingInfo') return 'binding';
  if (name === 'Configuration' && children(root, 'Feature').length > 0) return 'config-export';
  if (name === 'Project' && /\.btdfproj$/i.test(uri)) return 'btdf-project';
  if (name === 'Workbook') return 'btdf-settings';
  if (name === 'settings') return 'settings-export';
  if (name === 'ApplicationDefinition') return 'app-definition';
  return 'other';
}
