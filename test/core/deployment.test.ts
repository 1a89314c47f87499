// The deployment manifests: Deployment Framework projects, SettingsFileGenerator workbooks (SpreadsheetML),
// exported settings files, ApplicationDefinition.adf, the hosts of configuration exports; token
// resolution for an environment (the real corpus files: deployment.corpus.test.ts).

import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { BtsDocument, describeModel, readDocument, workspaceOf } from '../../server/src/core';
import { handlers, withEnvironment } from '../../server/src/core/model/join';
import { commentedChild, environmentScore, findTokens, resolveText, tokenTable } from '../../server/src/core/model/tokens';
import { workbookValue } from '../../server/src/core/readers/settings';
import type { XmlComment, XmlElement } from '../../server/src/core/xml/parser';
import { repoRoot } from '../helpers/paths';

const at = (doc: BtsDocument, r: { start: number; end: number }) => doc.text.slice(r.start, r.end);


describe('SettingsFileGenerator.xml (SpreadsheetML)', () => {
  const workbook = (rows: string) =>
    `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n <Worksheet ss:Name="Notes"><Table><Row><Cell><Data ss:Type="String">Environment Name:</Data></Cell><Cell><Data ss:Type="String">wrong sheet</Data></Cell></Row></Table></Worksheet>\n <Worksheet ss:Name="Settings">\n  <Table>\n${rows}  </Table>\n </Worksheet>\n</Workbook>\n`;
  const c = (v: string, attrs = '') => `<Cell${attrs}><Data ss:Type="String">${v}</Data></Cell>`;
  const text = workbook(
    [
      `<Row>${c('Environment Name:')}${c('Default Values')}${c('Local Development')}${c('Test')}${c('Production')}</Row>`,
      `<Row>${c('Generate File?')}${c('Yes', ' ss:Index="3"')}${c('No')}${c('Yes')}</Row>`,
      `<Row>${c('Settings File Name:')}${c('local.xml', ' ss:Index="3"')}${c('TEST_settings.xml')}${c('PROD_settings.xml')}</Row>`,
      `<Row>${c('Settings:')}</Row>`,
      `<Row>${c('Host')}${c('BizTalkServerApplication')}${c('ProdHost', ' ss:Index="5"')}</Row>`,
      `<Row>${c('Merged')}${c('spans two', ' ss:MergeAcross="1"')}${c('after the merge')}</Row>`,
      `<Row>${c('Rich')}<Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>bold</B> text</ss:Data></Cell></Row>`,
      `<Row><Cell/>${c('no name: skipped')}</Row>`,
    ]
      .map((r) => `   ${r}\n`)
      .join(''),
  );
  const doc = readDocument('SettingsFileGenerator.xml', text);
  const wb = doc.settingsWorkbook!;

  it('is classified by its Workbook root and reads the "Settings" sheet', () => {
    assert.equal(doc.kind, 'btdf-settings');
    assert.equal(doc.problems.length, 0);
    assert.equal(wb.sheet, 'Settings');
    assert.equal(wb.defaultColumn, 2);
  });

  it('honours ss:Index: the environments, their files and "Generate File?" sit in their real columns', () => {
    assert.deepEqual(
      wb.environments.map((e) => [e.name, e.column, e.settingsFile, e.generate]),
      [
        ['Local Development', 3, 'local.xml', true],
        ['Test', 4, 'TEST_settings.xml', false],
        ['Production', 5, 'PROD_settings.xml', true],
      ],
    );
  });

  it('reads each setting by column, a blank cell taking the default; ss:MergeAcross moves the next cell on', () => {
    assert.deepEqual(
      wb.settings.map((s) => s.name),
      ['Host', 'Merged', 'Rich'],
    );
    const host = wb.settings[0];
    assert.equal(workbookValue(host, 5)!.value, 'ProdHost');
    assert.equal(workbookValue(host, 4)!.value, 'BizTalkServerApplication', 'Test is blank: the default');
    assert.equal(at(doc, workbookValue(host, 5)!.range), 'ProdHost');
    const merged = wb.settings[1];
    assert.equal(merged.defaultValue!.value, 'spans two');
    assert.equal(merged.values.get(4)!.value, 'after the merge', 'the merged cell covers columns 2 and 3');
    assert.equal(wb.settings[2].defaultValue!.value, 'bold text', 'rich text is read as its text');
  });

});


describe('Deployment.btdfproj', () => {

  it('the old VDirList items, and IncludeVirtualDirectories=False turning them off', () => {
    const proj = (include: string) =>
      `<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003"><PropertyGroup><IncludeVirtualDirectories>${include}</IncludeVirtualDirectories><IncludeSSO>false</IncludeSSO></PropertyGroup><ItemGroup><VDirList Include="*"><Vdir>Orders</Vdir><Physdir>..\\Web</Physdir><AppPool>Orders</AppPool></VDirList></ItemGroup></Project>`;
    const on = readDocument('Deployment.btdfproj', proj('True')).btdfProject!;
    assert.deepEqual(on.virtualDirectories.map((v) => [v.name, v.physicalPath, v.appPool]), [['Orders', '..\\Web', 'Orders']]);
    assert.equal(on.includeSSO, false);
    assert.deepEqual(readDocument('Deployment.btdfproj', proj('False')).btdfProject!.virtualDirectories, []);
    assert.equal(readDocument('Project.xml', proj('True')).kind, 'other', 'an MSBuild project is a btdfproj by its extension');
  });
});


describe('configuration exports: hosts and their trust', () => {

  it('a host whose answer is No is not created; a tokenised name is unknown', () => {
    const cfg = `<Configuration><Feature Name="Engine,BTSCfg">
<Question ID="HOST"><Answer Value="Yes" Selected="Yes"><Question ID="TRUSTEDHOST"><Answer Value="Yes" /><Answer Value="No" Selected="Yes" /></Question><Name ID="BTS_HOST_NAME"><Value>%%HostName%%</Value></Name><NTService ID="{x}"><UserName>svc-bts</UserName><Domain>CONTOSO</Domain></NTService></Answer><Answer Value="No" /></Question>
<Question ID="ISOHOST"><Answer Value="Yes" /><Answer Value="No" Selected="Yes" /></Question>
</Feature></Configuration>`;
    const hosts = readDocument('cfg.xml', cfg).configExport!.hosts;
    assert.deepEqual(hosts.map((h) => [h.type, h.name, h.rawName, h.trusted, h.account]), [['in-process', undefined, '%%HostName%%', false, 'CONTOSO\\svc-bts']]);
  });
});

describe('Deployment Framework tokens', () => {
  it('matches environments to settings columns and files by their words and aliases', () => {
    assert.equal(environmentScore('production', 'Production'), 2);
    assert.equal(environmentScore('production', 'PROD_settings.xml'), 2);
    assert.equal(environmentScore('production', 'Exported_ProdSettings.xml'), 2);
    assert.equal(environmentScore('development', 'Local Development'), 2);
    assert.equal(environmentScore('development', 'Shared Development'), 1);
    assert.equal(environmentScore('test', 'QA'), 2);
    assert.equal(environmentScore('staging', 'STG_Settings.xml'), 2);
    assert.equal(environmentScore('staging', 'UAT'), 2);
    assert.equal(environmentScore('production', 'QOL_Settings.xml'), 0);
    assert.equal(environmentScore('production', 'Productivity'), 0, 'whole words only');
  });




  it('a tokenised handler host joins the topology by its resolved name; the range stays at the token', () => {
    const binding = readDocument(
      'PortBindingsMaster.xml',
      '<BindingInfo><ReceivePortCollection><ReceivePort Name="RP"><ReceiveLocations><ReceiveLocation Name="RL"><ReceiveLocationTransportType Name="FTP" /><ReceiveHandler Name="${ReceiveHost}" /></ReceiveLocation></ReceiveLocations></ReceivePort></ReceivePortCollection></BindingInfo>',
    );
    const settings = readDocument('PROD_settings.xml', '<settings><!--Environment: Production--><property name="ReceiveHost">FtpClusterHost</property></settings>');
    const dev = readDocument('DEV_settings.xml', '<settings><!--Environment: Development--><property name="ReceiveHost">BizTalkServerApplication</property></settings>');
    const ws = workspaceOf([binding, settings, dev]);
    const prod = handlers(withEnvironment(ws, 'production'))[0];
    assert.equal(prod.hostName, 'FtpClusterHost');
    assert.equal(prod.hostToken, '${ReceiveHost}');
    assert.equal(prod.hostSource!.origin, 'PROD_settings.xml');
    assert.equal(at(binding, prod.transport.host!.range), '${ReceiveHost}');
    assert.equal(handlers(withEnvironment(ws, 'development'))[0].hostName, 'BizTalkServerApplication');
    assert.equal(handlers(withEnvironment(ws, 'staging'))[0].hostName, '${ReceiveHost}', 'no settings for staging: unresolved');
  });

  it('resolveText keeps unresolved tokens and XmlPreprocess\'s own ${_xml_preprocess}', () => {
    const ws = workspaceOf([readDocument('x_settings.xml', '<settings><property name="A">1</property></settings>')]);
    const r = resolveText('${A}-${B}-$(A)-${_xml_preprocess}', tokenTable(ws, undefined));
    assert.equal(r.value, '1-${B}-1-${_xml_preprocess}');
    assert.deepEqual(r.unresolved, ['B']);
  });

  it('findTokens: each ${Name} or $(Name) once, in order, at its offset; none across a line or past 200 characters', () => {
    const found = (t: string) => findTokens(t).map((x) => [x.index, x.raw, x.name]);
    assert.deepEqual(found('a$b ${ A }-$(B)$'), [
      [4, '${ A }', 'A'],
      [11, '$(B)', 'B'],
    ]);
    assert.deepEqual(found('$${a}'), [[1, '${a}', 'a']]);
    assert.deepEqual(found('$($(x))'), [[0, '$($(x)', '$(x']]);
    assert.deepEqual(found('${a$(b)}'), [[0, '${a$(b)}', 'a$(b)']]);
    assert.deepEqual(found('$(${x})'), [[0, '$(${x})', '${x}']]);
    assert.deepEqual(found('${a\nb} ${}'), []);
    assert.deepEqual(found(`\${${'x'.repeat(201)}} \${${'y'.repeat(200)}}`).map(([i]) => i), [205]);
    assert.deepEqual(found(''), []);
  });

  it('commentedChild: ifdef/else/endif blocks decide which commented element is deployed', () => {
    const text = `<PrimaryTransport>
  <!-- ifdef \${UseShare} -->
  <!-- <Address>\\\\share\\out</Address> -->
  <!-- else -->
  <!-- <Address>C:\\out</Address> -->
  <!-- endif -->
</PrimaryTransport>`;
    const doc = readDocument('b.xml', `<BindingInfo>${text}</BindingInfo>`);
    const owner = doc.xml!.root!.children.find((c) => c.kind === 'element') as XmlElement;
    const comments = owner.children.filter((c): c is XmlComment => c.kind === 'comment');
    const none = workspaceOf([doc]);
    assert.equal(commentedChild(doc, comments, 'Address', tokenTable(none, undefined))!.text, 'C:\\out');
    const withShare = workspaceOf([doc, readDocument('s_settings.xml', '<settings><property name="UseShare">true</property></settings>')]);
    assert.equal(commentedChild(doc, comments, 'Address', tokenTable(withShare, undefined))!.text, '\\\\share\\out');
  });
});

describe('btslint model on the examples deployment folder', () => {
  it('reads the master binding, its workbook and the project, and shows the resolved hosts for the topology\'s environment', () => {
    const dir = repoRoot();
    const files = ['examples/deployment/PortBindingsMaster.xml', 'examples/deployment/SettingsFileGenerator.xml', 'examples/deployment/Deployment.btdfproj', 'examples/contoso.topology.yaml'];
    const docs = files.map((f) => readDocument(f, fs.readFileSync(path.join(dir, f))));
    const ws = workspaceOf(docs);
    const m = describeModel(docs[0], files[0], ws);
    assert.equal(m.tokenEnvironment, 'production');
    assert.deepEqual(
      (m.resolvedHosts as { endpoint: string; host: string }[]).map((h) => [h.endpoint, h.host]),
      [
        ['Payments.Receive.MSMQ', 'PaymentsHost'],
        ['Payments.Receive.POP3', 'PaymentsHost'],
        ['Payments.Receive.SqlPolling', 'PaymentsHost'],
        ['Payments.Receive.HTTP', 'IsolatedReceiveHost'],
      ],
    );
  });
});
