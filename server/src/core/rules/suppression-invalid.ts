import { defineRule } from './api';

// Reported from the suppression reader (core/suppress): a btslint-disable comment (or a JSON
// "$btslint-disable" item) without a reason, without a known rule id, with a bad until= date, or not
// followed by the element or node it is about. Such a suppression suppresses nothing.
export default defineRule({
  meta: {
    id: 'suppression-invalid',
    description: 'A btslint-disable suppression is malformed: no reason, no known rule id, a bad until= date, nothing after it to cover, or `--` inside an XML comment.',
    defaultSeverity: 'error',
    category: 'workspace',
    fixable: true,
    fixKinds: ['fix'],
    byEnvironment: 'full',
    sources: [],
    // The reader's own sentence: where it is and what is wrong (reported outside the rule, see above).
    messages: { problem: '{{message}}' },
  },
  // Findings come from core/suppress; see core/config/policy.ts.
  reportedBy: 'suppressions',
});
