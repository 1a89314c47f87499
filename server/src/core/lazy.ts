// Modules the core loads on first use, not at start-up: the `yaml` package (about 70 modules) is only
// needed once a YAML or JSON topology, a YAML config file or a suppression in one is read, and a lint
// of binding files alone never needs it. Loading it at start-up cost the command line about 40 ms on
// every run (bench/, BENCHMARKS.md); the schema validators likewise (about 10 ms each). Types are
// imported with `import type`, which costs nothing.
//
// This is the one file of the core that calls `require`, and only for these modules: the core is
// type-checked without Node's types (server/src/core/tsconfig.json), so `require` is declared here,
// for this file alone, and test/meta.test.ts checks that no other file of the core uses it. The
// CommonJS output resolves it in Node; esbuild resolves it into the browser bundle.

import type * as Yaml from 'yaml';
import type { ValidateFunction } from 'ajv';

declare function require(id: 'yaml'): typeof Yaml;
declare function require(id: './generated/topologyValidator' | './generated/configValidator'): ValidateFunction;

let yamlModule: typeof Yaml | undefined;
let topology: ValidateFunction | undefined;
let config: ValidateFunction | undefined;

/** The `yaml` package, loaded on the first call. */
export function yaml(): typeof Yaml {
  return (yamlModule ??= require('yaml'));
}

/** The topology schema's validator, compiled ahead of time by scripts/gen-validators.js. */
export function topologyValidator(): ValidateFunction {
  return (topology ??= require('./generated/topologyValidator'));
}

/** The config file schema's validator, compiled ahead of time by scripts/gen-validators.js. */
export function configValidator(): ValidateFunction {
  return (config ??= require('./generated/configValidator'));
}
