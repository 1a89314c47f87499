// Never losing a byte (the suites, run over the fixtures by roundtrip.test.ts and over the real corpus by
// roundtrip.corpus.test.ts). The core half: decoding and encoding give back every file byte for byte,
// in every encoding btslint reads. The --fix half (server/src/cli/fix.ts): every file goes
// through read, fix and write in a temporary copy, and only the fixed ranges change (the rest, the
// encoding, the BOM and the line endings are kept); a file that changed on disk since it was read, or
// that cannot be decoded exactly, is never written; no temporary file is left behind.

import { describe, it, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, BtsDocument, decode, encode, Encoding, Finding, lint, readDocument, TextEdit } from '../../server/src/core';
import { MAX_PASSES, planFixes, writeFixes } from '../../server/src/cli/fix';
import { corpusFiles, fixtureFiles } from '../helpers/paths';
import { mulberry32 } from './fuzzer';
import { cleanup, ROOT, tempDir } from './hostile';

/** Which files the suites read: the fixtures of test/fixtures (npm test) or the real corpus (npm run test:corpus). */
export type Source = 'fixtures' | 'corpus';

function seeds(source: Source): string[] {
  return source === 'corpus' ? corpusFiles() : fixtureFiles();
}

const NOW = new Date('2026-12-01T00:00:00Z');
let base = '';

function realFiles(source: Source): string[] {
  const out = [...seeds(source)];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(path.join(ROOT, 'examples'));
  return out;
}

/** Line endings as --fix writes them: in the file's own style. */
function withEol(text: string, eol: string): string {
  return eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r\n/g, '\n');
}

/** Counts of each kind of line ending. */
function eols(text: string): { crlf: number; lf: number; cr: number } {
  return { crlf: (text.match(/\r\n/g) ?? []).length, lf: (text.match(/(?<!\r)\n/g) ?? []).length, cr: (text.match(/\r(?!\n)/g) ?? []).length };
}

function isSubsequence(a: string, b: string): boolean {
  let i = 0;
  for (let j = 0; i < a.length && j < b.length; j++) if (a[i] === b[j]) i++;
  return i === a.length;
}

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => /\.tmp$/.test(f) || /btslint-/.test(f));
}

let counter = 0;
/** A temporary folder holding these files (bytes), returned as absolute paths. */
function workspace(files: Record<string, Uint8Array>): { dir: string; paths: Record<string, string> } {
  const dir = path.join(base, `ws${counter++}`);
  fs.mkdirSync(dir);
  const paths: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    paths[name] = path.join(dir, name);
    fs.writeFileSync(paths[name], bytes);
  }
  return { dir, paths };
}

function readAll(paths: string[]): { docs: BtsDocument[]; originals: Map<string, Uint8Array> } {
  const originals = new Map<string, Uint8Array>();
  const docs = paths.map((p) => {
    const b = fs.readFileSync(p);
    originals.set(p, b);
    return readDocument(p, b);
  });
  return { docs, originals };
}

/** The round-trip suites over the files of `source` and the examples. */
export function roundtripSuites(source: Source): void {
  base = tempDir('btslint-roundtrip-');
  after(() => cleanup(base));

  describe('decode and encode', () => {
    it(`give back every ${source === 'corpus' ? 'corpus' : 'fixture'} and example file byte for byte`, () => {
      const files = realFiles(source);
      assert.ok(files.length >= (source === 'corpus' ? 29 : 10), `${files.length} files`);
      const encodings = new Set<string>();
      for (const f of files) {
        const bytes = fs.readFileSync(f);
        const d = decode(bytes);
        encodings.add(d.encoding);
        assert.equal(d.problem, undefined, `${path.basename(f)}: ${d.problem}`);
        assert.ok(Buffer.from(encode(d.text, d.encoding)).equals(bytes), `${path.basename(f)} (${d.encoding}) does not survive decode and encode`);
      }
      assert.ok(encodings.has('utf8') && encodings.has('utf8bom') && encodings.has('utf16le'), [...encodings].join(', '));
    });

    it(`give back every ${source === 'corpus' ? 'corpus' : 'fixture'} file re-saved in each encoding, with each line ending`, () => {
      const variants: Encoding[] = ['utf8', 'utf8bom', 'utf16le', 'utf16be', 'utf16le-nobom', 'utf16be-nobom'];
      for (const f of seeds(source)) {
        const text = decode(fs.readFileSync(f)).text;
        for (const eol of ['\r\n', '\n']) {
          const t = text.replace(/\r?\n/g, eol);
          for (const enc of variants) {
            // Without a BOM, UTF-16 is recognised by the zero bytes of a leading '<': XML files only.
            if (enc.endsWith('-nobom') && !t.startsWith('<')) continue;
            const bytes = encode(t, enc);
            const d = decode(bytes);
            assert.equal(d.encoding, enc, `${path.basename(f)} as ${enc}`);
            assert.equal(d.text, t, `${path.basename(f)} as ${enc}: text`);
            assert.ok(Buffer.from(encode(d.text, d.encoding)).equals(bytes), `${path.basename(f)} as ${enc}: bytes`);
          }
        }
      }
    });
  });

  describe('--fix never loses a byte', () => {
    it(`every ${source === 'corpus' ? 'corpus' : 'fixture'} file through read, fix and write: only the fixed ranges change`, () => {
      let edited = 0;
      for (const [k, f] of seeds(source).entries()) {
        const name = path.basename(f);
        const { dir, paths } = workspace({ [name]: fs.readFileSync(f) });
        const file = paths[name];
        const { docs, originals } = readAll([file]);
        const doc = docs[0];
        const before = fs.statSync(file);
        // Three edits at line starts chosen by a seeded PRNG: a replacement, an insertion holding a
        // line break, a deletion. Fixes are built the same way (whole lines in the file's style).
        const r = mulberry32(1000 + k);
        const lines = doc.lines();
        const picked = [...new Set([1, 2, 3].map(() => 1 + Math.floor(r() * Math.max(1, lines.lineCount - 2))))].sort((x, y) => x - y);
        // Within a line's text, never across its line break (a fix never splits a CRLF either).
        const at = (line: number, n: number) => ({ start: lines.lineStart(line), end: lines.lineStart(line) + Math.min(n, lines.lineText(line).length) });
        const kinds = [
          (line: number): TextEdit => ({ uri: file, ...at(line, 4), newText: 'ABCD' }),
          (line: number): TextEdit => ({ uri: file, ...at(line, 0), newText: '<!-- btslint round-trip -->\n' }),
          (line: number): TextEdit => ({ uri: file, ...at(line, 2), newText: '' }),
        ];
        const edits = picked.map((line, i) => kinds[i](line));
        const finding: Finding = { ruleId: 'test', severity: 'error', message: 'x', uri: file, range: { start: 0, end: 0 }, nodePath: 'x', fix: { kind: 'fix', title: 'round-trip', edits } };
        const plan = planFixes(docs, originals, () => [finding], 1);
        const result = writeFixes(plan);
        assert.deepEqual(result.refused, [], name);
        assert.deepEqual(result.written, [file], name);
        edited += edits.length;
        const expected = applyEdits(doc.text, edits.map((e) => ({ ...e, newText: withEol(e.newText, doc.eol) }))).text;
        const after = fs.readFileSync(file);
        assert.ok(after.equals(encode(expected, doc.encoding)), `${name}: the written bytes are not the original with the edits`);
        // Byte level: everything before the first edit and after the last is the original's.
        const orig = originals.get(file)!;
        const prefix = encode(doc.text.slice(0, edits[0].start), doc.encoding);
        assert.ok(Buffer.from(orig).subarray(0, prefix.length).equals(after.subarray(0, prefix.length)), `${name}: prefix`);
        const suffixLen = encode(doc.text.slice(edits[edits.length - 1].end), doc.encoding).length - (doc.encoding === 'utf8bom' || doc.encoding === 'utf16le' || doc.encoding === 'utf16be' ? (doc.encoding === 'utf8bom' ? 3 : 2) : 0);
        assert.ok(Buffer.from(orig).subarray(orig.length - suffixLen).equals(after.subarray(after.length - suffixLen)), `${name}: suffix`);
        const reread = decode(after);
        assert.equal(reread.encoding, doc.encoding, `${name}: encoding and BOM kept`);
        assert.equal(reread.problem, undefined);
        const e0 = eols(doc.text);
        const e1 = eols(reread.text);
        if (doc.eol === '\r\n') assert.equal(e1.lf, e0.lf, `${name}: no bare LF added to a CRLF file`);
        else assert.equal(e1.crlf, e0.crlf, `${name}: no CRLF added to an LF file`);
        assert.equal(fs.statSync(file).mode, before.mode, `${name}: file mode kept`);
        assert.deepEqual(leftovers(dir), [], `${name}: temporary files left`);
      }
      assert.ok(edited >= (source === 'corpus' ? 60 : 10), `${edited} edits`);
    });

    it(`the rules' own fixes beside every ${source === 'corpus' ? 'corpus' : 'fixture'} file, topology in four encodings: that file untouched, the topology still valid`, () => {
      const variants: [Encoding, string][] = [
        ['utf8', '\n'],
        ['utf8bom', '\r\n'],
        ['utf16le', '\r\n'],
        ['utf16be', '\n'],
      ];
      let fixedFiles = 0;
      for (const [k, f] of seeds(source).entries()) {
        const [enc, eol] = variants[k % variants.length];
        const topoText = withEol('topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQLBTS\\BTS\n    databases: [{ name: BizTalkMgmtDb }]\nhosts: []\n', eol);
        const name = path.basename(f);
        const { dir, paths } = workspace({ [name]: fs.readFileSync(f), 'prod.topology.yaml': encode(topoText, enc) });
        const corpusBefore = fs.statSync(paths[name]);
        const { docs, originals } = readAll([paths[name], paths['prod.topology.yaml']]);
        const plan = planFixes(docs, originals, (ds) => lint(ds, { now: NOW }), MAX_PASSES, ['fix', 'declaration']);
        const result = writeFixes(plan);
        assert.deepEqual(result.refused, [], name);
        assert.ok(result.written.includes(paths['prod.topology.yaml']), `${name}: the topology got fixes`);
        fixedFiles++;
        // The corpus file: no fix edits it, so not even rewritten.
        assert.ok(fs.readFileSync(paths[name]).equals(Buffer.from(originals.get(paths[name])!)), `${name} changed`);
        assert.equal(fs.statSync(paths[name]).mtimeMs, corpusBefore.mtimeMs, `${name} rewritten`);
        // The topology: same encoding, BOM and line endings, every original line kept, still valid YAML.
        const after = decode(fs.readFileSync(paths['prod.topology.yaml']));
        assert.equal(after.encoding, enc, `${name}: topology encoding`);
        const e = eols(after.text);
        if (eol === '\r\n') assert.equal(e.lf + e.cr, 0, `${name}: a CRLF topology got other line endings`);
        else assert.equal(e.crlf + e.cr, 0, `${name}: an LF topology got other line endings`);
        // Fixes and declarations change nothing declared: the original text is a subsequence of the new one.
        assert.ok(isSubsequence(topoText, after.text), `${name}: a character of the topology was lost:\n${after.text}`);
        const reread = readDocument(paths['prod.topology.yaml'], fs.readFileSync(paths['prod.topology.yaml']));
        assert.deepEqual(reread.problems.filter((p) => p.kind === 'parse').map((p) => p.message), [], `${name}: the fixed topology does not parse`);
        assert.deepEqual(leftovers(dir), [], `${name}: temporary files left`);
      }
      assert.equal(fixedFiles, seeds(source).length);
    });

    it('a file that changed on disk since it was read is not touched', () => {
      const topo = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: BizTalkMsgBoxDb }]\n';
      const { dir, paths } = workspace({ 'prod.topology.yaml': Buffer.from(topo) });
      const file = paths['prod.topology.yaml'];
      const { docs, originals } = readAll([file]);
      const plan = planFixes(docs, originals, (ds) => lint(ds, { now: NOW }), MAX_PASSES, ['fix', 'declaration']);
      assert.ok(plan.changed.has(file), 'there is something to fix');
      const edited = topo + '# edited by someone else meanwhile\n';
      fs.writeFileSync(file, edited);
      const result = writeFixes(plan);
      assert.deepEqual(result.written, []);
      assert.equal(result.refused.length, 1);
      assert.match(result.refused[0].reason, /changed on disk since btslint read it/);
      assert.equal(fs.readFileSync(file, 'utf8'), edited);
      assert.deepEqual(leftovers(dir), []);
    });

    it('a file that cannot be decoded exactly (invalid UTF-8, NUL bytes) is never written', () => {
      for (const [name, bytes] of [
        ['latin1.topology.yaml', Buffer.from('topology: 1\nenvironment: production\nx-note: "caf\xe9"\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: BizTalkMsgBoxDb }]\n', 'latin1')],
        ['nul.topology.yaml', Buffer.from('topology: 1\nenvironment: production\nx-note: "a\u0000b"\nsqlInstances:\n  - name: SQL1\n    databases: [{ name: BizTalkMsgBoxDb }]\n')],
      ] as [string, Buffer][]) {
        const { paths } = workspace({ [name]: bytes });
        const file = paths[name];
        const { docs, originals } = readAll([file]);
        const plan = planFixes(docs, originals, (ds) => lint(ds, { now: NOW }), MAX_PASSES, ['fix', 'declaration']);
        assert.ok(plan.unwritable.has(file), `${name}: refused`);
        assert.equal(plan.changed.size, 0);
        writeFixes(plan);
        assert.ok(fs.readFileSync(file).equals(bytes), `${name} was written`);
      }
    });
  });
}
