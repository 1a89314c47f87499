// `btslint --fix` and `--fix-dry-run`: apply the core's fixes for every reported finding that has one.
//
// - Kinds (core/types.ts FixKind): only `fix` by default; `--fix-type fix,declaration` adds the
//   declarations (skeletons with <<placeholders>>, which keep the finding's severity until filled);
//   suggestions (changes of declared values) are never applied here.
// - The count a run announces ("N can be fixed with --fix") is this plan's `applied`, computed the same
//   way, so it is exactly what --fix then applies.
//
// - Passes: lint, pick the fixes whose edits do not overlap (a fix is all its edits or none; the same
//   edit offered by two findings is applied once), apply them in memory, lint again, until nothing is
//   left to fix or 10 passes ran. A fix may edit another file than its finding's (the topology).
// - Writing: each changed file once, at the end; atomically (a temporary file in the same folder, then
//   a rename); in the encoding it was read in (BOM, UTF-16) and with its line endings; never when its
//   bytes changed on disk since they were read, and never when its bytes could not be decoded exactly.
//   Files without an applied fix are not written at all (their bytes and modification time stay).
// - Dry run: the same passes, and a unified diff of every file that would change.

import * as fs from 'fs';
import * as path from 'path';
import { structuredPatch } from 'diff';
import { applyEdits, BtsDocument, decode, encode, Finding, FixKind, readDocument, TextEdit } from '../core';
import { safeText } from '../core/sanitize';

export const MAX_PASSES = 10;

/** What --fix applies unless --fix-type says otherwise. */
export const DEFAULT_FIX_TYPES: readonly FixKind[] = ['fix'];

/** One change --fix applied (or would apply): for --fix-dry-run's list. */
export interface AppliedChange {
  kind: FixKind;
  title: string;
  ruleId: string;
  /** The files its edits change. */
  files: string[];
}

export interface FixPlan {
  /** Files whose text changes: the bytes read, and the final text to write in the file's encoding. */
  changed: Map<string, { original: Uint8Array; text: string; doc: BtsDocument }>;
  /** Fixes applied over all passes (each distinct change once). */
  applied: number;
  /** The changes applied, in order, with their kinds. */
  changes: AppliedChange[];
  passes: number;
  /** The documents after the fixes (unchanged ones as they were). */
  docs: BtsDocument[];
  /** What the last lint pass reported: the findings the fixes leave. */
  findings: Finding[];
  /** Files a fix wanted to edit but btslint will not rewrite, with why. */
  unwritable: Map<string, string>;
}

/**
 * Why btslint would not rewrite a file read as `bytes`, or undefined when it can: the text must
 * encode back to exactly these bytes.
 */
export function unwritableReason(bytes: Uint8Array): string | undefined {
  const d = decode(bytes);
  if (d.problem) return `it could not be read exactly (${d.problem})`;
  if (!Buffer.from(encode(d.text, d.encoding)).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) return 'its bytes do not survive decoding and encoding unchanged';
  return undefined;
}

/** Line endings of inserted text follow the file's (fixes are built with the file's own, but be safe). */
function withEol(newText: string, eol: string): string {
  return eol === '\r\n' ? newText.replace(/\r?\n/g, '\r\n') : newText.replace(/\r\n/g, '\n');
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start; // two insertions at one point
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * The edits accepted in one file in a pass, pairwise non-overlapping, kept sorted by (start, end) so
 * that their ends are sorted too: whether an edit is already there or overlaps one is a binary search
 * and a look at its neighbours, never a scan of the file's edits (50,000 fixes in one file stay linear).
 */
class AcceptedEdits {
  readonly edits: TextEdit[] = [];
  private readonly keys = new Set<string>();

  has(e: TextEdit): boolean {
    return this.keys.has(key(e));
  }

  overlaps(e: TextEdit): boolean {
    // The first edit that ends at or after e's start; only edits from there up to e's end can touch it.
    for (let i = this.firstEndingFrom(e.start); i < this.edits.length && this.edits[i].start <= e.end; i++) {
      if (overlaps(this.edits[i], e)) return true;
    }
    return false;
  }

  add(e: TextEdit): void {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = this.edits[mid];
      if (x.start < e.start || (x.start === e.start && x.end <= e.end)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.edits.length) this.edits.push(e);
    else this.edits.splice(lo, 0, e);
    this.keys.add(key(e));
  }

  private firstEndingFrom(offset: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.edits[mid].end < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function key(e: TextEdit): string {
  return `${e.start}:${e.end}:${e.newText}`;
}

/**
 * Runs the fix passes in memory. `originals` holds each document's bytes as read; `lintDocs` returns
 * the findings btslint reports for a set of documents (policy, suppressions and baseline applied).
 */
export function planFixes(
  docs: BtsDocument[],
  originals: Map<string, Uint8Array>,
  lintDocs: (docs: BtsDocument[]) => Finding[],
  maxPasses = MAX_PASSES,
  types: readonly FixKind[] = DEFAULT_FIX_TYPES,
): FixPlan {
  // Suggestions change declared values: never applied here, whatever the caller asks.
  const kinds = new Set<FixKind>(types.filter((k) => k !== 'suggestion'));
  const current = new Map(docs.map((d) => [d.uri, d]));
  const unwritable = new Map<string, string>();
  const writable = (uri: string): boolean => {
    if (!current.has(uri)) {
      unwritable.set(uri, 'it is not among the files btslint read');
      return false;
    }
    if (unwritable.has(uri)) return false;
    const bytes = originals.get(uri);
    const why = bytes ? (unwritableReason(bytes) ?? unsafeToRewrite(uri)) : 'its bytes were not kept';
    if (why) {
      unwritable.set(uri, why);
      return false;
    }
    return true;
  };
  const changed = new Map<string, { original: Uint8Array; text: string; doc: BtsDocument }>();
  let applied = 0;
  const changes: AppliedChange[] = [];
  let passes = 0;
  let findings = lintDocs([...current.values()]);
  const checked = new Set<string>();
  while (passes < maxPasses) {
    const accepted = new Map<string, AcceptedEdits>();
    const passChanges: AppliedChange[] = [];
    for (const f of findings) {
      if (!f.fix || !f.fix.edits.length || !kinds.has(f.fix.kind)) continue;
      const edits = f.fix.edits;
      if (!edits.every((e) => checked.has(e.uri) || (writable(e.uri) && checked.add(e.uri)))) continue;
      const fresh: TextEdit[] = [];
      let conflict = false;
      for (const e of edits) {
        const list = accepted.get(e.uri);
        if (list?.has(e)) continue;
        if (list?.overlaps(e) || fresh.some((x) => x.uri === e.uri && overlaps(x, e))) {
          conflict = true;
          break;
        }
        fresh.push(e);
      }
      // Nothing new (the same change offered by another finding) or a clash: not this pass.
      if (conflict || !fresh.length) continue;
      for (const e of fresh) {
        let list = accepted.get(e.uri);
        if (!list) accepted.set(e.uri, (list = new AcceptedEdits()));
        list.add(e);
      }
      passChanges.push({ kind: f.fix.kind, title: f.fix.title, ruleId: f.ruleId, files: [...new Set(fresh.map((e) => e.uri))] });
    }
    if (!accepted.size) break;
    passes++;
    let textChanged = false;
    for (const [uri, { edits }] of accepted) {
      const doc = current.get(uri)!;
      const out = applyEdits(doc.text, edits.map((e) => ({ ...e, newText: withEol(e.newText, doc.eol) }))).text;
      if (out === doc.text) continue;
      textChanged = true;
      const next = readDocument(uri, encode(out, doc.encoding));
      current.set(uri, next);
      const original = originals.get(uri)!;
      changed.set(uri, { original, text: out, doc: next });
    }
    if (!textChanged) break;
    applied += passChanges.length;
    changes.push(...passChanges);
    findings = lintDocs([...current.values()]);
  }
  // A file whose fixes cancelled out is not a change.
  for (const [uri, c] of changed) if (Buffer.from(encode(c.text, c.doc.encoding)).equals(Buffer.from(c.original))) changed.delete(uri);
  return { changed, applied, changes, passes, docs: [...current.values()], findings, unwritable };
}

export interface WriteResult {
  written: string[];
  refused: { file: string; reason: string }[];
}

/** Writes each changed file once, atomically, refusing files that changed on disk since they were read. */
export function writeFixes(plan: FixPlan): WriteResult {
  const result: WriteResult = { written: [], refused: [] };
  for (const [file, c] of plan.changed) {
    removeStaleTemps(file);
    const why = unsafeToRewrite(file);
    if (why) {
      result.refused.push({ file, reason: why });
      continue;
    }
    let now: Buffer;
    try {
      now = fs.readFileSync(file);
    } catch (e) {
      result.refused.push({ file, reason: `it cannot be read any more (${(e as Error).message})` });
      continue;
    }
    if (!now.equals(Buffer.from(c.original))) {
      result.refused.push({ file, reason: 'it changed on disk since btslint read it; run btslint --fix again' });
      continue;
    }
    try {
      atomicWrite(file, encode(c.text, c.doc.encoding));
      result.written.push(file);
    } catch (e) {
      result.refused.push({ file, reason: (e as Error).message });
    }
  }
  return result;
}

/**
 * Why `--fix` must not rewrite `file`, or undefined: a symlink (the rename would replace the link, and
 * its target may be outside the workspace), a file that is read-only (a person made it so), or a file
 * with more than one hard link (the rename would split it from its other names; writing in place
 * would change a file elsewhere).
 */
export function unsafeToRewrite(file: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return undefined; // gone: writeFixes finds it cannot read it again
  }
  if (st.isSymbolicLink()) return 'it is a symbolic link; btslint fixes only regular files';
  if (!st.isFile()) return 'it is not a regular file';
  if (st.nlink > 1) return `it has ${st.nlink} hard links; btslint does not rewrite a file shared with other paths`;
  if ((st.mode & 0o222) === 0) return 'it is read-only; make it writable to fix it';
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    return 'it is read-only for this user; make it writable to fix it';
  }
  return undefined;
}

const TEMP = (base: string) => new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.btslint-(\\d+)-[a-z0-9]+\\.tmp$`);

/** Removes temporary files a killed `--fix` left next to `file` (their process is gone). */
export function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const re = TEMP(path.basename(file));
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = re.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && alive(pid)) continue;
    try {
      const p = path.join(dir, name);
      if (fs.lstatSync(p).isFile()) fs.unlinkSync(p);
    } catch {
      // gone meanwhile
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes a temporary file next to `file` (same folder, so the same volume) and renames it over `file`. */
export function atomicWrite(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.btslint-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    mode = undefined;
  }
  try {
    const fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

// ------------------------------------------------------------------------------------ unified diff

/**
 * A unified diff (`diff -u` style, 3 lines of context) from `before` to `after`, by the `diff` package;
 * '' when equal. A change of the last line's terminator shows with patch's "\ No newline at end of
 * file" marker, never as a header with no hunk. Lines are shown without their CR in a file whose
 * lines end in CRLF (elsewhere a CR shows, escaped), each through safeText: they are the repository's.
 */
export function unifiedDiff(before: string, after: string, fileA: string, fileB = fileA, context = 3): string {
  if (before === after) return '';
  const { hunks } = structuredPatch(fileA, fileB, before, after, undefined, undefined, { context });
  const crlf = /^[^\n]*\r\n/.test(before) || (before === '' && /^[^\n]*\r\n/.test(after));
  const out: string[] = [`--- a/${safeText(fileA)}`, `+++ b/${safeText(fileB)}`];
  for (const h of hunks) {
    // diff -u numbers an empty side from the line before it (`-0,0`).
    out.push(`@@ -${h.oldLines ? h.oldStart : h.oldStart - 1},${h.oldLines} +${h.newLines ? h.newStart : h.newStart - 1},${h.newLines} @@`);
    for (const line of h.lines) {
      if (line.startsWith('\\')) out.push(line);
      else out.push(line[0] + safeText(crlf && line.endsWith('\r') ? line.slice(1, -1) : line.slice(1), Infinity));
    }
  }
  return out.join('\n') + '\n';
}
