// The TextMate injection grammar (syntaxes/escaped-settings.injection.tmLanguage.json), tokenized
// with VS Code's own engine (vscode-textmate + vscode-oniguruma) on lines of a real binding file.
// The base grammar is a stand-in for VS Code's text.xml with the same tag, attribute and entity
// rules (copied rule by rule), so the test needs no VS Code.

import { before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, IGrammar, parseRawGrammar, Registry, StateStack } from 'vscode-textmate';
import { FTP_BINDING, REPO } from './lspClient';

const INJECTION = path.join(REPO, 'syntaxes', 'escaped-settings.injection.tmLanguage.json');
const SCOPE = 'text.xml.btslint.escaped-settings';

const BASE_XML = {
  scopeName: 'text.xml',
  patterns: [
    { begin: '(<!--)', end: '(-->)', name: 'comment.block.xml' },
    {
      begin: '(</?)(?:([-\\w\\.]+)((:)))?([-\\w\\.:]+)',
      captures: { 1: { name: 'punctuation.definition.tag.xml' }, 5: { name: 'entity.name.tag.localname.xml' } },
      end: '(/?>)',
      name: 'meta.tag.xml',
      patterns: [{ include: '#tagStuff' }],
    },
    { include: '#entity' },
  ],
  repository: {
    entity: { match: '(&)([:a-zA-Z_][:a-zA-Z0-9_.-]*|#[0-9]+|#x[0-9a-fA-F]+)(;)', name: 'constant.character.entity.xml' },
    tagStuff: {
      patterns: [
        { match: '(?:^|\\s+)(?:([-\\w.]+)((:)))?([-\\w.:]+)\\s*=', captures: { 4: { name: 'entity.other.attribute-name.localname.xml' } } },
        { begin: '"', end: '"', name: 'string.quoted.double.xml' },
      ],
    },
  },
};

let grammar: IGrammar;

/** Tokens of the lines, as [text, scopes joined by spaces]. */
function tokenize(lines: string[]): [string, string][] {
  let state: StateStack = INITIAL;
  const out: [string, string][] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes.join(' ')]);
    state = r.ruleStack;
  }
  return out;
}

function scopeOf(tokens: [string, string][], text: string, nth = 0): string {
  const hits = tokens.filter(([t]) => t === text);
  assert.ok(hits.length > nth, `no token "${text}" (tokens: ${tokens.map(([t]) => JSON.stringify(t)).slice(0, 60).join(' ')})`);
  return hits[nth][1];
}

describe('syntaxes: the escaped-settings injection grammar', () => {
  before(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: (scopeName: string) =>
        Promise.resolve(
          scopeName === 'text.xml' ? parseRawGrammar(JSON.stringify(BASE_XML), 'xml.json')
          : scopeName === SCOPE ? parseRawGrammar(fs.readFileSync(INJECTION, 'utf8'), INJECTION)
          : null,
        ),
      getInjections: (scopeName: string) => (scopeName === 'text.xml' ? [SCOPE] : undefined),
    });
    grammar = (await registry.loadGrammar('text.xml'))!;
  });

  it('is registered in package.json for text.xml', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.grammars, [{ scopeName: SCOPE, path: './syntaxes/escaped-settings.injection.tmLanguage.json', injectTo: ['text.xml'] }]);
  });

  it('scopes the escaped and double-escaped tags of an FTP TransportTypeData (a binding export) as XML tags', () => {
    const text = fs.readFileSync(FTP_BINDING, 'utf8');
    const line = text.split(/\r?\n/).find((l) => l.includes('<TransportTypeData>&lt;CustomProps&gt;'))!;
    const tokens = tokenize([line]);
    assert.match(scopeOf(tokens, 'TransportTypeData'), /entity\.name\.tag\.localname\.xml/); // the base grammar's own tag
    assert.match(scopeOf(tokens, 'CustomProps'), /meta\.embedded\.escaped-xml\.btslint meta\.tag\.xml entity\.name\.tag\.localname\.xml$/);
    assert.match(scopeOf(tokens, '&lt;'), /punctuation\.definition\.tag\.xml$/);
    assert.match(scopeOf(tokens, 'AdapterConfig'), /entity\.name\.tag\.localname\.xml$/);
    assert.match(scopeOf(tokens, 'vt'), /entity\.other\.attribute-name\.localname\.xml$/);
    // Inside AdapterConfig the settings are escaped twice: &amp;lt;Config ...&amp;gt;
    assert.match(scopeOf(tokens, '&amp;lt;'), /punctuation\.definition\.tag\.xml$/);
    assert.match(scopeOf(tokens, 'Config'), /entity\.name\.tag\.localname\.xml$/);
    assert.match(scopeOf(tokens, 'xmlns'), /entity\.other\.attribute-name\.namespace\.xml$/);
    assert.match(scopeOf(tokens, 'xsi'), /entity\.other\.attribute-name\.localname\.xml$/);
    assert.match(scopeOf(tokens, 'serverAddress'), /entity\.name\.tag\.localname\.xml$/);
    // A setting's value is text, not a tag.
    assert.match(scopeOf(tokens, 'ftp.fabrikam.example'), /meta\.embedded\.escaped-xml\.btslint$/);
    // The closing tag of the element is XML's own again.
    const closing = tokens.filter(([t]) => t === 'TransportTypeData');
    assert.ok(!closing[1][1].includes('meta.embedded'), closing[1][1]);
  });

  it('handles &quot; attributes, entities, content across lines, and leaves other elements alone', () => {
    const tokens = tokenize([
      '<ReceiveLocationTransportTypeData>&lt;CustomProps&gt;&lt;Path vt=&quot;8&quot;&gt;C:\\in &amp;amp; out',
      '&lt;/Path&gt;&lt;/CustomProps&gt;</ReceiveLocationTransportTypeData>',
      '<Description>&lt;Path&gt; is not escaped XML here</Description>',
    ]);
    assert.match(scopeOf(tokens, 'Path'), /meta\.tag\.xml entity\.name\.tag\.localname\.xml$/);
    assert.match(scopeOf(tokens, '&quot;'), /string\.quoted\.double\.xml punctuation\.definition\.string\.begin\.xml$/);
    assert.match(scopeOf(tokens, '8'), /string\.quoted\.double\.xml$/);
    assert.match(scopeOf(tokens, 'amp;amp'), /constant\.character\.entity\.xml$/);
    assert.match(scopeOf(tokens, 'Path', 1), /meta\.embedded\.escaped-xml\.btslint meta\.tag\.xml entity\.name\.tag\.localname\.xml$/); // line 2
    const description = tokens.filter(([, s]) => s.includes('meta.embedded'));
    assert.ok(!description.some(([t]) => t.includes('is not escaped')), 'Description text is outside the injection');
    // In Description, &lt; is the base grammar's entity, not an escaped tag.
    const afterDescription = tokens.slice(tokens.findIndex(([t]) => t === 'Description'));
    const lt = afterDescription.find(([t]) => t === '&lt;')!;
    assert.equal(lt[1], 'text.xml constant.character.entity.xml');
  });
});
