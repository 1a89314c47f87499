// On real files of the corpus (npm run test:corpus; the table tests are in file-receive-local-path.test.ts).
// file-receive-local-path: FILE receive locations on a local drive, or on a UNC share the topology does
// not declare highly available. Includes two real bindings: the Apress 2016 BookOrders solution (a
// C:\ receive folder) and the Deployment Framework's Advanced sample, whose receive Address is a
// ${FileInPath} token commented out for XmlPreprocess and resolved from its SettingsFileGenerator.xml.
import * as fs from 'fs';
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import rule from '../../server/src/core/rules/file-receive-local-path';
import { lintFiles } from '../helpers/ruleTester';
import { corpusFile } from '../helpers/paths';

const T = 'prod.topology.yaml';
const TOPO = 'topology: 1\nenvironment: production\n';

describe('file-receive-local-path on real bindings', () => {
  it('Apress 2016 BookOrders: fires at the FILE receive location only, inside its element', () => {
    const name = 'Apress__biztalk-server-2016__Chapter5__BookOrdersSolutionBAM__BookOrdersSolution__Bindings__Bindings.xml';
    const { findings, docs } = lintFiles({ [T]: TOPO, [name]: fs.readFileSync(corpusFile(name)) }, [rule]);
    const mine = findings.filter((f) => f.ruleId === 'file-receive-local-path');
    assert.equal(mine.length, 1);
    const doc = docs.find((d) => d.uri === name)!;
    const rl = doc.binding!.receiveLocations.find((r) => r.name === 'rlBookOrdersApp')!;
    assert.ok(mine[0].range.start > rl.element.start && mine[0].range.end < rl.element.end);
    assert.equal(doc.text.slice(mine[0].range.start, mine[0].range.end), 'C:\\APRESS\\Chapter5\\BookOrdersSolutionBAM\\BookOrdersSolution\\Ports\\IN\\*.xml');
  });

  it('BTDF Advanced sample: the commented ${FileInPath} Address resolves, per environment, from the real SettingsFileGenerator.xml', () => {
    const master = 'BTDF__DeploymentFramework__src__Samples__BizTalk__Advanced__Deployment__PortBindingsMaster.xml';
    const settings = 'BTDF__DeploymentFramework__src__Samples__BizTalk__Advanced__Deployment__SettingsFileGenerator.xml';
    for (const env of ['production', 'test', 'development']) {
      const files = { [`${env}.topology.yaml`]: `topology: 1\nenvironment: ${env}\n`, [master]: fs.readFileSync(corpusFile(master)), [settings]: fs.readFileSync(corpusFile(settings)) };
      const { findings, docs } = lintFiles(files, [rule]);
      const mine = findings.filter((f) => f.ruleId === 'file-receive-local-path');
      assert.equal(mine.length, 1, env);
      const doc = docs.find((d) => d.uri === master)!;
      // At the token, inside the XmlPreprocess comment of the FILE receive location.
      assert.equal(doc.text.slice(mine[0].range.start, mine[0].range.end), '${FileInPath}\\*.xml');
      const rl = doc.binding!.receiveLocations.find((r) => r.name === 'Advanced_Receive_FILE')!;
      assert.ok(mine[0].range.start > rl.element.start && mine[0].range.end < rl.element.end);
      assert.match(mine[0].message, /reads the local folder C:\\DeploymentFrameworkForBizTalk\\Samples\\Advanced\\InDir\\\*\.xml \(\$\{FileInPath\}\\\*\.xml\)/);
      // The value comes from the "Default Values" column (the environment columns are blank).
      const related = mine[0].related!.find((r) => r.uri === settings)!;
      const sdoc = docs.find((d) => d.uri === settings)!;
      assert.equal(sdoc.text.slice(related.range.start, related.range.end), 'C:\\DeploymentFrameworkForBizTalk\\Samples\\Advanced\\InDir');
    }
  });
});
