// unresolved-token: each ${Token} / $(Token) of a binding that the environment's Deployment Framework
// settings do not define, reported once per token per file at its first use.
import rule from '../../server/src/core/rules/unresolved-token';
import { ruleTester } from '../helpers/ruleTester';
import { bindingXml } from '../helpers/bindingFixtures';

const T = 'prod.topology.yaml';
const TOPO = 'topology: 1\nenvironment: production\n';
const B = 'PortBindingsMaster.xml';
const master = bindingXml({
  receive: [
    { name: 'A', adapter: 'FILE', host: '${ReceiveHost}', address: '${InFolder}\\*.xml' },
    { name: 'B', adapter: 'FILE', host: '${ReceiveHost}', address: '${InFolder}\\b\\*.xml' },
  ],
});
const settings = (props: Record<string, string>, env = 'Production') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<!--\n  generated\n-->\n<settings>\n  <!--Environment: ${env}-->\n${Object.entries(props)
    .map(([k, v]) => `  <property name="${k}">${v}</property>\n`)
    .join('')}</settings>\n`;

ruleTester(rule, {
  valid: [
    { name: 'every token defined by the matching settings export', files: { [T]: TOPO, [B]: master, 'PROD_settings.xml': settings({ ReceiveHost: 'RecvHost', InFolder: '\\\\FS\\in' }) } },
    { name: 'XmlPreprocess\'s own ${_xml_preprocess} is not a setting', files: { [T]: TOPO, [B]: '<BindingInfo>\n  <!-- ifdef ${_xml_preprocess} -->\n  <!-- endif -->\n</BindingInfo>\n' } },
    { name: 'a token in a prose comment is not deployed', files: { [T]: TOPO, [B]: '<BindingInfo>\n  <!-- the ${Tokens} take the values of the environment -->\n</BindingInfo>\n' } },
    { name: 'a binding without tokens', files: { [T]: TOPO, [B]: bindingXml({ receive: [{ name: 'A', adapter: 'FILE', host: 'H', address: 'C:\\in' }] }) } },
    { name: 'no topology: a lone exported settings file is used', files: { [B]: master, 'x.xml': settings({ ReceiveHost: 'R', InFolder: 'C:\\in' }, 'Whatever') } },
  ],
  invalid: [
    {
      name: 'a commented-out element is what XmlPreprocess deploys: its token counts',
      files: { [T]: TOPO, [B]: '<BindingInfo>\n  <!-- ifdef ${_xml_preprocess} -->\n  <!-- <Address>${Out}\\x.xml</Address> -->\n  <!-- endif -->\n</BindingInfo>\n' },
      errors: [{ file: B, nodePath: 'tokens:unresolved', fixOutput: null, range: [3, 17, 3, 23], severity: 'info', messageId: 'noSettings', data: { tokens: '${Out}', count: 1, environment: '' } }],
    },
    {
      name: 'settings of the environment lack one token: once per file, at its first use',
      files: { [T]: TOPO, [B]: master, 'PROD_settings.xml': settings({ ReceiveHost: 'RecvHost' }) },
      errors: [
        {
          file: B,
          nodePath: 'token:infolder',
          range: [9, 20, 9, 31],
          severity: 'warning',
          messageId: 'notDefined',
          data: { token: '${InFolder}', uses: 'used 2 times', env: 'environment "production"', sources: 'PROD_settings.xml', name: 'InFolder' },
          fixOutput: null,
        },
      ],
    },
    {
      name: 'settings exist but none for this environment: info, one cause reported once at the first token',
      files: { [T]: TOPO, [B]: master, 'DEV_settings.xml': settings({ ReceiveHost: 'R', InFolder: 'C:\\in' }, 'Development') },
      errors: [
        { file: B, nodePath: 'tokens:unresolved', fixOutput: null, range: [9, 20, 9, 31], severity: 'info', messageId: 'noColumn', data: { tokens: '${InFolder}, ${ReceiveHost}', count: 2, environment: 'production' } },
      ],
    },
    {
      name: 'no settings at all; $(Token) too',
      files: { [T]: TOPO, [B]: bindingXml({ receive: [{ name: 'A', adapter: 'FILE', host: '$(HostName)', address: 'C:\\in' }] }) },
      errors: [{ file: B, nodePath: 'tokens:unresolved', fixOutput: null, range: [12, 33, 12, 44], severity: 'info', messageId: 'noSettings', data: { tokens: '$(HostName)', count: 1, environment: '' } }],
    },
  ],
});
