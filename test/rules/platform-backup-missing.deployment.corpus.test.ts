// platform-backup-missing, deployment manifests: a Deployment Framework project that creates IIS
// applications, or an application MSI with a WebDirectory resource, makes IIS a platform piece of every
// BizTalk server: the real corpus manifests (npm run test:corpus; inline and fixture cases are in
// platform-backup-missing.deployment.test.ts).
import * as fs from 'fs';
import rule from '../../server/src/core/rules/platform-backup-missing';
import { ruleTester } from '../helpers/ruleTester';
import { corpusFile } from '../helpers/paths';

const T = 'prod.topology.yaml';
const TOPO = "topology: 1\nenvironment: production\nservers:\n  - name: BTS01\n    roles: [biztalk]\n    backup:\n      windows: { schedule: daily, destination: '\\\\b\\w' }\n";
/** TOPO with the IIS backup the fix declares, as it writes it. */
const FIXED = TOPO + "      iis:\n        schedule: weekly\n        destination: '\\\\<<backup server>>\\<<share>>\\BTS01-iis'\n";

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: 'the real Advanced sample project (IISApp BTDFAdvancedSample)',
      files: { [T]: TOPO, 'Deployment.btdfproj': fs.readFileSync(corpusFile('BTDF__DeploymentFramework__src__Samples__BizTalk__Advanced__Deployment__Deployment.btdfproj')) },
      errors: [
        {
          nodePath: 'servers[name=BTS01].backup',
          range: [4, 5, 4, 16],
          messageId: 'missing',
          data: { server: 'BTS01', what: 'IIS (the deployment Deployment.btdfproj creates IIS applications on it)' },
          fixKind: 'declaration',
          fixOutput: { [T]: FIXED },
        },
      ],
    },
    {
      name: 'the real extracted MSI with a WebDirectory resource',
      files: { [T]: TOPO, 'ApplicationDefinition.adf': fs.readFileSync(corpusFile('Azure__aimbiztalk__scenarios__004-HttpJsonOrch__msi__Aim.HttpJsonOrch.msi__ApplicationDefinition.adf')) },
      errors: [{ nodePath: 'servers[name=BTS01].backup', range: [4, 5, 4, 16], messageId: 'missing', data: { server: 'BTS01', what: 'IIS (the deployment ApplicationDefinition.adf creates IIS applications on it)' }, fixKind: 'declaration', fixOutput: { [T]: FIXED } }],
    },
  ],
});
