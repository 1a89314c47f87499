// Modules the core loads on first use, not at start-up: the `yaml` package (about 70 modules) is only
// needed once a YAML or JSON topology, a YAML config file or a suppression in one is read, and a lint
// of binding files alone never needs it. Loading it at start-up cost the command line about 40 ms on
// every run (bench/, BENCHMARKS.md). Types are imported with `import type`, which costs nothing.

import type * as Yaml from 'yaml';

let yamlModule: typeof Yaml | undefined;

/** The `yaml` package, loaded on the first call. */
export function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yamlModule ??= require('yaml') as typeof Yaml);
}
