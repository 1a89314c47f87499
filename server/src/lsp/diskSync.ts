// Keeping the workspace state in step with the disk: the scan of the workspace folders (one file at a
// time, yielding between files), re-reads after watcher events and closes, and the topology files
// that config files name (`topologies`) inside the workspace folders. Every read goes through
// host/confine.ts. Open documents are the client's: the disk
// never overrides them.

import * as path from 'path';
import { FileChangeType } from 'vscode-languageserver/node';
import { isCandidateName } from '../core';
import { isConfigFileName } from '../core/config';
import { namedTopologiesAsync } from '../host/topologies';
import { Confinement } from '../host/confine';
import { inSkippedFolder, walkFolder, yieldToLoop } from './files';
import { isInside, pathKey, uriToPath } from './paths';
import type { EditorPolicy } from './policy';
import type { Entry, WorkspaceState } from './workspace';

export interface DiskSyncHost {
  state: WorkspaceState;
  policy: EditorPolicy;
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
   * Re-reads a file from disk into the state (or forgets it when it is gone): only inside the
   * workspace folders, never through a symlink out of them, never waiting on a FIFO (host/confine.ts).
   */
  async reread(fsPath: string): Promise<void> {
    const { state } = this.host;
    const r = await this.confinement().readAsync(fsPath, state.maxFileSizeOf(fsPath));
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

  private confined?: { folders: string[]; confinement: Confinement };
  /** What the server may read: its workspace folders (renewed when they change). */
  confinement(): Confinement {
    const folders = this.host.state.folders;
    if (!this.confined || this.confined.folders !== folders) this.confined = { folders, confinement: new Confinement(folders) };
    return this.confined.confinement;
  }

  /** Reads every candidate file and config file of the workspace folders; false when cancelled. */
  async readFolders(cancelled: () => boolean): Promise<number | undefined> {
    const { state, policy } = this.host;
    let read = 0;
    // Config files are read again too (the resolver caches them).
    policy.reset();
    for (const folder of state.folders) {
      const files = await walkFolder(folder, cancelled, (n) => isCandidateName(n) || isConfigFileName(n));
      for (const f of files) {
        if (cancelled()) return undefined;
        if (isConfigFileName(path.basename(f))) {
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
      if (isConfigFileName(path.basename(fsPath))) {
        // A config file created, changed or deleted: every file under its folder may change.
        policy.noteConfigFile(fsPath, ch.type !== FileChangeType.Deleted);
        configChanged = true;
        continue;
      }
      if (ch.type === FileChangeType.Deleted) {
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
    for (const f of await namedTopologiesAsync(policy.configs(), this.confinement(), cancelled)) found.set(pathKey(f), f);
    if (cancelled()) return;
    const inFolders = (p: string) => state.folders.some((f) => isInside(p, f));
    for (const [key, p] of this.extraTopologies) {
      if (!found.has(key) && !inFolders(p)) for (const gone of state.remove(p)) this.host.forget(gone);
    }
    for (const [key, p] of found) if (!this.extraTopologies.has(key) || !state.get(key)) await this.reread(p);
    this.extraTopologies = found;
  }
}
