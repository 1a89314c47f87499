// biztalk-components-not-backed-up: the configuration export and the application MSIs/bindings, which no database backup holds.
import rule from '../../server/src/core/rules/biztalk-components-not-backed-up';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const B = 'app.BindingInfo.xml';
const BINDING = '<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <SendPortCollection />\n</BindingInfo>\n';
const H = 'topology: 1\nenvironment: production\n';
const SERVER = 'servers:\n  - name: BTSAPP01\n    roles: [biztalk]\n';
const BOTH = "  configurationExport: { destination: '\\\\backup01\\bts\\config', lastExport: 2026-11-02 }\n  applications: { destination: '\\\\backup01\\bts\\apps' }\n";

ruleTester(rule, {
  valid: [
    { name: 'both declared, with a BizTalk server and a binding', files: { [T]: `${H}${SERVER}backup:\n${BOTH}`, [B]: BINDING } },
    { name: 'a topology that names no BizTalk server, and no applications: nothing to ask for', files: { [T]: `${H}sqlInstances:\n  - name: SQL1\n` } },
    { name: 'a binding but no topology', files: { [B]: BINDING } },
    {
      name: 'a placeholder a fix inserted is unfilled-placeholder\'s to report',
      files: { [T]: `${H}${SERVER}backup:\n  configurationExport: { destination: '\\\\<<backup server>>\\<<share>>\\biztalk-config' }\n` },
    },
  ],
  invalid: [
    {
      name: 'a BizTalk server and a backup section without the export: at `backup:`, the block goes inside it',
      files: { [T]: `${H}${SERVER}backup:\n  biztalkJob: { enabled: true }\n` },
      errors: [
        {
          nodePath: 'backup.configurationExport',
          range: [6, 1, 6, 7],
          severity: 'info',
          messageId: 'noConfigurationExport',
          fixKind: 'declaration',
          fixOutput: { [T]: `${H}${SERVER}backup:\n  biztalkJob: { enabled: true }\n  configurationExport:\n    destination: '\\\\<<backup server>>\\<<share>>\\biztalk-config'\n    lastExport: '<<YYYY-MM-DD>>'\n` },
        },
      ],
    },
    {
      name: 'a host with instances counts as a BizTalk server; a binding asks for the applications; no backup section: both at `environment:` (not at the format version)',
      files: { [T]: `${H}hosts:\n  - name: H1\n    instances: [BTS1, BTS2]\n`, [B]: BINDING },
      errors: [
        {
          nodePath: 'backup.configurationExport',
          range: [2, 1, 2, 12],
          messageId: 'noConfigurationExport',
          fixKind: 'declaration',
          fixOutput: { [T]: `${H}hosts:\n  - name: H1\n    instances: [BTS1, BTS2]\nbackup:\n  configurationExport:\n    destination: '\\\\<<backup server>>\\<<share>>\\biztalk-config'\n    lastExport: '<<YYYY-MM-DD>>'\n` },
        },
        {
          nodePath: 'backup.applications',
          range: [2, 1, 2, 12],
          messageId: 'noApplicationExport',
          fixKind: 'declaration',
          fixOutput: { [T]: `${H}hosts:\n  - name: H1\n    instances: [BTS1, BTS2]\nbackup:\n  applications:\n    destination: '\\\\<<backup server>>\\<<share>>\\biztalk-applications'\n    lastExport: '<<YYYY-MM-DD>>'\n` },
        },
      ],
    },
    {
      name: 'applications without a destination (flow): at `applications`, the destination is inserted',
      files: { [T]: `${H}backup:\n  applications: { lastExport: 2026-11-01 }\n`, [B]: BINDING },
      errors: [
        {
          nodePath: 'backup.applications',
          range: [4, 3, 4, 15],
          messageId: 'noApplicationExport',
          fixKind: 'declaration',
          fixOutput: { [T]: `${H}backup:\n  applications: { lastExport: 2026-11-01, destination: '\\\\<<backup server>>\\<<share>>\\biztalk-applications' }\n` },
        },
      ],
    },
    {
      name: 'destination written empty: at the entry, the value is filled',
      files: { [T]: `${H}${SERVER}backup:\n  configurationExport:\n    destination:\n` },
      errors: [
        {
          nodePath: 'backup.configurationExport',
          range: [8, 5, 8, 17],
          messageId: 'noConfigurationExport',
          fixKind: 'declaration',
          fixOutput: { [T]: `${H}${SERVER}backup:\n  configurationExport:\n    destination: '\\\\<<backup server>>\\<<share>>\\biztalk-config'\n` },
        },
      ],
    },
  ],
});
