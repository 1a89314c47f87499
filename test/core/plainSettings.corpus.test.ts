// readPlainSettings against the reference reader (readSettings) on every endpoint of every real
// binding of the corpus (npm run test:corpus): the same settings, values, ranges and problems for
// every lookup. plainSettings.test.ts has the seeded mutations.

import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { readDocument } from '../../server/src/core';
import type { Transport } from '../../server/src/core/readers/binding';
import { corpusFiles } from '../helpers/paths';
import { assertSameSettings, readings } from '../helpers/settingsReadings';

describe('readPlainSettings and readEscapedSettings on the corpus', () => {
  let plain = 0;
  let escaped = 0;
  for (const file of corpusFiles()) {
    const doc = readDocument(path.basename(file), fs.readFileSync(file));
    const b = doc.binding;
    if (!b) continue;
    test(path.basename(file), () => {
      const transports: Transport[] = [...b.sendPorts.flatMap((s) => [s.primary, s.secondary]), ...b.receiveLocations.map((r) => r.transport)].filter((t): t is Transport => !!t?.dataElement);
      for (const t of transports) {
        const r = readings(doc.text, t);
        if (r.escaped !== null) {
          escaped++;
          assertSameSettings(r.escaped, r.reference(), `escaped: ${path.basename(file)} at ${t.dataElement!.start}`);
        }
        if (r.plain === null) continue;
        plain++;
        assertSameSettings(r.plain, r.reference(), `${path.basename(file)} at ${t.dataElement!.start}`);
      }
    });
  }
  test('the corpus has endpoints the plain reader reads', () => {
    assert.ok(plain > 20, `only ${plain} endpoints were read plain`);
    assert.ok(escaped > 20, `only ${escaped} endpoints were read escaped`);
  });
});
