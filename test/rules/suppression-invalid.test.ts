// suppression-invalid findings come from core/suppress (the policy step after lint()); these tests
// run lint() and applySuppressions() on small workspaces and check exact ranges and the XML fix.

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core';
import { lintFiles } from '../helpers/ruleTester';
import { policyFindings } from '../helpers/policy';


const TOPO = (comment: string) => `topology: 1
environment: production
sqlInstances:
  ${comment}
  - name: SQLBTS\\BTS
    databases: [{ name: BizTalkMsgBoxDb }]
`;

const FTP = (comment: string) => `<BindingInfo>
  <ReceivePortCollection>
    <ReceivePort Name="RP"><ReceiveLocations>
      ${comment}
      <ReceiveLocation Name="RL">
        <ReceiveLocationTransportType Name="FTP" />
        <ReceiveHandler Name="ReceiveHost_FTP" />
      </ReceiveLocation>
    </ReceiveLocations></ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;
const FTP_TOPO = `topology: 1
environment: production
hosts:
  - name: ReceiveHost_FTP
    instances: [A, B]
`;

describe('suppression-invalid', () => {
  it('valid: a YAML and an XML suppression with reasons produce no suppression-invalid', () => {
    const r = policyFindings({ 'p.topology.yaml': TOPO('# btslint-disable msgbox-not-clustered -- single node until Q3') });
    assert.deepEqual(r.findings.filter((f) => f.ruleId.startsWith('suppression-')), []);
    assert.equal(r.suppressed.length, 1);
    const x = policyFindings({ 'p.topology.yaml': FTP_TOPO, 'b.xml': FTP('<!-- btslint-disable ftp-sftp-receive-not-clustered: one connection only -->') });
    assert.deepEqual(x.findings.filter((f) => f.ruleId.startsWith('suppression-') || f.ruleId === 'ftp-sftp-receive-not-clustered'), []);
  });

  it('invalid: no reason, at the whole comment; the finding stays', () => {
    const r = policyFindings({ 'p.topology.yaml': TOPO('# btslint-disable msgbox-not-clustered') });
    const inv = r.findings.filter((f) => f.ruleId === 'suppression-invalid');
    assert.deepEqual(inv.map((f) => r.rangeOf(f.uri, f.range.start, f.range.end)), [[4, 3, 4, 41]]);
    assert.equal(inv[0].severity, 'error');
    assert.ok(r.findings.some((f) => f.ruleId === 'msgbox-not-clustered'));
    // A reason of punctuation only is no reason.
    const dash = policyFindings({ 'p.topology.yaml': TOPO('# btslint-disable msgbox-not-clustered -- ...') });
    assert.equal(dash.findings.filter((f) => f.ruleId === 'suppression-invalid').length, 1);
  });

  it('invalid: an unknown rule id, at the id; the known ids still apply', () => {
    const r = policyFindings({ 'p.topology.yaml': TOPO('# btslint-disable msgbox-not-clustred, msgbox-not-clustered -- single node') });
    const inv = r.findings.filter((f) => f.ruleId === 'suppression-invalid');
    assert.deepEqual(inv.map((f) => r.rangeOf(f.uri, f.range.start, f.range.end)), [[4, 21, 4, 40]]);
    assert.match(inv[0].message, /Unknown rule "msgbox-not-clustred"/);
    assert.ok(!r.findings.some((f) => f.ruleId === 'msgbox-not-clustered'));
  });

  it('invalid: `--` in an XML comment, with a fix that writes ": "', () => {
    const files = { 'p.topology.yaml': FTP_TOPO, 'b.xml': FTP('<!-- btslint-disable ftp-sftp-receive-not-clustered -- one connection only -->') };
    const r = policyFindings(files);
    const inv = r.findings.filter((f) => f.ruleId === 'suppression-invalid');
    assert.equal(inv.length, 1);
    assert.deepEqual(r.rangeOf('b.xml', inv[0].range.start, inv[0].range.end), [4, 59, 4, 61]);
    assert.ok(!r.findings.some((f) => f.ruleId === 'ftp-sftp-receive-not-clustered'), 'it still suppresses');
    const fixed = applyEdits(files['b.xml'], inv[0].fix!.edits).text;
    assert.equal(fixed, FTP('<!-- btslint-disable ftp-sftp-receive-not-clustered: one connection only -->'));
  });

  it('invalid: a bad until= date; nothing after the comment; an unknown directive', () => {
    const bad = policyFindings({ 'p.topology.yaml': TOPO('# btslint-disable msgbox-not-clustered until=2027-13-01 -- later') });
    const inv = bad.findings.filter((f) => f.ruleId === 'suppression-invalid');
    assert.deepEqual(inv.map((f) => [bad.rangeOf(f.uri, f.range.start, f.range.end), f.message]), [[[4, 42, 4, 58], '"until=2027-13-01" is not a date written until=YYYY-MM-DD.']]);
    const xml = policyFindings({ 'b.xml': '<BindingInfo>\n  <SendPortCollection/>\n  <!-- btslint-disable raid0-or-none: x -->\n</BindingInfo>\n' });
    assert.match(xml.findings.find((f) => f.ruleId === 'suppression-invalid')!.message, /not followed by an element/);
    const next = policyFindings({ 'p.topology.yaml': TOPO('# btslint-disable-next-line msgbox-not-clustered -- x') });
    assert.match(next.findings.find((f) => f.ruleId === 'suppression-invalid')!.message, /^Unknown directive "btslint-disable-next-line"/);
  });

  it('invalid: JSON "$btslint-disable" without rules or reason, at the item', () => {
    const text = '{\n  "topology": 1,\n  "environment": "production",\n  "$btslint-disable": [{ "reason": "why" }, { "rules": ["msgbox-not-clustered"], "colour": 1, "reason": "x" }]\n}\n';
    const r = policyFindings({ 'p.topology.json': text });
    const inv = r.findings.filter((f) => f.ruleId === 'suppression-invalid');
    assert.deepEqual(
      inv.map((f) => [r.rangeOf(f.uri, f.range.start, f.range.end), f.message]),
      [
        [[4, 24, 4, 43], 'This suppression names no known rule in "rules", so it suppresses nothing.'],
        [[4, 82, 4, 90], 'Unknown key "colour" in a suppression: use rules, reason and until.'],
      ],
    );
    // lintFiles (the rule tester's runner) sees no suppression findings: they come from the policy step.
    assert.ok(!lintFiles({ 'p.topology.json': text }).findings.some((f) => f.ruleId === 'suppression-invalid'));
  });
});
