import { defineRule } from './api';

// Reported from core/suppress: a suppression (or one rule id of it) that suppressed no finding in this
// run. Either the problem was fixed, the rule id is wrong, or the comment stands before the wrong node.
export default defineRule({
  meta: {
    id: 'suppression-unused',
    description: 'A btslint-disable suppression (or one rule it names) suppresses no finding: the problem is gone or the comment is in the wrong place.',
    defaultSeverity: 'warning',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [],
    // The reader's own sentence: where it is and what is wrong (reported outside the rule, see above).
    messages: { problem: '{{message}}' },
  },
  // Findings come from core/suppress; see core/config/policy.ts.
  reportedBy: 'suppressions',
});
