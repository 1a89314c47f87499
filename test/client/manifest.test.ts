// The extension's manifest for `btslint init` in VS Code: the "Create topology from workspace" command
// is contributed and registered by the client, and the walkthrough has its three steps, each with a
// markdown page in the repository that the .vsix ships (.vscodeignore lets it through).

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../helpers/paths';

const ROOT = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('extension manifest: btslint init', () => {
  it('contributes "btslint: Create topology from workspace", and the client registers it', () => {
    const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'btslint.createTopology');
    assert.deepEqual(cmd, { command: 'btslint.createTopology', title: 'Create topology from workspace', category: 'btslint' });
    const client = fs.readFileSync(path.join(ROOT, 'client', 'src', 'activate.ts'), 'utf8');
    assert.match(client, /registerCommand\('btslint\.createTopology'/);
  });

  it('a walkthrough of three steps (create the topology, fill in the placeholders, add btslint to the pipeline) with markdown pages', () => {
    const [w] = pkg.contributes.walkthroughs;
    assert.deepEqual(
      w.steps.map((s: { id: string; title: string }) => [s.id, s.title]),
      [
        ['createTopology', 'Create the topology'],
        ['fillPlaceholders', 'Fill in the placeholders'],
        ['addToPipeline', 'Add btslint to the pipeline'],
      ],
    );
    assert.match(w.steps[0].description, /\(command:btslint\.createTopology\)/);
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    for (const s of w.steps) {
      const page = path.join(ROOT, s.media.markdown);
      assert.ok(fs.existsSync(page), s.media.markdown);
      assert.match(fs.readFileSync(page, 'utf8'), /^# /);
      assert.ok(ignore.includes(`!${path.dirname(s.media.markdown)}/*.md`), `.vscodeignore ships ${s.media.markdown}`);
    }
  });
});

describe('extension manifest: the web extension', () => {
  it('has a browser entry beside main, both bundled by scripts/bundle.js and shipped by .vscodeignore', () => {
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.browser, './dist/browser/extension.js');
    const bundle = fs.readFileSync(path.join(ROOT, 'scripts', 'bundle.js'), 'utf8');
    for (const out of ['dist/extension.js', 'dist/server.js', 'dist/browser/extension.js', 'dist/browser/server.js']) {
      assert.ok(bundle.includes(`outfile: '${out}'`), `bundle.js builds ${out}`);
    }
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/);
    for (const f of ['!dist/extension.js', '!dist/server.js', '!dist/browser/extension.js', '!dist/browser/server.js']) assert.ok(ignore.includes(f), f);
  });

  it('supports virtual workspaces in a limited way and says what is limited', () => {
    const v = pkg.capabilities.virtualWorkspaces;
    assert.equal(v.supported, 'limited');
    assert.match(v.description, /files created in the session/);
    assert.match(v.description, /--fix/);
  });
});
