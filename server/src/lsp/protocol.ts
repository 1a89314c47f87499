// The messages btslint's server and its clients agree on beyond standard LSP, and the settings the
// server reads. Shared by the server and the VS Code client (client/src imports this file), so it
// imports nothing at run time: plain constants and types only.

/** Settings under the `btslint` section (VS Code settings, or `initializationOptions` for other clients). */
export interface BtslintSettings {
  /** When false the server checks nothing and clears its diagnostics. */
  enable: boolean;
  /**
   * Rule id -> level; `off` hides the rule's findings. Applied last, over the btslint.config files'
   * levels and the topology environment's relaxation (as vscode-eslint's `rules.customizations`).
   */
  severityOverrides: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Check open files as they are typed, or only when saved. Files on disk are always checked when they change. */
  run: 'onType' | 'onSave';
  /** Files larger than this are skipped (not read, not checked; a file-too-large finding says so). */
  maxFileSizeMB: number;
}

export const DEFAULT_SETTINGS: BtslintSettings = {
  enable: true,
  severityOverrides: {},
  run: 'onType',
  maxFileSizeMB: 50,
};

/** Request `btslint/model`: what btslint read from one file (the `btslint model --json` view). */
export const MODEL_REQUEST = 'btslint/model';
export interface ModelParams {
  uri: string;
}
/** The result: the described document, or null when the file is not a BizTalk file btslint reads. */
export type ModelResult = Record<string, unknown> | null;

/** Request `btslint/lintWorkspace`: re-read every file of the workspace folders from disk and check them all. */
export const LINT_WORKSPACE_REQUEST = 'btslint/lintWorkspace';
export interface LintWorkspaceResult {
  files: number;
  findings: number;
  ms: number;
}

/** Notification `btslint/status`, sent after every check: for the status bar. */
export const STATUS_NOTIFICATION = 'btslint/status';
export interface StatusParams {
  /** BizTalk files (bindings, topologies, manifests) in the checked set. */
  files: number;
  /** Findings of the last check, over all files. */
  findings: number;
  /** How long the last check took (reading changed files, linting, publishing). */
  lastCheckMs: number;
  /** When it finished (ISO 8601). */
  at: string;
  /** `scanning` while the workspace is first read; `ready` afterwards; `disabled` when btslint.enable is false. */
  state: 'scanning' | 'ready' | 'disabled';
}

/** Server command behind the "Show documentation for <rule>" code action; argument: the docs URL. */
export const SHOW_DOCUMENTATION_COMMAND = 'btslint.server.showDocumentation';

/**
 * Server command run after a "Suppress ... with a reason" edit by clients without snippet edits;
 * arguments: the document URI and the <<reason>> placeholder's range in the edited text. The server
 * asks the client to select it (window/showDocument with a selection).
 */
export const SELECT_PLACEHOLDER_COMMAND = 'btslint.server.selectPlaceholder';

/**
 * Request `btslint/platform`: the picture of each environment's platform, from the last check (the
 * renderer of `btslint --format html`). The client shows it in a webview under its own CSP.
 */
export const PLATFORM_REQUEST = 'btslint/platform';
export interface PlatformResult {
  /** The CSS the sections need (for a `<style>` element). */
  css: string;
  /**
   * One `<section>` per environment (no script, no external resource); each drawn element carries
   * `data-uri` (a protocol URI), `data-line` and `data-character` (0-based): where it is declared.
   */
  html: string;
  environments: number;
}
