// The deployment manifests: Deployment Framework projects, SettingsFileGenerator workbooks (SpreadsheetML),
// exported settings files, ApplicationDefinition.adf, the hosts of configuration exports; token
// resolution for an environment, on the real corpus files; and every such file of the corpus read without error
// (npm run test:corpus; the inline cases are in deployment.test.ts).

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { BtsDocument, describeModel, readDocument, workspaceOf } from '../../server/src/core';
import { handlers, withEnvironment } from '../../server/src/core/model/join';
import { tokenTable } from '../../server/src/core/model/tokens';
import { effectiveAddress } from '../../server/src/core/model/adapters';
import { workbookValue } from '../../server/src/core/readers/settings';
import { corpusDir, corpusFile } from '../helpers/paths';

const read = (name: string): BtsDocument => readDocument(name, fs.readFileSync(corpusFile(name)));
const at = (doc: BtsDocument, r: { start: number; end: number }) => doc.text.slice(r.start, r.end);

const ADVANCED_MASTER = 'BTDF__DeploymentFramework__src__Samples__BizTalk__Advanced__Deployment__PortBindingsMaster.xml';
const ADVANCED_SETTINGS = 'BTDF__DeploymentFramework__src__Samples__BizTalk__Advanced__Deployment__SettingsFileGenerator.xml';
const KAFKA_SETTINGS = 'vikas15bhardwaj__biztalk-kafka__src__Deployment__SettingsFileGenerator.xml';
const KAFKA_PROD = 'vikas15bhardwaj__biztalk-kafka__src__Deployment__EnvironmentSettings__PROD_Settings.xml';

describe('SettingsFileGenerator.xml (SpreadsheetML)', () => {
  it('reads the real workbooks, including those whose cells skip columns with ss:Index', () => {
    const template = read('BTDF__DeploymentFramework__src__Developer__ProjectTemplate__SettingsFileGenerator.xml').settingsWorkbook!;
    assert.deepEqual(template.environments.map((e) => e.name), ['Local Development', 'Shared Development', 'Test', 'Production']);
    const group = template.settings.find((s) => s.name === 'SsoAppUserGroup')!;
    // Its Local Development cell is skipped with ss:Index="4": column 3 takes the default.
    assert.equal(group.values.has(3), false);
    assert.equal(workbookValue(group, 3)!.value, 'BizTalk Application Users');
    const kafka = read(KAFKA_SETTINGS).settingsWorkbook!;
    assert.deepEqual(
      kafka.environments.map((e) => `${e.name}@${e.column}:${e.settingsFile}`),
      ['Local Development@3:DEV_Settings.xml', 'Test@4:QA_Settings.xml', 'Production@5:STG_Settings.xml', 'Production@6:QOL_Settings.xml', 'Production@7:PROD_Settings.xml'],
    );
  });
});

describe('exported settings files', () => {
  it('reads the properties and the exporter\'s "Environment:" comment (real PROD_Settings.xml, UTF-8 with BOM)', () => {
    const doc = read(KAFKA_PROD);
    assert.equal(doc.kind, 'settings-export');
    assert.equal(doc.encoding, 'utf8bom');
    assert.equal(doc.settingsExport!.environment, 'Production');
    assert.deepEqual(
      doc.settingsExport!.properties.map((p) => [p.name, p.value, at(doc, p.range)]),
      [
        ['SsoAppUserGroup', 'SSO Affiliate Administrators', 'SSO Affiliate Administrators'],
        ['SsoAppAdminGroup', 'SSO Administrators', 'SSO Administrators'],
      ],
    );
  });
});

describe('Deployment.btdfproj', () => {
  it('reads properties, conditions, IIS applications, hosts and PropsFromEnvSettings (real Advanced sample)', () => {
    const p = read('BTDF__DeploymentFramework__src__Samples__BizTalk__Advanced__Deployment__Deployment.btdfproj').btdfProject!;
    assert.equal(p.property('ProjectName')!.value, 'DeploymentFramework.Samples.Advanced');
    assert.equal(p.includeSSO, true);
    assert.equal(p.usingMasterBindings, true);
    assert.deepEqual(p.virtualDirectories.map((v) => [v.name, v.physicalPath, v.appPool]), [['/BTDFAdvancedSample', '..\\VDir_Advanced', 'BTDFAdvancedSample']]);
    assert.deepEqual(p.hosts, ['BizTalkServerApplication']);
    assert.deepEqual(p.propsFromEnvSettings, ['SsoAppUserGroup', 'SsoAppAdminGroup']);
    // Conditional definitions keep their condition; the unconditional one wins.
    const cfg = p.properties.filter((x) => x.name === 'DeploymentFrameworkTargetsPath');
    assert.equal(cfg.length, 3);
    assert.ok(cfg.every((x) => x.condition && /Configuration/.test(x.condition)));
  });

});

describe('ApplicationDefinition.adf', () => {
  const name = 'Azure__aimbiztalk__scenarios__004-HttpJsonOrch__msi__Aim.HttpJsonOrch.msi__ApplicationDefinition.adf';
  it('reads the properties and the resources, the bindings among them (real extracted MSI)', () => {
    const doc = read(name);
    const a = doc.appDefinition!;
    assert.equal(doc.kind, 'app-definition');
    assert.equal(a.displayName, 'Aim.HttpJsonOrch');
    assert.equal(a.properties.find((p) => p.name === 'Version')!.value, '1.0.0.0');
    assert.deepEqual(a.resources.map((r) => r.type), ['System.BizTalk:BizTalkAssembly', 'System.BizTalk:WebDirectory', 'System.BizTalk:BizTalkBinding']);
    assert.equal(a.bindings.length, 1);
    assert.equal(a.bindings[0].properties.FullName, 'BindingInfo.xml');
    assert.deepEqual(a.bindings[0].files.map((f) => [f.relativePath, f.key]), [['BindingInfo.xml', 'Binding']]);
    assert.equal(at(doc, a.bindings[0].range), 'Application/Aim.HttpJsonOrch');
    assert.deepEqual(a.references, ['BizTalk.System']);
  });

  it('a workspace of an extracted MSI: the model names the application of the BindingInfo.xml beside the .adf', () => {
    const adf = readDocument('C:\\msi\\Aim.HttpJsonOrch\\ApplicationDefinition.adf', fs.readFileSync(corpusFile(name)));
    const binding = readDocument('C:\\msi\\Aim.HttpJsonOrch\\ITEM~2\\BindingInfo.xml', fs.readFileSync(corpusFile('Azure__aimbiztalk__scenarios__004-HttpJsonOrch__bindings__Bindings.xml')));
    const other = readDocument('C:\\other\\BindingInfo.xml', fs.readFileSync(corpusFile('Azure__aimbiztalk__scenarios__004-HttpJsonOrch__bindings__Bindings.xml')));
    const ws = workspaceOf([adf, binding, other]);
    assert.equal(describeModel(binding, 'b', ws).application, 'Aim.HttpJsonOrch');
    assert.equal(describeModel(other, 'o', ws).application, undefined);
    const m = describeModel(adf, 'a', ws);
    assert.deepEqual(m.bindings, [{ luid: 'Application/Aim.HttpJsonOrch', fullName: 'BindingInfo.xml', files: ['BindingInfo.xml'] }]);
  });
});

describe('configuration exports: hosts and their trust', () => {
  it('reads the in-process and isolated hosts of selected answers (real dsccommunity file, tokens unknown)', () => {
    const doc = read('dsccommunity__BizTalkServerDsc__Examples__Scenario_OneMachine__@Stream__BizTalk__Configuration.xml');
    const hosts = doc.configExport!.hosts;
    assert.deepEqual(
      hosts.map((h) => [h.type, h.name, h.trusted, h.is32Bit, h.account]),
      [
        ['in-process', 'BizTalkServerApplication', true, true, undefined],
        ['isolated', 'BizTalkServerIsolatedHost', false, true, undefined],
      ],
    );
    assert.equal(at(doc, hosts[0].nameRange), 'BizTalkServerApplication');
    assert.equal(at(doc, hosts[0].trustedRange!), 'Yes');
  });

});

describe('every deployment manifest of the corpus is read without error', () => {
  const expected: Record<string, string> = {
    btdfproj: 'btdf-project',
    'SettingsFileGenerator.xml': 'btdf-settings',
    '_Settings.xml': 'settings-export',
    '.adf': 'app-definition',
  };
  const files = fs.readdirSync(corpusDir()).filter((f) => /\.btdfproj$|SettingsFileGenerator\.xml$|_Settings\.xml$|\.adf$|Configuration\.xml$|Create-.*\.xml$/.test(f));
  it('finds the corpus files (4 projects, 3 workbooks, 1 settings export, 1 .adf, 3 configuration files)', () => {
    assert.equal(files.length, 12);
  });
  for (const f of files) {
    it(f, () => {
      const doc = read(f);
      assert.deepEqual(doc.problems, []);
      const want = Object.entries(expected).find(([k]) => f.endsWith(k))?.[1] ?? 'config-export';
      assert.equal(doc.kind, want);
      if (doc.btdfProject) assert.ok(doc.btdfProject.property('ProjectName'), 'a project name');
      if (doc.settingsWorkbook) assert.ok(doc.settingsWorkbook.environments.length >= 4 && doc.settingsWorkbook.settings.length >= 2);
      if (doc.settingsExport) assert.ok(doc.settingsExport.properties.length >= 1);
      if (doc.appDefinition) assert.ok(doc.appDefinition.bindings.length >= 1);
      if (doc.configExport) {
        assert.ok(doc.configExport.databases.length >= 4);
        assert.equal(doc.configExport.hosts.length, 2);
      }
      // What `btslint model` prints for it is plain JSON.
      assert.doesNotThrow(() => JSON.stringify(describeModel(doc)));
    });
  }
});

describe('Deployment Framework tokens', () => {

  it('of three "Production" columns, production takes the one whose file is PROD_, staging the STG_ one (real workbook)', () => {
    const ws = workspaceOf([read(KAFKA_SETTINGS)]);
    assert.equal(tokenTable(ws, 'production').sources[0].column, 7);
    assert.equal(tokenTable(ws, 'staging').sources[0].column, 5);
    assert.equal(tokenTable(ws, 'test').sources[0].column, 4);
    assert.equal(tokenTable(ws, 'development').sources[0].column, 3);
  });

  it('an exported settings file of the environment comes before the workbook', () => {
    const ws = workspaceOf([read(KAFKA_SETTINGS), read(KAFKA_PROD)]);
    const v = tokenTable(ws, 'production').get('ssoappusergroup')!;
    assert.equal(v.value, 'SSO Affiliate Administrators');
    assert.equal(v.origin, KAFKA_PROD);
    assert.equal(tokenTable(ws, 'development').get('SsoAppUserGroup')!.value, 'BizTalk Application Users');
  });

  it('resolves the REAL Advanced master binding with its REAL SettingsFileGenerator.xml, per environment, positions kept at the tokens', () => {
    const master = read(ADVANCED_MASTER);
    const settings = read(ADVANCED_SETTINGS);
    const ws0 = workspaceOf([master, settings]);
    for (const env of ['production', 'test', 'development']) {
      const ws = withEnvironment(ws0, env);
      const table = tokenTable(ws, env);
      // SomeAppConfigItem differs per column; FileInPath comes from "Default Values".
      assert.equal(table.get('SomeAppConfigItem')!.value, { production: 'ProductionData', test: 'QAData', development: 'LocalData' }[env]);
      const hs = handlers(ws);
      const rl = hs.find((h) => h.location?.name === 'Advanced_Receive_FILE')!;
      const sp = hs.find((h) => h.port?.name === 'Advanced_Send_FILE')!;
      const inAddr = effectiveAddress(ws, rl)!;
      const outAddr = effectiveAddress(ws, sp)!;
      assert.equal(inAddr.value, 'C:\\DeploymentFrameworkForBizTalk\\Samples\\Advanced\\InDir\\*.xml');
      assert.equal(outAddr.value, 'C:\\DeploymentFrameworkForBizTalk\\Samples\\Advanced\\OutDir\\%MessageID%.xml');
      assert.deepEqual(inAddr.unresolved, []);
      assert.equal(at(master, inAddr.range), '${FileInPath}\\*.xml', 'the position is the commented Address of the receive location');
      assert.ok(inAddr.range.start > rl.location!.element.start && inAddr.range.end < rl.location!.element.end);
      assert.equal(at(settings, inAddr.sources[0].range), 'C:\\DeploymentFrameworkForBizTalk\\Samples\\Advanced\\InDir');
    }
    // Without settings the tokens stay, reported as unresolved.
    const alone = withEnvironment(workspaceOf([master]), 'production');
    const rl = handlers(alone).find((h) => h.location?.name === 'Advanced_Receive_FILE')!;
    assert.deepEqual(effectiveAddress(alone, rl)!.unresolved, ['FileInPath']);
  });



});

