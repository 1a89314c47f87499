// internal-error findings come from the engine's isolation of each rule: a rule that throws is
// reported where the user looks (the topology, else the first BizTalk file) and the others still run.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, readDocument, Rule } from '../../server/src/core';
import internalError from '../../server/src/core/rules/internal-error';
import backupJob from '../../server/src/core/rules/backup-job-missing-or-disabled';
import noTopology from '../../server/src/core/rules/no-topology';

const NOW = new Date('2026-12-01T00:00:00Z');

/** A rule that fails on every workspace, as a rule with a bug would. */
const broken: Rule = {
  meta: { ...backupJob.meta, id: 'always-throws', description: 'Throws.', fixable: false },
  check() {
    throw new TypeError("Cannot read properties of undefined (reading 'str')");
  },
};

const TOPO = 'topology: 1\nenvironment: production\n';
const BINDING = '<BindingInfo><SendPortCollection><SendPort Name="SP" IsStatic="true"><PrimaryTransport><TransportType Name="FILE" /><SendHandler Name="H" /></PrimaryTransport></SendPort></SendPortCollection></BindingInfo>';

describe(internalError.meta.id, () => {
  it('reports the failing rule at the start of the topology, and the other rules still report', () => {
    const failures: [string, unknown][] = [];
    const docs = [readDocument('prod.topology.yaml', TOPO)];
    const findings = lint(docs, { now: NOW, rules: [broken, backupJob], onInternalError: (id, e) => failures.push([id, e]) });
    const internal = findings.filter((f) => f.ruleId === 'internal-error');
    assert.equal(internal.length, 1);
    assert.deepEqual(
      { uri: internal[0].uri, range: internal[0].range, severity: internal[0].severity, nodePath: internal[0].nodePath, fix: internal[0].fix },
      { uri: 'prod.topology.yaml', range: { start: 0, end: 0 }, severity: 'error', nodePath: 'internal-error:always-throws', fix: undefined },
    );
    assert.equal(
      internal[0].message,
      "btslint's rule always-throws failed on this workspace (Cannot read properties of undefined (reading 'str')); the other rules still ran. Please report it.",
    );
    // The rule after the broken one ran.
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'backup-job-missing-or-disabled').map((f) => f.range),
      [{ start: 12, end: 23 }],
    );
    assert.equal(failures.length, 1);
    assert.equal(failures[0][0], 'always-throws');
    assert.ok(failures[0][1] instanceof TypeError);
  });

  it('is an error even where the environment relaxes availability rules', () => {
    const docs = [readDocument('dev.topology.yaml', 'topology: 1\nenvironment: development\n')];
    const internal = lint(docs, { now: NOW, rules: [{ ...broken, meta: { ...broken.meta, byEnvironment: 'availability' } }] }).filter((f) => f.ruleId === 'internal-error');
    assert.deepEqual(internal.map((f) => f.severity), ['error']);
  });

  it('without a topology, it is reported at the first BizTalk file, and the other rules still run', () => {
    const docs = [readDocument('notes.xml', '<notes/>'), readDocument('app.BindingInfo.xml', BINDING)];
    const findings = lint(docs, { now: NOW, rules: [broken, noTopology] });
    const internal = findings.filter((f) => f.ruleId === 'internal-error');
    assert.deepEqual(internal.map((f) => [f.uri, f.range.start, f.range.end]), [['app.BindingInfo.xml', 0, 0]]);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'no-topology').map((f) => f.uri), ['app.BindingInfo.xml']);
  });

  it('with two topologies the rule fails once per topology, each reported in its own file', () => {
    const docs = [readDocument('prod.topology.yaml', TOPO), readDocument('test.topology.yaml', 'topology: 1\nenvironment: test\n')];
    const internal = lint(docs, { now: NOW, rules: [broken] }).filter((f) => f.ruleId === 'internal-error');
    assert.deepEqual(internal.map((f) => f.uri).sort(), ['prod.topology.yaml', 'test.topology.yaml']);
  });

  it('a workspace with no BizTalk file has nowhere to show it: no finding, but the callback still hears of it', () => {
    const failures: string[] = [];
    const findings = lint([readDocument('notes.xml', '<notes/>')], { now: NOW, rules: [broken], onInternalError: (id) => failures.push(id) });
    assert.deepEqual(findings, []);
    assert.deepEqual(failures, ['always-throws']);
  });

  it('a rule that does not throw produces no internal-error', () => {
    const findings = lint([readDocument('prod.topology.yaml', TOPO)], { now: NOW, rules: [backupJob] });
    assert.deepEqual(findings.filter((f) => f.ruleId === 'internal-error'), []);
  });
});
