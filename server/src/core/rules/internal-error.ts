import { defineRule } from './api';

// Reported by the engine when a rule throws: the failure is isolated to that rule, the others still
// run, and the user sees why a check is missing instead of a silent gap.
export default defineRule({
  meta: {
    id: 'internal-error',
    description: 'One of btslint\'s rules failed on this workspace; the other rules still ran.',
    defaultSeverity: 'error',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [],
    messages: { failed: "btslint's rule {{rule}} failed on this workspace ({{error}}); the other rules still ran. Please report it." },
  },
  // Findings come from the engine's isolation of each rule; see engine.ts.
  reportedBy: 'engine',
});
