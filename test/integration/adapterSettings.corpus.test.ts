// The settings view over every real binding of the corpus: each block renders without problems, its
// view encodes back to the very text of the file (these files were written by BizTalk, so the way
// back must be BizTalk's escaping), a view saved unchanged makes no edit, and every setting the
// reader finds is shown in the view at its value.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { readDocument } from '../../server/src/core';
import { encodeSettings, renderSettings, settingsBlocks, settingsEdit } from '../../server/src/core/adapterSettings';
import { corpusDir } from '../helpers/paths';

test('corpus: every escaped settings block round-trips through the view', () => {
  const dir = corpusDir();
  let blocks = 0;
  let nested = 0;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.xml')).sort()) {
    const doc = readDocument(`file:///corpus/${name}`, fs.readFileSync(path.join(dir, name)));
    if (!doc.binding) continue;
    for (const b of settingsBlocks(doc)) {
      blocks++;
      const v = renderSettings(doc, b);
      assert.deepEqual(v.problems, [], `${name} ${b.id}`);
      const enc = encodeSettings(v.text);
      assert.ok('text' in enc, `${name} ${b.id}`);
      assert.equal(enc.text, doc.text.slice(b.contentRange.start, b.contentRange.end).trim(), `${name} ${b.id}`);
      assert.deepEqual(settingsEdit(doc, b, v.text), { edit: null }, `${name} ${b.id}`);
      if (/<(AdapterConfig|BindingConfiguration)[^>]*>\n/.test(v.text)) nested++;
      for (const s of b.transport.settings()?.all() ?? []) {
        const r = v.mapRange(s.range);
        assert.ok(r, `${name} ${b.id} ${s.name} is in the view`);
      }
    }
  }
  assert.ok(blocks >= 40, `${blocks} blocks`);
  assert.ok(nested >= 10, `${nested} blocks with nested settings`);
});
