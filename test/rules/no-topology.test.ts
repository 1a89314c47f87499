import rule from '../../server/src/core/rules/no-topology';
import { ruleTester } from '../helpers/ruleTester';

const binding = (host: string) => `<BindingInfo>
  <SendPortCollection>
    <SendPort Name="SP1" IsStatic="true">
      <PrimaryTransport><Address>C:\\out\\%MessageID%.xml</Address><TransportType Name="FILE" /><SendHandler Name="${host}" /></PrimaryTransport>
    </SendPort>
  </SendPortCollection>
</BindingInfo>
`;
const EXPORT = '<Configuration><Feature Name="WMI"><SQL ID="x" DisplayName="BizTalk Management Database"><Server>SQL1</Server><Database>BizTalkMgmtDb</Database></SQL></Feature></Configuration>';

ruleTester(rule, {
  valid: [
    { name: 'a workspace with a topology', files: { 'a.BindingInfo.xml': binding('H1'), 'prod.topology.yaml': 'topology: 1\nenvironment: production\n' } },
    { name: 'a topology that has schema errors still counts as one', files: { 'a.BindingInfo.xml': binding('H1'), 'prod.topology.yaml': 'topology: 1\nenvironment: nowhere\n' } },
    { name: 'no BizTalk file at all', files: { 'notes.xml': '<root/>' } },
  ],
  invalid: [
    {
      name: 'three bindings and no topology: one finding, at the start of the first binding',
      files: { 'b.BindingInfo.xml': binding('H2'), 'a.BindingInfo.xml': binding('H1'), 'c.BindingInfo.xml': binding('H3') },
      errors: [{ file: 'a.BindingInfo.xml', nodePath: 'no-topology', range: [1, 1, 1, 1], severity: 'info', messageId: 'noTopology', data: { files: 'these 3 BizTalk files' }, fixOutput: null }],
    },
    {
      name: 'a configuration export alone: reported there (it no longer says "no problems")',
      files: { 'BizTalkConfiguration.xml': EXPORT },
      errors: [{ file: 'BizTalkConfiguration.xml', nodePath: 'no-topology', fixOutput: null, range: [1, 1, 1, 1], messageId: 'noTopology', data: { files: 'this BizTalk file' } }],
    },
    {
      name: 'a broken binding is passed over for a readable one',
      files: { 'a.BindingInfo.xml': '<BindingInfo><SendPortCollection>', 'b.BindingInfo.xml': binding('H1') },
      errors: [{ file: 'b.BindingInfo.xml', nodePath: 'no-topology', fixOutput: null, range: [1, 1, 1, 1], messageId: 'noTopology', data: { files: 'these 2 BizTalk files' } }],
    },
    {
      name: 'a binding is preferred to the configuration export',
      files: { 'A-config.xml': EXPORT, 'z.BindingInfo.xml': binding('H1') },
      errors: [{ file: 'z.BindingInfo.xml', nodePath: 'no-topology', fixOutput: null, range: [1, 1, 1, 1], messageId: 'noTopology', data: { files: 'these 2 BizTalk files' } }],
    },
  ],
});
