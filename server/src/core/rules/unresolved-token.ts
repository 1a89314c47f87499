import { defineRule } from './api';
import { NodePath } from './nodePath';
import { BtsDocument, commentsOf } from '../document';
import { BUILTIN_TOKENS, findTokens, soleEnvironment, tokenTable } from '../model/tokens';

interface TokenUses {
  start: number;
  raw: string;
  count: number;
}

/**
 * Each token of a binding once, at its first use, with its number of uses; remembered per document
 * version (the language server lints the same versions again after every edit elsewhere, and the
 * scan reads the whole text).
 */
const usesCache = new WeakMap<BtsDocument, TokenUses[]>();
function tokenUses(doc: BtsDocument): TokenUses[] {
  const known = usesCache.get(doc);
  if (known) return known;
  const seen = new Map<string, TokenUses>();
  // Comments are not deployed, except elements XmlPreprocess uncomments (`<!-- <Address>${X}</Address> -->`).
  const prose = commentsOf(doc).filter((c) => !/^\s*</.test(doc.text.slice(c.contentStart, c.contentEnd)));
  // Tokens and comments both come in document order: one walk through each, not a search per token.
  let c = 0;
  for (const t of findTokens(doc.text)) {
    if (BUILTIN_TOKENS.has(t.name)) continue;
    while (c < prose.length && prose[c].end <= t.index) c++;
    if (c < prose.length && t.index >= prose[c].start) continue;
    const key = t.name.toLowerCase();
    const s = seen.get(key);
    if (s) s.count++;
    else seen.set(key, { start: t.index, raw: t.raw, count: 1 });
  }
  const uses = [...seen.values()];
  usesCache.set(doc, uses);
  return uses;
}

export default defineRule({
  meta: {
    id: 'unresolved-token',
    description: 'A binding uses a ${Token} or $(Token) that the Deployment Framework settings of the environment do not define, so btslint cannot check what it stands for.',
    defaultSeverity: 'warning',
    category: 'workspace',
    fixable: false,
    byEnvironment: 'full',
    sources: [],
    messages: {
      notDefined: '{{token}} ({{uses}} in this binding) is not defined by the settings of {{env}}: {{sources}}. Add {{name}} to those settings.',
      noEnvironment: '{{tokens}} in this binding cannot be resolved: no topology names an environment, so no settings column applies. Give the topology an environment: key.',
      noColumn: '{{tokens}} in this binding cannot be resolved: no settings column or exported settings file matches environment "{{environment}}". Add one for it.',
      noSettings: '{{tokens}} in this binding cannot be resolved: the workspace holds no Deployment Framework settings. Add SettingsFileGenerator.xml or an exported settings file.',
    },
  },
  check(ctx) {
    const environment = ctx.ws.environment ?? soleEnvironment(ctx.ws);
    const table = tokenTable(ctx.ws, environment);
    for (const doc of ctx.ws.bindings) {
      const unknown: TokenUses[] = [];
      for (const s of tokenUses(doc)) {
        const name = s.raw.slice(2, -1).trim();
        if (table.get(name)) continue;
        if (!table.sources.length) {
          unknown.push(s);
          continue;
        }
        const uses = s.count === 1 ? 'used once' : `used ${s.count} times`;
        const data = { token: s.raw, uses, name, env: environment ? `environment "${environment}"` : 'the workspace', sources: table.sources.map((x) => x.label).join('; ') };
        ctx.report({ doc, range: { start: s.start, end: s.start + s.raw.length }, messageId: 'notDefined', data, nodePath: NodePath.id('token', name.toLowerCase()) });
      }
      if (!unknown.length) continue;
      // No settings apply at all: one cause, reported once per binding (information: unknown, not wrong),
      // at the first token, the others as related information.
      const [first, ...rest] = unknown;
      const shown = unknown.slice(0, 3).map((u) => u.raw).join(', ');
      const tokens = unknown.length > 3 ? `${shown} and ${unknown.length - 3} other token(s)` : shown;
      ctx.report({
        doc,
        range: { start: first.start, end: first.start + first.raw.length },
        severity: 'info',
        messageId: !table.anySettings ? 'noSettings' : environment ? 'noColumn' : 'noEnvironment',
        data: { tokens, count: unknown.length, environment: environment ?? '' },
        nodePath: NodePath.id('tokens', 'unresolved'),
        related: rest.map((u) => ({ uri: doc.uri, range: { start: u.start, end: u.start + u.raw.length }, message: `${u.raw} (${u.count === 1 ? 'used once' : `used ${u.count} times`})` })),
      });
    }
  },
});
