import { defineRule } from './api';

// Reported from the config reader (core/config), not by a check of its own: a btslint config file
// with a syntax error, an unknown key, an unknown rule id or a level that is not off, info, warning
// or error. A setting btslint cannot read is never silently ignored.
export default defineRule({
  meta: {
    id: 'config-invalid',
    description: 'A btslint config file has a syntax error, an unknown key, an unknown rule id or a level that is not off, info, warning or error.',
    defaultSeverity: 'error',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [],
    // The reader's own sentence: where it is and what is wrong (reported outside the rule, see above).
    messages: { problem: '{{message}}' },
  },
  // Findings come from core/config (configFindings); see core/config/policy.ts.
  reportedBy: 'config',
});
