import { defineRule } from './api';

// Reported by the engine from the topology reader's ajv validation against schemas/topology.schema.json.
export default defineRule({
  meta: {
    id: 'topology-schema',
    description: 'A topology file does not follow the topology format: an unknown key, a value of the wrong type, or a missing required key.',
    defaultSeverity: 'error',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [],
  },
  check() {
    // Findings come from the topology reader; see engine.ts.
  },
});
