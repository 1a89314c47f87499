// bam-olap-not-backed-up on a real configuration file of the corpus (npm run test:corpus; the table
// tests are in bam-olap-not-backed-up.test.ts).
import * as fs from 'fs';
import rule from '../../server/src/core/rules/bam-olap-not-backed-up';
import { ruleTester } from '../helpers/ruleTester';
import { corpusFile } from '../helpers/paths';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'a real configuration file (BizTalk 2020, BAM with Analysis Services), no backup section',
      files: { [T]: 'topology: 1\nenvironment: production\n', 'Create-2020DevGroup.xml': fs.readFileSync(corpusFile('skastberg__biztalkps__ScriptedInstallWhitepaperExamples__Config__Create-2020DevGroup.xml')) },
      errors: [{ range: [1, 1, 1, 12], message: /^BAMArchive, BAMAnalysis, BAMStarSchema are not backed up by the Backup BizTalk Server job/ }],
    },
  ],
});
