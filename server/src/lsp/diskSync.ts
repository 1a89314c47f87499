// Keeping the workspace state in step with the files: the scan of the workspace folders (one file at
// a time, yielding between files), re-reads after watcher events and closes, and the topology files
// that config files name (`topologies`) inside the workspace folders. Every read goes through the
// entry's FileSource (files.ts: the disk through host/confine.ts in Node, the client in the browser).
// Open documents are the client's: the files never override them.

import { FileChangeType } from 'vscode-languageserver';
import { isCandidateName } from '../core';
import { basenameOf, isConfigFileName } from '../core/config';
import { FileSource, inSkippedFolder, yieldToLoop } from './files';
import { isInside, pathKey, uriToPath } from './paths';
import type { EditorPolicy } from './policy';
import type { Entry, WorkspaceState } from './workspace';

export interface DiskSyncHost {
  state: WorkspaceState;
  policy: EditorPolicy;
  /** Where files are read from. */
  files: FileSource;
  /** Forgets a file's findings and clears its diagnostics. */
  forget(e: Entry): void;
  log(message: string): void;
}

export class DiskSync {
  /** Topology files that config files point at (`topologies`) outside the workspace folders, by path key. */
  private extraTopologies = new Map<string, string>();

  constructor(private readonly host: DiskSyncHost) {}

  /** Whether a config's `topologies` names this file (then it is checked whatever include and exclude say). */
  isExtraTopology(key: string): boolean {
    return this.extraTopologies.has(key);
  }

  /**
   * Re-reads a file into the state (or forgets it when it is gone): only inside the workspace folders,
   * never through a symlink out of them, never waiting on a FIFO (the FileSource).
   */
  async reread(fsPath: string): Promise<void> {
    const { state } = this.host;
    const r = await this.files().read(fsPath, state.maxFileSizeOf(fsPath));
    const e = state.get(pathKey(fsPath));
    if (e?.open) return;
    if ('bytes' in r) state.setDisk(fsPath, r.bytes);
    else if ('tooLarge' in r) {
      const entry = state.setSkipped(fsPath, r.tooLarge);
      this.host.log(`skipped ${fsPath}: ${entry.skipped}`);
    } else {
      if ('refused' in r) this.host.log(`not read: ${fsPath}: ${r.refused}`);
      for (const gone of state.remove(fsPath)) this.host.forget(gone);
    }
  }

  /** The FileSource, told the current workspace folders: what the server may read. */
  files(): FileSource {
    this.host.files.setFolders(this.host.state.folders);
    return this.host.files;
  }

  /** Reads every candidate file and config file of the workspace folders; false when cancelled. */
  async readFolders(cancelled: () => boolean): Promise<number | undefined> {
    const { state, policy } = this.host;
    let read = 0;
    const source = this.files();
    const listed: string[][] = [];
    for (const folder of state.folders) {
      listed.push(await source.list(folder, (n) => isCandidateName(n) || isConfigFileName(n), cancelled));
      if (cancelled()) return undefined;
    }
    // Config files are read again too (the resolver caches them); first, for a source that reads them asynchronously.
    await source.loadConfigs(listed.flat().filter((f) => isConfigFileName(basenameOf(f))));
    if (cancelled()) return undefined;
    policy.reset();
    for (const files of listed) {
      for (const f of files) {
        if (cancelled()) return undefined;
        if (isConfigFileName(basenameOf(f))) {
          policy.noteConfigFile(f);
          continue;
        }
        await this.reread(f);
        read++;
        // Parsing is synchronous: let pending requests through between files.
        await yieldToLoop();
      }
    }
    await this.refreshExtraTopologies(cancelled);
    return cancelled() ? undefined : read;
  }

  /** Applies watcher events; true when something a check reads changed. */
  async onWatchedFiles(raw: unknown): Promise<boolean> {
    const { state, policy } = this.host;
    // A client may send anything (`changes: null`, a URI that is not a string): such changes are dropped.
    const changes = (Array.isArray(raw) ? (raw as unknown[]) : []).filter(
      (c): c is { uri: string; type: FileChangeType } =>
        !!c && typeof c === 'object' && 'uri' in c && typeof c.uri === 'string' && 'type' in c && [1, 2, 3].includes(c.type as number),
    );
    let relevant = false;
    let configChanged = false;
    for (const ch of changes) {
      const fsPath = uriToPath(ch.uri);
      if (!fsPath) continue;
      if (state.folders.some((f) => inSkippedFolder(fsPath, f))) continue;
      if (isConfigFileName(basenameOf(fsPath))) {
        // A config file created, changed or deleted: every file under its folder may change.
        await this.files().loadConfigs([fsPath], ch.type !== FileChangeType.Deleted);
        policy.noteConfigFile(fsPath, ch.type !== FileChangeType.Deleted);
        configChanged = true;
        continue;
      }
      if (ch.type === FileChangeType.Deleted) {
        await this.files().loadConfigs([fsPath], false);
        configChanged = policy.forgetConfigFilesUnder(fsPath) || configChanged;
        const gone = state.remove(fsPath); // a file, or a folder and everything under it
        for (const e of gone) this.host.forget(e);
        relevant ||= gone.length > 0;
        continue;
      }
      if (!isCandidateName(fsPath)) continue;
      if (state.get(ch.uri)?.open) continue; // the editor's text wins
      await this.reread(fsPath);
      relevant = true;
    }
    if (configChanged) {
      policy.reset();
      this.host.log('a btslint config file changed: settings re-read');
      await this.refreshExtraTopologies(() => false);
      relevant = true;
    }
    return relevant;
  }

  /**
   * Reads the topology files that the config files of the workspace point at (`topologies`), as the
   * CLI does, wherever they are; forgets the ones no longer named. They are checked whatever the
   * include and exclude globs say.
   */
  async refreshExtraTopologies(cancelled: () => boolean): Promise<void> {
    const { state, policy } = this.host;
    for (const e of state.all()) policy.configForPath(e.path);
    const found = new Map<string, string>();
    // Inside the workspace folders only: a source that reaches out is a config-invalid problem (host/confine.ts).
    for (const f of await this.files().namedTopologies(policy.configs(), cancelled)) found.set(pathKey(f), f);
    if (cancelled()) return;
    const inFolders = (p: string) => state.folders.some((f) => isInside(p, f));
    for (const [key, p] of this.extraTopologies) {
      if (!found.has(key) && !inFolders(p)) for (const gone of state.remove(p)) this.host.forget(gone);
    }
    for (const [key, p] of found) if (!this.extraTopologies.has(key) || !state.get(key)) await this.reread(p);
    this.extraTopologies = found;
  }
}
