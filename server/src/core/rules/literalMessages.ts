// Rules whose findings still carry a literal `message` instead of a `messageId` from meta.messages
// (the rules main gained in issues 13b and 15 before issue 13's conversion reached them). The engine
// accepts a literal message only from these, and the RuleTester accepts `message` assertions only for
// them. Convert a rule, then take it off this list; the list only shrinks.
export const LITERAL_MESSAGE_RULES: ReadonlySet<string> = new Set([
  'sql-agent-jobs-disabled',
]);
