// The requests the server answers, each routed to its feature (features/) on the documents the
// server holds, and each inside the error boundary: a feature that throws is logged and answered
// with nothing; the server goes on.

import { Connection, DocumentSymbol, Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allRules, BtsDocument, describeModel, Finding, isCandidateName, isTopologyName, readDocument } from '../core';
import { docsUrl } from './docs';
import type { Workspace } from '../core/model/join';
import type { ClientSupport } from './capabilities';
import { toWorkspaceEdit } from './convert';
import { adapterSettings, applyAdapterSettings, settingsHover, settingsLenses } from './features/adapterSettings';
import { codeActions } from './features/codeActions';
import { complete, ruleIdCompletion } from './features/completion';
import { definition } from './features/definition';
import { platform } from './features/platform';
import { folding } from './features/folding';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { limitFolding, limitMessage, limitSymbols } from './features/limits';
import type { FileSource } from './files';
import { positionsToClient } from './edits';
import { uriKey, uriToPath } from './paths';
import { timed } from './timing';
import type { EditorPolicy } from './policy';
import {
  ADAPTER_SETTINGS_REQUEST,
  AdapterSettingsParams,
  AdapterSettingsResult,
  APPLY_ADAPTER_SETTINGS_REQUEST,
  ApplyAdapterSettingsParams,
  ApplyAdapterSettingsResult,
  LINT_WORKSPACE_REQUEST,
  LintWorkspaceResult,
  MODEL_REQUEST,
  ModelParams,
  ModelResult,
  PLATFORM_REQUEST,
  PlatformResult,
  SELECT_PLACEHOLDER_COMMAND,
  SHOW_DOCUMENTATION_COMMAND,
  CREATE_TOPOLOGY_COMMAND,
  INIT_REQUEST,
  InitParams,
  InitResult,
} from './protocol';
import type { WorkspaceState } from './workspace';

export interface RoutingHost {
  readonly connection: Connection;
  /** Where files are read from (the model of a file outside the workspace). */
  readonly files: FileSource;
  readonly state: WorkspaceState;
  readonly policy: EditorPolicy;
  support(): ClientSupport;
  /** Findings of the latest check for a file. */
  findingsOf(uri: string): Finding[];
  /** The document (and client version) the latest check read. */
  checkedOf(uri: string): { doc: BtsDocument; version: number | null } | undefined;
  /** A document by URI: a BizTalk file of the state, or a config file with problems. */
  docOf(uri: string): BtsDocument | undefined;
  workspace(): Workspace;
  /** The topologies (URIs) of a document's environments. */
  judgesOf(doc: BtsDocument): string[] | undefined;
  lintWorkspace(): Promise<LintWorkspaceResult>;
  /** The documents and findings of the latest check (the platform picture). */
  lastCheck(): { docs: BtsDocument[]; findings: Finding[] };
  /** btslint init for a workspace folder (lsp/init.ts). */
  createTopology(p: InitParams): Promise<InitResult>;
  /** Whether a file beyond the workspace scan may be read (not outside the workspace when it is untrusted). */
  mayRead(fsPath: string): boolean;
  /** The client's text of an open document (for positions in it). */
  clientDocument(uri: string): TextDocument | undefined;
  /** btslint.maxItemsComputed for a file (its folder's settings). */
  maxItemsOf(uri: string): number;
  /** An answer for a file was cut by btslint.maxItemsComputed: said once per file and session. */
  resultLimitReached(uri: string, message: string): void;
  /** Runs `f` inside the error boundary: a throw is logged and `fallback` returned. */
  guard<T>(what: string, f: () => T | Promise<T>, fallback: T): Promise<T>;
}

/** Positions of the document a request was answered from, in the client's text. */
interface ToClient {
  position(p: Position, side: 'start' | 'end'): Position;
  range(r: Range): Range;
  line(line: number, side: 'start' | 'end'): number;
}

export function route(h: RoutingHost): void {
  const c = h.connection;
  /**
   * A request on a document: `f` gets the document to answer from and the offset of the request's
   * position in it (undefined for a position in text typed since that document was parsed); what it
   * returns is in that document's positions, and `back` maps it to the client's text.
   */
  const withDocument = <T>(uri: string, position: Position | undefined, f: (doc: BtsDocument, offset: number | undefined) => T, back: (r: NonNullable<T>, m: ToClient) => T): T | null => {
    let t0 = performance.now();
    const view = h.state.documentForRequest(uri);
    timed('  the document for the request', t0, 1);
    if (!view || view.doc.kind === 'other') return null;
    const { doc } = view;
    t0 = performance.now();
    if (!view.edits.length) {
      const out = f(doc, position && doc.lines().offset(position));
      timed('  the answer', t0, 1);
      return out;
    }
    // The last parse of a large document whose newest version waits for its check (workspace.ts):
    // positions are mapped through the client's edits since, in both directions.
    const client = h.clientDocument(uri);
    if (!client) return null;
    const offset = position ? view.toDoc(client.offsetAt(position)) : undefined;
    if (position && offset === undefined) return null;
    timed('  the position mapped', t0, 1);
    t0 = performance.now();
    const r = f(doc, offset);
    timed('  the answer from the last parse', t0, 1);
    if (r === null || r === undefined) return r;
    const toClient = positionsToClient(doc.lines(), client, view.edits);
    const m: ToClient = {
      position: toClient,
      range: (x) => ({ start: toClient(x.start, 'start'), end: toClient(x.end, 'end') }),
      line: (l, side) => toClient({ line: l, character: 0 }, side).line,
    };
    return back(r, m);
  };

  c.onHover((p) =>
    h.guard(
      'hover',
      () =>
        withDocument(
          p.textDocument.uri,
          p.position,
          (doc, offset) => {
            if (offset === undefined) return null;
            const settings = doc.binding && settingsHover(doc, offset);
            if (settings) return settings;
            const ws = h.workspace();
            // The hover over a finding explains it; with more than one topology it names its environment.
            return hover(doc, offset, ws, { judges: h.judgesOf(doc), findings: h.findingsOf(p.textDocument.uri), byEnvironment: ws.topologies.length > 1 });
          },
          (r, m) => (r.range ? { ...r, range: m.range(r.range) } : r),
        ),
      null,
    ),
  );
  c.onDefinition((p) =>
    h.guard(
      'definition',
      () =>
        withDocument(
          p.textDocument.uri,
          p.position,
          (doc, offset) => (offset === undefined ? null : definition(doc, offset, h.workspace())),
          // Only locations in this document moved; the others are in their own files' positions.
          (r, m) => r.map((l) => (uriKey(l.uri) === uriKey(p.textDocument.uri) ? { ...l, range: m.range(l.range) } : l)),
        ),
      null,
    ),
  );
  const symbolsBack = (list: DocumentSymbol[], m: ToClient): DocumentSymbol[] =>
    list.map((s) => ({ ...s, range: m.range(s.range), selectionRange: m.range(s.selectionRange), children: s.children && symbolsBack(s.children, m) }));
  // Cut to btslint.maxItemsComputed before positions are mapped back: only the kept ones are mapped.
  c.onDocumentSymbol((p) =>
    h.guard(
      'document symbols',
      () =>
        withDocument(
          p.textDocument.uri,
          undefined,
          (doc) => {
            const limit = h.maxItemsOf(p.textDocument.uri);
            const { symbols, total } = limitSymbols(documentSymbols(doc), limit);
            if (limit && total > limit) h.resultLimitReached(p.textDocument.uri, limitMessage(p.textDocument.uri, 'outline', limit, total));
            return symbols;
          },
          symbolsBack,
        ),
      null,
    ),
  );
  const limitedFolding = (uri: string, doc: BtsDocument) => {
    const all = folding(doc);
    if (!all) return all;
    const limit = h.maxItemsOf(uri);
    const { ranges, total } = limitFolding(all, limit);
    if (ranges.length < total) h.resultLimitReached(uri, limitMessage(uri, 'folding', ranges.length, total));
    return ranges;
  };
  c.onFoldingRanges((p) =>
    h.guard(
      'folding ranges',
      () => withDocument(p.textDocument.uri, undefined, (doc) => limitedFolding(p.textDocument.uri, doc), (r, m) => r.map((f) => ({ ...f, startLine: m.line(f.startLine, 'start'), endLine: m.line(f.endLine, 'end') })).filter((f) => f.endLine > f.startLine)),
      null,
    ),
  );
  c.onCodeLens((p) =>
    h.guard(
      'code lenses',
      () => withDocument(p.textDocument.uri, undefined, (doc) => (doc.binding ? settingsLenses(doc) : null), (r, m) => r.map((l) => ({ ...l, range: m.range(l.range) }))),
      null,
    ),
  );
  c.onCompletion((p) =>
    h.guard(
      'completion',
      () => {
        // Rule ids in a suppression comment, in any file btslint reads (from the open text: no parse).
        const text = h.state.get(p.textDocument.uri)?.text;
        if (text !== undefined) {
          const ids = ruleIdCompletion(text, p.position);
          if (ids) return ids;
        }
        // Otherwise completion is for topology files only; answer others without parsing them.
        if (!isTopologyName(p.textDocument.uri)) return null;
        // Completion needs the text as it is now: the latest version, parsed.
        const doc = h.state.documentAt(p.textDocument.uri);
        return doc && doc.kind !== 'other' ? complete(doc, doc.lines().offset(p.position), h.workspace(), h.support().snippets) : null;
      },
      null,
    ),
  );
  c.onCodeAction((p) =>
    h.guard(
      'code actions',
      () => {
        // The document as the latest check read it; a config file's config-invalid findings get their
        // documentation action too.
        const checked = h.checkedOf(p.textDocument.uri)?.doc ?? h.state.documentAt(p.textDocument.uri);
        // A newer version was already read in place of the checked one: its findings are about to be
        // replaced, and its tree no longer matches them. The client asks again after the next publish.
        if (checked?.superseded) return null;
        const doc = checked && checked.kind !== 'other' ? checked : h.policy.configDocument(p.textDocument.uri);
        if (!doc) return null;
        return codeActions(p, {
          findings: h.findingsOf(p.textDocument.uri),
          doc,
          docOf: (uri) => {
            const d = h.checkedOf(uri)?.doc;
            return d && !d.superseded ? d : h.docOf(uri);
          },
          versionOf: (uri) => {
            const d = h.checkedOf(uri);
            return d ? d.version : (h.state.get(uri)?.version ?? null);
          },
          versionedEdits: h.support().documentChanges,
          snippetEdits: h.support().snippetEdits && h.support().documentChanges,
        });
      },
      null,
    ),
  );
  c.onExecuteCommand((p) =>
    h.guard(
      `command ${p.command}`,
      async () => {
        if (p.command === SELECT_PLACEHOLDER_COMMAND) {
          // After a suppression edit without snippets: put the cursor on the <<reason>> placeholder.
          const [uri, selection] = (p.arguments ?? []) as [string, Range];
          if (h.support().showDocument && typeof uri === 'string' && selection?.start) await c.window.showDocument({ uri, selection, takeFocus: true });
          return null;
        }
        if (p.command === CREATE_TOPOLOGY_COMMAND) {
          // The no-topology code action: create, then show the first topology at its first placeholder.
          const r = await h.createTopology({});
          const first = r.created[0];
          const show = first ?? (r.existing[0] ? { uri: r.existing[0], selection: null } : undefined);
          if (show && h.support().showDocument) await c.window.showDocument({ uri: show.uri, selection: show.selection ?? undefined, takeFocus: true });
          if (!first) c.window.showInformationMessage(r.message);
          return r;
        }
        if (p.command !== SHOW_DOCUMENTATION_COMMAND) return null;
        // Only a rule's own page, shipped with btslint (a file: URL), opened inside the editor: the
        // client shows it as a Markdown preview (client/src/extension.ts).
        const url = String(p.arguments?.[0] ?? '');
        if (!allRules.some((r) => docsUrl(r.meta.id) === url)) return null;
        if (h.support().showDocument) await c.window.showDocument({ uri: url, external: false, takeFocus: true });
        else c.window.showInformationMessage(`btslint rule documentation: ${url}`);
        return null;
      },
      null,
    ),
  );

  c.onRequest(MODEL_REQUEST, (p: ModelParams) =>
    h.guard<ModelResult>(
      'btslint/model',
      async () => {
        let doc = h.state.documentAt(p.uri);
        const fsPath = uriToPath(p.uri);
        if (!doc && fsPath && isCandidateName(fsPath) && h.mayRead(fsPath)) {
          // A file outside the workspace folders: read it for this request only.
          const r = await h.files.readAny(fsPath, h.state.maxFileSizeOf(fsPath));
          if ('bytes' in r) doc = readDocument(p.uri, r.bytes);
        }
        if (!doc || doc.kind === 'other') return null;
        return describeModel(doc, fsPath ?? p.uri);
      },
      null,
    ),
  );
  c.onRequest(LINT_WORKSPACE_REQUEST, () => h.lintWorkspace());
  c.onRequest(PLATFORM_REQUEST, () =>
    h.guard<PlatformResult>(
      'btslint/platform',
      () => {
        const { docs, findings } = h.lastCheck();
        return platform(docs, findings, h.state.folders);
      },
      { css: '', html: '', environments: 0 },
    ),
  );
  c.onRequest(INIT_REQUEST, (p: InitParams | undefined) => h.guard<InitResult>('btslint/init', () => h.createTopology(p ?? {}), { created: [], existing: [], message: 'btslint init failed; see the btslint output.' }));
  c.onRequest(ADAPTER_SETTINGS_REQUEST, (p: AdapterSettingsParams) =>
    h.guard<AdapterSettingsResult>(
      'btslint/adapterSettings',
      () => {
        const doc = h.state.documentAt(p.uri);
        if (!doc?.binding) return { blocks: [], view: null };
        return adapterSettings(doc, p.id, h.findingsOf(p.uri), (u) => (uriKey(u) === uriKey(p.uri) ? doc : h.docOf(u)));
      },
      { blocks: [], view: null },
    ),
  );
  c.onRequest(APPLY_ADAPTER_SETTINGS_REQUEST, (p: ApplyAdapterSettingsParams) =>
    h.guard<ApplyAdapterSettingsResult>(
      'btslint/applyAdapterSettings',
      () => {
        const doc = h.state.documentAt(p.uri);
        if (!doc?.binding) return { problems: [`${p.uri} is not a binding file btslint reads.`] };
        const r = applyAdapterSettings(doc, p.id, String(p.text ?? ''), typeof p.baseText === 'string' ? p.baseText : undefined);
        if ('problems' in r) return r;
        if (!r.edit) return { edit: null };
        const version = h.state.get(p.uri)?.version ?? null;
        return { edit: toWorkspaceEdit([{ uri: doc.uri, ...r.edit }], () => doc, () => version, h.support().documentChanges) };
      },
      { problems: ['btslint could not write the settings back; see the btslint output.'] },
    ),
  );
}
