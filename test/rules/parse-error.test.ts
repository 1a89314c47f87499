// parse-error findings come from the readers (the engine reports a document's problems whatever the
// `rules` option says); the tester runs with the rule object and keeps only parse-error findings.
import rule from '../../server/src/core/rules/parse-error';
import { ruleTester } from '../helpers/ruleTester';

function utf16le(text: string, extra: number[] = []): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le'), Buffer.from(extra)]);
}

/** A binding with one FTP receive location whose escaped settings are `settings` (line 5). */
function ftpBinding(settings: string): string {
  return `<BindingInfo>
  <ReceivePortCollection>
    <ReceivePort Name="RP"><ReceiveLocations><ReceiveLocation Name="RL">
      <ReceiveLocationTransportType Name="FTP" />
      <ReceiveLocationTransportTypeData>${settings}</ReceiveLocationTransportTypeData>
      <ReceiveHandler Name="H" />
    </ReceiveLocation></ReceiveLocations></ReceivePort>
  </ReceivePortCollection>
</BindingInfo>
`;
}

ruleTester(rule, {
  valid: [
    {
      name: 'well-formed topology (YAML and JSON), binding and configuration export',
      files: {
        'prod.topology.yaml': 'topology: 1\nenvironment: production\nhosts: [{ name: H, instances: [A, B] }]\n',
        'dr.topology.json': '{ "topology": 1, "environment": "staging" }',
        'b.BindingInfo.xml': ftpBinding('&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;uri&amp;gt;ftp://x/in&amp;lt;/uri&amp;gt;&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;'),
        'cfg.xml': '<Configuration><Feature Name="WMI"><SQL ID="{x}" DisplayName="BizTalk MessageBox Database"><Server>S</Server><Database>BizTalkMsgBoxDb</Database></SQL></Feature></Configuration>',
      },
    },
    {
      name: 'a UTF-16 LE binding with a BOM that declares utf-16 reads cleanly',
      files: { 'b.xml': utf16le('<?xml version="1.0" encoding="utf-16"?>\r\n<BindingInfo><SendPortCollection /></BindingInfo>\r\n') },
    },
    {
      name: 'malformed XML that is not a BizTalk file (no BindingInfo root, no binding-like name) is not checked',
      files: { 'notes.xml': '<notes><a></notes>' },
    },
    {
      name: 'a plain-text TransportTypeData (no markup inside) is not parsed as XML',
      files: { 'b.BindingInfo.xml': ftpBinding('ftp://x/in') },
    },
  ],
  invalid: [
    {
      name: 'an unclosed element in a binding: reported at its start tag',
      files: { 'b.xml': '<BindingInfo>\n  <SendPortCollection>\n    <SendPort Name="x">\n  </SendPortCollection>\n</BindingInfo>\n' },
      errors: [{ messageId: 'problem', nodePath: 'parse-error:<SendPort> is not closed before </SendPortCollection>.', range: [3, 5, 3, 14], severity: 'error', message: '<SendPort> is not closed before </SendPortCollection>.', fixOutput: null }],
    },
    {
      name: 'a malformed document inside the double-escaped AdapterConfig: reported at its place in the file',
      files: {
        'b.BindingInfo.xml': ftpBinding('&lt;CustomProps&gt;&lt;AdapterConfig vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;uri&amp;gt;ftp://x/in&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;'),
      },
      errors: [{ messageId: 'problem', nodePath: 'parse-error:In the escaped adapter settings: <uri> is not closed before </Config>.', fixOutput: null, range: [5, 110, 5, 121], message: 'In the escaped adapter settings: <uri> is not closed before </Config>.' }],
    },
    {
      name: 'a YAML syntax error in a topology',
      files: { 'prod.topology.yaml': 'topology: 1\nenvironment: production\nenvironment: test\n' },
      errors: [{ messageId: 'problem', nodePath: 'parse-error:Map keys must be unique', fixOutput: null, range: [3, 1, 3, 2], message: 'Map keys must be unique' }],
    },
    {
      name: 'a JSON topology missing its closing brace, CRLF',
      files: { 'prod.topology.json': '{\r\n  "topology": 1,\r\n  "environment": "production"\r\n' },
      errors: [{ messageId: 'problem', nodePath: 'parse-error:Flow map must end with a }', fixOutput: null, range: [4, 1, 4, 1], message: /^Flow map must end with a \}/ }],
    },
    {
      name: 'a UTF-16 file with an odd number of bytes: reported where the stray byte was dropped',
      files: { 'b.xml': utf16le('<BindingInfo/>', [0x41]) },
      errors: [{ messageId: 'problem', nodePath: 'parse-error:Cannot read the file as text: the UTF-16 file has an odd number of bytes; the last byte was ignored.', fixOutput: null, range: [1, 15, 1, 15], message: /^Cannot read the file as text: the UTF-16 file has an odd number of bytes/ }],
    },
    {
      name: 'a NUL byte in a UTF-8 binding: reported at the NUL',
      files: { 'b.xml': Buffer.from('<BindingInfo>\n  \u0000\n</BindingInfo>\n', 'utf8') },
      errors: [{ messageId: 'problem', nodePath: 'parse-error:Cannot read the file as text: the file holds a NUL byte at character 16: it looks binary.', fixOutput: null, range: [2, 3, 2, 4], message: /^Cannot read the file as text: the file holds a NUL byte/ }],
    },
  ],
});
