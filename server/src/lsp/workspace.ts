// What the server knows of the workspace: one entry per BizTalk candidate file, holding its parsed
// BtsDocument. Open files take the client's text; the others are read from disk. A document is parsed
// once per version (client version for open files, a disk read otherwise) and reused by every later
// check: a change re-reads and re-parses only the file that changed, then the core lints the whole
// set again (cross-file joins are cheap next to parsing).

import { BtsDocument, DEFAULT_MAX_FILE_SIZE, LineIndex, readDocument, readDocumentSteps, skippedDocument, TextChange } from '../core';
import { compose, toNew, toOld } from './edits';
import { pathToUri, uriKey, uriToPath, pathKey, isInside } from './paths';

/** How an editor user raises the size limit: the end of the file-too-large message in the editor. */
export const EDITOR_SIZE_LIMIT_HINT = 'Raise the btslint.maxFileSizeMB setting to check it.';

export interface Entry {
  key: string;
  /** The URI diagnostics are published under (the client's spelling when the client opened it first). */
  uri: string;
  path: string;
  /** Open in the client: its text wins over the disk. */
  open: boolean;
  /** The client's version when open. */
  version: number | null;
  /** The open document's current text (undefined when not open). */
  text?: string;
  /** Parsed document; for a disk file of kind `other`, kept only as its kind. */
  doc?: BtsDocument;
  /** The version `doc` was parsed from (`open:<version>` or `disk:<n>`). */
  parsed?: string;
  /** Why the file is not checked (too large). */
  skipped?: string;
  /**
   * The client's edits since `doc` was parsed (or since the text a parse in progress reads), in order
   * (each in the text the previous ones left): `doc.text` with them applied is `text`. Null when not known (the document was opened or replaced
   * whole since).
   */
  pending?: TextChange[] | null;
  /**
   * A parse of the open text in progress (WorkspaceState.documentsInSteps): it may have updated the
   * last parse's tree in place already, so whatever needs the document first runs it to its end.
   */
  reading?: Reading;
}

/** A parse in steps of an open document's version. */
interface Reading {
  /** The version it parses (`open:<version>`). */
  parsed: string;
  steps: Generator<void, BtsDocument, void>;
  /** The client's edits from the last parse to the text it reads (null: not known). */
  edits: TextChange[] | null | undefined;
}

/**
 * A document to answer a request from: the newest version, or (a large document whose newest
 * version waits for its check) the last parse with the edits made since, to map positions through.
 */
export interface RequestDocument {
  doc: BtsDocument;
  /** The edits between `doc.text` and the client's text; empty when `doc` is the newest version. */
  edits: readonly TextChange[];
  /** An offset in the client's text, in `doc`'s offsets; undefined inside text typed since the parse. */
  toDoc(offset: number): number | undefined;
  /** An offset of `doc` in the client's text (inside replaced text: the start or the end of what replaced it). */
  toClient(offset: number, side: 'start' | 'end'): number;
}

export class WorkspaceState {
  private readonly entries = new Map<string, Entry>();
  private diskReads = 0;
  /** Paths of the workspace folders. */
  folders: string[] = [];
  /** Files larger than this (bytes, per file: the setting may differ per folder) are not read: the core's file-too-large finding says so. */
  maxFileSizeOf: (fsPath: string) => number = () => DEFAULT_MAX_FILE_SIZE;

  get(uriOrKey: string): Entry | undefined {
    return this.entries.get(uriKey(uriOrKey));
  }

  all(): Entry[] {
    return [...this.entries.values()];
  }

  private entry(uri: string, fsPath: string): Entry {
    const key = pathKey(fsPath);
    let e = this.entries.get(key);
    if (!e) {
      e = { key, uri, path: fsPath, open: false, version: null };
      this.entries.set(key, e);
    }
    return e;
  }

  /** A file read from disk (scan, watcher, close). Ignored while the file is open in the client. */
  setDisk(fsPath: string, bytes: Uint8Array): Entry {
    const e = this.entry(pathToUri(fsPath), fsPath);
    e.skipped = undefined;
    if (e.open) return e;
    const doc = readDocument(e.uri, bytes, { maxFileSize: this.maxFileSizeOf(fsPath), sizeLimitHint: EDITOR_SIZE_LIMIT_HINT });
    // Files that are not BizTalk files keep only their kind: no text held for every XML of the repo.
    e.doc = doc.kind === 'other' && !isSkipped(doc) ? otherKind(doc) : doc;
    e.parsed = `disk:${++this.diskReads}`;
    return e;
  }

  /** A file too large to read (known from its size alone): it is not checked, and a finding says so. */
  setSkipped(fsPath: string, size: number): Entry {
    const e = this.entry(pathToUri(fsPath), fsPath);
    if (!e.open) {
      const limit = this.maxFileSizeOf(fsPath);
      e.doc = skippedDocument(e.uri, size, limit, EDITOR_SIZE_LIMIT_HINT);
      e.parsed = `disk:${++this.diskReads}`;
      e.skipped = `${(size / 1048576).toFixed(1)} MB is over the size limit (${(limit / 1048576).toFixed(0)} MB)`;
    }
    return e;
  }

  /**
   * Opened or changed in the client. Parsing waits until the next check asks for the document.
   * `changes`: the client's edits from the previous text to this one (undefined: not known).
   */
  setOpen(uri: string, text: string, version: number, changes?: TextChange[]): Entry | undefined {
    const fsPath = uriToPath(uri);
    if (fsPath === undefined) return undefined;
    const e = this.entry(uri, fsPath);
    // The client's spelling of the URI wins (a client may spell a drive letter or an escape
    // differently from the scan); the caller clears what was published under the old one.
    e.uri = uri;
    e.pending = changes && e.open && e.pending && e.pending.length + changes.length <= MAX_PENDING ? [...e.pending, ...changes] : null;
    e.open = true;
    e.version = version;
    e.text = text;
    e.skipped = undefined;
    return e;
  }

  /** Closed in the client: the entry falls back to the disk (the caller re-reads it). */
  setClosed(uri: string): Entry | undefined {
    const e = this.get(uri);
    if (!e) return undefined;
    this.finishReading(e);
    e.open = false;
    e.version = null;
    e.text = undefined;
    e.pending = null;
    return e;
  }

  /** Removes a deleted file, or every file under a deleted folder. Returns the removed entries. */
  remove(fsPath: string): Entry[] {
    const removed: Entry[] = [];
    for (const e of this.entries.values()) {
      if (!e.open && isInside(e.path, fsPath)) removed.push(e);
    }
    for (const e of removed) this.entries.delete(e.key);
    return removed;
  }

  /** Whether a path lies in one of the workspace folders. */
  inFolders(fsPath: string): boolean {
    return this.folders.some((f) => isInside(fsPath, f));
  }

  /** Drops one entry (a file outside the folders, closed in the client). */
  drop(e: Entry): void {
    this.finishReading(e);
    this.entries.delete(e.key);
  }

  /** Drops entries outside the current folders (a folder was removed from the workspace). */
  retainFolders(): Entry[] {
    const removed = this.all().filter((e) => !e.open && !this.folders.some((f) => isInside(e.path, f)));
    for (const e of removed) this.entries.delete(e.key);
    return removed;
  }

  /**
   * The parsed document of an entry, parsing the open text when its version changed: incrementally
   * from the previous version when the edit allows (core/xml/incremental.ts), which then becomes
   * `superseded` (the server never uses a superseded document again).
   */
  document(e: Entry): BtsDocument | undefined {
    this.finishReading(e);
    if (this.startReading(e)) this.finishReading(e);
    return e.doc;
  }

  /**
   * Starts the parse of an open entry's newest version when it is not parsed yet (true), incrementally
   * from the last parse when the edits allow (core/xml/incremental.ts); nothing runs before its first step.
   */
  private startReading(e: Entry): boolean {
    if (e.reading || !e.open || e.text === undefined) return false;
    const v = `open:${e.version}`;
    if (e.parsed === v && e.doc) return false;
    // Where the text changed, from the client's edits when known (else the core compares the texts).
    const change = e.pending && e.doc?.text !== undefined ? compose(e.pending) : undefined;
    const steps = readDocumentSteps(e.uri, e.text, { maxFileSize: this.maxFileSizeOf(e.path), sizeLimitHint: EDITOR_SIZE_LIMIT_HINT, previous: e.doc, change });
    e.reading = { parsed: v, steps, edits: e.pending };
    // The client's edits from now on are edits of the text this parse reads.
    e.pending = [];
    return true;
  }

  /** Runs one step of an entry's parse in progress; true when the parse is done (the document in place). */
  private stepReading(e: Entry): boolean {
    const r = e.reading;
    if (!r) return true;
    const s = r.steps.next();
    if (!s.done) return false;
    e.reading = undefined;
    e.doc = s.value;
    e.parsed = r.parsed;
    return true;
  }

  /** Runs the rest of an entry's parse in progress at once. */
  private finishReading(e: Entry): void {
    while (!this.stepReading(e));
  }

  /**
   * documents() for a check that must leave the event loop free: every document to parse is read in
   * steps (core readDocumentSteps), `pause` awaited between them (it goes back to the event loop once a
   * slice has run). A request meanwhile is answered from the last parse until the first step has run,
   * then from the new parse, finished at once for it. Undefined when `pause` says the work went stale
   * (a parse in progress is left for whoever needs the document next).
   */
  async documentsInSteps(linted: ((e: Entry) => boolean) | undefined, pause: (step?: string) => Promise<boolean>): Promise<BtsDocument[] | undefined> {
    for (const e of [...this.entries.values()]) {
      if (linted && !linted(e)) continue;
      // A parse left by a check that went stale is run on; then the newest version, if it is not that.
      while (e.reading || this.startReading(e)) {
        let n = 0;
        while (!this.stepReading(e)) {
          if (!(await pause(`parse step ${++n} of ${e.path}`))) return undefined;
        }
      }
    }
    return this.documents(linted);
  }

  /**
   * Every BizTalk document of the workspace, parsed (open ones at their latest version), and the
   * stand-ins of files skipped for their size (the engine reports them). With `linted`, only the
   * entries it accepts (the config's include and exclude), and the others are not parsed.
   */
  documents(linted?: (e: Entry) => boolean, forRequest = false): BtsDocument[] {
    const out: BtsDocument[] = [];
    for (const e of this.entries.values()) {
      if (linted && !linted(e)) continue;
      const d = forRequest && this.answersFromLastParse(e) ? e.doc : this.document(e);
      if (d && (d.kind !== 'other' || isSkipped(d))) out.push(d);
    }
    return out;
  }

  /**
   * For requests (hover, symbols, folding...): the document at its latest version, except for a large
   * open document whose latest version is not parsed yet: then its last parse, with the edits made
   * since to map positions through, so a request never waits for a parse of megabytes (the check
   * that follows the edit parses it). Without known edits (or for a small document) it is parsed now.
   */
  documentForRequest(uri: string): RequestDocument | undefined {
    const e = this.get(uri);
    if (!e) return undefined;
    const edits = this.editsSinceParse(e);
    if (e.doc && edits && this.answersFromLastParse(e)) return { doc: e.doc, edits, toDoc: (o) => toOld(edits, o), toClient: (o, side) => toNew(edits, o, side) };
    const doc = this.document(e);
    return doc && { doc, edits: [], toDoc: (o) => o, toClient: (o) => o };
  }

  /**
   * A large open document whose newest version is not parsed, with the edits since its last parse
   * known; also while a parse is in progress, until that parse has updated the last one in place.
   */
  private answersFromLastParse(e: Entry): boolean {
    return e.open && e.parsed !== `open:${e.version}` && !!e.doc && !e.doc.superseded && !!this.editsSinceParse(e) && (e.text?.length ?? 0) > LARGE_DOCUMENT;
  }

  /** The client's edits since the last parse (`doc`): those a parse in progress reads, then the later ones. */
  private editsSinceParse(e: Entry): TextChange[] | null | undefined {
    if (!e.reading) return e.pending;
    return e.reading.edits && e.pending && [...e.reading.edits, ...e.pending];
  }

  /** The document at a URI, parsed at its latest version. */
  documentAt(uri: string): BtsDocument | undefined {
    const e = this.get(uri);
    return e ? this.document(e) : undefined;
  }
}

const EMPTY_LINES = new LineIndex('');

/** Edits kept for a document not parsed since (one not checked at all, excluded by a config file, keeps none). */
const MAX_PENDING = 1000;

/** Above this many UTF-16 units, requests are answered from the last parse while a newer version waits for its check. */
export const LARGE_DOCUMENT = 1_000_000;

/** What is kept of a file that is not a BizTalk file: its kind, not its text or parse tree. */
function otherKind(doc: BtsDocument): BtsDocument {
  return { uri: doc.uri, text: '', encoding: doc.encoding, eol: doc.eol, kind: 'other', problems: [], lines: () => EMPTY_LINES };
}

export function isSkipped(doc: BtsDocument): boolean {
  return doc.kind === 'other' && doc.problems.some((p) => p.kind === 'skipped');
}
