#!/usr/bin/env node
'use strict';
// Regenerates the rule table in README.md (between <!-- rules:start --> and <!-- rules:end -->) from
// the compiled rule registry, so the table can never drift from the rules' own metadata.
// Run `npm run docs:rules` after `npx tsc -p .`. test/meta.test.ts checks the table is current,
// using the functions exported here.
const fs = require('fs');
const path = require('path');

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
const README = path.join(__dirname, '..', 'README.md');

/** Plain text made safe for a Markdown line or table cell (`<<placeholder>>` would read as HTML). */
function mdText(s) {
  return String(s).replace(/[\\`*<>|]/g, (c) => '\\' + c);
}

/**
 * The kinds of change a rule offers, as its docs page and the README say them ("declaration,
 * suggestion"; "none"). See docs/ci.md for what each kind means.
 */
function kindLine(meta) {
  return meta.fixKinds && meta.fixKinds.length ? meta.fixKinds.join(', ') : 'none';
}

/** The rule table, one row per rule in registry order, each line ending in "\n". */
function renderRuleTable(rules) {
  const lines = ['| Rule | Category | Default severity | Changes offered | Description |', '|---|---|---|---|---|'];
  for (const { meta } of rules) {
    lines.push(`| [${meta.id}](docs/rules/${meta.id}.md) | ${meta.category} | ${meta.defaultSeverity} | ${kindLine(meta)} | ${mdText(meta.description)} |`);
  }
  return lines.join('\n') + '\n';
}

/** The text between the markers (LF line endings), or undefined when a marker is missing. */
function currentTable(readme) {
  const text = readme.replace(/\r\n/g, '\n');
  const s = text.indexOf(START);
  const e = text.indexOf(END);
  if (s < 0 || e < s) return undefined;
  return text.slice(s + START.length, e).replace(/^\n/, '');
}

/** README text with the table between the markers replaced; keeps the file's line endings. */
function replaceTable(readme, table) {
  const crlf = readme.includes('\r\n');
  const text = readme.replace(/\r\n/g, '\n');
  const s = text.indexOf(START);
  const e = text.indexOf(END);
  if (s < 0 || e < s) throw new Error(`README.md needs the markers ${START} and ${END}`);
  const out = text.slice(0, s + START.length) + '\n' + table + text.slice(e);
  return crlf ? out.replace(/\n/g, '\r\n') : out;
}

function loadRules() {
  try {
    return require('../out/server/src/core').allRules;
  } catch (e) {
    throw new Error(`cannot load the compiled rules (run "npx tsc -p ." first): ${e.message}`);
  }
}

module.exports = { START, END, mdText, kindLine, renderRuleTable, currentTable, replaceTable };

if (require.main === module) {
  try {
    const before = fs.readFileSync(README, 'utf8');
    const rules = loadRules();
    const after = replaceTable(before, renderRuleTable(rules));
    if (after === before) {
      console.log(`gen-rule-docs: README.md rule table is up to date (${rules.length} rules).`);
    } else {
      fs.writeFileSync(README, after);
      console.log(`gen-rule-docs: README.md rule table regenerated (${rules.length} rules).`);
    }
  } catch (e) {
    console.error(`gen-rule-docs: ${e.message}`);
    process.exit(1);
  }
}
