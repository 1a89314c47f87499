// The core's public surface, used by the CLI and the language server, and the entry of its browser
// bundle (scripts/bundle.js: dist/core.browser.js). Nothing here imports vscode, LSP types, the file
// system or anything of Node's: server/src/core/tsconfig.json type-checks it without Node's types.
export * from './types';
export * from './text';
export { readDocument, readDocumentSteps, isCandidateName, isTopologyName, skippedDocument, overBudgetDocument, DEFAULT_MAX_FILE_SIZE, CLI_SIZE_LIMIT_HINT, SKIPPED_FOLDERS } from './document';
export type { BtsDocument, DocumentKind, ReadOptions } from './document';
export type { TextChange } from './xml/incremental';
export { lint, lintSteps, environmentSeverity } from './engine';
// The one check pipeline every shell calls (documents in, the team's policy applied, findings out).
export { check, checkSteps } from './pipeline';
export type { CheckOptions, CheckResult } from './pipeline';
export type { LintOptions, RuleTimer } from './engine';
export { allRules, ruleById } from './rules';
export type { Rule, RuleContext } from './rules/api';
export { NodePath } from './rules/nodePath';
export { applyEdits } from './fix/apply';
export { describeModel } from './model/describe';
export { workspaceOf, TopologyView } from './model/join';
// The team's policy after lint(): config files (nearest wins), suppressions, baselines.
export { ConfigResolver, resolveConfig, applyPolicy, configFindings, describeConfig, isIncluded, parseConfig, CONFIG_FILE_NAMES } from './config';
export type { EffectiveConfig, ReadFile, PolicyOptions, PolicyResult, SettingSource } from './config';
export { applySuppressions, readSuppressions, suppressionEdit, REASON_PLACEHOLDER } from './suppress';
export type { Suppression, SuppressionRequest } from './suppress';
export { createBaseline, matchBaseline, parseBaseline, serializeBaseline, fingerprint as baselineFingerprint } from './baseline';
export type { Baseline, BaselineEntry, BaselineMatch } from './baseline';
