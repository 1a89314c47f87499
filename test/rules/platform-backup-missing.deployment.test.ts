// platform-backup-missing, deployment manifests: a Deployment Framework project that creates IIS
// applications, or an application MSI with a WebDirectory resource, makes IIS a platform piece of every
// BizTalk server (the rule's own table tests are in platform-backup-missing.test.ts; the real
// corpus manifests: platform-backup-missing.deployment.corpus.test.ts).
import * as fs from 'fs';
import rule from '../../server/src/core/rules/platform-backup-missing';
import { ruleTester } from '../helpers/ruleTester';
import { fixtureFile } from '../helpers/paths';

const T = 'prod.topology.yaml';
const TOPO = "topology: 1\nenvironment: production\nservers:\n  - name: BTS01\n    roles: [biztalk]\n    backup:\n      windows: { schedule: daily, destination: '\\\\b\\w' }\n";
const FIXED = TOPO + "      iis:\n        schedule: weekly\n        destination: '\\\\<<backup server>>\\<<share>>\\BTS01-iis'\n";
const project = (include: string) =>
  `<Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003"><PropertyGroup><IncludeVirtualDirectories>${include}</IncludeVirtualDirectories></PropertyGroup><ItemGroup><IISApp Include="Orders"><VirtualPath>/Orders</VirtualPath></IISApp></ItemGroup></Project>`;

ruleTester(rule, {
  valid: [
    { name: 'a project whose virtual directories are turned off', files: { [T]: TOPO, 'Deployment.btdfproj': project('False') } },
    { name: 'no deployment manifest: a BizTalk server without isolated hosts needs no IIS backup', files: { [T]: TOPO } },
    { name: 'IIS already backed up', files: { [T]: FIXED, 'Deployment.btdfproj': project('True') } },
  ],
  invalid: [
    {
      name: 'a project that creates an IIS application',
      files: { [T]: TOPO, 'Deployment.btdfproj': project('True') },
      errors: [
        {
          nodePath: 'servers[name=BTS01].backup',
          range: [4, 5, 4, 16],
          messageId: 'missing',
          fixKind: 'declaration',
          fixOutput: { [T]: FIXED },
        },
      ],
    },
    {
      name: 'an extracted MSI with a WebDirectory resource (fixture)',
      files: { [T]: TOPO, 'ApplicationDefinition.adf': fs.readFileSync(fixtureFile('deployment/ApplicationDefinition.adf')) },
      errors: [{ nodePath: 'servers[name=BTS01].backup', range: [4, 5, 4, 16], messageId: 'missing', fixKind: 'declaration', fixOutput: { [T]: FIXED } }],
    },
  ],
});
