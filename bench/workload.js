'use strict';
// Generated but realistic benchmark workloads: binding files built from the shapes of real ones (the
// example workspace's binding, whose send ports and receive locations carry escaped and double-escaped
// adapter settings for FILE, FTP, WCF-SQL and the SharePoint adapter, plus the corpus's own endpoints),
// repeated with unique names up to a target size.
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');

function between(text, open, close) {
  const out = [];
  let i = text.indexOf(open);
  while (i >= 0) {
    const j = text.indexOf(close, i);
    if (j < 0) break;
    out.push(text.slice(i, j + close.length));
    i = text.indexOf(open, j);
  }
  return out;
}

/** Endpoint shapes: the example binding's, and every corpus binding's (UTF-8 ones). */
function shapes() {
  const sources = [path.join(ROOT, 'examples', 'bindings', 'Contoso.Orders.BindingInfo.xml')];
  if (fs.existsSync(CORPUS)) {
    for (const f of fs.readdirSync(CORPUS)) if (/Bind/i.test(f) && f.endsWith('.xml')) sources.push(path.join(CORPUS, f));
  }
  const sendPorts = [];
  const locations = [];
  for (const s of sources) {
    const buf = fs.readFileSync(s);
    if (buf[0] === 0xff || buf[0] === 0xfe) continue; // the UTF-16 file: its shapes are already covered
    const text = buf.toString('utf8').replace(/^\uFEFF/, '');
    sendPorts.push(...between(text, '<SendPort Name=', '</SendPort>'));
    locations.push(...between(text, '<ReceiveLocation Name=', '</ReceiveLocation>'));
  }
  return { sendPorts, locations };
}

let cachedShapes;

/**
 * A binding file of about `bytes` bytes. Deterministic for a given size and variant; `variant` starts
 * the endpoint rotation elsewhere, so the files of a generated repository differ from each other.
 */
function bindingOfSize(bytes, variant = 0) {
  const { sendPorts, locations } = (cachedShapes ??= shapes());
  const head =
    '<?xml version="1.0" encoding="utf-8"?>\r\n<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" Assembly="Microsoft.BizTalk.Deployment, Version=3.0.1.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" Version="3.5.1.0" BindingStatus="FullyBound" BoundEndpoints="0" TotalEndpoints="0">\r\n  <Timestamp>2026-11-20T10:12:31</Timestamp>\r\n  <ModuleRefCollection />\r\n';
  const parts = [head, '  <SendPortCollection>\r\n'];
  let size = head.length;
  const rl = [];
  let n = variant;
  const half = bytes / 2;
  while (size < half) {
    const sp = sendPorts[n % sendPorts.length].replace(/<SendPort Name="([^"]*)"/, (_, name) => `<SendPort Name="${name}.${n}"`);
    parts.push('    ', sp, '\r\n');
    size += sp.length + 6;
    n++;
  }
  parts.push('  </SendPortCollection>\r\n  <ReceivePortCollection>\r\n');
  let port = 0;
  while (size < bytes) {
    parts.push(`    <ReceivePort Name="Bench.Receive.${port}" IsTwoWay="false" BindingOption="1">\r\n      <ReceiveLocations>\r\n`);
    for (let k = 0; k < 5 && size < bytes; k++, n++) {
      const loc = locations[n % locations.length].replace(/<ReceiveLocation Name="([^"]*)"/, (_, name) => `<ReceiveLocation Name="${name}.${n}"`);
      parts.push('        ', loc, '\r\n');
      size += loc.length + 10;
    }
    parts.push('      </ReceiveLocations>\r\n      <ApplicationName>Bench</ApplicationName>\r\n    </ReceivePort>\r\n');
    port++;
  }
  parts.push('  </ReceivePortCollection>\r\n</BindingInfo>\r\n');
  void rl;
  return parts.join('');
}

/**
 * The example topology with the hosts the generated bindings use most declared too (one instance
 * each, so host-single-instance joins every handler of those hosts across all binding files).
 */
function topologyText() {
  const text = fs.readFileSync(path.join(ROOT, 'examples', 'contoso.topology.yaml'), 'utf8');
  const extra =
    'hosts:\n' +
    '  - name: BizTalkServerApplication\n    type: in-process\n    instances: [BTSAPP01]\n' +
    '  - name: BizTalkServerIsolatedHost\n    type: isolated\n    instances: [BTSAPP02]\n';
  if (!/^hosts:\r?\n/m.test(text)) throw new Error('bench: the example topology has no hosts: list');
  return text.replace(/^hosts:\r?\n/m, extra);
}

function configExportText() {
  return fs.readFileSync(path.join(ROOT, 'examples', 'config', 'BizTalkConfiguration.xml'), 'utf8');
}

/** A folder with one binding of about `bytes` bytes, the topology and the configuration export. */
function writeWorkspace(dir, bytes) {
  fs.mkdirSync(dir, { recursive: true });
  const binding = path.join(dir, 'Bench.BindingInfo.xml');
  fs.writeFileSync(binding, bindingOfSize(bytes));
  fs.writeFileSync(path.join(dir, 'bench.topology.yaml'), topologyText());
  fs.writeFileSync(path.join(dir, 'BizTalkConfiguration.xml'), configExportText());
  return { dir, binding, bytes: folderBytes(dir) };
}

/** A small deterministic pseudo-random generator (mulberry32), so every run builds the same repository. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A repository of `files` files: one topology, one configuration export, and binding files of
 * corpus-like sizes between 5 and 500 KB (most small, a few large: log-uniform over 5-25 KB for 95 in
 * 100, like the corpus's, and over 25-500 KB for the rest; about 40 MB in all for 2,000 files), in
 * application folders of 50 files each.
 */
function writeRepository(dir, files = 2000, seed = 6) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'group.topology.yaml'), topologyText());
  fs.mkdirSync(path.join(dir, 'config'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'config', 'BizTalkConfiguration.xml'), configExportText());
  const rnd = random(seed);
  const logUniform = (lo, hi) => Math.round(lo * Math.pow(hi / lo, rnd()));
  for (let k = 0; k < files - 2; k++) {
    const size = rnd() < 0.95 ? logUniform(5_000, 25_000) : logUniform(25_000, 500_000);
    const app = path.join(dir, `App${String(Math.floor(k / 50)).padStart(2, '0')}`, 'Deployment');
    fs.mkdirSync(app, { recursive: true });
    fs.writeFileSync(path.join(app, `App${k}.BindingInfo.xml`), bindingOfSize(size, k * 7));
  }
  return { dir, files, bytes: folderBytes(dir) };
}

function folderBytes(dir) {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
  }
  return total;
}

module.exports = { bindingOfSize, shapes, topologyText, configExportText, writeWorkspace, writeRepository, folderBytes, CORPUS, ROOT };
