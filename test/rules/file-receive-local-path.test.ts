// file-receive-local-path: FILE receive locations on a local drive, or on a UNC share the topology does
// not declare highly available. file-receive-local-path.corpus.test.ts runs it on two real bindings:
// the Apress 2016 BookOrders solution (a C:\ receive folder) and the Deployment Framework's Advanced
// sample, whose receive Address is a ${FileInPath} token commented out for XmlPreprocess and resolved
// from its SettingsFileGenerator.xml.
import rule from '../../server/src/core/rules/file-receive-local-path';
import { ruleTester } from '../helpers/ruleTester';
import { bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const B = 'Files.BindingInfo.xml';
const TOPO = 'topology: 1\nenvironment: production\n';
const file = (address: string, adapter = 'FILE') => bindingXml({ receive: [{ name: 'Orders.File', adapter, host: 'RecvHost', address }] });

ruleTester(rule, {
  valid: [
    { name: 'a UNC path on a share declared highly available', files: { [T]: TOPO + "fileShares:\n  - { path: '\\\\FSCLU\\biztalk', highlyAvailable: true }\n", [B]: file('\\\\fsclu\\BizTalk\\orders\\in\\*.xml') } },
    { name: 'the longest declared share wins', files: { [T]: TOPO + "fileShares:\n  - { path: '\\\\FS\\a', highlyAvailable: false }\n  - { path: '\\\\FS\\a\\b', highlyAvailable: true }\n", [B]: file('\\\\FS\\a\\b\\*.xml') } },
    { name: 'a send port writing to C:\\ is not a receive location', files: { [T]: TOPO, [B]: bindingXml({ send: [{ name: 'SP', adapter: 'FILE', host: 'H', address: 'C:\\out\\%MessageID%.xml' }] }) } },
    { name: 'not FILE', files: { [T]: TOPO, [B]: file('C:\\in\\*.xml', 'FTP') } },
    { name: 'a UNC path without a topology: nothing to check it against', files: { [B]: file('\\\\FS01\\in\\*.xml') } },
    { name: 'an unresolved token: unresolved-token reports it', files: { [T]: TOPO, [B]: file('${InFolder}\\*.xml') } },
  ],
  invalid: [
    {
      name: 'a local drive path, at the Address; no fix (only the binding can change)',
      files: { [T]: TOPO, [B]: file('C:\\in\\orders\\*.xml') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.File]/ReceiveHandler:file-local',
          range: [9, 20, 9, 38],
          severity: 'warning',
          messageId: 'localFolder',
          data: { endpoint: 'Receive location "Orders.File"', path: 'C:\\in\\orders\\*.xml' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'a local path is reported without a topology too',
      files: { [B]: file('d:/drop/*.xml') },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.File]/ReceiveHandler:file-local', fixOutput: null, range: [9, 20, 9, 33], messageId: 'localFolder', data: { endpoint: 'Receive location "Orders.File"', path: 'd:/drop/*.xml' } }],
    },
    {
      name: 'an undeclared share: fix declares it',
      files: { [T]: TOPO, [B]: file('\\\\FS01\\in\\orders\\*.xml') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.File]/ReceiveHandler:file-share',
          range: [9, 20, 9, 42],
          messageId: 'shareUndeclared', data: { endpoint: 'Receive location "Orders.File"', path: '\\\\FS01\\in\\orders\\*.xml', others: '', share: '\\\\FS01\\in' },
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
fileShares:
  - path: '\\\\FS01\\in'
    highlyAvailable: '<<highly available: true or false>>'
` },
          suggestions: [{ title: "\\\\FS01\\in is now highly available (a clustered file server or DFS): declare it", output: { [T]: `topology: 1
environment: production
fileShares:
  - path: '\\\\FS01\\in'
    highlyAvailable: true
` } }],
        },
      ],
    },
    {
      name: 'a declared share that is not highly available: fix sets highlyAvailable',
      files: { [T]: TOPO + "fileShares:\n  - path: '\\\\FS01\\in'\n    highlyAvailable: false\n", [B]: file('\\\\FS01\\in\\*.xml') },
      errors: [
        {
          file: B,
          nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.File]/ReceiveHandler:file-share',
          fixOutput: null,
          range: [9, 20, 9, 35],
          messageId: 'shareNotHa', data: { endpoint: 'Receive location "Orders.File"', path: '\\\\FS01\\in\\*.xml', others: '', share: '\\\\FS01\\in' },
          suggestions: [{ title: "\\\\FS01\\in is now highly available (a clustered file server or DFS): declare it", output: { [T]: `topology: 1
environment: production
fileShares:
  - path: '\\\\FS01\\in'
    highlyAvailable: true
` } }],
        },
      ],
    },
    {
      name: 'one finding per share and file: the other receive locations on the share are related locations',
      files: {
        [T]: TOPO,
        [B]: bindingXml({
          receive: [
            { name: 'A', adapter: 'FILE', host: 'RecvHost', address: '\\\\FS01\\in\\a\\*.xml' },
            { name: 'B', adapter: 'FILE', host: 'RecvHost', address: '\\\\fs01\\IN\\b\\*.xml' },
            { name: 'C', adapter: 'FILE', host: 'RecvHost', address: '\\\\FS02\\in\\*.xml' },
          ],
        }),
      },
      errors: [
        { file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=A]/ReceiveHandler:file-share', fixKind: 'declaration', fixOutput: { 'prod.topology.yaml': 'topology: 1\nenvironment: production\nfileShares:\n  - path: \'\\\\FS01\\in\'\n    highlyAvailable: \'<<highly available: true or false>>\'\n' }, range: [9, 20, 9, 37], messageId: 'shareUndeclared', data: { endpoint: 'Receive location "A"', path: '\\\\FS01\\in\\a\\*.xml', others: ' (and 1 other receive location of this file)', share: '\\\\FS01\\in' } },
        { file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=C]/ReceiveHandler:file-share', fixKind: 'declaration', fixOutput: { 'prod.topology.yaml': 'topology: 1\nenvironment: production\nfileShares:\n  - path: \'\\\\FS02\\in\'\n    highlyAvailable: \'<<highly available: true or false>>\'\n' }, range: [27, 20, 27, 35], messageId: 'shareUndeclared', data: { endpoint: 'Receive location "C"', path: '\\\\FS02\\in\\*.xml', others: '', share: '\\\\FS02\\in' } },
      ],
    },
    {
      name: 'a ${token} resolved from an exported settings file of the environment',
      files: {
        [T]: TOPO,
        [B]: file('${InFolder}\\*.xml'),
        'PROD_settings.xml': '<?xml version="1.0" encoding="utf-8"?>\n<settings>\n  <property name="InFolder">E:\\Drop\\Orders</property>\n</settings>\n',
      },
      errors: [{ file: B, nodePath: 'ReceivePort[Name=RP]/ReceiveLocation[Name=Orders.File]/ReceiveHandler:file-local', fixOutput: null, range: [9, 20, 9, 37], messageId: 'localFolder', data: { endpoint: 'Receive location "Orders.File"', path: 'E:\\Drop\\Orders\\*.xml (${InFolder}\\*.xml)' } }],
    },
  ],
});
