// sql-agent-jobs-disabled: DTA Purge and Archive (disabled by default) and the other BizTalk SQL Agent jobs enabled.
import rule from '../../server/src/core/rules/sql-agent-jobs-disabled';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const H = 'topology: 1\nenvironment: production\n';
const DTA = "'<<true once DTA Purge and Archive is configured and enabled>>'";
const DEF = "'<<true if every default BizTalk job is enabled>>'";

ruleTester(rule, {
  valid: [
    { name: 'both declared enabled', files: { [T]: `${H}sqlAgentJobs:\n  dtaPurgeAndArchive: true\n  defaultJobsEnabled: true\n` } },
    { name: 'a placeholder a fix inserted is unfilled-placeholder\'s to report', files: { [T]: `${H}sqlAgentJobs:\n  dtaPurgeAndArchive: ${DTA}\n  defaultJobsEnabled: true\n` } },
    { name: 'flow style, with a note', files: { [T]: `${H}sqlAgentJobs: { dtaPurgeAndArchive: true, defaultJobsEnabled: true, x-note: checked weekly }\n` } },
  ],
  invalid: [
    {
      name: 'no sqlAgentJobs: one finding at `environment:` (not at the format version), the block is appended with placeholders',
      files: { [T]: H },
      errors: [
        {
          nodePath: 'sqlAgentJobs',
          range: [2, 1, 2, 12],
          severity: 'warning',
          messageId: 'undeclared',
          fixKind: 'declaration', fixOutput: { [T]: `${H}sqlAgentJobs:\n  dtaPurgeAndArchive: ${DTA}\n  defaultJobsEnabled: ${DEF}\n` },
        },
      ],
    },
    {
      name: 'sqlAgentJobs written empty: the value is filled',
      files: { [T]: `${H}sqlAgentJobs:\n` },
      errors: [{ nodePath: 'sqlAgentJobs', range: [3, 1, 3, 13], messageId: 'undeclared', fixKind: 'declaration', fixOutput: { [T]: `${H}sqlAgentJobs:\n  dtaPurgeAndArchive: ${DTA}\n  defaultJobsEnabled: ${DEF}\n` } }],
    },
    {
      name: 'DTA Purge and Archive declared disabled: at the value, no fix; the missing key is its own finding',
      files: { [T]: `${H}sqlAgentJobs:\n  dtaPurgeAndArchive: false\n` },
      errors: [
        {
          nodePath: 'sqlAgentJobs.dtaPurgeAndArchive',
          range: [4, 23, 4, 28],
          messageId: 'dtaDisabled',
          fixOutput: null,
        },
        {
          nodePath: 'sqlAgentJobs.defaultJobsEnabled',
          range: [3, 1, 3, 13],
          messageId: 'defaultsUndeclared',
          fixKind: 'declaration', fixOutput: { [T]: `${H}sqlAgentJobs:\n  dtaPurgeAndArchive: false\n  defaultJobsEnabled: ${DEF}\n` },
        },
      ],
    },
    {
      name: 'default jobs declared not all enabled (flow): at the value, no fix',
      files: { [T]: `${H}sqlAgentJobs: { dtaPurgeAndArchive: true, defaultJobsEnabled: false }\n` },
      errors: [{ nodePath: 'sqlAgentJobs.defaultJobsEnabled', range: [3, 63, 3, 68], messageId: 'defaultsDisabled', fixOutput: null }],
    },
    {
      name: '`dtaPurgeAndArchive:` written empty, CRLF: the placeholder goes after the colon',
      files: { [T]: 'topology: 1\r\nenvironment: production\r\nsqlAgentJobs:\r\n  dtaPurgeAndArchive:\r\n  defaultJobsEnabled: true\r\n' },
      errors: [
        {
          nodePath: 'sqlAgentJobs.dtaPurgeAndArchive',
          range: [4, 3, 4, 22],
          messageId: 'dtaUndeclared',
          fixKind: 'declaration', fixOutput: { [T]: `topology: 1\r\nenvironment: production\r\nsqlAgentJobs:\r\n  dtaPurgeAndArchive: ${DTA}\r\n  defaultJobsEnabled: true\r\n` },
        },
      ],
    },
    {
      name: 'JSON',
      files: { 'prod.topology.json': '{\n  "topology": 1,\n  "environment": "production"\n}\n' },
      errors: [
        {
          nodePath: 'sqlAgentJobs',
          range: [3, 3, 3, 16],
          messageId: 'undeclared',
          fixKind: 'declaration', fixOutput: {
            'prod.topology.json':
              '{\n  "topology": 1,\n  "environment": "production",\n  "sqlAgentJobs": {\n    "dtaPurgeAndArchive": "<<true once DTA Purge and Archive is configured and enabled>>",\n    "defaultJobsEnabled": "<<true if every default BizTalk job is enabled>>"\n  }\n}\n',
          },
        },
      ],
    },
  ],
});
