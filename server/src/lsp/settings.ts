// The editor's settings for btslint (the `btslint` section), per workspace folder. Sources, weakest
// first: the defaults; `initializationOptions.settings` (every client can send them; Neovim's
// lspconfig sends `init_options`); the client's `workspace/configuration` answer, asked for the
// window and for each folder (`scopeUri`), or the pushed `didChangeConfiguration` settings. A `null`
// answer (a client with no such section, as Neovim answers by default) means "nothing configured
// there", so the initialization options stand; keys an answer leaves out keep theirs too.

import { DEFAULT_SETTINGS, BtslintSettings } from './protocol';
import type { Level } from '../core';
import { isInside, pathToUri, uriToPath } from './paths';

const LEVELS = new Set(['off', 'info', 'warning', 'error']);

/** Settings from the client, with anything malformed or missing taken from `base` (the defaults). */
export function normaliseSettings(raw: unknown, base: BtslintSettings = DEFAULT_SETTINGS): BtslintSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof BtslintSettings, unknown>>;
  let overrides = base.severityOverrides;
  if (r.severityOverrides && typeof r.severityOverrides === 'object') {
    overrides = {};
    for (const [k, v] of Object.entries(r.severityOverrides as Record<string, unknown>)) if (typeof v === 'string' && LEVELS.has(v)) overrides[k] = v as Level;
  }
  const mb = Number(r.maxFileSizeMB);
  const limit = Number(r.maxDiagnosticsPerFile);
  const items = Number(r.maxItemsComputed);
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : base.enable,
    severityOverrides: overrides,
    run: r.run === 'onSave' || r.run === 'onType' ? r.run : base.run,
    // At most 1 GB, whatever a workspace says (the setting is restricted in untrusted workspaces too).
    maxFileSizeMB: r.maxFileSizeMB !== undefined && r.maxFileSizeMB !== null && Number.isFinite(mb) && mb > 0 ? Math.min(mb, 1024) : base.maxFileSizeMB,
    maxDiagnosticsPerFile: r.maxDiagnosticsPerFile !== undefined && r.maxDiagnosticsPerFile !== null && Number.isInteger(limit) && limit >= 0 ? limit : base.maxDiagnosticsPerFile,
    maxItemsComputed: r.maxItemsComputed !== undefined && r.maxItemsComputed !== null && Number.isInteger(items) && items >= 0 ? items : base.maxItemsComputed,
  };
}

/** A configuration request item, as the client is asked for it. */
export interface ConfigurationItem {
  section: string;
  scopeUri?: string;
}

export class SettingsStore {
  /** From initializationOptions (or the defaults). */
  private init: BtslintSettings = DEFAULT_SETTINGS;
  /** The window's settings (no folder). */
  private window: BtslintSettings = DEFAULT_SETTINGS;
  /** Per workspace folder path. */
  private folders = new Map<string, BtslintSettings>();

  setInitializationOptions(options: unknown): void {
    if (!options || typeof options !== 'object') return;
    const o = options as { settings?: unknown };
    this.init = normaliseSettings(o.settings ?? o);
    this.window = this.init;
  }

  /** The items to ask the client for: the window's section, then each folder's. */
  items(folders: string[]): ConfigurationItem[] {
    return [{ section: 'btslint' }, ...folders.map((f) => ({ section: 'btslint', scopeUri: pathToUri(f) }))];
  }

  /** The client's answers to `items(folders)` (any of them may be null). */
  setAnswers(folders: string[], answers: unknown[]): void {
    this.window = normaliseSettings(answers[0], this.init);
    this.folders = new Map();
    folders.forEach((f, i) => {
      const a = answers[i + 1];
      this.folders.set(f, a === null || a === undefined ? this.window : normaliseSettings(a, this.window));
    });
  }

  /** Settings pushed with didChangeConfiguration (clients without workspace/configuration). */
  setPushed(pushed: unknown): void {
    const s = (pushed as { btslint?: unknown } | undefined)?.btslint ?? pushed;
    this.window = s === null || s === undefined ? this.init : normaliseSettings(s, this.init);
    this.folders = new Map();
  }

  /** The window's settings. */
  get global(): BtslintSettings {
    return this.window;
  }

  /** The settings of the folder holding a file (the innermost one), else the window's. */
  forPath(fsPath: string | undefined): BtslintSettings {
    if (fsPath === undefined) return this.window;
    let best: string | undefined;
    for (const f of this.folders.keys()) if (isInside(fsPath, f) && (!best || f.length > best.length)) best = f;
    return best ? this.folders.get(best)! : this.window;
  }

  forUri(uri: string): BtslintSettings {
    return this.forPath(uriToPath(uri));
  }

  /** Every distinct settings object in force (window and folders). */
  all(): BtslintSettings[] {
    return [...new Set([this.window, ...this.folders.values()])];
  }
}
