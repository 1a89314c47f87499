// bam-olap-not-backed-up: BAMStarSchema, BAMArchive and the SSAS databases need the separate BAM backup.
import rule from '../../server/src/core/rules/bam-olap-not-backed-up';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';
const DBS = 'topology: 1\nenvironment: production\nsqlInstances:\n  - name: SQL1\n    databases:\n      - { name: BAMStarSchema }\n      - { name: OLAP1, role: bam-analysis }\n';
const cfg = (answer: string) =>
  `<Configuration><Feature Name="BAMTools"><Question ID="{q}"><Answer Value="Yes" Selected="${answer}"><SQL ID="{a}" DisplayName="BAM Analysis Database"><Server>%%BAMAnalysis-Server%%</Server><Database>BAMAnalysis</Database></SQL></Answer></Question></Feature></Configuration>`;

ruleTester(rule, {
  valid: [
    { name: 'BAM backup with SSAS', files: { [T]: DBS + 'backup:\n  bamBackup: { schedule: daily, ssasBackup: true }\n' } },
    { name: 'only BAMPrimaryImport (the job covers it)', files: { [T]: 'topology: 1\nenvironment: production\nsqlInstances:\n  - { name: SQL1, databases: [{ name: BAMPrimaryImport }] }\n' } },
    { name: 'an unselected answer creates nothing', files: { [T]: 'topology: 1\nenvironment: production\n', 'cfg.xml': cfg('No') } },
  ],
  invalid: [
    {
      name: 'no BAM backup: at `environment:` (not at the format version), fix declares it with SSAS',
      files: { [T]: DBS },
      errors: [
        {
          nodePath: 'backup.bamBackup',
          range: [2, 1, 2, 12],
          severity: 'warning',
          messageId: 'noBamBackup',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
sqlInstances:
  - name: SQL1
    databases:
      - { name: BAMStarSchema }
      - { name: OLAP1, role: bam-analysis }
backup:
  bamBackup:
    schedule: daily
    destination: '\\\\<<backup server>>\\<<share>>\\bam'
    ssasBackup: '<<SSAS backed up: true or false>>'
` },
        },
      ],
    },
    {
      name: 'the configuration export creates BAMAnalysis (tokenised server): the BAM backup lacks SSAS',
      files: { [T]: 'topology: 1\nenvironment: production\nbackup:\n  bamBackup: { schedule: daily }\n', 'cfg.xml': cfg('Yes') },
      errors: [
        {
          nodePath: 'backup.bamBackup.ssasBackup',
          range: [4, 3, 4, 12],
          messageId: 'noSsasBackup',
          fixKind: 'declaration',
          fixOutput: { [T]: `topology: 1
environment: production
backup:
  bamBackup: { schedule: daily, ssasBackup: '<<SSAS backed up: true or false>>' }
` },
          suggestions: [{ title: "The Analysis Services databases are now backed up: declare it", output: { [T]: `topology: 1
environment: production
backup:
  bamBackup: { schedule: daily, ssasBackup: true }
` } }],
        },
      ],
    },
  ],
});
