#!/usr/bin/env node
'use strict';
// npm run new-rule <id> [-- --category <c>] [--severity <s>] [--by-environment <b>] [--root <dir>] [--dry-run]
//
// Scaffolds a rule (CONTRIBUTING.md, "Add a rule in an hour"): its file server/src/core/rules/<id>.ts
// (metadata first, a check reading the typed topology), its page docs/rules/<id>.md with the headings
// the meta-test wants, its table test/rules/<id>.test.ts with one valid and one invalid case, its entry
// in the registry (rules/index.ts) and in the table of severities by environment (docs/topology.md).
//
// What only a person can write is left as <<TODO: …>> markers: the rule's sentence and message, the
// Microsoft page it rests on, the cases. The meta-test fails while a rule's metadata or page holds one,
// and RuleTester fails while a case does, so a half-made rule never passes `npm test`. Node only (no
// shell), so it runs the same on Windows. --root scaffolds into another copy of the repository (the
// scaffold's own test uses it); --dry-run lists the files without writing them.

const fs = require('fs');
const path = require('path');

const CATEGORIES = ['clustering', 'storage', 'backup', 'sso', 'hosts', 'dr', 'workspace'];
const SEVERITIES = ['error', 'warning', 'info'];
const BEHAVIOURS = ['availability', 'site-loss', 'wrong-processing', 'full'];
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const TODO = (what) => `<<TODO: ${what}>>`;

/** The sentence the meta-test wants in the Severity section for each behaviour (test/meta.test.ts). */
const SEVERITY_SENTENCE = {
  availability: 'This is an availability rule (redundancy): in `development` and `test` its findings are `info` (see [Environments and severities](../topology.md#environments-and-severities)).',
  'site-loss': 'This is a site-loss rule (surviving the loss of the site): in `development` and `test` its findings are `info` (see [Environments and severities](../topology.md#environments-and-severities)).',
  'wrong-processing': 'This is a wrong-processing rule: two host instances process wrongly in any environment, so it keeps its severity in every environment (see [Environments and severities](../topology.md#environments-and-severities)).',
  full: 'It keeps its severity in every environment (see [Environments and severities](../topology.md#environments-and-severities)).',
};

function usage(message) {
  return `${message ? `new-rule: ${message}\n` : ''}usage: npm run new-rule <id> [-- --category ${CATEGORIES.join('|')}] [--severity ${SEVERITIES.join('|')}] [--by-environment ${BEHAVIOURS.join('|')}] [--root <dir>] [--dry-run]`;
}

function parse(argv) {
  const opts = { category: 'clustering', severity: 'warning', byEnvironment: 'availability', root: path.join(__dirname, '..'), dryRun: false };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(usage(`${a} needs a value`));
      return argv[++i];
    };
    if (a === '--category') opts.category = value();
    else if (a === '--severity') opts.severity = value();
    else if (a === '--by-environment') opts.byEnvironment = value();
    else if (a === '--root') opts.root = path.resolve(value());
    else if (a === '--dry-run') opts.dryRun = true;
    else if (a.startsWith('-')) throw new Error(usage(`unknown option ${a}`));
    else rest.push(a);
  }
  if (rest.length !== 1) throw new Error(usage('give one rule id'));
  opts.id = rest[0];
  if (!KEBAB.test(opts.id)) throw new Error(usage(`"${opts.id}" is not a kebab-case id (like msgbox-not-clustered)`));
  if (!CATEGORIES.includes(opts.category)) throw new Error(usage(`unknown category "${opts.category}"`));
  if (!SEVERITIES.includes(opts.severity)) throw new Error(usage(`unknown severity "${opts.severity}"`));
  if (!BEHAVIOURS.includes(opts.byEnvironment)) throw new Error(usage(`unknown --by-environment "${opts.byEnvironment}"`));
  return opts;
}

/** `msgbox-not-clustered` -> `msgboxNotClustered`. */
function camel(id) {
  return id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function ruleFile({ id, category, severity, byEnvironment }) {
  return `import { defineRule } from './api';
import { NodePath } from './nodePath';

export default defineRule({
  meta: {
    id: '${id}',
    description: '${TODO('one sentence: what is wrong, as the docs page says it')}',
    defaultSeverity: '${severity}',
    category: '${category}',
    fixable: false,
    byEnvironment: '${byEnvironment}',
    // The Microsoft pages it rests on (add them to sources.ts when several rules cite them).
    sources: [{ title: '${TODO('the Microsoft page title')}', url: 'https://learn.microsoft.com/en-us/biztalk/${TODO('page')}' }],
    messages: {
      // The problem at this node, then the fix, in at most 300 characters; {{name}} is filled from data.
      problem: '${TODO('"{{instance}}" is … . Do … .')}',
    },
  },
  check(ctx) {
    const topo = ctx.topology;
    if (!topo) return;
    // Typed reads (model/topologyShape.ts): every get() may be undefined while the topology is typed.
    for (const inst of topo.sqlInstances()) {
      const name = inst.get('name')?.str ?? 'this SQL instance';
      const value = inst.get('edition');
      if (!value || value.str !== '${TODO('the value that is wrong')}') continue;
      ctx.report({
        doc: topo.doc,
        range: value.range,
        messageId: 'problem',
        data: { instance: name },
        nodePath: NodePath.sqlInstance(name).key('edition'),
      });
    }
  },
});
`;
}

function docsPage({ id, severity, byEnvironment }) {
  return `# ${id}

${TODO('one sentence: what is wrong, as the docs page says it')}

## What it checks

${TODO('which keys or elements it reads, and where it reports')}

## Why it matters

${TODO('what fails, and when; quote Microsoft')}

> "${TODO("Microsoft's words")}"
>
> — [${TODO('the Microsoft page title')}](https://learn.microsoft.com/en-us/biztalk/${TODO('page')})

## Examples

### Invalid

\`\`\`yaml
${TODO('a topology that is reported')}
\`\`\`

### Valid

\`\`\`yaml
${TODO('the same, right')}
\`\`\`

## Quick-fix

None: ${TODO('why there is none, or the fix kinds and what they insert')}

## Severity

Default: \`${severity}\`: ${TODO('why this severity')}
${SEVERITY_SENTENCE[byEnvironment]}

## Source

- [${TODO('the Microsoft page title')}](https://learn.microsoft.com/en-us/biztalk/${TODO('page')})
`;
}

function testFile({ id }) {
  return `// ${id}: ${TODO('what the rule checks, in a line')}
import rule from '../../server/src/core/rules/${id}';
import { ruleTester } from '../helpers/ruleTester';

const T = 'prod.topology.yaml';

ruleTester(rule, {
  valid: [
    // RuleTester fails while a case is the scaffold's (its name a TODO marker, no file).
    { name: '${TODO('a topology that is right')}', files: {} },
  ],
  invalid: [
    {
      name: '${TODO('a topology that is reported, and where')}',
      files: { [T]: 'topology: 1\\nenvironment: production\\n' },
      errors: [
        {
          // 1-based [line, column, endLine, endColumn]; BTSLINT_RULE_RECORD=<file> records what a case finds.
          range: [1, 1, 1, 1],
          messageId: 'problem',
          data: { instance: '${TODO('instance')}' },
          nodePath: '${TODO('the nodePath')}',
          fixOutput: null,
        },
      ],
    },
  ],
});
`;
}

/** rules/index.ts with the rule imported and registered before the rules other parts of the core report. */
function register(text, { id }) {
  const name = camel(id);
  if (text.includes(`from './${id}';`)) throw new Error(`${id} is registered already in rules/index.ts`);
  const imports = [...text.matchAll(/^import [A-Za-z0-9_]+ from '\.\/[a-z0-9-]+';\r?\n/gm)];
  if (!imports.length) throw new Error('rules/index.ts: no rule import found');
  const last = imports[imports.length - 1];
  const at = last.index + last[0].length;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  text = `${text.slice(0, at)}import ${name} from './${id}';${eol}${text.slice(at)}`;
  // config-invalid and the suppression rules end the list; else the list's end.
  const anchor = /^ {2}configInvalid,\r?$/m.exec(text) ?? /^\];\r?$/m.exec(text.slice(text.indexOf('export const allRules')));
  if (!anchor) throw new Error('rules/index.ts: the allRules list was not found');
  const pos = anchor[0].startsWith('  ') ? anchor.index : text.indexOf('export const allRules') + anchor.index;
  return `${text.slice(0, pos)}  ${name},${eol}${text.slice(pos)}`;
}

/** docs/topology.md with the rule in its row of the table of severities by environment, in order. */
function addToEnvironmentTable(text, { id, byEnvironment }) {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`| **${byEnvironment}**`));
  if (i < 0) throw new Error(`docs/topology.md: no row for ${byEnvironment} in the table of environments`);
  const cr = lines[i].endsWith('\r') ? '\r' : '';
  const cells = lines[i].replace(/\r$/, '').split(' | ');
  const last = cells[cells.length - 1].replace(/ \|\s*$/, '');
  const links = last.split(', ').filter((l) => l.trim());
  links.push(`[\`${id}\`](rules/${id}.md)`);
  links.sort((a, b) => a.localeCompare(b));
  cells[cells.length - 1] = `${links.join(', ')} |${cr}`;
  lines[i] = cells.join(' | ');
  return lines.join('\n');
}

function scaffold(opts) {
  const root = opts.root;
  const files = {
    rule: path.join(root, 'server', 'src', 'core', 'rules', `${opts.id}.ts`),
    docs: path.join(root, 'docs', 'rules', `${opts.id}.md`),
    test: path.join(root, 'test', 'rules', `${opts.id}.test.ts`),
    index: path.join(root, 'server', 'src', 'core', 'rules', 'index.ts'),
    topology: path.join(root, 'docs', 'topology.md'),
  };
  for (const f of [files.rule, files.docs, files.test]) if (fs.existsSync(f)) throw new Error(`${path.relative(root, f)} exists already`);
  const index = register(fs.readFileSync(files.index, 'utf8'), opts);
  const topology = addToEnvironmentTable(fs.readFileSync(files.topology, 'utf8'), opts);
  const writes = [
    [files.rule, ruleFile(opts)],
    [files.docs, docsPage(opts)],
    [files.test, testFile(opts)],
    [files.index, index],
    [files.topology, topology],
  ];
  if (!opts.dryRun) for (const [f, text] of writes) fs.writeFileSync(f, text);
  return writes.map(([f]) => path.relative(root, f).replace(/\\/g, '/'));
}

module.exports = { scaffold, parse, register, addToEnvironmentTable, TODO };

if (require.main === module) {
  try {
    const opts = parse(process.argv.slice(2));
    const written = scaffold(opts);
    console.log(`new-rule: ${opts.dryRun ? 'would write' : 'wrote'} ${written.join(', ')}`);
    console.log('Next: fill every <<TODO: …>> (the meta-test and RuleTester fail until then), build (npx tsc -p tsconfig.json),');
    console.log(`run npm run docs:rules (README table, editor schema) and node scripts/run-tests.js ${opts.id} meta. See CONTRIBUTING.md.`);
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}
