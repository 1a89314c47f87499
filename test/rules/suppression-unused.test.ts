// suppression-unused findings come from core/suppress (the policy step after lint()).

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, readDocument } from '../../server/src/core';
import { applySuppressions } from '../../server/src/core/suppress';
import { policyFindings } from '../helpers/policy';

const TOPO = `topology: 1
environment: production
sqlInstances:
  # btslint-disable raid0-or-none -- scratch volume
  - name: SQLBTS\\BTS
    failoverCluster: { nodes: [A, B] }
    volumes:
      - { drive: 'E:', raid: 10, holds: [data] }
`;

describe('suppression-unused', () => {
  it('valid: a suppression that suppresses a finding', () => {
    const r = policyFindings({ 'p.topology.yaml': TOPO.replace('raid: 10', 'raid: 0') });
    assert.ok(!r.findings.some((f) => f.ruleId === 'suppression-unused' || f.ruleId === 'raid0-or-none'));
  });

  it('invalid: nothing to suppress, reported at the comment', () => {
    const r = policyFindings({ 'p.topology.yaml': TOPO });
    const un = r.findings.filter((f) => f.ruleId === 'suppression-unused');
    assert.deepEqual(un.map((f) => [r.rangeOf(f.uri, f.range.start, f.range.end), f.severity]), [[[4, 3, 4, 52], 'warning']]);
    assert.equal(un[0].message, 'This suppression of raid0-or-none suppresses nothing: no raid0-or-none finding in the element or node it stands before. Remove it, or move it before the node the finding is reported on.');
  });

  it('invalid: one of two rule ids unused, reported at that id', () => {
    const r = policyFindings({ 'p.topology.yaml': TOPO.replace('raid0-or-none --', 'raid0-or-none, msgbox-bampi-not-raid10 --').replace('raid: 10', 'raid: 0') });
    const un = r.findings.filter((f) => f.ruleId === 'suppression-unused');
    assert.deepEqual(un.map((f) => [r.rangeOf(f.uri, f.range.start, f.range.end), f.message]), [[[4, 36, 4, 59], 'msgbox-bampi-not-raid10 is suppressed here but reports nothing in the element or node it stands before: remove it from this suppression.']]);
  });

  it('a rule the config turns off is not reported as unused', () => {
    const docs = [readDocument('p.topology.yaml', TOPO)];
    const now = new Date('2026-12-01T00:00:00Z');
    const r = applySuppressions(lint(docs, { now }), docs, { now, isActive: (_uri, id) => id !== 'raid0-or-none' });
    assert.ok(!r.findings.some((f) => f.ruleId === 'suppression-unused'));
  });
});
