import { defineRule } from './api';

// Reported by the engine from the readers' problems (XML, YAML and JSON syntax, text decoding, the
// escaped adapter settings), not by a check of its own: the readers find these while parsing.
export default defineRule({
  meta: {
    id: 'parse-error',
    description: 'A file cannot be read completely: malformed XML, YAML or JSON, an undecodable encoding, or malformed escaped adapter settings.',
    defaultSeverity: 'error',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [],
    // The reader's own sentence: where it is and what is wrong (reported outside the rule, see above).
    messages: { problem: '{{message}}' },
  },
  // Findings come from the readers; see engine.ts.
  reportedBy: 'engine',
});
