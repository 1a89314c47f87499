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
    // The reader's own sentence: where it is and what is wrong (reported outside the rule, see above).
    messages: { problem: '{{message}}' },
  },
  // Findings come from the topology reader; see engine.ts.
  reportedBy: 'engine',
});
