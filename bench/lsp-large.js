#!/usr/bin/env node
'use strict';
// A large binding in the language server: the 15 MB generated binding open in an editor,
// with every finding it has (no topology declares its hosts, so each handler is reported).
//   - what crosses the pipe: diagnostics published for the file when opened (count and JSON bytes),
//     and after each edit (an edit that leaves the findings as they were sends nothing);
//   - requests while a re-check runs: hover, documentSymbol and codeAction sent 20 ms after an edit,
//     timed to their answers (and the same requests idle);
//   - the re-check itself (didChange to btslint/status ready) and the server's resident memory with the
//     file open (Linux VmRSS), and its peak over the session.
// Usable alone: node bench/lsp-large.js [runs] [MB] [maxItemsComputed], or from bench/lsp.js (npm run bench).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const workload = require('./workload');
const { median, f0 } = require('./lib/stats');

const ms = (a, b) => Number(b - a) / 1e6;
// With BTSLINT_TIMING_LOG (the server's timing log, server/src/lsp/timing.ts), the bench's own events
// go into the same file, stamped with the same clock (wall-clock milliseconds modulo 1,000 s).
const note = (line) => process.env.BTSLINT_TIMING_LOG && fs.appendFileSync(process.env.BTSLINT_TIMING_LOG, `${String(Date.now() % 1e6).padStart(6)} bench: ${line}\n`);
const sleep = (t) => new Promise((r) => setTimeout(r, t));

function positionAt(text, offset) {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

async function largeFile(tmp, runs = 5, log = () => {}, bytes = 15e6, maxItems) {
  const { Client } = require('./lsp');
  const dir = path.join(tmp, 'lsp-large');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'Large.BindingInfo.xml');
  let text = workload.bindingOfSize(bytes);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const c = new Client(dir, path.join(tmp, 'lsp-large-rusage.json'));
  const out = { bytes: Buffer.byteLength(text), openMs: NaN, openDiagnostics: 0, openJsonBytes: 0, edits: [], sentAfterEdit: [], during: { hover: [], symbols: [], actions: [] }, idle: { hover: [], symbols: [], actions: [] }, probeMax: [], probeCount: [], sampledPeak: {}, maxItems, symbolCount: NaN, symbolJsonBytes: NaN, rssMb: NaN, peakMb: NaN };
  const publishes = [];
  c.listeners.add({ on: (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && publishes.push({ n: m.params.diagnostics.length, json: JSON.stringify(m.params.diagnostics).length }) });
  const isReady = (m) => m.method === 'btslint/status' && m.params?.state === 'ready';
  try {
    await c.start(dir, maxItems === undefined ? undefined : { maxItemsComputed: maxItems });
    await c.waitFor(isReady, 'the first check');
    let phase = 'open';
    const sampler = setInterval(() => {
      const r = c.rssMb();
      if (Number.isFinite(r)) out.sampledPeak[phase] = Math.max(out.sampledPeak[phase] ?? 0, r);
    }, 20);
    const t0 = process.hrtime.bigint();
    const opened = c.waitFor(isReady, 'the check of the opened file');
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text } });
    const { at } = await opened;
    out.openMs = ms(t0, at);
    await sleep(300);
    const last = publishes[publishes.length - 1];
    out.openDiagnostics = last ? last.n : 0;
    out.openJsonBytes = last ? last.json : 0;
    out.rssMb = c.rssMb();
    const hostAt = text.indexOf('<ReceiveHandler Name="', text.length >> 1) + '<ReceiveHandler Name="'.length + 2;
    const hostPos = positionAt(text, hostAt);
    const requests = {
      hover: () => c.request('textDocument/hover', { textDocument: { uri }, position: hostPos }),
      symbols: () => c.request('textDocument/documentSymbol', { textDocument: { uri } }),
      actions: () => c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: hostPos, end: hostPos }, context: { diagnostics: [] } }),
    };
    const anchor = text.indexOf('<Description>', text.length >> 2);
    const edited = anchor >= 0 ? anchor + '<Description>'.length : text.indexOf('<ReceiveLocation Name="', text.length >> 2) + 30;
    const pos = positionAt(text, edited);
    phase = 'edits';
    let version = 1;
    for (let k = 0; k < runs; k++) {
      for (const [name, r] of Object.entries(requests)) {
        const i0 = process.hrtime.bigint();
        const answer = await r();
        out.idle[name].push(ms(i0, process.hrtime.bigint()));
        if (name === 'symbols' && k === 0 && Array.isArray(answer)) {
          // The outline's size: symbols, children included, and JSON bytes.
          const count = (l) => l.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
          out.symbolCount = count(answer);
          out.symbolJsonBytes = JSON.stringify(answer).length;
        }
      }
      version++;
      const before = publishes.length;
      const done = c.waitFor(isReady, `the re-check after edit ${k + 1}`);
      const s = process.hrtime.bigint();
      note(`edit ${k + 1} (version ${version})`);
      c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: 'x' }] });
      await sleep(20);
      note('hover, documentSymbol, codeAction sent');
      await Promise.all(
        Object.entries(requests).map(async ([name, r]) => {
          const r0 = process.hrtime.bigint();
          await r();
          out.during[name].push(ms(r0, process.hrtime.bigint()));
          note(`${name} answered in ${f0(ms(r0, process.hrtime.bigint()))} ms`);
        }),
      );
      const { at: got } = await done;
      out.edits.push(ms(s, got));
      note('check ready');
      await sleep(300);
      out.sentAfterEdit.push(publishes.slice(before).reduce((n, p) => n + p.json, 0));
      text = text.slice(0, edited) + 'x' + text.slice(edited);
      // A second edit, probed with a hover every 10 ms from the edit until its check ends.
      version++;
      const probed = c.waitFor(isReady, `the re-check after probed edit ${k + 1}`);
      note(`probed edit ${k + 1} (version ${version})`);
      c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: pos, end: pos }, text: 'x' }] });
      text = text.slice(0, edited) + 'x' + text.slice(edited);
      let checking = true;
      const waits = [];
      const probe = (async () => {
        while (checking) {
          const p0 = process.hrtime.bigint();
          await requests.hover();
          waits.push(ms(p0, process.hrtime.bigint()));
          if (waits[waits.length - 1] >= 50) note(`probe hover waited ${f0(waits[waits.length - 1])} ms`);
          await sleep(10);
        }
      })();
      await probed;
      checking = false;
      await probe;
      out.probeMax.push(Math.max(...waits));
      out.probeCount.push(waits.length);
      await sleep(300);
    }
    clearInterval(sampler);
  } finally {
    out.peakMb = await c.stop();
  }
  log(
    `lsp large ${(out.bytes / 1e6).toFixed(1)} MB: open ${f0(out.openMs)} ms, ${out.openDiagnostics} diagnostics (${f0(out.openJsonBytes / 1024)} KB); ` +
      `re-checks ${out.edits.map(f0).join(', ')} ms; bytes sent after edits ${out.sentAfterEdit.join(', ')}; ` +
      `during a re-check: hover ${out.during.hover.map(f0).join(', ')} ms, symbols ${out.during.symbols.map(f0).join(', ')} ms, code actions ${out.during.actions.map(f0).join(', ')} ms; ` +
      `outline ${out.symbolCount} symbols (${f0(out.symbolJsonBytes / 1024)} KB); idle: hover ${f0(median(out.idle.hover))}, symbols ${f0(median(out.idle.symbols))}, code actions ${f0(median(out.idle.actions))} ms; RSS ${f0(out.rssMb)} MB (peak ${f0(out.peakMb)} MB; sampled: opening ${f0(out.sampledPeak.open)} MB, editing ${f0(out.sampledPeak.edits)} MB); ` +
      `hover every 10 ms during a re-check: longest wait ${out.probeMax.map(f0).join(', ')} ms (${out.probeCount.join(', ')} hovers)`,
  );
  return out;
}

/** The lines for BENCHMARKS.md. */
function describe(r) {
  return [
    `Large file (bench/lsp-large.js): the ${(r.bytes / 1e6).toFixed(1)} MB generated binding opened with no topology (every handler reported), btslint.maxDiagnosticsPerFile at its default (500).`,
    '',
    '| figure | value |',
    '|---|---|',
    `| diagnostics published when opened | ${r.openDiagnostics} (${f0(r.openJsonBytes / 1024)} KB of JSON) |`,
    `| diagnostics bytes sent after an edit that leaves the findings as they were | ${r.sentAfterEdit.join(', ')} |`,
    `| re-check after an edit (didChange to status ready), median | ${f0(median(r.edits))} ms (${r.edits.map(f0).join(', ')}) |`,
    `| hover sent 20 ms into the re-check, median | ${f0(median(r.during.hover))} ms (${r.during.hover.map(f0).join(', ')}); idle ${f0(median(r.idle.hover))} ms |`,
    `| documentSymbol sent 20 ms into the re-check, median | ${f0(median(r.during.symbols))} ms (${r.during.symbols.map(f0).join(', ')}); idle ${f0(median(r.idle.symbols))} ms |`,
    `| the outline (documentSymbol answer, btslint.maxItemsComputed ${r.maxItems === undefined ? 'at its default, 5000' : r.maxItems}) | ${r.symbolCount} symbols, ${f0(r.symbolJsonBytes / 1024)} KB of JSON |`,
    `| codeAction sent 20 ms into the re-check, median | ${f0(median(r.during.actions))} ms (${r.during.actions.map(f0).join(', ')}); idle ${f0(median(r.idle.actions))} ms |`,
    `| a hover every 10 ms from an edit until its check ends: the longest wait, median | ${f0(median(r.probeMax))} ms (${r.probeMax.map(f0).join(', ')}) |`,
    `| resident memory with the file open / peak over the session | ${f0(r.rssMb)} MB / ${f0(r.peakMb)} MB (sampled every 20 ms: ${f0(r.sampledPeak.open)} MB while opening, ${f0(r.sampledPeak.edits)} MB while editing) |`,
  ];
}

if (require.main === module) {
  const runs = Number(process.argv[2]) || 5;
  const mb = Number(process.argv[3]) || 15;
  const maxItems = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btslint-lsp-large-'));
  largeFile(tmp, runs, (s) => process.stderr.write(`bench: ${s}\n`), mb * 1e6, maxItems)
    .then((r) => {
      process.stdout.write(describe(r).join('\n') + '\n');
    })
    .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
}

module.exports = { largeFile, describe };
