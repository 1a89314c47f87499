import { defineRule } from './api';

// Reported by the engine for a file over the size limit (`readDocument`'s maxFileSize, the CLI's
// --max-file-size): such a file is not read at all, so a huge or hostile file cannot stall a run or
// exhaust memory, and the report still says which file went unchecked.
export default defineRule({
  meta: {
    id: 'file-too-large',
    description: 'A file is larger than the size limit (50 MB by default), so btslint skipped it without reading it.',
    defaultSeverity: 'info',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [],
    // The reader's own sentence: where it is and what is wrong (reported outside the rule, see above).
    messages: { problem: '{{message}}' },
  },
  // Findings come from readDocument's size check; see engine.ts.
  reportedBy: 'engine',
});
