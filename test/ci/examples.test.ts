// The bundled example workspace is what a newcomer runs first (`npx btslint examples`): every file in it
// must read cleanly, so that what it shows are the platform's gaps, never a mistake of the example.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { cli } from './helpers';
import { repoRoot } from '../helpers/paths';

describe('the example workspace', () => {
  it('reads without a parse, schema or config finding, and exits 1 with its gaps', async () => {
    const run = await cli(['examples', '--format', 'json'], repoRoot());
    assert.equal(run.code, 1, run.stderr);
    const findings = JSON.parse(run.stdout) as { ruleId: string; file: string; message: string }[];
    const mistakes = findings.filter((f) => ['parse-error', 'topology-schema', 'config-invalid', 'internal-error'].includes(f.ruleId));
    assert.deepEqual(mistakes.map((f) => `${f.file}: ${f.ruleId}: ${f.message}`), []);
    assert.ok(findings.some((f) => f.file.includes('contoso-dev.topology.yaml')), 'the development topology is checked');
  });
});
