// The core's public surface, used by the CLI and the language server. Nothing here imports vscode,
// LSP types or the file system.
export * from './types';
export * from './text';
export { readDocument, isCandidateName, isTopologyName } from './document';
export type { BtsDocument, DocumentKind } from './document';
export { lint, environmentSeverity } from './engine';
export type { LintOptions } from './engine';
export { allRules, ruleById } from './rules';
export type { Rule, RuleContext } from './rules/api';
export { applyEdits } from './fix/apply';
export { describeModel } from './model/describe';
export { workspaceOf, TopologyView } from './model/join';
