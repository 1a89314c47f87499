// --fix and the three kinds of change (core/types.ts FixKind), on the examples and small workspaces
// of our own: --fix applies fixes of kind `fix` only, --fix-type fix,declaration adds declarations,
// suggestions are never applied; no declared scalar of a topology changes; a workspace whose errors
// are all answered by declarations still exits 1; the count the summary announces is what --fix then
// applies; a second --fix applies nothing and an entry is never inserted twice.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { cli, removeWorkspace, workspace } from './helpers';
import { changedScalars, topologyScalars } from '../helpers/scalars';
import { repoRoot } from '../helpers/paths';

const TODAY = ['--today', '2026-12-01', '--no-color'];

/** Every file under a folder, by its path relative to it. */
function filesOf(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

function topologies(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, bytes] of Object.entries(filesOf(dir))) if (/\.topology\.(ya?ml|json)$/.test(name)) out.set(name, bytes.toString('utf8'));
  return out;
}

// Two XML suppression comments written with `--`: two fixes of kind `fix` (suppression-invalid), in
// the binding; a host the topology does not declare: a declaration; a host not clustered: a suggestion.
const BINDING = (host: string) => `<?xml version="1.0" encoding="utf-8"?>
<BindingInfo>
  <ReceivePortCollection>
    <ReceivePort Name="In">
      <ReceiveLocations>
        <!-- btslint-disable file-receive-local-path -- a share on the cluster -->
        <ReceiveLocation Name="In.Ftp">
          <Address>ftp://partner/in/*.xml</Address>
          <ReceiveHandler Name="${host}" />
          <ReceiveLocationTransportType Name="FTP" />
        </ReceiveLocation>
        <!-- btslint-disable polling-receive-not-clustered -- one poller -->
        <ReceiveLocation Name="In.Ftp2">
          <Address>ftp://partner/in2/*.xml</Address>
          <ReceiveHandler Name="NewHost" />
          <ReceiveLocationTransportType Name="FTP" />
        </ReceiveLocation>
      </ReceiveLocations>
    </ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;

const TOPOLOGY = `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    failoverCluster: { nodes: [N1, N2] }
    volumes:
      - { drive: 'E:', raid: 5, holds: [data] }
    databases:
      - { name: BizTalkMsgBoxDb, dataVolume: 'E:' }
hosts:
  - name: FtpHost
    type: in-process
    clustered: false
    instances: [BTS01, BTS02]
`;

describe('--fix and the kinds of change', () => {
  it('on the examples: --fix-type fix,declaration changes no declared value, still fails, and a second run applies nothing', async () => {
    const dir = workspace(filesOf(path.join(repoRoot(), 'examples')));
    try {
      const before = topologies(dir);
      assert.ok(before.size >= 1);
      const r = await cli(['--fix', '--fix-type', 'fix,declaration', ...TODAY], dir);
      assert.equal(r.code, 1, r.stderr);
      for (const [name, text] of topologies(dir)) {
        assert.deepEqual(changedScalars(before.get(name)!, text), [], `${name}: a declared value changed`);
        assert.ok(topologyScalars(text).size >= topologyScalars(before.get(name)!).size);
      }
      const again = await cli(['--fix', '--fix-type', 'fix,declaration', ...TODAY], dir);
      assert.doesNotMatch(again.stderr, /applied/, 'the second run applies nothing');
    } finally {
      removeWorkspace(dir);
    }
  });

  it('the count the summary announces is what --fix applies: fixes only, no suggestion, idempotent', async () => {
    const dir = workspace({ 'prod.topology.yaml': TOPOLOGY, 'b1.BindingInfo.xml': BINDING('FtpHost'), 'b2.BindingInfo.xml': BINDING('FtpHost') });
    try {
      const lint = await cli([...TODAY], dir);
      const m = /(\d+) can be fixed with `btslint --fix`/.exec(lint.stdout);
      assert.ok(m, lint.stdout);
      assert.equal(m[1], '4', 'two `--` comments in each of two bindings');
      assert.match(lint.stdout, /can be declared with `btslint --fix --fix-type fix,declaration`/);
      assert.match(lint.stdout, /suggestions? in the editor/);
      const fix = await cli(['--fix', ...TODAY], dir);
      assert.match(fix.stderr, new RegExp(`applied ${m[1]} fixes in 2 files\\.`));
      // No suggestion, no declaration: the topology is untouched.
      assert.equal(fs.readFileSync(path.join(dir, 'prod.topology.yaml'), 'utf8'), TOPOLOGY);
      assert.doesNotMatch(fs.readFileSync(path.join(dir, 'b1.BindingInfo.xml'), 'utf8'), / -- /);
      const again = await cli(['--fix', ...TODAY], dir);
      assert.doesNotMatch(again.stderr, /applied/);
      assert.doesNotMatch((await cli([...TODAY], dir)).stdout, /can be fixed with/);
    } finally {
      removeWorkspace(dir);
    }
  });

  it('--fix-type fix,declaration declares the unknown host once (two bindings name it), never applies a suggestion, and the run still fails', async () => {
    const dir = workspace({ 'prod.topology.yaml': TOPOLOGY, 'b1.BindingInfo.xml': BINDING('FtpHost'), 'b2.BindingInfo.xml': BINDING('FtpHost') });
    try {
      const dry = await cli(['--fix-dry-run', '--fix-type', 'fix,declaration', ...TODAY], dir);
      assert.match(dry.stdout, /^# declaration: Declare host NewHost in the topology \(handler-host-unknown\)$/m);
      assert.match(dry.stdout, /^# fix: Write the reason after ":" \(suppression-invalid\)$/m);
      assert.doesNotMatch(dry.stdout, /# suggestion/);
      const r = await cli(['--fix', '--fix-type', 'fix,declaration', ...TODAY], dir);
      assert.equal(r.code, 1);
      const text = fs.readFileSync(path.join(dir, 'prod.topology.yaml'), 'utf8');
      assert.equal(text.split('name: NewHost').length - 1, 1, `NewHost declared once:\n${text}`);
      assert.deepEqual(changedScalars(TOPOLOGY, text), []);
      assert.match(text, /raid: 5/);
      assert.match(text, /clustered: false/);
      assert.match(text, /clustered: '<<clustered: true or false>>'/);
      const again = await cli(['--fix', '--fix-type', 'fix,declaration', ...TODAY], dir);
      assert.doesNotMatch(again.stderr, /applied/);
    } finally {
      removeWorkspace(dir);
    }
  });

  it('a workspace whose errors are all answered by declarations still exits 1, with the placeholders as errors', async () => {
    const dir = workspace({ 'prod.topology.yaml': 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    failoverCluster: { nodes: [N1, N2] }\n    databases: [{ name: BizTalkMsgBoxDb }]\nsso: { masterSecretServer: SSOCLU, clustered: true }\n' });
    try {
      const before = JSON.parse((await cli(['--format', 'json', ...TODAY], dir)).stdout) as { ruleId: string; severity: string; fix: { kind: string } | null }[];
      const errors = before.filter((f) => f.severity === 'error');
      assert.ok(errors.length >= 2, JSON.stringify(before.map((f) => f.ruleId)));
      for (const e of errors) assert.equal(e.fix?.kind, 'declaration', `${e.ruleId} is answered by a declaration`);
      const r = await cli(['--fix', '--fix-type', 'fix,declaration', '--format', 'json', ...TODAY], dir);
      assert.equal(r.code, 1, 'the run still fails');
      const after = JSON.parse(r.stdout) as { ruleId: string; severity: string }[];
      assert.ok(after.filter((f) => f.severity === 'error').every((f) => f.ruleId === 'unfilled-placeholder'));
      assert.ok(after.some((f) => f.ruleId === 'unfilled-placeholder' && f.severity === 'error'));
      // Plain --fix applies no declaration.
      const plain = workspace({ 'prod.topology.yaml': 'topology: 1\nenvironment: production\n' });
      try {
        const p = await cli(['--fix', ...TODAY], plain);
        assert.equal(p.code, 1);
        assert.equal(fs.readFileSync(path.join(plain, 'prod.topology.yaml'), 'utf8'), 'topology: 1\nenvironment: production\n', 'a two-line topology is not given an invented sso.clustered');
      } finally {
        removeWorkspace(plain);
      }
    } finally {
      removeWorkspace(dir);
    }
  });

  it('--fix-type takes fix and declaration, never suggestion, and only with --fix or --fix-dry-run', async () => {
    const dir = workspace({ 'prod.topology.yaml': 'topology: 1\nenvironment: production\n' });
    try {
      const s = await cli(['--fix', '--fix-type', 'fix,suggestion'], dir);
      assert.equal(s.code, 2);
      assert.match(s.stderr, /--fix never applies suggestions/);
      const b = await cli(['--fix', '--fix-type', 'layout'], dir);
      assert.equal(b.code, 2);
      assert.match(b.stderr, /--fix-type takes fix and declaration/);
      const alone = await cli(['--fix-type', 'declaration'], dir);
      assert.equal(alone.code, 2);
      assert.match(alone.stderr, /--fix-type goes with --fix or --fix-dry-run/);
    } finally {
      removeWorkspace(dir);
    }
  });
});
