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
  it('without the settings, each token is reported once: ${FileOutPath} and ${FileInPath}', () => {
    const { findings, docs } = lintFiles({ [T]: TOPO, [masterName]: fs.readFileSync(corpusFile(masterName)) }, [rule]);
    const doc = docs.find((d) => d.uri === masterName)!;
    const tokens = findings.filter((f) => f.ruleId === 'unresolved-token').map((f) => doc.text.slice(f.range.start, f.range.end));
    assert.deepEqual(tokens, ['${FileOutPath}', '${FileInPath}']);
  });
});
