// The readings of a transport's escaped settings: from the escaped text as it stands
// (readers/binding.ts readEscapedSettings), decoded (readPlainSettings), and the reference
// (readSettings); and the assertion that they answer alike: for plainSettings.test.ts and
// plainSettings.corpus.test.ts.

import * as assert from 'node:assert/strict';
import { readEscapedSettings, readPlainSettings, readSettings } from '../../server/src/core/readers/binding';
import type { AdapterSettings, Transport } from '../../server/src/core/readers/binding';
import { textDocument } from '../../server/src/core/xml/dom';

/** Asserts that two readings answer every lookup alike (lookups first, on fresh readings: nested documents are read lazily). */
export function assertSameSettings(plain: AdapterSettings | undefined, reference: AdapterSettings | undefined, label: string): void {
  assert.equal(plain === undefined, reference === undefined, `${label}: one reading found settings, the other none`);
  if (!plain || !reference) return;
  const names = new Set(['queue', 'uri', 'BindingType', 'pollingStatement', 'zzz', 'AdapterConfig', 'serverAddress']);
  for (const s of reference.all()) names.add(s.name);
  for (const n of names) for (const v of [n, n.toUpperCase(), n.toLowerCase()]) assert.deepEqual(plain.get(v), reference.get(v), `${label}: get(${v})`);
  assert.deepEqual(plain.all(), reference.all(), `${label}: all()`);
  assert.deepEqual(plain.errors, reference.errors, `${label}: errors`);
  // Settings are built on first use and kept: a lookup gives the object all() lists first under that name.
  for (const r of [plain, reference]) {
    const list = r.all();
    for (const s of list) assert.equal(r.get(s.name), list.find((x) => x.name.toLowerCase() === s.name.toLowerCase()), `${label}: get(${s.name}) is all()'s`);
  }
}

/** The readings of a transport's settings: escaped and plain (each null when it does not apply), and the reference. */
export function readings(
  text: string,
  t: Transport,
): { escaped: AdapterSettings | undefined | null; plain: AdapterSettings | undefined | null; reference: () => AdapterSettings | undefined } {
  const xml = textDocument(text);
  return { escaped: readEscapedSettings(xml, t.dataElement!), plain: readPlainSettings(xml, t.dataElement!), reference: () => readSettings(xml, t.dataElement!) };
}

