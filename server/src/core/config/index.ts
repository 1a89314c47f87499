// The config file: discovery (nearest wins), reading with positions, effective levels and globs, and
// the policy step that applies them (and suppressions) to lint() findings. Used by the CLI and the
// language server alike; the shells pass a readFile function, the core never reads files.
export { CONFIG_FILE_NAMES, MAX_CONFIG_BYTES, MAX_CONFIG_PATTERNS, ENVIRONMENTS, LEVELS, parseConfig, blankJsonComments, configSchema, isConfigFileName } from './read';
export type { ParsedConfig, Setting, ConfigProblem, EnvironmentMembers } from './read';
export { ConfigResolver, resolveConfig, effective, configuredLevel, applyLevel, isIncluded, topologySources, NO_CONFIG } from './resolve';
export type { ReadFile, EffectiveConfig, SettingSource, ConfigProblemAt, TopologySource } from './resolve';
export { applyPolicy, withLevels, configFindings, sortFindings } from './policy';
export type { PolicyOptions, PolicyResult } from './policy';
export { compileGlob, matchesAny, globBase, normalizePattern } from './glob';
export { dirnameOf, basenameOf, joinPath, relativeInside, relativePath, normalizeSlashes, resolveConfigPath, folderKey } from './paths';
export { describeConfig } from './describe';
export type { ConfigDescription } from './describe';
