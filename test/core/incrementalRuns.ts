// The random-edit runs of the incremental XML parser, over the fixtures (incremental.test.ts) or the
// real corpus (incremental.corpus.test.ts): each run applies 30 random edits to a file and checks that
// re-parsing in place gives what a full parse gives.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parseXml, XmlDocument, XmlNode } from '../../server/src/core/xml/parser';
import { changedRange, reparseXml } from '../../server/src/core/xml/incremental';
import { corpusDir, fixtureFiles, repoRoot } from '../helpers/paths';
import { mulberry32 } from '../helpers/random';

export const examplesDir = () => path.join(repoRoot(), 'examples');

/** The tree as plain data: every offset and name, no parent pointers or edit counters. */
export function dump(doc: XmlDocument): unknown {
  const node = (x: XmlNode): unknown => {
    switch (x.kind) {
      case 'element':
        return ['e', x.name, x.start, x.end, x.nameStart, x.nameEnd, x.openEnd, x.closeStart, x.selfClosing, x.attrs.map((a) => [a.name, a.value, a.nameStart, a.nameEnd, a.valueStart, a.valueEnd]), x.children.map(node)];
      case 'comment':
        return ['c', x.start, x.end, x.contentStart, x.contentEnd, x.parent?.start ?? null];
      case 'pi':
        return ['p', x.target, x.start, x.end];
      default:
        return [x.kind, x.start, x.end];
    }
  };
  return { nodes: doc.nodes.map(node), comments: doc.comments.map((c) => [c.start, c.end]), errors: doc.errors, root: doc.root?.start ?? null, text: doc.text.length };
}

/** Every element's children point back at it. */
export function parentsHold(doc: XmlDocument): boolean {
  const stack = doc.root ? [doc.root] : [];
  while (stack.length) {
    const el = stack.pop()!;
    for (const c of el.children) {
      if ((c.kind === 'element' || c.kind === 'comment') && c.parent !== el) return false;
      if (c.kind === 'element') stack.push(c);
    }
  }
  return true;
}

const SNIPPETS = ['<', '>', '/', '"', "'", '&', ';', '=', ' ', 'a', '\n', '&lt;', '&amp;', '&bogus;', '<X/>', '<X a="1">t</X>', '</X>', '<!-- c -->', '<!--', '-->', '<![CDATA[x]]>', '<?pi x?>', ']]>', '<Y>', 'x="2"', '${Token}', '</SendPort>', '<SendPort>', '</BindingInfo>', '<!DOCTYPE x>', '?>', '<!x', "'>", '">'];

export function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const r = rnd();
  if (r < 0.35) return text.slice(0, at) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(at);
  if (r < 0.6) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rnd() * 20)));
  if (r < 0.8) return text.slice(0, at) + String.fromCharCode(97 + Math.floor(rnd() * 26)) + text.slice(at + 1);
  // Typing in a value: an attribute value or text, the usual editor case.
  const q = text.indexOf('"', at);
  return q < 0 ? text : text.slice(0, q + 1) + 'Z' + text.slice(q + 1);
}

/**
 * Runs of 30 edits per file. `BTSLINT_INCREMENTAL_RUNS=400 node --test out/test/core/incremental.test.js`
 * is the longer run: that many runs, on every XML file of the corpus.
 */
const LONG_RUNS = Number(process.env.BTSLINT_INCREMENTAL_RUNS) || 0;
const RUNS = LONG_RUNS || 25;

function sources(source: 'fixtures' | 'corpus'): { name: string; text: string }[] {
  const out = [{ name: 'example binding', text: fs.readFileSync(path.join(examplesDir(), 'bindings', 'Contoso.Orders.BindingInfo.xml'), 'utf8') }];
  {
    const all = source === 'corpus' ? fs.readdirSync(corpusDir()).sort().map((f) => path.join(corpusDir(), f)) : fixtureFiles();
    for (const f of LONG_RUNS ? all.filter((f) => /\.(xml|btdfproj|adf)$/i.test(f)) : all.filter((f) => /Bind.*\.xml$/i.test(path.basename(f))).slice(0, 6)) {
      const buf = fs.readFileSync(f);
      if (buf[0] === 0xff || buf[0] === 0xfe) continue;
      out.push({ name: path.basename(f), text: buf.toString('utf8').replace(/^\uFEFF/, '') });
    }
  }
  return out;
}

/** One test per source file: random edits re-parsed in place give what a full parse gives. */
export function randomEditTests(source: 'fixtures' | 'corpus'): void {
  for (const src of sources(source)) {
    test(`random edits give what a full parse gives: ${src.name}`, (t) => {
      const rnd = mulberry32(src.text.length);
      let applied = 0;
      let declined = 0;
      for (let run = 0; run < RUNS; run++) {
        let text = src.text;
        let doc = parseXml(text);
        for (let k = 0; k < 30; k++) {
          const next = edit(text, rnd);
          const change = changedRange(text, next);
          const full = parseXml(next);
          const before = dump(doc);
          if (change && reparseXml(doc, next, change)) {
            applied++;
            assert.deepEqual(dump(doc), dump(full), `edit ${k} of run ${run} at ${change.start}`);
            assert.ok(parentsHold(doc));
          } else {
            declined++;
            assert.deepEqual(dump(doc), before, `edit ${k} of run ${run}: declined, and left the document as it was`);
            // A breaking edit is mostly undone (as a user fixes a typo), so that runs go on from clean
            // documents; sometimes kept, so that runs also pass through broken ones.
            if (full.errors.length && rnd() < 0.5) continue;
            doc = full;
          }
          text = next;
        }
      }
      // Both paths are exercised: most single edits to a clean file re-parse in place.
      assert.ok(applied > 4 * RUNS, `applied ${applied}`);
      assert.ok(declined > 10, `declined ${declined}`);
      t.diagnostic(`${applied} edits re-parsed in place, ${declined} parsed whole`);
    });
  }
}
