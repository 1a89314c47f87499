// suppression-expired findings come from core/suppress (the policy step after lint()).

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { policyFindings } from '../helpers/policy';

const TOPO = (until: string) => `topology: 1
environment: production
sqlInstances:
  # btslint-disable msgbox-not-clustered until=${until} -- single node until the cluster is built
  - name: SQLBTS\\BTS
    databases: [{ name: BizTalkMsgBoxDb }]
`;

describe('suppression-expired', () => {
  it('valid: on and before its until= day the suppression applies', () => {
    for (const today of ['2027-03-30', '2027-03-31']) {
      const r = policyFindings({ 'p.topology.yaml': TOPO('2027-03-31') }, today);
      assert.ok(!r.findings.some((f) => f.ruleId === 'suppression-expired' || f.ruleId === 'msgbox-not-clustered'), today);
    }
  });

  it('invalid: the day after, the finding is back and the suppression is reported at the comment', () => {
    const r = policyFindings({ 'p.topology.yaml': TOPO('2027-03-31') }, '2027-04-01');
    const exp = r.findings.filter((f) => f.ruleId === 'suppression-expired');
    assert.deepEqual(exp.map((f) => r.rangeOf(f.uri, f.range.start, f.range.end)), [[4, 3, 4, 100]]);
    assert.equal(exp[0].severity, 'warning');
    assert.equal(
      exp[0].message,
      'This suppression of msgbox-not-clustered expired on 2027-03-31 (reason given: "single node until the cluster is built"), so the findings it covered are reported again. Fix them, or renew the suppression with a new until= date and reason.',
    );
    assert.ok(r.findings.some((f) => f.ruleId === 'msgbox-not-clustered'));
    assert.ok(!r.findings.some((f) => f.ruleId === 'suppression-unused'), 'an expired suppression is not also unused');
  });

  it('invalid: an expired JSON suppression', () => {
    const text = JSON.stringify({ topology: 1, environment: 'production', sqlInstances: [{ name: 'S', '$btslint-disable': [{ rules: ['msgbox-not-clustered'], reason: 'r', until: '2020-01-01' }], databases: [{ name: 'BizTalkMsgBoxDb' }] }] }, null, 2);
    const r = policyFindings({ 'p.topology.json': text });
    assert.equal(r.findings.filter((f) => f.ruleId === 'suppression-expired').length, 1);
    assert.ok(r.findings.some((f) => f.ruleId === 'msgbox-not-clustered'));
  });
});
