import { defineRule } from './api';

// Reported from core/suppress: a suppression whose until= date has passed. It no longer applies, so
// the findings it covered are reported again next to this one.
export default defineRule({
  meta: {
    id: 'suppression-expired',
    description: 'A btslint-disable suppression is past its until= date: it no longer applies, and the findings it covered are reported again.',
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
