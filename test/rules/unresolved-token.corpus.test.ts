// On real files of the corpus (npm run test:corpus; the table tests are in unresolved-token.test.ts).
// unresolved-token: each ${Token} / $(Token) of a binding that the environment's Deployment Framework
// settings do not define, reported once per token per file at its first use.
import * as fs from 'fs';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import rule from '../../server/src/core/rules/unresolved-token';
import { lintFiles } from '../helpers/ruleTester';
import { corpusFile } from '../helpers/paths';

const T = 'prod.topology.yaml';
const TOPO = 'topology: 1\nenvironment: production\n';

describe('unresolved-token on the real Deployment Framework Advanced sample', () => {
  const masterName = 'BTDF__DeploymentFramework__src__Samples__BizTalk__Advanced__Deployment__PortBindingsMaster.xml';
  const settingsName = 'BTDF__DeploymentFramework__src__Samples__BizTalk__Advanced__Deployment__SettingsFileGenerator.xml';
  it('every token of the master binding is defined by the real SettingsFileGenerator.xml in each environment it names', () => {
    for (const env of ['production', 'test', 'development']) {
      const { findings } = lintFiles({ [`${env}.topology.yaml`]: `topology: 1\nenvironment: ${env}\n`, [masterName]: fs.readFileSync(corpusFile(masterName)), [settingsName]: fs.readFileSync(corpusFile(settingsName)) }, [rule]);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'unresolved-token').map((f) => f.message), [], env);
    }
  });
  it('without the settings, one cause is reported once: at ${FileOutPath}, with ${FileInPath} as related information', () => {
    const { findings, docs } = lintFiles({ [T]: TOPO, [masterName]: fs.readFileSync(corpusFile(masterName)) }, [rule]);
    const doc = docs.find((d) => d.uri === masterName)!;
    const mine = findings.filter((f) => f.ruleId === 'unresolved-token');
    assert.deepEqual(mine.map((f) => doc.text.slice(f.range.start, f.range.end)), ['${FileOutPath}']);
    assert.deepEqual(mine[0].data, { tokens: '${FileOutPath}, ${FileInPath}', count: 2, environment: 'production' });
    assert.deepEqual((mine[0].related ?? []).map((r) => doc.text.slice(r.range.start, r.range.end)), ['${FileInPath}']);
  });
});

describe('unresolved-token on a real binding with 24 $(Token)s and no settings (Azure/aimbiztalk BindingInfo.xml)', () => {
  it('reports the one cause once, at the first token, the 23 others as related information (it once read 24 findings)', () => {
    const name = 'Azure__aimbiztalk__src__Microsoft.AzureIntegrationMigration.BizTalk.Types__Schemas__BindingInfo.xml';
    const { findings, docs } = lintFiles({ [T]: TOPO, [name]: fs.readFileSync(corpusFile(name)) }, [rule]);
    const doc = docs.find((d) => d.uri === name)!;
    const mine = findings.filter((f) => f.ruleId === 'unresolved-token');
    assert.equal(mine.length, 1);
    assert.equal(mine[0].messageId, 'noSettings');
    assert.equal(mine[0].severity, 'info');
    assert.equal(doc.text.slice(mine[0].range.start, mine[0].range.end), '$(OrchestrationTrackingOptions)');
    assert.equal(mine[0].data?.count, 24);
    assert.equal(mine[0].related?.length, 23);
    assert.ok(mine[0].related.some((r) => doc.text.slice(r.range.start, r.range.end) === '$(QueueManager1)'));
  });
});
