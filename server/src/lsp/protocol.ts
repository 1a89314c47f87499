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
  /**
   * At most this many diagnostics are shown per file (0: no limit); the last one says how many more
   * there are and how to list them all (the command line).
   */
  maxDiagnosticsPerFile: number;
  /**
   * At most this many document symbols (the outline, counted breadth-first) and folding ranges (the
   * first in document order) per answer (0: no limit). When a file's answer is cut, the server says so
   * once per file and session (`btslint/resultLimitReached`).
   */
  maxItemsComputed: number;
}

export const DEFAULT_SETTINGS: BtslintSettings = {
  enable: true,
  severityOverrides: {},
  run: 'onType',
  maxFileSizeMB: 50,
  maxDiagnosticsPerFile: 500,
  maxItemsComputed: 5000,
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
  /**
   * `scanning` while the workspace is read; `checking` while a check runs; `ready` after a check;
   * `error` when a step failed (`error` says which; the last good diagnostics stay); `disabled` when
   * btslint.enable is false.
   */
  state: 'scanning' | 'checking' | 'ready' | 'error' | 'disabled';
  /** With state `error`: what failed, in one line (the output has the details). */
  error?: string;
}

/**
 * Notification `btslint/resultLimitReached`, sent the first time in a session that a file's outline or
 * folding ranges are cut by btslint.maxItemsComputed (as VS Code's JSON server's `json/resultLimitReached`).
 * The VS Code client shows the message in the status bar for a few seconds; the server logs it too.
 */
export const RESULT_LIMIT_NOTIFICATION = 'btslint/resultLimitReached';
export interface ResultLimitParams {
  uri: string;
  /** One line for the user, naming the file and the setting. */
  message: string;
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
 * Client command behind the "Open adapter settings" CodeLens; arguments: the binding's URI and the
 * block id. The VS Code extension opens the view (`btslint/adapterSettings`) in a virtual document
 * that saves back through `btslint/applyAdapterSettings`; other clients may do the same.
 */
export const OPEN_ADAPTER_SETTINGS_COMMAND = 'btslint.openAdapterSettings';

/** Request `btslint/adapterSettings`: the escaped settings blocks of a binding, and one decoded when `id` is given. */
export const ADAPTER_SETTINGS_REQUEST = 'btslint/adapterSettings';
export interface AdapterSettingsParams {
  uri: string;
  id?: string;
}
/** An LSP range (kept structural here: this file imports nothing at run time). */
export interface PlainRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export interface AdapterSettingsResult {
  /** Every transport with escaped settings: id, label, adapter, and the escaped text's range in the binding. */
  blocks: { id: string; label: string; adapter: string | null; range: PlainRange }[];
  /** The block asked for: decoded and indented, with the binding's diagnostics that lie in it (in the view's positions). */
  view: {
    id: string;
    label: string;
    adapter: string | null;
    text: string;
    /** Problems of the escaped text in the file; the view is then the decoded text as is, and cannot be saved back. */
    problems: string[];
    diagnostics: unknown[];
  } | null;
}

/**
 * Request `btslint/applyAdapterSettings`: the workspace edit that writes an edited view back into the
 * binding, escaped as BizTalk writes it (null edit: nothing changed), or the problems that prevent it.
 * `baseText` is the view as the client read it: when the binding changed since, the save is refused.
 */
export const APPLY_ADAPTER_SETTINGS_REQUEST = 'btslint/applyAdapterSettings';
export interface ApplyAdapterSettingsParams {
  uri: string;
  id: string;
  text: string;
  baseText?: string;
}
export type ApplyAdapterSettingsResult = { edit: unknown } | { problems: string[] };

/**
 * Request `btslint/init`: `btslint init` for a workspace folder. The server writes nothing itself: it
 * asks the client to create each topology (workspace/applyEdit with a createFile and an insert), and
 * never replaces an existing file.
 */
export const INIT_REQUEST = 'btslint/init';
export interface InitParams {
  /** The workspace folder (URI) whose files are read and where the topologies go; default: the first folder. */
  folder?: string;
  /** Only this environment (production, staging, test, development, or an alias such as prod). */
  environment?: string;
}
export interface InitResult {
  /** The topologies created, each with the range of its first <<placeholder>>. */
  created: { uri: string; environment: string; placeholders: number; selection: { start: { line: number; character: number }; end: { line: number; character: number } } | null }[];
  /** Topologies that already exist (URIs): left as they are. */
  existing: string[];
  /** One line for the user. */
  message: string;
}

/**
 * Server command behind the "Create topology from workspace" code action of a no-topology finding:
 * btslint/init, then the first topology is shown with its first placeholder selected (window/showDocument).
 */
export const CREATE_TOPOLOGY_COMMAND = 'btslint.server.createTopology';

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

// ---- Files read through the client (the browser's web worker, and folders that are not on disk) ----
// A server with no file system (VS Code for the web: github.dev, vscode.dev) reads the workspace's
// files the user has not opened through the client, as VS Code's own CSS and HTML servers do: the
// client answers these requests with `workspace.findFiles` and `workspace.fs`, only for URIs inside a
// workspace folder. The client says it does in `initializationOptions.clientFiles: true`.

/**
 * Request `btslint/fs/findFiles`: the files under `base` (a folder URI) matching `include` (a glob
 * relative to it), without `exclude`, at most `maxResults`. Answered with URIs, or null when the
 * client cannot search (no search provider): then the server walks with `btslint/fs/readDirectory`.
 */
export const FIND_FILES_REQUEST = 'btslint/fs/findFiles';
export interface FindFilesParams {
  base: string;
  include: string;
  exclude: string;
  maxResults: number;
}
export type FindFilesResult = string[] | null;

/** Request `btslint/fs/readDirectory`: a folder's entries, `[name, type]` (vscode.FileType bits: 1 file, 2 folder, 64 symbolic link), or null. */
export const READ_DIRECTORY_REQUEST = 'btslint/fs/readDirectory';
export interface ReadDirectoryParams {
  uri: string;
}
export type ReadDirectoryResult = [string, number][] | null;

/**
 * Request `btslint/fs/readFile`: a regular file's bytes (base64) when it is at most `maxBytes` long;
 * else its size (`tooLarge`, nothing read), `missing`, or why it was not read (`refused`: a symbolic
 * link, a folder, outside the workspace folders).
 */
export const READ_FILE_REQUEST = 'btslint/fs/readFile';
export interface ReadFileParams {
  uri: string;
  maxBytes: number;
}
export type ReadFileResult = { base64: string } | { tooLarge: number } | { missing: true } | { refused: string };

/** The file types of `btslint/fs/readDirectory` (vscode.FileType's values). */
export const FILE_TYPE = { file: 1, directory: 2, symbolicLink: 64 } as const;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Bytes to base64, with no Node `Buffer` and no `btoa` (both ends: web worker, browser, Node). */
export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (a << 16) | (b << 8) | c;
    chunk += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  out.push(chunk);
  return out.join('');
}

/** base64 to bytes; undefined when the text is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0) return undefined;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const code = text.charCodeAt(i + k);
      const v = code === 61 && i + 4 === text.length && k >= 4 - pad ? 0 : code < 128 ? B64_VALUE[code] : -1;
      if (v < 0) return undefined;
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
