// `btslint/init` in the language server: the core's topology writer (core/init) over the files the
// server holds (open documents as edited), the result created by the client (workspace/applyEdit with
// a createFile and an insert), so the server writes nothing itself and the core stays pure. An
// existing topology (or a link, even a dangling one) is never replaced.

import { Connection, CreateFile, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { BtsDocument, LineIndex } from '../core';
import { initTopologies } from '../core/init';
import { basenameOf, joinPath, relativePath } from '../core/config';
import type { FileSource } from './files';
import type { EditorPolicy } from './policy';
import { isInside, pathToUri, uriToPath } from './paths';
import type { InitParams, InitResult } from './protocol';
import type { WorkspaceState } from './workspace';

export interface InitHost {
  readonly connection: Connection;
  readonly state: WorkspaceState;
  readonly policy: EditorPolicy;
  /** Where files are read from: an existing topology is never replaced. */
  readonly files: FileSource;
  /** The client applies workspace edits with createFile. */
  canCreateFiles(): boolean;
  /** The BizTalk files the server checks (its config's include and exclude applied). */
  lintedDocuments(): { doc: BtsDocument; path: string }[];
}

export async function createTopology(h: InitHost, p: InitParams): Promise<InitResult> {
  const folder = (p.folder ? uriToPath(p.folder) : undefined) ?? h.state.folders[0];
  const none = (message: string): InitResult => ({ created: [], existing: [], message });
  if (!folder) return none('Open a folder first: btslint writes the topology into the workspace folder.');
  if (p.folder && !h.state.folders.some((f) => isInside(folder, f))) return none('That folder is not in the workspace.');
  if (!h.canCreateFiles()) return none('This editor cannot create files for a language server (workspace edits with createFile); run `btslint init` in a terminal.');
  const docs = h.lintedDocuments().filter((d) => isInside(d.path, folder)).map((d) => d.doc);
  if (!docs.some((d) => d.binding || d.configExport || d.settingsWorkbook || d.settingsExport)) {
    return none('No binding file, configuration export or Deployment Framework settings in this folder: nothing to write a topology from.');
  }
  let topologies;
  try {
    topologies = initTopologies(docs, {
      environment: p.environment,
      display: (uri) => relativePath(folder, uriToPath(uri) ?? uri),
      configFor: (uri) => ({ config: h.policy.configFor(uri), path: uriToPath(uri) ?? uri }),
    });
  } catch (e) {
    return none((e as Error).message);
  }
  const targets = topologies.map((t) => joinPath(folder, t.fileName));
  const existing: string[] = [];
  for (const t of targets) if (h.state.get(pathToUri(t)) || (await h.files.exists(t))) existing.push(pathToUri(t));
  const names = (uris: string[]) => uris.map((u) => basenameOf(uriToPath(u) ?? u)).join(', ');
  if (existing.length) return { created: [], existing, message: `${names(existing)} already exist${existing.length === 1 ? 's' : ''}; btslint leaves ${existing.length === 1 ? 'it as it is' : 'them as they are'}.` };
  const created: InitResult['created'] = [];
  const changes: (CreateFile | TextDocumentEdit)[] = [];
  topologies.forEach((t, i) => {
    const uri = pathToUri(targets[i]);
    changes.push(CreateFile.create(uri, { ignoreIfExists: true }), TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, t.text)]));
    // The first placeholder that is a value (the header's comment mentions one too).
    const m = /'[^'\r\n]*?(<<[^<>\r\n]{1,80}>>)/.exec(t.text);
    const lines = new LineIndex(t.text);
    const at = m ? m.index + m[0].length - m[1].length : -1;
    const selection = m ? { start: lines.position(at), end: lines.position(at + m[1].length) } : null;
    created.push({ uri, environment: t.environment, placeholders: t.placeholders, selection });
  });
  const applied = await h.connection.workspace.applyEdit({ label: 'btslint init', edit: { documentChanges: changes } });
  if (!applied.applied) return none(`The editor did not create the topology${applied.failureReason ? ` (${applied.failureReason})` : ''}.`);
  const n = created.reduce((k, c) => k + c.placeholders, 0);
  return { created, existing: [], message: `Created ${names(created.map((c) => c.uri))}: fill in ${n} <<placeholders>>; btslint lists each until it is filled.` };
}
