// The Node server's files: `file:` URIs read from disk, as the server always has. The walk is the
// CLI's (host/walk.ts, driven asynchronously); every read goes through host/confine.ts (inside the
// workspace folders, never through a symlink out of them, never a FIFO, never over the size limit);
// config files are read synchronously (host/confine.ts readConfigBytes). Folders that are not on disk
// (virtual paths: a `vscode-vfs:` folder in desktop VS Code) are read through the client, when it
// offers to (`clientFiles`, clientFiles.ts).

import { promises as fsp } from 'fs';
import { Confinement, readConfigBytes, readFileAtAsync } from '../../host/confine';
import { namedTopologiesAsync } from '../../host/topologies';
import { walkAsync } from '../../host/walk';
import type { EffectiveConfig } from '../../core/config';
import type { FileSource, ReadResult } from '../files';
import { isVirtualPath } from '../paths';

export class DiskFileSource implements FileSource {
  private folders: readonly string[] = [];
  private confinement = new Confinement([]);

  /** `virtual`: the source for virtual paths (the client's), when the client reads files for the server. */
  constructor(private readonly virtual?: FileSource) {}

  setFolders(folders: readonly string[]): void {
    if (folders === this.folders) return;
    this.folders = folders;
    this.confinement = new Confinement(folders.filter((f) => !isVirtualPath(f)));
    this.virtual?.setFolders(folders.filter(isVirtualPath));
  }

  list(folder: string, wanted: (name: string) => boolean, cancelled: () => boolean): Promise<string[]> {
    if (isVirtualPath(folder)) return this.virtual ? this.virtual.list(folder, wanted, cancelled) : Promise.resolve([]);
    return walkAsync(folder, cancelled, wanted);
  }

  async read(path: string, maxBytes: number): Promise<ReadResult> {
    if (isVirtualPath(path)) return this.virtual ? this.virtual.read(path, maxBytes) : { refused: 'it is not on a file system btslint can read' };
    const r = await this.confinement.readAsync(path, maxBytes);
    return 'overBudget' in r ? { tooLarge: r.overBudget } : r;
  }

  async readAny(path: string, maxBytes: number): Promise<ReadResult> {
    if (isVirtualPath(path)) return this.virtual ? this.virtual.readAny(path, maxBytes) : { refused: 'it is not on a file system btslint can read' };
    const r = await readFileAtAsync(path, maxBytes);
    return 'overBudget' in r ? { tooLarge: r.overBudget } : r;
  }

  inside(path: string): boolean {
    return isVirtualPath(path) || this.confinement.allows(path);
  }

  async exists(path: string): Promise<boolean> {
    if (isVirtualPath(path)) return this.virtual ? this.virtual.exists(path) : false;
    try {
      await fsp.lstat(path);
      return true;
    } catch {
      return false;
    }
  }

  readConfig(path: string): Uint8Array | { refused: string } | undefined {
    if (isVirtualPath(path)) return this.virtual?.readConfig(path);
    return readConfigBytes(path);
  }

  async loadConfigs(paths: readonly string[], present = true): Promise<void> {
    if (this.virtual) await this.virtual.loadConfigs(paths.filter(isVirtualPath), present);
  }

  async namedTopologies(configs: Iterable<EffectiveConfig>, cancelled: () => boolean): Promise<string[]> {
    const all = [...configs];
    const onDisk = all.filter((c) => c.dir === undefined || !isVirtualPath(c.dir));
    const found = await namedTopologiesAsync(onDisk, this.confinement, cancelled);
    if (this.virtual) found.push(...(await this.virtual.namedTopologies(all.filter((c) => c.dir !== undefined && isVirtualPath(c.dir)), cancelled)));
    return found;
  }
}
