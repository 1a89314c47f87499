#!/usr/bin/env node
'use strict';
// The floor btslint is measured against, run in a fresh process like the CLI (node start-up included):
//   node bench/floor.js saxes  <file|folder>...   saxes tokenising the bytes (positions on, a no-op
//                                                  handler for each event, as a linter would need)
//   node bench/floor.js xml2js <file|folder>...   xml2js building its object tree (for reference)
// Folders are walked for *.xml, *.btdfproj and *.adf (the XML files btslint reads; YAML topologies are
// not XML and are left out of the floor). Bytes are decoded as btslint does: BOM, then UTF-16 when the
// file starts with '<' and a NUL, else UTF-8. Prints one JSON line: files, bytes, elements.
const fs = require('fs');
const path = require('path');

function walk(p, out) {
  const st = fs.statSync(p);
  if (st.isFile()) {
    out.push(p);
    return;
  }
  for (const e of fs.readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const q = path.join(p, e.name);
    if (e.isDirectory()) walk(q, out);
    else if (/\.(xml|btdfproj|adf)$/i.test(e.name)) out.push(q);
  }
}

function decode(b) {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  if (b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString('utf16le');
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(2)).swap16().toString('utf16le');
  if (b[0] === 0x3c && b[1] === 0) return b.toString('utf16le');
  return b.toString('utf8');
}

const [tool, ...inputs] = process.argv.slice(2);
const files = [];
for (const i of inputs) walk(i, files);
let bytes = 0;
let elements = 0;
if (tool === 'saxes') {
  const { SaxesParser } = require('saxes');
  for (const f of files) {
    const b = fs.readFileSync(f);
    bytes += b.length;
    const p = new SaxesParser({ position: true });
    p.on('opentag', () => elements++);
    p.on('text', () => {});
    p.on('closetag', () => {});
    p.on('error', () => {}); // keep going, as btslint does
    p.write(decode(b)).close();
  }
} else if (tool === 'xml2js') {
  const { Parser } = require('xml2js');
  for (const f of files) {
    const b = fs.readFileSync(f);
    bytes += b.length;
    new Parser({ async: false }).parseString(decode(b), (err, result) => {
      if (!err && result) elements++;
    });
  }
} else {
  console.error('usage: node bench/floor.js saxes|xml2js <file|folder>...');
  process.exit(2);
}
process.stdout.write(JSON.stringify({ tool, files: files.length, bytes, elements }) + '\n');
