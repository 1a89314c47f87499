import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import rule from '../../server/src/core/rules/file-too-large';
import { DEFAULT_MAX_FILE_SIZE, lint, readDocument, skippedDocument } from '../../server/src/core';
import { ruleTester } from '../helpers/ruleTester';

const BINDING = '<BindingInfo><SendPortCollection/></BindingInfo>';

// The default limit is 50 MB: a zero-filled buffer one byte over it is skipped before any decoding.
ruleTester(rule, {
  valid: [
    { name: 'a small binding file is read', files: { 'Orders.BindingInfo.xml': BINDING } },
    { name: 'a file of exactly the limit is read', files: { 'data.xml': new Uint8Array(DEFAULT_MAX_FILE_SIZE) } },
  ],
  invalid: [
    {
      name: 'one byte over 50 MB: skipped, reported at the start',
      files: { 'Huge.BindingInfo.xml': new Uint8Array(DEFAULT_MAX_FILE_SIZE + 1) },
      errors: [{ messageId: 'problem', nodePath: 'file-too-large:This file is 50 MB, over btslint\'s size limit of 50 MB, so it was not read or checked. Raise the limit (--max-file-size) to check it.', range: [1, 1, 1, 1], severity: 'info', message: /^This file is 50 MB, over btslint's size limit of 50 MB, so it was not read or checked\. Raise the limit \(--max-file-size\) to check it\.$/, fixOutput: null }],
    },
    {
      name: 'a topology over the limit is skipped too (text given as a string counts in UTF-8 bytes)',
      files: { 'prod.topology.yaml': 'topology: 1\n# ' + 'é'.repeat(DEFAULT_MAX_FILE_SIZE / 2) + '\n' },
      errors: [{ messageId: 'problem', nodePath: 'file-too-large:This file is 50 MB, over btslint\'s size limit of 50 MB, so it was not read or checked. Raise the limit (--max-file-size) to check it.', fixOutput: null, range: [1, 1, 1, 1], severity: 'info', message: /over btslint's size limit of 50 MB/ }],
    },
  ],
});

describe('file-too-large: the maxFileSize option', () => {
  it('a lower limit skips a small file, and nothing of it is read', () => {
    const doc = readDocument('Orders.BindingInfo.xml', Buffer.from(BINDING), { maxFileSize: 10 });
    assert.equal(doc.text, '');
    assert.equal(doc.kind, 'other');
    assert.equal(doc.binding, undefined);
    const findings = lint([doc]);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.range.start, f.range.end]),
      [['file-too-large', 'info', 0, 0]],
    );
    assert.match(findings[0].message, /^This file is 0 MB, over btslint's size limit of 0 MB/);
  });

  it('a file under the limit is read as usual', () => {
    const doc = readDocument('Orders.BindingInfo.xml', Buffer.from(BINDING), { maxFileSize: 1024 });
    assert.equal(doc.kind, 'binding');
    assert.deepEqual(lint([doc]).filter((f) => f.ruleId === 'file-too-large'), []);
  });

  it('skippedDocument builds the same stand-in from a size alone (the CLI never loads the file)', () => {
    const doc = skippedDocument('C:\\data\\dump.xml', 73 * 1024 * 1024);
    const findings = lint([doc]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].ruleId, 'file-too-large');
    assert.equal(findings[0].message, "This file is 73 MB, over btslint's size limit of 50 MB, so it was not read or checked. Raise the limit (--max-file-size) to check it.");
  });

  it('the level can be raised or turned off like any rule', () => {
    const doc = skippedDocument('dump.xml', 60 * 1024 * 1024);
    assert.deepEqual(lint([doc], { levels: { 'file-too-large': 'off' } }), []);
    assert.equal(lint([doc], { levels: { 'file-too-large': 'error' } })[0].severity, 'error');
  });
});
